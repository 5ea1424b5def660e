package org.plurigrid.console.devnet.chain;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.QueryGrpc;
import org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.QuerySmartContractStateRequest;
import org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.QuerySmartContractStateResponse;

/** {@code cosmwasm.wasm.v1.Query/SmartContractState} over the devnet's native contracts, with wasmd's status codes. */
final class WasmQueryService extends QueryGrpc.QueryImplBase {

    private final ChainState state;

    WasmQueryService(ChainState state) {
        this.state = state;
    }

    @Override
    public void smartContractState(QuerySmartContractStateRequest request, StreamObserver<QuerySmartContractStateResponse> out) {
        if (request.getQueryData().isEmpty()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("empty query data: invalid query").asRuntimeException());
            return;
        }
        try {
            byte[] data = state.smartQuery(request.getAddress(), request.getQueryData().toByteArray());
            out.onNext(QuerySmartContractStateResponse.newBuilder().setData(ByteString.copyFrom(data)).build());
            out.onCompleted();
        } catch (TxFailure f) {
            Status status = f.code == TxFailure.WASM_NO_SUCH_CONTRACT ? Status.NOT_FOUND : Status.INVALID_ARGUMENT;
            out.onError(status.withDescription(f.getMessage().replace("execute wasm contract failed", "query wasm contract failed"))
                    .asRuntimeException());
        }
    }
}
