package org.plurigrid.console.client.chain;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.BaseAccount;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.ModuleAccount;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountInfoRequest;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryAccountRequest;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.QueryGrpc;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryAllBalancesRequest;
import org.plurigrid.console.client.chain.proto.cosmos.base.abci.v1beta1.TxResponse;
import org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetNodeInfoRequest;
import org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.ServiceGrpc;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Params;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Proposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryParamsRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryProposalRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryProposalsRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryTallyResultRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVoteRequest;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.TallyResult;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Vote;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.BroadcastMode;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.BroadcastTxRequest;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.GetTxRequest;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.SimulateRequest;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.SimulateResponse;
import org.plurigrid.console.client.wallet.AccountAddress;
import org.plurigrid.console.client.wallet.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to one Cosmos chain over gRPC (no JavaFX): queries, and the whole life of a transaction — account, Simulate,
 * fee, SIGN_MODE_DIRECT signature, BroadcastTx (sync), then GetTx until it is in a block. Endpoints are tried in
 * order; a node that cannot be reached hands over to the next.
 */
public final class ChainClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChainClient.class);
    /** The SDK's ErrWrongSequence (codespace sdk). */
    static final int CODE_WRONG_SEQUENCE = 32;

    private final ChainConfig config;
    private final InstantSource clock;
    private final Function<GrpcEndpoint, ManagedChannel> channelFactory;
    private final ManagedChannel[] channels;
    private volatile int current;
    private volatile boolean chainIdChecked;

    public ChainClient(ChainConfig config, InstantSource clock) {
        this(config, clock, ChainClient::openChannel);
    }

    /** With a custom channel factory (tests use in-process channels). */
    public ChainClient(ChainConfig config, InstantSource clock, Function<GrpcEndpoint, ManagedChannel> channelFactory) {
        this.config = config;
        this.clock = clock;
        this.channelFactory = channelFactory;
        this.channels = new ManagedChannel[config.endpoints().size()];
    }

    private static ManagedChannel openChannel(GrpcEndpoint e) {
        return Grpc.newChannelBuilderForAddress(e.host(), e.port(),
                e.tls() ? TlsChannelCredentials.create() : InsecureChannelCredentials.create()).build();
    }

    public ChainConfig config() {
        return config;
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    /** The chain-id the node reports (its CometBFT network). */
    public String nodeChainId() {
        return call(TxStep.CONNECT, ch -> ServiceGrpc.newBlockingStub(ch).withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                .getNodeInfo(GetNodeInfoRequest.getDefaultInstance()).getDefaultNodeInfo().getNetwork());
    }

    /**
     * Checks once that the node serves the configured chain-id, so nothing is signed for the wrong chain.
     *
     * @throws ChainException.WrongChainException naming both chain-ids
     */
    public void checkChainId() {
        if (chainIdChecked) {
            return;
        }
        String network = nodeChainId();
        if (!config.chainId().equals(network)) {
            throw new ChainException.WrongChainException("Node " + config.endpoints().get(current) + " is on chain '" + network
                    + "', but the console is configured for '" + config.chainId() + "': check the node address or the chain-id");
        }
        chainIdChecked = true;
    }

    public AccountState account(String address) {
        try {
            BaseAccount acc = call(TxStep.ACCOUNT, ch -> QueryGrpc.newBlockingStub(ch).withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                    .accountInfo(QueryAccountInfoRequest.newBuilder().setAddress(address).build()).getInfo());
            return new AccountState(address, acc.getAccountNumber(), acc.getSequence());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return accountViaAny(address);
            }
            throw accountError(address, e);
        }
    }

    private AccountState accountViaAny(String address) {
        try {
            Any any = call(TxStep.ACCOUNT, ch -> QueryGrpc.newBlockingStub(ch).withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                    .account(QueryAccountRequest.newBuilder().setAddress(address).build()).getAccount());
            BaseAccount acc = any.is(ModuleAccount.class) ? any.unpack(ModuleAccount.class).getBaseAccount()
                    : BaseAccount.parseFrom(any.getValue());
            return new AccountState(address, acc.getAccountNumber(), acc.getSequence());
        } catch (StatusRuntimeException e) {
            throw accountError(address, e);
        } catch (InvalidProtocolBufferException e) {
            throw new ChainException(TxStep.ACCOUNT, "The chain returned an account of an unknown kind for " + address, e);
        }
    }

    private ChainException accountError(String address, StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
            return new ChainException(TxStep.ACCOUNT, "Account " + address + " does not exist on chain " + config.chainId()
                    + " yet: it must first receive some tokens", e);
        }
        return new ChainException(TxStep.ACCOUNT, "Could not read account " + address + ": " + e.getStatus().getDescription(), e);
    }

    public List<CoinAmount> balances(String address) {
        return call(TxStep.ACCOUNT, ch -> org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.QueryGrpc.newBlockingStub(ch)
                .withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                .allBalances(QueryAllBalancesRequest.newBuilder().setAddress(address).build()))
                .getBalancesList().stream().map(CoinAmount::of).toList();
    }

    /** Proposals with that status, or all for {@code PROPOSAL_STATUS_UNSPECIFIED}. */
    public List<Proposal> proposals(ProposalStatus status) {
        return query(ch -> gov(ch).proposals(QueryProposalsRequest.newBuilder().setProposalStatus(status).build()).getProposalsList());
    }

    public Proposal proposal(long id) {
        return query(ch -> gov(ch).proposal(QueryProposalRequest.newBuilder().setProposalId(id).build()).getProposal());
    }

    /** The running tally of a proposal in voting period, or the final one. */
    public TallyResult tally(long id) {
        return query(ch -> gov(ch).tallyResult(QueryTallyResultRequest.newBuilder().setProposalId(id).build()).getTally());
    }

    public Optional<Vote> vote(long proposalId, String voter) {
        try {
            return Optional.of(call(TxStep.CONNECT, ch -> gov(ch).vote(
                    QueryVoteRequest.newBuilder().setProposalId(proposalId).setVoter(voter).build()).getVote()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw queryError(e);
        }
    }

    /**
     * Every vote on a proposal in voting period, read page by page (Query/Votes, {@value #VOTES_PAGE} per page, at most
     * {@value #MAX_VOTE_PAGES} pages). A tallied proposal has none: the SDK deletes votes once it tallies them.
     */
    public List<Vote> votes(long proposalId) {
        List<Vote> all = new java.util.ArrayList<>();
        ByteString key = ByteString.EMPTY;
        for (int page = 0; page < MAX_VOTE_PAGES; page++) {
            ByteString k = key;
            var r = query(ch -> gov(ch).votes(org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryVotesRequest.newBuilder()
                    .setProposalId(proposalId)
                    .setPagination(org.plurigrid.console.client.chain.proto.cosmos.base.query.v1beta1.PageRequest.newBuilder()
                            .setKey(k).setLimit(VOTES_PAGE))
                    .build()));
            all.addAll(r.getVotesList());
            key = r.getPagination().getNextKey();
            if (key.isEmpty()) {
                return all;
            }
        }
        throw new ChainException(TxStep.CONNECT, "Proposal " + proposalId + " has more than " + VOTES_PAGE * MAX_VOTE_PAGES
                + " votes: read them with a paging tool");
    }

    static final int VOTES_PAGE = 100;
    static final int MAX_VOTE_PAGES = 100;

    public Params govParams() {
        return query(ch -> gov(ch).params(QueryParamsRequest.newBuilder().setParamsType("tallying").build()).getParams());
    }

    /** Bonded tokens of the staking pool: the voting power that gov turnout is measured against. */
    public java.math.BigInteger bondedTokens() {
        String bonded = query(ch -> org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryGrpc.newBlockingStub(ch)
                .withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                .pool(org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryPoolRequest.getDefaultInstance()))
                .getPool().getBondedTokens();
        return bonded.isEmpty() ? java.math.BigInteger.ZERO : new java.math.BigInteger(bonded);
    }

    /**
     * Height of the node's latest block (GetLatestBlock): {@code sdk_block} where the node fills it (v0.47 and later),
     * else the CometBFT {@code block} that older nodes answer with.
     */
    public long latestHeight() {
        var r = query(ch -> ServiceGrpc.newBlockingStub(ch).withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                .getLatestBlock(org.plurigrid.console.client.chain.proto.cosmos.base.tendermint.v1beta1.GetLatestBlockRequest.getDefaultInstance()));
        return r.hasSdkBlock() ? r.getSdkBlock().getHeader().getHeight() : r.getBlock().getHeader().getHeight();
    }

    /**
     * Tokens {@code address} has bonded (delegated to validators): its governance voting power, when it votes itself.
     * Zero when it has no delegations.
     */
    public java.math.BigInteger delegatedTokens(String address) {
        return query(ch -> org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryGrpc.newBlockingStub(ch)
                .withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                .delegatorDelegations(org.plurigrid.console.client.chain.proto.cosmos.staking.v1beta1.QueryDelegatorDelegationsRequest
                        .newBuilder().setDelegatorAddr(address).build()))
                .getDelegationResponsesList().stream()
                .map(d -> d.getBalance().getAmount().isEmpty() ? java.math.BigInteger.ZERO : new java.math.BigInteger(d.getBalance().getAmount()))
                .reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add);
    }

    /** A CosmWasm smart query: JSON in, JSON out (the contract's own schema). */
    public byte[] smartQuery(String contract, byte[] queryJson) {
        return query(ch -> org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.QueryGrpc.newBlockingStub(ch)
                .withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                .smartContractState(org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.QuerySmartContractStateRequest.newBuilder()
                        .setAddress(contract).setQueryData(ByteString.copyFrom(queryJson)).build()))
                .getData().toByteArray();
    }

    /** A CosmWasm execute message, packed for {@link #prepare} or {@link #submit}. */
    /**
     * Plurigrid's {@code /grid.grid.MsgSubmitPower}: {@code creator} (the signer) records {@code watt}, a decimal
     * integer of W.
     */
    public static Any submitPowerMessage(String creator, long watt) {
        if (watt < 0) {
            throw new IllegalArgumentException("watt cannot be negative: " + watt);
        }
        return TxSigner.pack(org.plurigrid.console.client.chain.proto.grid.grid.MsgSubmitPower.newBuilder()
                .setCreator(creator).setWatt(Long.toString(watt)).build());
    }

    public static Any executeContractMessage(String sender, String contract, byte[] msgJson, List<CoinAmount> funds) {
        return TxSigner.pack(org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.MsgExecuteContract.newBuilder()
                .setSender(sender).setContract(contract).setMsg(ByteString.copyFrom(msgJson))
                .addAllFunds(funds.stream().map(CoinAmount::toProto).toList()).build());
    }

    private org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryGrpc.QueryBlockingStub gov(io.grpc.Channel ch) {
        return org.plurigrid.console.client.chain.proto.cosmos.gov.v1.QueryGrpc.newBlockingStub(ch)
                .withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS);
    }

    private <T> T query(Function<io.grpc.Channel, T> fn) {
        try {
            return call(TxStep.CONNECT, fn);
        } catch (StatusRuntimeException e) {
            throw queryError(e);
        }
    }

    private ChainException queryError(StatusRuntimeException e) {
        return new ChainException(TxStep.CONNECT, "Chain " + config.chainId() + " answered: " + e.getStatus().getDescription(), e);
    }

    // ---- transactions --------------------------------------------------------------------------------------------

    /**
     * Reads the account, simulates the messages for gas, and prices the fee: everything the confirmation shows.
     *
     * @throws ChainException when the node cannot be reached, is on another chain, the account is unknown, or the
     *         chain refuses the messages in simulation (the message carries the chain's reason)
     */
    public UnsignedTx prepare(List<Any> messages, String memo, AccountAddress signer, byte[] publicKey) {
        checkChainId();
        String address = signer.bech32();
        AccountState acc = account(address);
        SimulateResponse sim;
        try {
            byte[] txBytes = TxSigner.forSimulation(messages, memo, publicKey, acc.sequence());
            sim = call(TxStep.SIMULATE, ch -> org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.ServiceGrpc.newBlockingStub(ch)
                    .withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                    .simulate(SimulateRequest.newBuilder().setTxBytes(ByteString.copyFrom(txBytes)).build()));
        } catch (StatusRuntimeException e) {
            throw new ChainException(TxStep.SIMULATE, e.getStatus().getDescription(), e);
        }
        long gasUsed = sim.getGasInfo().getGasUsed();
        long gasLimit = new BigDecimal(gasUsed).multiply(config.gasAdjustment()).setScale(0, RoundingMode.CEILING).longValueExact();
        BigDecimal feeAmount = new BigDecimal(gasLimit).multiply(config.gasPrice()).setScale(0, RoundingMode.CEILING);
        TxFee fee = new TxFee(new CoinAmount(feeAmount.toBigIntegerExact(), config.feeDenom()), Math.max(1, gasLimit));
        return new UnsignedTx(config.chainId(), signer, publicKey, acc.accountNumber(), acc.sequence(), messages, memo, fee, gasUsed);
    }

    /** Prepares, signs and submits in one go (for scripts; the GUI confirms between prepare and sign). */
    public TxOutcome submit(List<Any> messages, String memo, SigningKey key, TxProgress progress) {
        UnsignedTx tx;
        try {
            progress.onStep(TxStep.SIMULATE, "estimating gas");
            tx = prepare(messages, memo, key.address(config.bech32Prefix()), key.publicKey());
        } catch (ChainException e) {
            return new TxOutcome.Rejected(e.step(), 0, "", e.getMessage(), Optional.empty(), 0);
        }
        return signAndSubmit(tx, key, progress);
    }

    /**
     * Signs exactly {@code tx}, broadcasts it and follows it to inclusion. A sequence mismatch (another transaction
     * from the same account got in first) refreshes the account and retries once; any other refusal is returned with
     * the chain's own message.
     */
    public TxOutcome signAndSubmit(UnsignedTx tx, SigningKey key, TxProgress progress) {
        if (!java.util.Arrays.equals(key.publicKey(), tx.publicKey())) {
            return new TxOutcome.Rejected(TxStep.SIGN, 0, "", "The unlocked key is not the key of account " + tx.signer(), Optional.empty(), 0);
        }
        byte[] body = TxSigner.bodyBytes(tx.messages(), tx.memo());
        SignerData signer = tx.signerData();
        for (int attempt = 0; ; attempt++) {
            progress.onStep(TxStep.SIGN, "account " + signer.accountNumber() + ", sequence " + signer.sequence());
            SignedTx signed = TxSigner.sign(body, TxSigner.authInfoBytes(tx.publicKey(), signer.sequence(), tx.fee()), signer, key);
            progress.onStep(TxStep.BROADCAST, signed.hash());
            TxResponse resp;
            try {
                resp = call(TxStep.BROADCAST, ch -> org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.ServiceGrpc.newBlockingStub(ch)
                        .withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                        .broadcastTx(BroadcastTxRequest.newBuilder().setTxBytes(ByteString.copyFrom(signed.bytes()))
                                .setMode(BroadcastMode.BROADCAST_MODE_SYNC).build())).getTxResponse();
            } catch (ChainException e) {
                return new TxOutcome.Rejected(e.step(), 0, "", e.getMessage(), Optional.of(signed.hash()), 0);
            } catch (StatusRuntimeException e) {
                return new TxOutcome.Rejected(TxStep.BROADCAST, 0, "", e.getStatus().getDescription(), Optional.of(signed.hash()), 0);
            }
            if (resp.getCode() == CODE_WRONG_SEQUENCE && "sdk".equals(resp.getCodespace()) && attempt == 0) {
                LOG.info("Sequence mismatch for {} on {}; refreshing the account and retrying once", tx.signer(), config.chainId());
                progress.onStep(TxStep.ACCOUNT, "sequence mismatch, refreshing");
                try {
                    AccountState fresh = account(tx.signer().bech32());
                    signer = new SignerData(tx.chainId(), fresh.accountNumber(), fresh.sequence());
                } catch (ChainException e) {
                    return new TxOutcome.Rejected(TxStep.ACCOUNT, 0, "", e.getMessage(), Optional.empty(), 0);
                }
                continue;
            }
            if (resp.getCode() != 0) {
                return new TxOutcome.Rejected(TxStep.BROADCAST, resp.getCode(), resp.getCodespace(), resp.getRawLog(),
                        Optional.of(resp.getTxhash().isEmpty() ? signed.hash() : resp.getTxhash()), 0);
            }
            LOG.info("Broadcast tx {} on {}", signed.hash(), config.chainId());
            progress.onStep(TxStep.INCLUSION, signed.hash());
            return follow(signed.hash());
        }
    }

    /** Waits until the transaction is in a block, or the inclusion timeout passes. */
    public TxOutcome follow(String txHash) {
        Instant start = clock.instant();
        Instant deadline = start.plus(config.inclusionTimeout());
        while (true) {
            Optional<TxOutcome> found = lookup(txHash);
            if (found.isPresent()) {
                return found.get();
            }
            if (!clock.instant().isBefore(deadline)) {
                return new TxOutcome.TimedOut(txHash, Duration.between(start, clock.instant()));
            }
            try {
                Thread.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new TxOutcome.TimedOut(txHash, Duration.between(start, clock.instant()));
            }
        }
    }

    /** The result of a transaction if it is in a block. */
    public Optional<TxOutcome> lookup(String txHash) {
        TxResponse r;
        try {
            r = call(TxStep.INCLUSION, ch -> org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.ServiceGrpc.newBlockingStub(ch)
                    .withDeadlineAfter(timeoutMs(), TimeUnit.MILLISECONDS)
                    .getTx(GetTxRequest.newBuilder().setHash(txHash).build())).getTxResponse();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                LOG.debug("GetTx {}: {}", txHash, e.getStatus());
            }
            return Optional.empty();
        } catch (ChainException.UnreachableException e) {
            LOG.debug("GetTx {}: {}", txHash, e.getMessage());
            return Optional.empty();
        }
        if (r.getHeight() <= 0) {
            return Optional.empty();
        }
        if (r.getCode() != 0) {
            return Optional.of(new TxOutcome.Rejected(TxStep.INCLUSION, r.getCode(), r.getCodespace(), r.getRawLog(),
                    Optional.of(txHash), r.getHeight()));
        }
        List<TxEvent> events = r.getEventsList().stream()
                .map(e -> new TxEvent(e.getType(), e.getAttributesList().stream()
                        .map(a -> new TxEvent.Attribute(a.getKey(), a.getValue())).toList()))
                .toList();
        return Optional.of(new TxOutcome.Included(txHash, r.getHeight(), r.getGasUsed(), r.getGasWanted(), events));
    }

    // ---- endpoints and failover ----------------------------------------------------------------------------------

    private long timeoutMs() {
        return config.requestTimeout().toMillis();
    }

    /**
     * Runs {@code fn} on the current endpoint; if the node cannot be reached, tries the others in order.
     *
     * @throws ChainException.UnreachableException when none answers
     * @throws StatusRuntimeException for answers the caller interprets (NOT_FOUND, INVALID_ARGUMENT, …)
     */
    private <T> T call(TxStep step, Function<io.grpc.Channel, T> fn) {
        int n = channels.length;
        int start = current;
        List<String> failures = new ArrayList<>();
        StatusRuntimeException last = null;
        for (int i = 0; i < n; i++) {
            int idx = (start + i) % n;
            try {
                T result = fn.apply(channel(idx));
                if (idx != start) {
                    LOG.info("Chain {}: switched to endpoint {}", config.chainId(), config.endpoints().get(idx));
                    current = idx;
                }
                return result;
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                if (code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED) {
                    throw e;
                }
                last = e;
                failures.add(config.endpoints().get(idx) + " (" + code + ")");
                LOG.warn("Chain {}: endpoint {} failed during {}: {} {}", config.chainId(), config.endpoints().get(idx), step, code,
                        e.getStatus().getDescription());
            }
        }
        throw new ChainException.UnreachableException("Cannot reach any node of chain " + config.chainId() + ": tried "
                + String.join(", ", failures) + ". Check that the node is running and the address is right.", last);
    }

    private synchronized ManagedChannel channel(int idx) {
        if (channels[idx] == null) {
            channels[idx] = channelFactory.apply(config.endpoints().get(idx));
        }
        return channels[idx];
    }

    @Override
    public synchronized void close() {
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] != null) {
                channels[i].shutdownNow();
                try {
                    channels[i].awaitTermination(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                channels[i] = null;
            }
        }
    }
}
