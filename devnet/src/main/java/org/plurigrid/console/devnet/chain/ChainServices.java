package org.plurigrid.console.devnet.chain;

import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.BaseAccount;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountInfoRequest;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountInfoResponse;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountRequest;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountResponse;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryAllBalancesRequest;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryAllBalancesResponse;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryBalanceRequest;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryBalanceResponse;
import org.plurigrid.console.client.chain.proto.cosmos.base.abci.v1beta1.TxResponse;
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
            refuse(out, "invalid address " + address + ": " + e.getMessage());
            return false;
        }
    }

    // How every adapter ends a call, so each says what it answers and not again how a unary gRPC call is answered.

    /** Answers the call with {@code response}. */
    private static <T> void reply(StreamObserver<T> out, T response) {
        out.onNext(response);
        out.onCompleted();
    }

    /** Answers with the response made of what {@code found} holds, or fails the call with {@code missing}. */
    private static <V, T> void replyOr(StreamObserver<T> out, Optional<V> found, Function<V, T> response, Status missing) {
        found.ifPresentOrElse(v -> reply(out, response.apply(v)), () -> out.onError(missing.asRuntimeException()));
    }

    /** Fails the call as the SDK does a request it cannot take: INVALID_ARGUMENT, saying why. */
    private static void refuse(StreamObserver<?> out, String why) {
        out.onError(Status.INVALID_ARGUMENT.withDescription(why).asRuntimeException());
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
            reply(out, org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetLatestBlockResponse.newBuilder()
                    .setBlockId(org.plurigrid.console.client.chain.proto.tendermint.types.BlockID.newBuilder()
                            .setHash(com.google.protobuf.ByteString.copyFrom(head.hash())))
                    .setBlock(org.plurigrid.console.client.chain.proto.tendermint.types.Block.newBuilder()
                            .setHeader(org.plurigrid.console.client.chain.proto.tendermint.types.Header.newBuilder()
                                    .setChainId(options.chainId()).setHeight(head.height()).setTime(time)))
                    .setSdkBlock(org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.Block.newBuilder()
                            .setHeader(org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.Header.newBuilder()
                                    .setChainId(options.chainId()).setHeight(head.height()).setTime(time)))
                    .build());
        }

        @Override
        public void getNodeInfo(GetNodeInfoRequest request, StreamObserver<GetNodeInfoResponse> out) {
            reply(out, GetNodeInfoResponse.newBuilder()
                    .setDefaultNodeInfo(DefaultNodeInfo.newBuilder().setNetwork(options.chainId()).setMoniker("plurigrid-devnet")
                            .setVersion("0.38.0-devnet"))
                    .setApplicationVersion(VersionInfo.newBuilder().setName("plurigrid-devnet").setAppName("plurigrid-devnet")
                            .setCosmosSdkVersion("v0.50 (devnet double)"))
                    .build());
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
            withAccount(request.getAddress(), out, a -> QueryAccountResponse.newBuilder().setAccount(TxSigner.pack(a)).build());
        }

        @Override
        public void accountInfo(QueryAccountInfoRequest request, StreamObserver<QueryAccountInfoResponse> out) {
            withAccount(request.getAddress(), out, a -> QueryAccountInfoResponse.newBuilder().setInfo(a).build());
        }

        /** Both queries alike: a valid address, then the account's response or NOT_FOUND. */
        private <T> void withAccount(String address, StreamObserver<T> out, Function<BaseAccount, T> response) {
            if (validAddress(address, options, out)) {
                replyOr(out, state.baseAccount(address), response, ChainState.notFound("account " + address + " not found"));
            }
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
            if (validAddress(request.getAddress(), options, out)) {
                reply(out, QueryBalanceResponse.newBuilder().setBalance(state.balance(request.getAddress(), request.getDenom())).build());
            }
        }

        @Override
        public void allBalances(QueryAllBalancesRequest request, StreamObserver<QueryAllBalancesResponse> out) {
            if (!validAddress(request.getAddress(), options, out)) {
                return;
            }
            var coins = state.balances(request.getAddress());
            reply(out, QueryAllBalancesResponse.newBuilder().addAllBalances(coins)
                    .setPagination(PageResponse.newBuilder().setTotal(coins.size())).build());
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
                refuse(out, "proposal id can not be 0");
                return;
            }
            replyOr(out, state.proposal(request.getProposalId()), p -> QueryProposalResponse.newBuilder().setProposal(p).build(),
                    ChainState.notFound("proposal " + request.getProposalId() + " doesn't exist"));
        }

        @Override
        public void proposals(QueryProposalsRequest request, StreamObserver<QueryProposalsResponse> out) {
            List<Proposal> ps = state.proposals(request.getProposalStatus(), request.getVoter());
            reply(out, QueryProposalsResponse.newBuilder().addAllProposals(ps)
                    .setPagination(PageResponse.newBuilder().setTotal(ps.size())).build());
        }

        @Override
        public void vote(QueryVoteRequest request, StreamObserver<QueryVoteResponse> out) {
            if (request.getProposalId() == 0) {
                refuse(out, "proposal id can not be 0");
                return;
            }
            if (request.getVoter().isEmpty()) {
                refuse(out, "empty voter address");
                return;
            }
            if (!validAddress(request.getVoter(), options, out)) {
                return;
            }
            replyOr(out, state.vote(request.getProposalId(), request.getVoter()), v -> QueryVoteResponse.newBuilder().setVote(v).build(),
                    Status.INVALID_ARGUMENT.withDescription("voter: " + request.getVoter() + " not found for proposal: "
                            + request.getProposalId()));
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
                refuse(out, "proposal id can not be 0");
                return;
            }
            var page = request.getPagination();
            if (!page.getKey().isEmpty() && page.getOffset() > 0) {
                refuse(out, "invalid request, either offset or key is expected, got both");
                return;
            }
            long start;
            if (page.getKey().isEmpty()) {
                start = page.getOffset();
            } else if (page.getKey().size() == Long.BYTES) {
                start = page.getKey().asReadOnlyByteBuffer().getLong();
            } else {
                refuse(out, "invalid pagination key");
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
            reply(out, org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVotesResponse.newBuilder()
                    .addAllVotes(all.subList(from, to)).setPagination(pr).build());
        }

        @Override
        public void tallyResult(QueryTallyResultRequest request, StreamObserver<QueryTallyResultResponse> out) {
            replyOr(out, state.tally(request.getProposalId()), t -> QueryTallyResultResponse.newBuilder().setTally(t).build(),
                    ChainState.notFound("proposal " + request.getProposalId() + " doesn't exist"));
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
            reply(out, QueryParamsResponse.newBuilder().setParams(p).build());
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
            reply(out, org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryPoolResponse.newBuilder()
                    .setPool(org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.Pool.newBuilder()
                            .setBondedTokens(state.totalBonded().toString()).setNotBondedTokens("0"))
                    .build());
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
            reply(out, response.build());
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
                refuse(out, "empty txBytes is not allowed");
                return;
            }
            ChainState.SimulateResult r = state.simulate(request.getTxBytes().toByteArray());
            if (r.failure() != null) {
                out.onError(Status.UNKNOWN.withDescription(r.failure().getMessage()).asRuntimeException());
                return;
            }
            reply(out, SimulateResponse.newBuilder().setGasInfo(r.gasInfo()).setResult(r.result()).build());
        }

        @Override
        public void broadcastTx(BroadcastTxRequest request, StreamObserver<BroadcastTxResponse> out) {
            if (request.getMode() != BroadcastMode.BROADCAST_MODE_SYNC && request.getMode() != BroadcastMode.BROADCAST_MODE_ASYNC) {
                refuse(out, "supported broadcast modes are SYNC and ASYNC");
                return;
            }
            if (request.getTxBytes().isEmpty()) {
                refuse(out, "invalid empty tx");
                return;
            }
            reply(out, BroadcastTxResponse.newBuilder().setTxResponse(state.checkTx(request.getTxBytes().toByteArray())).build());
        }

        @Override
        public void getTx(GetTxRequest request, StreamObserver<GetTxResponse> out) {
            replyOr(out, state.tx(request.getHash()), r -> GetTxResponse.newBuilder().setTx(txOf(r)).setTxResponse(r).build(),
                    ChainState.notFound("tx not found: " + request.getHash()));
        }

        /** The tx a result carries; an empty one if it does not unpack. */
        private static Tx txOf(TxResponse r) {
            try {
                return r.getTx().unpack(Tx.class);
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                return Tx.getDefaultInstance();
            }
        }
    }
}
