package org.plurigrid.console.devnet.chain;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.plurigrid.console.client.chain.SignedTx;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.BaseAccount;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.MsgSend;
import org.plurigrid.console.client.chain.proto.cosmos.base.abci.v1beta1.GasInfo;
import org.plurigrid.console.client.chain.proto.cosmos.base.abci.v1beta1.Result;
import org.plurigrid.console.client.chain.proto.cosmos.base.abci.v1beta1.TxResponse;
import org.plurigrid.console.client.chain.proto.cosmos.base.v1beta1.Coin;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgDeposit;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVote;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVoteWeighted;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Proposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.TallyResult;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Vote;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.Tx;
import org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.MsgExecuteContract;
import org.plurigrid.console.client.chain.proto.grid.grid.MsgSubmitPower;
import org.plurigrid.console.client.chain.proto.tendermint.abci.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet chain as one node sees it: the mempool, blocks and their transactions, over the modules' state (bank,
 * gov, wasm, grid) and the ante checks. One monitor guards everything: gRPC threads and the block timer take turns.
 */
final class ChainState {

    private static final Logger LOG = LoggerFactory.getLogger(ChainState.class);

    private final DevnetChain.Options options;
    private final InstantSource clock;
    private final BankState bank;
    private final GovState gov;
    /** Native CosmWasm contracts (the DR program) and the bank moves they make; see {@link WasmExecution}. */
    private final WasmExecution wasm;
    private final PowerSubmissions power = new PowerSubmissions();
    private final MessageRoutes routes;
    private final AnteHandler ante;
    private final String feeCollector;

    private final Map<String, TxResponse> txs = new HashMap<>();
    private final List<Pending> mempool = new ArrayList<>();
    private long height;
    private Instant blockTime;

    private record Pending(String hash, byte[] bytes, AnteHandler.Decoded tx) {
    }

    ChainState(DevnetChain.Options options, InstantSource clock) {
        this.options = options;
        this.clock = clock;
        this.blockTime = clock.instant();
        this.bank = new BankState(options.bech32Prefix(), options.feeDenom());
        this.gov = new GovState(options, bank);
        this.wasm = new WasmExecution(bank);
        this.feeCollector = BankState.moduleAddress(options.bech32Prefix(), "fee_collector");
        // The messages this chain executes: signer, gas and handler of each type, in one table.
        this.routes = new MessageRoutes()
                .add(MsgTypes.VOTE, MsgVote.parser(), MsgVote::getVoter, 6_000, gov::vote)
                .add(MsgTypes.VOTE_WEIGHTED, MsgVoteWeighted.parser(), MsgVoteWeighted::getVoter, 9_000, gov::voteWeighted)
                .add(MsgTypes.DEPOSIT, MsgDeposit.parser(), MsgDeposit::getDepositor, 12_000,
                        (d, signer, apply) -> gov.deposit(d, apply, blockTime))
                .add(MsgTypes.SEND, MsgSend.parser(), MsgSend::getFromAddress, 10_000, (s, signer, apply) -> bank.send(s, apply))
                .add(MsgTypes.WASM_EXECUTE, MsgExecuteContract.parser(), MsgExecuteContract::getSender, WasmExecution.GAS,
                        (w, signer, apply) -> wasm.execute(w, blockTime, height, apply))
                .add(MsgTypes.SUBMIT_POWER, MsgSubmitPower.parser(), MsgSubmitPower::getCreator, 8_000,
                        (p, signer, apply) -> power.submit(p, height, apply));
        this.ante = new AnteHandler(options, bank, routes);
    }

    String govModuleAddress() {
        return gov.moduleAddress();
    }

    /** The type URLs a transaction may carry. */
    Set<String> messageTypes() {
        return routes.typeUrls();
    }

    // ---- genesis -------------------------------------------------------------------------------------------------

    synchronized void fund(String address, long balance, long bonded) {
        bank.fund(address, balance, bonded);
    }

    /** Adds a proposal directly (genesis, tests); it starts in deposit period, or voting period when {@code deposit} suffices. */
    synchronized long addProposal(String title, String summary, String proposer, List<Any> messages, long deposit) {
        return gov.addProposal(title, summary, proposer, messages, deposit, blockTime);
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    /** The native contracts, for genesis and the wasm query service (always used under this state's lock). */
    WasmExecution wasm() {
        return wasm;
    }

    /** A CosmWasm smart query against the state of the latest block. */
    synchronized byte[] smartQuery(String contract, byte[] queryJson) throws TxFailure {
        return wasm.query(contract, queryJson, blockTime);
    }

    synchronized Optional<BaseAccount> baseAccount(String address) {
        return bank.baseAccount(address);
    }

    synchronized List<Coin> balances(String address) {
        return bank.balances(address);
    }

    synchronized Coin balance(String address, String denom) {
        return Coin.newBuilder().setDenom(denom).setAmount(bank.balance(address, denom).toString()).build();
    }

    synchronized List<Proposal> proposals(ProposalStatus status, String voter) {
        return gov.proposals(status, voter);
    }

    synchronized Optional<Proposal> proposal(long id) {
        return gov.proposal(id);
    }

    synchronized Optional<TallyResult> tally(long id) {
        return gov.tally(id);
    }

    synchronized Optional<Vote> vote(long id, String voter) {
        return gov.vote(id, voter);
    }

    /** Votes on a proposal in the order they were cast (none for an unknown or tallied proposal). */
    synchronized List<Vote> votes(long id) {
        return gov.votes(id);
    }

    /** Height, time and a hash of the latest block, read together. */
    record BlockHead(long height, Instant time, byte[] hash) {
    }

    synchronized BlockHead latestBlock() {
        byte[] hash = Secp256k1Verifier.sha256((options.chainId() + "/" + height + "/" + blockTime).getBytes(StandardCharsets.UTF_8));
        return new BlockHead(height, blockTime, hash);
    }

    synchronized long height() {
        return height;
    }

    synchronized Optional<TxResponse> tx(String hash) {
        return Optional.ofNullable(txs.get(hash.toUpperCase(Locale.ROOT)));
    }

    /** Bonded stake of one account (zero if unknown). */
    synchronized BigInteger bonded(String address) {
        return bank.bonded(address);
    }

    /** Time of the latest block (genesis time before the first). */
    synchronized Instant latestBlockTime() {
        return blockTime;
    }

    synchronized BigInteger totalBonded() {
        return bank.totalBonded();
    }

    /** Power records of {@code /grid.grid.MsgSubmitPower} so far, oldest first (what the Plurigrid chain's grid module keeps). */
    List<DevnetChain.PowerRecord> powerRecords() {
        return power.records();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    // ---- transactions --------------------------------------------------------------------------------------------

    /** BroadcastTx (sync): the mempool check. Accepted transactions wait for the next block. */
    synchronized TxResponse checkTx(byte[] txBytes) {
        String hash = SignedTx.hashOf(txBytes);
        if (txs.containsKey(hash) || mempool.stream().anyMatch(p -> p.hash.equals(hash))) {
            return failure(hash, TxFailure.sdk(TxFailure.TX_IN_MEMPOOL, "tx already exists in cache"), 0, 0);
        }
        AnteHandler.Decoded tx;
        try {
            tx = ante.decode(txBytes);
            long anteGas = AnteHandler.gas(txBytes.length, false);
            ante.check(tx, AnteHandler.Mode.CHECK);
            if (anteGas > tx.fee().getGasLimit()) {
                throw TxFailure.sdk(TxFailure.OUT_OF_GAS, "out of gas in location: txSize; gasWanted: " + tx.fee().getGasLimit()
                        + ", gasUsed: " + anteGas + ": out of gas");
            }
        } catch (TxFailure f) {
            return failure(hash, f, 0, 0);
        }
        mempool.add(new Pending(hash, txBytes, tx));
        ante.admitted(tx);
        LOG.debug("Accepted tx {} from {} into the mempool", hash, tx.signer());
        return TxResponse.newBuilder().setTxhash(hash).setRawLog("[]").build();
    }

    /** Simulate: ante without signature and fee checks, then the messages on a throw-away basis. */
    synchronized SimulateResult simulate(byte[] txBytes) {
        try {
            AnteHandler.Decoded tx = ante.decode(txBytes);
            ante.check(tx, AnteHandler.Mode.SIMULATE);
            List<Any> msgs = tx.body().getMessagesList();
            long gas = AnteHandler.gas(txBytes.length, tx.signature().length == 0) + routes.gas(msgs);
            for (int i = 0; i < msgs.size(); i++) {
                try {
                    routes.execute(msgs.get(i), tx.signer(), false);
                } catch (TxFailure f) {
                    throw new TxFailure(f.codespace, f.code, "failed to execute message; message index: " + i + ": " + f.getMessage());
                }
            }
            return new SimulateResult(GasInfo.newBuilder().setGasUsed(gas).setGasWanted(tx.fee().getGasLimit()).build(),
                    Result.newBuilder().setLog("").build(), null);
        } catch (TxFailure f) {
            return new SimulateResult(null, null, f);
        }
    }

    record SimulateResult(GasInfo gasInfo, Result result, TxFailure failure) {
    }

    // ---- blocks --------------------------------------------------------------------------------------------------

    /** Commits one block: every mempool transaction in order, then the gov end-of-block (deposit and voting ends). */
    synchronized void produceBlock() {
        height++;
        blockTime = clock.instant();
        for (Pending p : mempool) {
            txs.put(p.hash, deliver(p));
        }
        mempool.clear();
        ante.committed();
        gov.endBlock(height, blockTime);
    }

    private TxResponse deliver(Pending p) {
        AnteHandler.Decoded tx = p.tx;
        long gasWanted = tx.fee().getGasLimit();
        try {
            ante.check(tx, AnteHandler.Mode.DELIVER);
        } catch (TxFailure f) {
            return failure(p.hash, f, gasWanted, AnteHandler.gas(p.bytes.length, false)).toBuilder().setHeight(height)
                    .setTimestamp(blockTime.toString()).setTx(TxSigner.pack(toTx(tx))).build();
        }
        BankState.Account acc = bank.account(tx.signer());
        BigInteger fee = tx.fee().getAmountList().stream().map(c -> new BigInteger(c.getAmount())).reduce(BigInteger.ZERO, BigInteger::add);
        acc.balances.merge(options.feeDenom(), fee.negate(), BigInteger::add);
        acc.sequence++;
        if (acc.pubKey == null) {
            acc.pubKey = tx.pubKey();
        }
        List<Event> events = new ArrayList<>();
        String feeText = fee + options.feeDenom();
        events.add(ChainEvents.event("coin_spent", "spender", tx.signer(), "amount", feeText));
        events.add(ChainEvents.event("coin_received", "receiver", feeCollector, "amount", feeText));
        events.add(ChainEvents.event("transfer", "recipient", feeCollector, "sender", tx.signer(), "amount", feeText));
        events.add(ChainEvents.event("tx", "fee", feeText, "fee_payer", tx.signer()));
        events.add(ChainEvents.event("tx", "acc_seq", tx.signer() + "/" + tx.sequence()));
        events.add(ChainEvents.event("tx", "signature", Base64.getEncoder().encodeToString(tx.signature())));
        long gasUsed = AnteHandler.gas(p.bytes.length, false) + routes.gas(tx.body().getMessagesList());
        TxResponse.Builder r = TxResponse.newBuilder().setTxhash(p.hash).setHeight(height).setGasWanted(gasWanted)
                .setTimestamp(blockTime.toString()).setTx(TxSigner.pack(toTx(tx)));
        if (gasUsed > gasWanted) {
            return r.setCode(TxFailure.OUT_OF_GAS).setCodespace("sdk").setGasUsed(gasUsed)
                    .setRawLog("out of gas in location: ReadFlat; gasWanted: " + gasWanted + ", gasUsed: " + gasUsed + ": out of gas")
                    .addAllEvents(events).build();
        }
        List<Any> msgs = tx.body().getMessagesList();
        for (int i = 0; i < msgs.size(); i++) {
            try {
                routes.execute(msgs.get(i), tx.signer(), false);
            } catch (TxFailure f) {
                return r.setCode(f.code).setCodespace(f.codespace).setGasUsed(gasUsed)
                        .setRawLog("failed to execute message; message index: " + i + ": " + f.getMessage()).addAllEvents(events).build();
            }
        }
        for (Any m : msgs) {
            try {
                events.addAll(routes.execute(m, tx.signer(), true));
            } catch (TxFailure f) {
                throw new IllegalStateException("message failed after it validated", f);
            }
        }
        LOG.info("Block {}: tx {} included ({} gas)", height, p.hash, gasUsed);
        return r.setGasUsed(gasUsed).setRawLog("").addAllEvents(events).build();
    }

    private static Tx toTx(AnteHandler.Decoded d) {
        return Tx.newBuilder().setBody(d.body()).setAuthInfo(d.authInfo()).addSignatures(ByteString.copyFrom(d.signature())).build();
    }

    private static TxResponse failure(String hash, TxFailure f, long gasWanted, long gasUsed) {
        return TxResponse.newBuilder().setTxhash(hash).setCode(f.code).setCodespace(f.codespace).setRawLog(f.getMessage())
                .setGasWanted(gasWanted).setGasUsed(gasUsed).build();
    }

    static Status notFound(String message) {
        return Status.NOT_FOUND.withDescription(message);
    }
}
