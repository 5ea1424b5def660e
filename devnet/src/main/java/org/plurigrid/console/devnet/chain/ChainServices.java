package org.plurigrid.console.devnet.chain;

import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountInfoRequest;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountInfoResponse;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountRequest;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountResponse;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryAllBalancesRequest;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryAllBalancesResponse;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryBalanceRequest;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryBalanceResponse;
import org.plurigrid.console.client.chain.proto.cosmos.base.query.v1beta1.PageResponse;
import org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetNodeInfoRequest;
import org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetNodeInfoResponse;
import org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.VersionInfo;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Params;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Proposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryParamsRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryParamsResponse;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryProposalRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryProposalResponse;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryProposalsRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryProposalsResponse;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryTallyResultRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryTallyResultResponse;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVoteRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVoteResponse;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.BroadcastMode;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.BroadcastTxRequest;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.BroadcastTxResponse;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.GetTxRequest;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.GetTxResponse;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.SimulateRequest;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.SimulateResponse;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.Tx;
import org.plurigrid.console.client.chain.proto.tendermint.p2p.DefaultNodeInfo;
import org.plurigrid.console.client.wallet.AccountAddress;

/** The gRPC services the devnet node serves, as thin adapters over {@link ChainState}, with the SDK's status codes. */
final class ChainServices {

    private ChainServices() {
    }

    static List<BindableService> all(ChainState state, DevnetChain.Options options) {
        return List.of(new NodeInfo(state, options), new Auth(state, options), new Bank(state, options), new Gov(state, options), new TxService(state),
                new Staking(state), new WasmQueryService(state));
    }

    private static boolean validAddress(String address, DevnetChain.Options options, StreamObserver<?> out) {
        try {
            AccountAddress.parse(address, options.bech32Prefix());
            return true;
        } catch (IllegalArgumentException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("invalid address " + address + ": " + e.getMessage()).asRuntimeException());
            return false;
        }
    }

    static final class NodeInfo extends org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.ServiceGrpc.ServiceImplBase {
        private final ChainState state;
        private final DevnetChain.Options options;

        NodeInfo(ChainState state, DevnetChain.Options options) {
            this.state = state;
            this.options = options;
        }

        /** As a v0.50 node: block_id, the CometBFT block (field 2) and the SDK block (field 3), both with the header. */
        @Override
        public void getLatestBlock(org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetLatestBlockRequest request,
                StreamObserver<org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetLatestBlockResponse> out) {
            ChainState.BlockHead head = state.latestBlock();
            com.google.protobuf.Timestamp time = ChainState.ts(head.time());
            out.onNext(org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetLatestBlockResponse.newBuilder()
                    .setBlockId(org.plurigrid.console.client.chain.proto.tendermint.types.BlockID.newBuilder()
                            .setHash(com.google.protobuf.ByteString.copyFrom(head.hash())))
                    .setBlock(org.plurigrid.console.client.chain.proto.tendermint.types.Block.newBuilder()
                            .setHeader(org.plurigrid.console.client.chain.proto.tendermint.types.Header.newBuilder()
                                    .setChainId(options.chainId()).setHeight(head.height()).setTime(time)))
                    .setSdkBlock(org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.Block.newBuilder()
                            .setHeader(org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.Header.newBuilder()
                                    .setChainId(options.chainId()).setHeight(head.height()).setTime(time)))
                    .build());
            out.onCompleted();
        }

        @Override
        public void getNodeInfo(GetNodeInfoRequest request, StreamObserver<GetNodeInfoResponse> out) {
            out.onNext(GetNodeInfoResponse.newBuilder()
                    .setDefaultNodeInfo(DefaultNodeInfo.newBuilder().setNetwork(options.chainId()).setMoniker("plurigrid-devnet")
                            .setVersion("0.38.0-devnet"))
                    .setApplicationVersion(VersionInfo.newBuilder().setName("plurigrid-devnet").setAppName("plurigrid-devnet")
                            .setCosmosSdkVersion("v0.50 (devnet double)"))
                    .build());
            out.onCompleted();
        }
    }

    static final class Auth extends org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryGrpc.QueryImplBase {
        private final ChainState state;
        private final DevnetChain.Options options;

        Auth(ChainState state, DevnetChain.Options options) {
            this.state = state;
            this.options = options;
        }

        @Override
        public void account(QueryAccountRequest request, StreamObserver<QueryAccountResponse> out) {
            if (!validAddress(request.getAddress(), options, out)) {
                return;
            }
            state.baseAccount(request.getAddress()).ifPresentOrElse(a -> {
                out.onNext(QueryAccountResponse.newBuilder().setAccount(TxSigner.pack(a)).build());
                out.onCompleted();
            }, () -> out.onError(ChainState.notFound("account " + request.getAddress() + " not found").asRuntimeException()));
        }

        @Override
        public void accountInfo(QueryAccountInfoRequest request, StreamObserver<QueryAccountInfoResponse> out) {
            if (!validAddress(request.getAddress(), options, out)) {
                return;
            }
            state.baseAccount(request.getAddress()).ifPresentOrElse(a -> {
                out.onNext(QueryAccountInfoResponse.newBuilder().setInfo(a).build());
                out.onCompleted();
            }, () -> out.onError(ChainState.notFound("account " + request.getAddress() + " not found").asRuntimeException()));
        }
    }

    static final class Bank extends org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryGrpc.QueryImplBase {
        private final ChainState state;
        private final DevnetChain.Options options;

        Bank(ChainState state, DevnetChain.Options options) {
            this.state = state;
            this.options = options;
        }

        @Override
        public void balance(QueryBalanceRequest request, StreamObserver<QueryBalanceResponse> out) {
            if (!validAddress(request.getAddress(), options, out)) {
                return;
            }
            out.onNext(QueryBalanceResponse.newBuilder().setBalance(state.balance(request.getAddress(), request.getDenom())).build());
            out.onCompleted();
        }

        @Override
        public void allBalances(QueryAllBalancesRequest request, StreamObserver<QueryAllBalancesResponse> out) {
            if (!validAddress(request.getAddress(), options, out)) {
                return;
            }
            var coins = state.balances(request.getAddress());
            out.onNext(QueryAllBalancesResponse.newBuilder().addAllBalances(coins)
                    .setPagination(PageResponse.newBuilder().setTotal(coins.size())).build());
            out.onCompleted();
        }
    }

    /** The SDK's page size when a request names none. */
    static final long DEFAULT_PAGE_LIMIT = 100;

    static final class Gov extends org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryGrpc.QueryImplBase {
        private final ChainState state;
        private final DevnetChain.Options options;

        Gov(ChainState state, DevnetChain.Options options) {
            this.state = state;
            this.options = options;
        }

        @Override
        public void proposal(QueryProposalRequest request, StreamObserver<QueryProposalResponse> out) {
            if (request.getProposalId() == 0) {
                out.onError(Status.INVALID_ARGUMENT.withDescription("proposal id can not be 0").asRuntimeException());
                return;
            }
            state.proposal(request.getProposalId()).ifPresentOrElse(p -> {
                out.onNext(QueryProposalResponse.newBuilder().setProposal(p).build());
                out.onCompleted();
            }, () -> out.onError(ChainState.notFound("proposal " + request.getProposalId() + " doesn't exist").asRuntimeException()));
        }

        @Override
        public void proposals(QueryProposalsRequest request, StreamObserver<QueryProposalsResponse> out) {
            List<Proposal> ps = state.proposals(request.getProposalStatus(), request.getVoter());
            out.onNext(QueryProposalsResponse.newBuilder().addAllProposals(ps)
                    .setPagination(PageResponse.newBuilder().setTotal(ps.size())).build());
            out.onCompleted();
        }

        @Override
        public void vote(QueryVoteRequest request, StreamObserver<QueryVoteResponse> out) {
            if (request.getProposalId() == 0) {
                out.onError(Status.INVALID_ARGUMENT.withDescription("proposal id can not be 0").asRuntimeException());
                return;
            }
            if (request.getVoter().isEmpty()) {
                out.onError(Status.INVALID_ARGUMENT.withDescription("empty voter address").asRuntimeException());
                return;
            }
            if (!validAddress(request.getVoter(), options, out)) {
                return;
            }
            state.vote(request.getProposalId(), request.getVoter()).ifPresentOrElse(v -> {
                out.onNext(QueryVoteResponse.newBuilder().setVote(v).build());
                out.onCompleted();
            }, () -> out.onError(Status.INVALID_ARGUMENT.withDescription("voter: " + request.getVoter()
                    + " not found for proposal: " + request.getProposalId()).asRuntimeException()));
        }

        /**
         * The votes on a proposal, in the order they were cast, paged like the SDK: {@code offset} or an opaque
         * {@code key} (not both), {@code limit} (default 100), {@code next_key} when more remain, {@code total} on request.
         * Like a v0.50 node, an unknown proposal has no votes (and a tallied one neither: the SDK deletes them).
         */
        @Override
        public void votes(org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVotesRequest request,
                StreamObserver<org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVotesResponse> out) {
            if (request.getProposalId() == 0) {
                out.onError(Status.INVALID_ARGUMENT.withDescription("proposal id can not be 0").asRuntimeException());
                return;
            }
            var page = request.getPagination();
            if (!page.getKey().isEmpty() && page.getOffset() > 0) {
                out.onError(Status.INVALID_ARGUMENT.withDescription("invalid request, either offset or key is expected, got both")
                        .asRuntimeException());
                return;
            }
            long start;
            if (page.getKey().isEmpty()) {
                start = page.getOffset();
            } else if (page.getKey().size() == Long.BYTES) {
                start = page.getKey().asReadOnlyByteBuffer().getLong();
            } else {
                out.onError(Status.INVALID_ARGUMENT.withDescription("invalid pagination key").asRuntimeException());
                return;
            }
            long limit = page.getLimit() == 0 ? DEFAULT_PAGE_LIMIT : page.getLimit();
            List<org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Vote> all = state.votes(request.getProposalId());
            int from = (int) Math.min(Math.max(start, 0), all.size());
            int to = (int) Math.min((long) from + limit, all.size());
            PageResponse.Builder pr = PageResponse.newBuilder();
            if (to < all.size()) {
                pr.setNextKey(com.google.protobuf.ByteString.copyFrom(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(to).array()));
            }
            if (page.getCountTotal() && page.getKey().isEmpty()) {
                pr.setTotal(all.size());
            }
            out.onNext(org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVotesResponse.newBuilder()
                    .addAllVotes(all.subList(from, to)).setPagination(pr).build());
            out.onCompleted();
        }

        @Override
        public void tallyResult(QueryTallyResultRequest request, StreamObserver<QueryTallyResultResponse> out) {
            state.tally(request.getProposalId()).ifPresentOrElse(t -> {
                out.onNext(QueryTallyResultResponse.newBuilder().setTally(t).build());
                out.onCompleted();
            }, () -> out.onError(ChainState.notFound("proposal " + request.getProposalId() + " doesn't exist").asRuntimeException()));
        }

        @Override
        public void params(QueryParamsRequest request, StreamObserver<QueryParamsResponse> out) {
            Params p = Params.newBuilder()
                    .addMinDeposit(org.plurigrid.console.client.chain.proto.cosmos.base.v1beta1.Coin.newBuilder()
                            .setDenom(options.feeDenom()).setAmount(Long.toString(options.minDeposit())))
                    .setMaxDepositPeriod(duration(options.depositPeriod()))
                    .setVotingPeriod(duration(options.votingPeriod()))
                    .setQuorum(dec(options.quorum())).setThreshold(dec(options.threshold())).setVetoThreshold(dec(options.vetoThreshold()))
                    .setMinInitialDepositRatio(dec(java.math.BigDecimal.ZERO))
                    .setBurnVoteVeto(true)
                    .build();
            out.onNext(QueryParamsResponse.newBuilder().setParams(p).build());
            out.onCompleted();
        }

        private static com.google.protobuf.Duration duration(java.time.Duration d) {
            return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
        }

        private static String dec(java.math.BigDecimal d) {
            return d.setScale(18).toPlainString();
        }
    }

    static final class Staking extends org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryGrpc.QueryImplBase {
        private final ChainState state;

        Staking(ChainState state) {
            this.state = state;
        }

        @Override
        public void pool(org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryPoolRequest request,
                         StreamObserver<org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryPoolResponse> out) {
            out.onNext(org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryPoolResponse.newBuilder()
                    .setPool(org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.Pool.newBuilder()
                            .setBondedTokens(state.totalBonded().toString()).setNotBondedTokens("0"))
                    .build());
            out.onCompleted();
        }

        /** The devnet has no validators to delegate to: an account's bonded stake is one delegation to the devnet's validator. */
        @Override
        public void delegatorDelegations(org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryDelegatorDelegationsRequest request,
                StreamObserver<org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryDelegatorDelegationsResponse> out) {
            java.math.BigInteger bonded = state.bonded(request.getDelegatorAddr());
            var response = org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryDelegatorDelegationsResponse.newBuilder();
            if (bonded.signum() > 0) {
                response.addDelegationResponses(org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.DelegationResponse.newBuilder()
                        .setDelegation(org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.Delegation.newBuilder()
                                .setDelegatorAddress(request.getDelegatorAddr()).setShares(bonded + ".000000000000000000"))
                        .setBalance(org.plurigrid.console.client.chain.proto.cosmos.base.v1beta1.Coin.newBuilder()
                                .setDenom(BankState.BOND_DENOM).setAmount(bonded.toString())));
            }
            out.onNext(response.build());
            out.onCompleted();
        }
    }

    static final class TxService extends org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.ServiceGrpc.ServiceImplBase {
        private final ChainState state;

        TxService(ChainState state) {
            this.state = state;
        }

        @Override
        public void simulate(SimulateRequest request, StreamObserver<SimulateResponse> out) {
            if (request.getTxBytes().isEmpty()) {
                out.onError(Status.INVALID_ARGUMENT.withDescription("empty txBytes is not allowed").asRuntimeException());
                return;
            }
            ChainState.SimulateResult r = state.simulate(request.getTxBytes().toByteArray());
            if (r.failure() != null) {
                out.onError(Status.UNKNOWN.withDescription(r.failure().getMessage()).asRuntimeException());
                return;
            }
            out.onNext(SimulateResponse.newBuilder().setGasInfo(r.gasInfo()).setResult(r.result()).build());
            out.onCompleted();
        }

        @Override
        public void broadcastTx(BroadcastTxRequest request, StreamObserver<BroadcastTxResponse> out) {
            if (request.getMode() != BroadcastMode.BROADCAST_MODE_SYNC && request.getMode() != BroadcastMode.BROADCAST_MODE_ASYNC) {
                out.onError(Status.INVALID_ARGUMENT.withDescription("supported broadcast modes are SYNC and ASYNC").asRuntimeException());
                return;
            }
            if (request.getTxBytes().isEmpty()) {
                out.onError(Status.INVALID_ARGUMENT.withDescription("invalid empty tx").asRuntimeException());
                return;
            }
            out.onNext(BroadcastTxResponse.newBuilder().setTxResponse(state.checkTx(request.getTxBytes().toByteArray())).build());
            out.onCompleted();
        }

        @Override
        public void getTx(GetTxRequest request, StreamObserver<GetTxResponse> out) {
            state.tx(request.getHash()).ifPresentOrElse(r -> {
                Tx tx;
                try {
                    tx = r.getTx().unpack(Tx.class);
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    tx = Tx.getDefaultInstance();
                }
                out.onNext(GetTxResponse.newBuilder().setTx(tx).setTxResponse(r).build());
                out.onCompleted();
            }, () -> out.onError(ChainState.notFound("tx not found: " + request.getHash()).asRuntimeException()));
        }
    }
}
