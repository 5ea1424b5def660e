package org.plurigrid.console.devnet.chain;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.plurigrid.console.client.chain.SignedTx;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.BaseAccount;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.MsgSend;
import org.plurigrid.console.client.chain.proto.cosmos.base.abci.v1beta1.GasInfo;
import org.plurigrid.console.client.chain.proto.grid.grid.MsgSubmitPower;
import org.plurigrid.console.client.chain.proto.cosmos.base.abci.v1beta1.Result;
import org.plurigrid.console.client.chain.proto.cosmos.base.abci.v1beta1.TxResponse;
import org.plurigrid.console.client.chain.proto.cosmos.base.v1beta1.Coin;
import org.plurigrid.console.client.chain.proto.cosmos.crypto.secp256k1.PubKey;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgDeposit;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVote;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVoteWeighted;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Proposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.TallyResult;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Vote;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.WeightedVoteOption;
import org.plurigrid.console.client.chain.proto.cosmos.tx.signing.v1beta1.SignMode;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.AuthInfo;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.Fee;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.SignerInfo;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.Tx;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxBody;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxRaw;
import org.plurigrid.console.client.chain.proto.tendermint.abci.Event;
import org.plurigrid.console.client.chain.proto.tendermint.abci.EventAttribute;
import org.plurigrid.console.client.wallet.AccountAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole state of the devnet chain and its rules: accounts and balances, the ante checks of a real Cosmos SDK node
 * (fee, gas, sequence, signature over the SignDoc), the mempool, block execution, and the gov v1 lifecycle. One
 * monitor guards everything: gRPC threads and the block timer take turns.
 */
final class ChainState {

    private static final Logger LOG = LoggerFactory.getLogger(ChainState.class);
    static final long MAX_BLOCK_GAS = 10_000_000;
    static final String BOND_DENOM = "stake";
    private static final BigDecimal ONE = BigDecimal.ONE;

    private final DevnetChain.Options options;
    private final InstantSource clock;
    private final String govModuleAddress;

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final TreeMap<Long, ProposalState> proposals = new TreeMap<>();
    private final Map<String, TxResponse> txs = new HashMap<>();
    private final List<Pending> mempool = new ArrayList<>();
    /** Next sequence per account as CheckTx sees it: committed sequence plus pending transactions. */
    private final Map<String, Long> checkSequence = new HashMap<>();
    /** Native CosmWasm contracts (the DR program) and the bank moves they make; see {@link WasmExecution}. */
    private final WasmExecution wasm = new WasmExecution(new WasmExecution.Ledger() {
        @Override
        public BigInteger balance(String address, String denom) {
            Account a = accounts.get(address);
            return a == null ? BigInteger.ZERO : a.balance(denom);
        }

        @Override
        public void transfer(String from, String to, String denom, BigInteger amount) {
            Account src = account(from, true);
            if (src.balance(denom).compareTo(amount) < 0) {
                throw new IllegalStateException("contract " + from + " cannot pay " + amount + denom);
            }
            src.balances.merge(denom, amount.negate(), BigInteger::add);
            account(to, true).balances.merge(denom, amount, BigInteger::add);
        }
    });
    private long nextAccountNumber;
    private long nextProposalId = 1;
    private long height;
    private Instant blockTime;

    static final class Account {
        final String address;
        final long number;
        long sequence;
        byte[] pubKey;
        final Map<String, BigInteger> balances = new TreeMap<>();
        BigInteger bonded = BigInteger.ZERO;

        Account(String address, long number) {
            this.address = address;
            this.number = number;
        }

        BigInteger balance(String denom) {
            return balances.getOrDefault(denom, BigInteger.ZERO);
        }
    }

    static final class ProposalState {
        long id;
        List<Any> messages = List.of();
        ProposalStatus status;
        Instant submitTime;
        Instant depositEndTime;
        Instant votingStartTime;
        Instant votingEndTime;
        Map<String, BigInteger> deposit = new TreeMap<>();
        String title = "";
        String summary = "";
        String metadata = "";
        String proposer = "";
        TallyResult finalTally;
        final Map<String, List<WeightedVoteOption>> votes = new LinkedHashMap<>();
    }

    private record Pending(String hash, byte[] bytes, Decoded tx) {
    }

    private record Decoded(TxRaw raw, TxBody body, AuthInfo authInfo, byte[] pubKey, String signer, long sequence, Fee fee,
                           byte[] signature) {
    }

    private enum Mode { SIMULATE, CHECK, DELIVER }

    ChainState(DevnetChain.Options options, InstantSource clock) {
        this.options = options;
        this.clock = clock;
        this.govModuleAddress = new AccountAddress(options.bech32Prefix(),
                java.util.Arrays.copyOf(Secp256k1Verifier.sha256("gov".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 20)).bech32();
        this.blockTime = clock.instant();
        account(govModuleAddress, true);
    }

    String govModuleAddress() {
        return govModuleAddress;
    }

    // ---- genesis -------------------------------------------------------------------------------------------------

    synchronized void fund(String address, long balance, long bonded) {
        AccountAddress.parse(address, options.bech32Prefix());
        Account a = account(address, true);
        a.balances.merge(options.feeDenom(), BigInteger.valueOf(balance), BigInteger::add);
        a.bonded = a.bonded.add(BigInteger.valueOf(bonded));
    }

    /** Adds a proposal directly (genesis, tests); it starts in deposit period, or voting period when {@code deposit} suffices. */
    synchronized long addProposal(String title, String summary, String proposer, List<Any> messages, long deposit) {
        ProposalState p = new ProposalState();
        p.id = nextProposalId++;
        p.title = title;
        p.summary = summary;
        p.proposer = proposer;
        p.messages = List.copyOf(messages);
        p.metadata = "ipfs://devnet/proposal-" + p.id;
        p.submitTime = blockTime;
        p.depositEndTime = blockTime.plus(options.depositPeriod());
        p.status = ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD;
        p.deposit.put(options.feeDenom(), BigInteger.valueOf(deposit));
        proposals.put(p.id, p);
        activateIfDeposited(p);
        return p.id;
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
        Account a = accounts.get(address);
        if (a == null) {
            return Optional.empty();
        }
        BaseAccount.Builder b = BaseAccount.newBuilder().setAddress(a.address).setAccountNumber(a.number).setSequence(a.sequence);
        if (a.pubKey != null) {
            b.setPubKey(TxSigner.pack(PubKey.newBuilder().setKey(ByteString.copyFrom(a.pubKey)).build()));
        }
        return Optional.of(b.build());
    }

    synchronized List<Coin> balances(String address) {
        Account a = accounts.get(address);
        if (a == null) {
            return List.of();
        }
        List<Coin> out = new ArrayList<>();
        a.balances.forEach((d, v) -> {
            if (v.signum() > 0) {
                out.add(Coin.newBuilder().setDenom(d).setAmount(v.toString()).build());
            }
        });
        if (a.bonded.signum() > 0) {
            out.add(Coin.newBuilder().setDenom(BOND_DENOM + "-bonded").setAmount(a.bonded.toString()).build());
        }
        return out;
    }

    synchronized Coin balance(String address, String denom) {
        Account a = accounts.get(address);
        BigInteger v = a == null ? BigInteger.ZERO : a.balance(denom);
        return Coin.newBuilder().setDenom(denom).setAmount(v.toString()).build();
    }

    synchronized List<Proposal> proposals(ProposalStatus status, String voter) {
        return proposals.values().stream()
                .filter(p -> status == ProposalStatus.PROPOSAL_STATUS_UNSPECIFIED || p.status == status)
                .filter(p -> voter.isEmpty() || p.votes.containsKey(voter))
                .map(this::toProto).toList();
    }

    synchronized Optional<Proposal> proposal(long id) {
        return Optional.ofNullable(proposals.get(id)).map(this::toProto);
    }

    synchronized Optional<TallyResult> tally(long id) {
        ProposalState p = proposals.get(id);
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(p.finalTally != null ? p.finalTally : tallyCounts(p));
    }

    synchronized Optional<Vote> vote(long id, String voter) {
        ProposalState p = proposals.get(id);
        if (p == null || !p.votes.containsKey(voter)) {
            return Optional.empty();
        }
        return Optional.of(Vote.newBuilder().setProposalId(id).setVoter(voter).addAllOptions(p.votes.get(voter)).build());
    }

    /** Votes on a proposal in the order they were cast (none for an unknown or tallied proposal). */
    synchronized List<Vote> votes(long id) {
        ProposalState p = proposals.get(id);
        if (p == null) {
            return List.of();
        }
        return p.votes.entrySet().stream()
                .map(e -> Vote.newBuilder().setProposalId(id).setVoter(e.getKey()).addAllOptions(e.getValue()).build()).toList();
    }

    /** Height, time and a hash of the latest block, read together. */
    record BlockHead(long height, Instant time, byte[] hash) {
    }

    synchronized BlockHead latestBlock() {
        byte[] hash = Secp256k1Verifier.sha256((options.chainId() + "/" + height + "/" + blockTime).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new BlockHead(height, blockTime, hash);
    }

    synchronized long height() {
        return height;
    }

    synchronized Optional<TxResponse> tx(String hash) {
        return Optional.ofNullable(txs.get(hash.toUpperCase(java.util.Locale.ROOT)));
    }

    /** Bonded stake of one account (zero if unknown). */
    synchronized BigInteger bonded(String address) {
        Account a = accounts.get(address);
        return a == null ? BigInteger.ZERO : a.bonded;
    }

    /** Time of the latest block (genesis time before the first). */
    synchronized Instant latestBlockTime() {
        return blockTime;
    }

    synchronized BigInteger totalBonded() {
        return accounts.values().stream().map(a -> a.bonded).reduce(BigInteger.ZERO, BigInteger::add);
    }

    private Proposal toProto(ProposalState p) {
        Proposal.Builder b = Proposal.newBuilder()
                .setId(p.id).addAllMessages(p.messages).setStatus(p.status)
                .setFinalTallyResult(p.finalTally != null ? p.finalTally : zeroTally())
                .setSubmitTime(ts(p.submitTime)).setDepositEndTime(ts(p.depositEndTime))
                .setMetadata(p.metadata).setTitle(p.title).setSummary(p.summary).setProposer(p.proposer);
        p.deposit.forEach((d, v) -> b.addTotalDeposit(Coin.newBuilder().setDenom(d).setAmount(v.toString())));
        if (p.votingStartTime != null) {
            b.setVotingStartTime(ts(p.votingStartTime)).setVotingEndTime(ts(p.votingEndTime));
        }
        return b.build();
    }

    private static TallyResult zeroTally() {
        return TallyResult.newBuilder().setYesCount("0").setNoCount("0").setAbstainCount("0").setNoWithVetoCount("0").build();
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
        Decoded tx;
        try {
            tx = decode(txBytes);
            long anteGas = anteGas(txBytes.length, false);
            ante(tx, Mode.CHECK);
            if (anteGas > tx.fee.getGasLimit()) {
                throw TxFailure.sdk(TxFailure.OUT_OF_GAS, "out of gas in location: txSize; gasWanted: " + tx.fee.getGasLimit()
                        + ", gasUsed: " + anteGas + ": out of gas");
            }
        } catch (TxFailure f) {
            return failure(hash, f, 0, 0);
        }
        mempool.add(new Pending(hash, txBytes, tx));
        checkSequence.put(tx.signer, tx.sequence + 1);
        LOG.debug("Accepted tx {} from {} into the mempool", hash, tx.signer);
        return TxResponse.newBuilder().setTxhash(hash).setRawLog("[]").build();
    }

    /** Simulate: ante without signature and fee checks, then the messages on a throw-away basis. */
    synchronized SimulateResult simulate(byte[] txBytes) {
        try {
            Decoded tx = decode(txBytes);
            ante(tx, Mode.SIMULATE);
            List<Any> msgs = tx.body.getMessagesList();
            long gas = anteGas(txBytes.length, tx.signature.length == 0) + messagesGas(msgs);
            for (int i = 0; i < msgs.size(); i++) {
                try {
                    execute(msgs.get(i), tx.signer, false);
                } catch (TxFailure f) {
                    throw new TxFailure(f.codespace, f.code, "failed to execute message; message index: " + i + ": " + f.getMessage());
                }
            }
            return new SimulateResult(GasInfo.newBuilder().setGasUsed(gas).setGasWanted(tx.fee.getGasLimit()).build(),
                    Result.newBuilder().setLog("").build(), null);
        } catch (TxFailure f) {
            return new SimulateResult(null, null, f);
        }
    }

    record SimulateResult(GasInfo gasInfo, Result result, TxFailure failure) {
    }

    private Decoded decode(byte[] txBytes) throws TxFailure {
        try {
            TxRaw raw = TxRaw.parseFrom(txBytes);
            TxBody body = TxBody.parseFrom(raw.getBodyBytes());
            AuthInfo auth = AuthInfo.parseFrom(raw.getAuthInfoBytes());
            if (body.getMessagesCount() == 0) {
                throw TxFailure.sdk(TxFailure.INVALID_REQUEST, "must contain at least one message: invalid request");
            }
            if (auth.getSignerInfosCount() != 1 || raw.getSignaturesCount() != 1) {
                throw TxFailure.sdk(TxFailure.UNAUTHORIZED, "wrong number of signers; expected 1, got "
                        + raw.getSignaturesCount() + ": unauthorized");
            }
            SignerInfo si = auth.getSignerInfos(0);
            if (si.getModeInfo().getSingle().getMode() != SignMode.SIGN_MODE_DIRECT) {
                throw TxFailure.sdk(TxFailure.UNAUTHORIZED, "this devnet accepts SIGN_MODE_DIRECT only: unauthorized");
            }
            if (!si.getPublicKey().getTypeUrl().equals("/cosmos.crypto.secp256k1.PubKey")) {
                throw TxFailure.sdk(TxFailure.INVALID_PUBKEY, "unsupported public key type " + si.getPublicKey().getTypeUrl() + ": invalid pubkey");
            }
            byte[] pub = PubKey.parseFrom(si.getPublicKey().getValue()).getKey().toByteArray();
            if (pub.length != 33) {
                throw TxFailure.sdk(TxFailure.INVALID_PUBKEY, "invalid pubkey length " + pub.length + ": invalid pubkey");
            }
            for (Any m : body.getMessagesList()) {
                if (!MsgTypes.KNOWN.contains(m.getTypeUrl())) {
                    throw TxFailure.sdk(TxFailure.TX_DECODE, "unable to resolve type URL " + m.getTypeUrl() + ": tx parse error");
                }
            }
            String signer = AccountAddress.ofPublicKey(options.bech32Prefix(), pub).bech32();
            return new Decoded(raw, body, auth, pub, signer, si.getSequence(), auth.getFee(), raw.getSignatures(0).toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw TxFailure.sdk(TxFailure.TX_DECODE, e.getMessage() + ": tx parse error");
        }
    }


    /** The SDK ante chain, in its order: gas limit, account, fee, sequence, signature. */
    private void ante(Decoded tx, Mode mode) throws TxFailure {
        long gasLimit = tx.fee.getGasLimit();
        if (mode != Mode.SIMULATE && gasLimit == 0) {
            throw TxFailure.sdk(TxFailure.INVALID_GAS_LIMIT, "gas limit must be positive: invalid gas limit");
        }
        if (gasLimit > MAX_BLOCK_GAS) {
            throw TxFailure.sdk(TxFailure.INVALID_REQUEST, "tx gas limit " + gasLimit + " exceeds block max gas " + MAX_BLOCK_GAS
                    + ": invalid request");
        }
        for (Any m : tx.body.getMessagesList()) {
            String msgSigner = messageSigner(m);
            if (!msgSigner.equals(tx.signer)) {
                throw TxFailure.sdk(TxFailure.INVALID_PUBKEY, "pubKey does not match signer address " + msgSigner
                        + " with signer index: 0: invalid pubkey");
            }
        }
        Account acc = accounts.get(tx.signer);
        if (acc == null) {
            throw TxFailure.sdk(TxFailure.UNKNOWN_ADDRESS, "account " + tx.signer + " does not exist: unknown address");
        }
        BigInteger offered = BigInteger.ZERO;
        for (Coin c : tx.fee.getAmountList()) {
            if (!c.getDenom().equals(options.feeDenom())) {
                throw TxFailure.sdk(TxFailure.INSUFFICIENT_FEE, "fee denom " + c.getDenom() + " is not accepted; use "
                        + options.feeDenom() + ": insufficient fee");
            }
            offered = offered.add(new BigInteger(c.getAmount()));
        }
        if (mode == Mode.CHECK) {
            BigInteger required = new BigDecimal(gasLimit).multiply(options.minGasPrice()).setScale(0, RoundingMode.CEILING).toBigInteger();
            if (offered.compareTo(required) < 0) {
                throw TxFailure.sdk(TxFailure.INSUFFICIENT_FEE, "insufficient fees; got: " + offered + options.feeDenom()
                        + " required: " + required + options.feeDenom() + ": insufficient fee");
            }
        }
        if (offered.signum() > 0 && acc.balance(options.feeDenom()).compareTo(offered) < 0) {
            throw TxFailure.sdk(TxFailure.INSUFFICIENT_FUNDS, "spendable balance " + acc.balance(options.feeDenom()) + options.feeDenom()
                    + " is smaller than " + offered + options.feeDenom() + ": insufficient funds");
        }
        if (acc.pubKey != null && !java.util.Arrays.equals(acc.pubKey, tx.pubKey)) {
            throw TxFailure.sdk(TxFailure.INVALID_PUBKEY, "pubKey does not match the account's key: invalid pubkey");
        }
        long expected = mode == Mode.DELIVER ? acc.sequence : checkSequence.getOrDefault(tx.signer, acc.sequence);
        if (tx.sequence != expected) {
            throw TxFailure.sdk(TxFailure.WRONG_SEQUENCE, "account sequence mismatch, expected " + expected + ", got "
                    + tx.sequence + ": incorrect account sequence");
        }
        if (mode != Mode.SIMULATE) {
            byte[] signDoc = TxSigner.signDocBytes(tx.raw.getBodyBytes().toByteArray(), tx.raw.getAuthInfoBytes().toByteArray(),
                    options.chainId(), acc.number);
            if (!Secp256k1Verifier.verify(tx.pubKey, signDoc, tx.signature)) {
                throw TxFailure.sdk(TxFailure.UNAUTHORIZED, "signature verification failed; please verify account number ("
                        + acc.number + "), sequence (" + expected + ") and chain-id (" + options.chainId() + "): unauthorized");
            }
        }
    }

    private static String messageSigner(Any m) throws TxFailure {
        try {
            return switch (m.getTypeUrl()) {
                case MsgTypes.VOTE -> MsgVote.parseFrom(m.getValue()).getVoter();
                case MsgTypes.VOTE_WEIGHTED -> MsgVoteWeighted.parseFrom(m.getValue()).getVoter();
                case MsgTypes.DEPOSIT -> MsgDeposit.parseFrom(m.getValue()).getDepositor();
                case MsgTypes.SEND -> MsgSend.parseFrom(m.getValue()).getFromAddress();
                case MsgTypes.WASM_EXECUTE -> WasmExecution.sender(m);
                case MsgTypes.SUBMIT_POWER -> MsgSubmitPower.parseFrom(m.getValue()).getCreator();
                default -> throw TxFailure.sdk(TxFailure.TX_DECODE, "unable to resolve type URL " + m.getTypeUrl() + ": tx parse error");
            };
        } catch (InvalidProtocolBufferException e) {
            throw TxFailure.sdk(TxFailure.TX_DECODE, e.getMessage() + ": tx parse error");
        }
    }

    /** Deterministic gas: a fixed ante cost, 10 per tx byte, and a cost per message kind. */
    private static long anteGas(int txBytes, boolean simulatingWithoutSignature) {
        // Simulation carries an empty signature; count the 64 bytes the real one will add, as the SDK does.
        int size = txBytes + (simulatingWithoutSignature ? 66 : 0);
        return 20_000 + 10L * size + 1_000;
    }

    private static long messagesGas(List<Any> msgs) {
        long g = 0;
        for (Any m : msgs) {
            g += switch (m.getTypeUrl()) {
                case MsgTypes.VOTE -> 6_000;
                case MsgTypes.VOTE_WEIGHTED -> 9_000;
                case MsgTypes.DEPOSIT -> 12_000;
                case MsgTypes.WASM_EXECUTE -> WasmExecution.GAS;
                case MsgTypes.SUBMIT_POWER -> 8_000;
                default -> 10_000;
            };
        }
        return g;
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
        checkSequence.clear();
        endBlockGov();
    }

    private TxResponse deliver(Pending p) {
        Decoded tx = p.tx;
        long gasWanted = tx.fee.getGasLimit();
        try {
            ante(tx, Mode.DELIVER);
        } catch (TxFailure f) {
            return failure(p.hash, f, gasWanted, anteGas(p.bytes.length, false)).toBuilder().setHeight(height)
                    .setTimestamp(blockTime.toString()).setTx(TxSigner.pack(toTx(tx))).build();
        }
        Account acc = accounts.get(tx.signer);
        BigInteger fee = tx.fee.getAmountList().stream().map(c -> new BigInteger(c.getAmount())).reduce(BigInteger.ZERO, BigInteger::add);
        acc.balances.merge(options.feeDenom(), fee.negate(), BigInteger::add);
        acc.sequence++;
        if (acc.pubKey == null) {
            acc.pubKey = tx.pubKey;
        }
        List<Event> events = new ArrayList<>();
        String feeText = fee + options.feeDenom();
        events.add(event("coin_spent", "spender", tx.signer, "amount", feeText));
        events.add(event("coin_received", "receiver", feeCollector(), "amount", feeText));
        events.add(event("transfer", "recipient", feeCollector(), "sender", tx.signer, "amount", feeText));
        events.add(event("tx", "fee", feeText, "fee_payer", tx.signer));
        events.add(event("tx", "acc_seq", tx.signer + "/" + tx.sequence));
        events.add(event("tx", "signature", Base64.getEncoder().encodeToString(tx.signature)));
        long gasUsed = anteGas(p.bytes.length, false) + messagesGas(tx.body.getMessagesList());
        TxResponse.Builder r = TxResponse.newBuilder().setTxhash(p.hash).setHeight(height).setGasWanted(gasWanted)
                .setTimestamp(blockTime.toString()).setTx(TxSigner.pack(toTx(tx)));
        if (gasUsed > gasWanted) {
            return r.setCode(TxFailure.OUT_OF_GAS).setCodespace("sdk").setGasUsed(gasUsed)
                    .setRawLog("out of gas in location: ReadFlat; gasWanted: " + gasWanted + ", gasUsed: " + gasUsed + ": out of gas")
                    .addAllEvents(events).build();
        }
        List<Any> msgs = tx.body.getMessagesList();
        for (int i = 0; i < msgs.size(); i++) {
            try {
                execute(msgs.get(i), tx.signer, false);
            } catch (TxFailure f) {
                return r.setCode(f.code).setCodespace(f.codespace).setGasUsed(gasUsed)
                        .setRawLog("failed to execute message; message index: " + i + ": " + f.getMessage()).addAllEvents(events).build();
            }
        }
        for (Any m : msgs) {
            try {
                events.addAll(execute(m, tx.signer, true));
            } catch (TxFailure f) {
                throw new IllegalStateException("message failed after it validated", f);
            }
        }
        LOG.info("Block {}: tx {} included ({} gas)", height, p.hash, gasUsed);
        return r.setGasUsed(gasUsed).setRawLog("").addAllEvents(events).build();
    }

    private Tx toTx(Decoded d) {
        return Tx.newBuilder().setBody(d.body).setAuthInfo(d.authInfo).addSignatures(ByteString.copyFrom(d.signature)).build();
    }

    private String feeCollector() {
        return new AccountAddress(options.bech32Prefix(), java.util.Arrays.copyOf(
                Secp256k1Verifier.sha256("fee_collector".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 20)).bech32();
    }

    private TxResponse failure(String hash, TxFailure f, long gasWanted, long gasUsed) {
        return TxResponse.newBuilder().setTxhash(hash).setCode(f.code).setCodespace(f.codespace).setRawLog(f.getMessage())
                .setGasWanted(gasWanted).setGasUsed(gasUsed).build();
    }

    private static Event event(String type, String... kv) {
        Event.Builder b = Event.newBuilder().setType(type);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            b.addAttributes(EventAttribute.newBuilder().setKey(kv[i]).setValue(kv[i + 1]).setIndex(true));
        }
        return b.build();
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    /** Validates one message against the state; with {@code apply} also changes the state and returns its events. */
    private List<Event> execute(Any m, String signer, boolean apply) throws TxFailure {
        try {
            return switch (m.getTypeUrl()) {
                case MsgTypes.VOTE -> {
                    MsgVote v = MsgVote.parseFrom(m.getValue());
                    if (v.getOption() == VoteOption.VOTE_OPTION_UNSPECIFIED || v.getOptionValue() > 4 || v.getOptionValue() < 0) {
                        throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, v.getOptionValue() + ": invalid vote option");
                    }
                    List<WeightedVoteOption> opts = List.of(WeightedVoteOption.newBuilder().setOption(v.getOption())
                            .setWeight("1.000000000000000000").build());
                    yield castVote(v.getProposalId(), signer, opts, MsgTypes.VOTE, apply);
                }
                case MsgTypes.VOTE_WEIGHTED -> {
                    MsgVoteWeighted v = MsgVoteWeighted.parseFrom(m.getValue());
                    validateWeights(v.getOptionsList());
                    yield castVote(v.getProposalId(), signer, v.getOptionsList(), MsgTypes.VOTE_WEIGHTED, apply);
                }
                case MsgTypes.DEPOSIT -> deposit(MsgDeposit.parseFrom(m.getValue()), apply);
                case MsgTypes.SEND -> send(MsgSend.parseFrom(m.getValue()), apply);
                case MsgTypes.WASM_EXECUTE -> wasm.execute(m, blockTime, height, apply);
                case MsgTypes.SUBMIT_POWER -> submitPower(MsgSubmitPower.parseFrom(m.getValue()), apply);
                default -> throw TxFailure.sdk(TxFailure.UNKNOWN_REQUEST, "unrecognized message type " + m.getTypeUrl() + ": unknown request");
            };
        } catch (InvalidProtocolBufferException e) {
            throw TxFailure.sdk(TxFailure.TX_DECODE, e.getMessage() + ": tx parse error");
        }
    }

    private List<Event> castVote(long id, String voter, List<WeightedVoteOption> options, String action, boolean apply) throws TxFailure {
        ProposalState p = proposals.get(id);
        if (p == null) {
            throw TxFailure.gov(TxFailure.GOV_UNKNOWN_PROPOSAL, id + ": unknown proposal");
        }
        if (p.status != ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
            throw TxFailure.gov(TxFailure.GOV_INACTIVE_PROPOSAL, id + ": inactive proposal");
        }
        if (!apply) {
            return List.of();
        }
        p.votes.put(voter, List.copyOf(options));
        StringBuilder json = new StringBuilder("[");
        for (WeightedVoteOption o : options) {
            json.append(json.length() > 1 ? "," : "").append("{\"option\":").append(o.getOptionValue())
                    .append(",\"weight\":\"").append(o.getWeight()).append("\"}");
        }
        json.append(']');
        return List.of(event("message", "action", action, "sender", voter, "module", "governance"),
                event("proposal_vote", "option", json.toString(), "proposal_id", Long.toString(id), "voter", voter));
    }

    private static void validateWeights(List<WeightedVoteOption> options) throws TxFailure {
        if (options.isEmpty()) {
            throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "no vote options: invalid vote option");
        }
        EnumSet<VoteOption> seen = EnumSet.noneOf(VoteOption.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (WeightedVoteOption o : options) {
            if (o.getOptionValue() < 1 || o.getOptionValue() > 4) {
                throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, o.getOptionValue() + ": invalid vote option");
            }
            if (!seen.add(o.getOption())) {
                throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "duplicated vote option: invalid vote option");
            }
            BigDecimal w;
            try {
                w = new BigDecimal(o.getWeight());
            } catch (NumberFormatException e) {
                throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "invalid weight " + o.getWeight() + ": invalid vote option");
            }
            if (w.signum() <= 0 || w.compareTo(ONE) > 0) {
                throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "invalid weight " + o.getWeight() + ": invalid vote option");
            }
            sum = sum.add(w);
        }
        if (sum.compareTo(ONE) > 0) {
            throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "total weight overflow 1.00: invalid vote option");
        }
        if (sum.compareTo(ONE) < 0) {
            throw TxFailure.gov(TxFailure.GOV_INVALID_VOTE, "total weight lower than 1.00: invalid vote option");
        }
    }

    private List<Event> deposit(MsgDeposit d, boolean apply) throws TxFailure {
        ProposalState p = proposals.get(d.getProposalId());
        if (p == null) {
            throw TxFailure.gov(TxFailure.GOV_UNKNOWN_PROPOSAL, d.getProposalId() + ": unknown proposal");
        }
        if (p.status != ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD && p.status != ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
            throw TxFailure.gov(TxFailure.GOV_INACTIVE_PROPOSAL, d.getProposalId() + ": inactive proposal");
        }
        Account from = accounts.get(d.getDepositor());
        for (Coin c : d.getAmountList()) {
            BigInteger amount = new BigInteger(c.getAmount());
            if (from == null || from.balance(c.getDenom()).compareTo(amount) < 0) {
                throw TxFailure.sdk(TxFailure.INSUFFICIENT_FUNDS, "spendable balance " + (from == null ? "0" : from.balance(c.getDenom()))
                        + c.getDenom() + " is smaller than " + amount + c.getDenom() + ": insufficient funds");
            }
        }
        if (!apply) {
            return List.of();
        }
        Account gov = account(govModuleAddress, true);
        for (Coin c : d.getAmountList()) {
            BigInteger amount = new BigInteger(c.getAmount());
            from.balances.merge(c.getDenom(), amount.negate(), BigInteger::add);
            gov.balances.merge(c.getDenom(), amount, BigInteger::add);
            p.deposit.merge(c.getDenom(), amount, BigInteger::add);
        }
        activateIfDeposited(p);
        return List.of(event("message", "action", MsgTypes.DEPOSIT, "sender", d.getDepositor(), "module", "governance"),
                event("proposal_deposit", "proposal_id", Long.toString(p.id), "depositor", d.getDepositor()));
    }

    private final List<DevnetChain.PowerRecord> powerRecords = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Power records of {@code /grid.grid.MsgSubmitPower} so far, oldest first (what the Plurigrid chain's grid module keeps). */
    List<DevnetChain.PowerRecord> powerRecords() {
        return List.copyOf(powerRecords);
    }

    private List<Event> submitPower(MsgSubmitPower p, boolean apply) throws TxFailure {
        long watt;
        try {
            watt = Long.parseLong(p.getWatt());
        } catch (NumberFormatException e) {
            throw TxFailure.sdk(TxFailure.INVALID_REQUEST, "watt \"" + p.getWatt() + "\" is not a whole number of W: invalid request");
        }
        if (watt < 0) {
            throw TxFailure.sdk(TxFailure.INVALID_REQUEST, "watt cannot be negative (" + watt + "): invalid request");
        }
        if (apply) {
            powerRecords.add(new DevnetChain.PowerRecord(p.getCreator(), watt, height));
        }
        return List.of(event("message", "action", MsgTypes.SUBMIT_POWER, "sender", p.getCreator(), "module", "grid"),
                event("submit_power", "creator", p.getCreator(), "watt", Long.toString(watt)));
    }

    private List<Event> send(MsgSend s, boolean apply) throws TxFailure {
        try {
            AccountAddress.parse(s.getToAddress(), options.bech32Prefix());
        } catch (IllegalArgumentException e) {
            throw TxFailure.sdk(TxFailure.INVALID_ADDRESS, "invalid to address: " + e.getMessage() + ": invalid address");
        }
        Account from = accounts.get(s.getFromAddress());
        for (Coin c : s.getAmountList()) {
            BigInteger amount = new BigInteger(c.getAmount());
            if (from == null || from.balance(c.getDenom()).compareTo(amount) < 0) {
                throw TxFailure.sdk(TxFailure.INSUFFICIENT_FUNDS, "spendable balance " + (from == null ? "0" : from.balance(c.getDenom()))
                        + c.getDenom() + " is smaller than " + amount + c.getDenom() + ": insufficient funds");
            }
        }
        if (!apply) {
            return List.of();
        }
        Account to = account(s.getToAddress(), true);
        for (Coin c : s.getAmountList()) {
            BigInteger amount = new BigInteger(c.getAmount());
            from.balances.merge(c.getDenom(), amount.negate(), BigInteger::add);
            to.balances.merge(c.getDenom(), amount, BigInteger::add);
        }
        return List.of(event("message", "action", MsgTypes.SEND, "sender", s.getFromAddress(), "module", "bank"),
                event("transfer", "recipient", s.getToAddress(), "sender", s.getFromAddress()));
    }

    private Account account(String address, boolean create) {
        Account a = accounts.get(address);
        if (a == null && create) {
            a = new Account(address, nextAccountNumber++);
            accounts.put(address, a);
        }
        return a;
    }

    // ---- gov lifecycle -------------------------------------------------------------------------------------------

    private void activateIfDeposited(ProposalState p) {
        if (p.status == ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD
                && p.deposit.getOrDefault(options.feeDenom(), BigInteger.ZERO).compareTo(BigInteger.valueOf(options.minDeposit())) >= 0) {
            p.status = ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD;
            p.votingStartTime = blockTime;
            p.votingEndTime = blockTime.plus(options.votingPeriod());
        }
    }

    private void endBlockGov() {
        List<Long> expired = new ArrayList<>();
        for (ProposalState p : proposals.values()) {
            if (p.status == ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD && !blockTime.isBefore(p.depositEndTime)) {
                expired.add(p.id); // the SDK deletes proposals whose deposit period ends unmet (and burns the deposit)
            } else if (p.status == ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD && !blockTime.isBefore(p.votingEndTime)) {
                finishVoting(p);
            }
        }
        expired.forEach(proposals::remove);
    }

    private void finishVoting(ProposalState p) {
        TallyResult t = tallyCounts(p);
        BigDecimal yes = new BigDecimal(t.getYesCount());
        BigDecimal no = new BigDecimal(t.getNoCount());
        BigDecimal abstain = new BigDecimal(t.getAbstainCount());
        BigDecimal veto = new BigDecimal(t.getNoWithVetoCount());
        BigDecimal total = yes.add(no).add(abstain).add(veto);
        BigDecimal bonded = new BigDecimal(totalBonded());
        boolean passes;
        if (bonded.signum() == 0 || total.divide(bonded, 18, RoundingMode.DOWN).compareTo(options.quorum()) < 0) {
            passes = false; // quorum not reached
        } else if (total.subtract(abstain).signum() == 0) {
            passes = false; // everyone abstained
        } else if (veto.divide(total, 18, RoundingMode.DOWN).compareTo(options.vetoThreshold()) > 0) {
            passes = false; // vetoed
        } else {
            passes = yes.divide(total.subtract(abstain), 18, RoundingMode.DOWN).compareTo(options.threshold()) > 0;
        }
        p.finalTally = t;
        p.status = passes ? ProposalStatus.PROPOSAL_STATUS_PASSED : ProposalStatus.PROPOSAL_STATUS_REJECTED;
        p.votes.clear(); // the SDK deletes votes once tallied
        LOG.info("Block {}: proposal {} {}", height, p.id, passes ? "passed" : "rejected");
    }

    /** Voting power is bonded stake; a weighted vote splits the voter's power by its weights (truncated to integers). */
    private TallyResult tallyCounts(ProposalState p) {
        Map<VoteOption, BigDecimal> sums = new java.util.EnumMap<>(VoteOption.class);
        p.votes.forEach((voter, opts) -> {
            Account a = accounts.get(voter);
            BigDecimal power = a == null ? BigDecimal.ZERO : new BigDecimal(a.bonded);
            for (WeightedVoteOption o : opts) {
                sums.merge(o.getOption(), power.multiply(new BigDecimal(o.getWeight())), BigDecimal::add);
            }
        });
        java.util.function.Function<VoteOption, String> count = o ->
                sums.getOrDefault(o, BigDecimal.ZERO).setScale(0, RoundingMode.DOWN).toPlainString();
        return TallyResult.newBuilder()
                .setYesCount(count.apply(VoteOption.VOTE_OPTION_YES))
                .setNoCount(count.apply(VoteOption.VOTE_OPTION_NO))
                .setAbstainCount(count.apply(VoteOption.VOTE_OPTION_ABSTAIN))
                .setNoWithVetoCount(count.apply(VoteOption.VOTE_OPTION_NO_WITH_VETO))
                .build();
    }

    static Status notFound(String message) {
        return Status.NOT_FOUND.withDescription(message);
    }
}
