package org.plurigrid.console.devnet.chain;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.MsgSend;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.threads.NamedThreads;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.Mnemonic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Cosmos chain in-process, for development and tests: serves the SDK's gRPC services (auth, bank, gov v1,
 * tx, node info) on 127.0.0.1, checks transactions as strictly as a real node (signature over the SignDoc, account
 * number, chain-id, sequence, fee against the minimum gas price, gas limit), makes a block on a timer and runs the
 * gov v1 lifecycle. A development double: point the console at a real node's gRPC endpoint to leave it.
 */
public final class DevnetChain implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevnetChain.class);

    /** How the devnet chain is set up. {@link #defaults()} then the {@code with…} methods. */
    public record Options(
            String chainId,
            String bech32Prefix,
            String feeDenom,
            BigDecimal minGasPrice,
            Duration blockTime,
            Duration depositPeriod,
            Duration votingPeriod,
            long minDeposit,
            BigDecimal quorum,
            BigDecimal threshold,
            BigDecimal vetoThreshold,
            List<Mnemonic> demoMnemonics,
            int generatedDemoAccounts,
            List<GenesisAccount> genesisAccounts,
            boolean seedProposals,
            Duration proposalArrival,
            InstantSource clock,
            int port) {

        public Options {
            Objects.requireNonNull(chainId, "chainId");
            Objects.requireNonNull(bech32Prefix, "bech32Prefix");
            Objects.requireNonNull(feeDenom, "feeDenom");
            Objects.requireNonNull(minGasPrice, "minGasPrice");
            Objects.requireNonNull(blockTime, "blockTime");
            Objects.requireNonNull(depositPeriod, "depositPeriod");
            Objects.requireNonNull(votingPeriod, "votingPeriod");
            demoMnemonics = List.copyOf(demoMnemonics);
            genesisAccounts = List.copyOf(genesisAccounts);
            Objects.requireNonNull(proposalArrival, "proposalArrival");
            if (proposalArrival.isNegative()) {
                throw new IllegalArgumentException("proposalArrival must be zero (none) or positive");
            }
            Objects.requireNonNull(clock, "clock");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, not " + port);
            }
            if (blockTime.isZero() || blockTime.isNegative()) {
                throw new IllegalArgumentException("blockTime must be positive");
            }
        }

        /**
         * chain-id {@code plurigrid-devnet-1}, prefix {@code cosmos}, fees in {@code ucosm} at 0.025 per gas, a block
         * per second, 6-hour voting and deposit periods (long enough to read first and vote later), minimum deposit
         * 1000ucosm, quorum 0.334, threshold 0.5, veto 0.334, three demo accounts with fresh phrases, seeded proposals,
         * and a new proposal every {@link #PROPOSAL_ARRIVAL} (at most {@link #MAX_ARRIVALS}).
         */
        public static Options defaults() {
            return new Options("plurigrid-devnet-1", "cosmos", "ucosm", new BigDecimal("0.025"), Duration.ofSeconds(1),
                    Duration.ofHours(6), Duration.ofHours(6), 1000, new BigDecimal("0.334"), new BigDecimal("0.5"),
                    new BigDecimal("0.334"), List.of(), 3, List.of(), true, PROPOSAL_ARRIVAL, InstantSource.system(), 0);
        }

        /** A new proposal every {@code every} while the devnet runs (at most {@link #MAX_ARRIVALS}); zero for none. */
        public Options withProposalArrival(Duration every) {
            return new Options(chainId, bech32Prefix, feeDenom, minGasPrice, blockTime, depositPeriod, votingPeriod, minDeposit, quorum,
                    threshold, vetoThreshold, demoMnemonics, generatedDemoAccounts, genesisAccounts, seedProposals, every, clock, port);
        }

        public Options withChainId(String id) {
            return new Options(id, bech32Prefix, feeDenom, minGasPrice, blockTime, depositPeriod, votingPeriod, minDeposit, quorum,
                    threshold, vetoThreshold, demoMnemonics, generatedDemoAccounts, genesisAccounts, seedProposals, proposalArrival, clock, port);
        }

        public Options withBlockTime(Duration t) {
            return new Options(chainId, bech32Prefix, feeDenom, minGasPrice, t, depositPeriod, votingPeriod, minDeposit, quorum,
                    threshold, vetoThreshold, demoMnemonics, generatedDemoAccounts, genesisAccounts, seedProposals, proposalArrival, clock, port);
        }

        public Options withVotingPeriod(Duration t) {
            return new Options(chainId, bech32Prefix, feeDenom, minGasPrice, blockTime, depositPeriod, t, minDeposit, quorum,
                    threshold, vetoThreshold, demoMnemonics, generatedDemoAccounts, genesisAccounts, seedProposals, proposalArrival, clock, port);
        }

        /** Demo accounts from these phrases (instead of fresh random ones). */
        public Options withDemoMnemonics(List<Mnemonic> mnemonics) {
            return new Options(chainId, bech32Prefix, feeDenom, minGasPrice, blockTime, depositPeriod, votingPeriod, minDeposit, quorum,
                    threshold, vetoThreshold, mnemonics, 0, genesisAccounts, seedProposals, proposalArrival, clock, port);
        }

        public Options withGenesisAccounts(List<GenesisAccount> accounts) {
            return new Options(chainId, bech32Prefix, feeDenom, minGasPrice, blockTime, depositPeriod, votingPeriod, minDeposit, quorum,
                    threshold, vetoThreshold, demoMnemonics, generatedDemoAccounts, accounts, seedProposals, proposalArrival, clock, port);
        }

        /** A fixed gRPC port on 127.0.0.1 (0, the default, takes any free port). */
        public Options withPort(int p) {
            return new Options(chainId, bech32Prefix, feeDenom, minGasPrice, blockTime, depositPeriod, votingPeriod, minDeposit, quorum,
                    threshold, vetoThreshold, demoMnemonics, generatedDemoAccounts, genesisAccounts, seedProposals, proposalArrival, clock, p);
        }

        public Options withClock(InstantSource c) {
            return new Options(chainId, bech32Prefix, feeDenom, minGasPrice, blockTime, depositPeriod, votingPeriod, minDeposit, quorum,
                    threshold, vetoThreshold, demoMnemonics, generatedDemoAccounts, genesisAccounts, seedProposals, proposalArrival, c, port);
        }
    }

    /** How often a new proposal arrives on a default devnet. */
    public static final Duration PROPOSAL_ARRIVAL = Duration.ofMinutes(4);
    /** Bound on arriving proposals, so a devnet left running for days keeps a readable list. */
    public static final int MAX_ARRIVALS = 15;

    /** Liquid balance of each demo account, in the fee denom. */
    public static final long DEMO_BALANCE = 1_000_000_000L;
    /** Bonded stake (voting power) of each demo account; the validator holds {@link #VALIDATOR_BONDED}. */
    public static final long DEMO_BONDED = 200_000L;
    public static final long VALIDATOR_BONDED = 400_000L;

    private final Options options;
    private final ChainState state;
    private final Server server;
    private final ScheduledExecutorService blocks;
    private final List<DemoAccount> demoAccounts;
    private final String drContract;

    private DevnetChain(Options options, ChainState state, Server server, ScheduledExecutorService blocks, List<DemoAccount> demo,
                        String drContract) {
        this.drContract = drContract;
        this.options = options;
        this.state = state;
        this.server = server;
        this.blocks = blocks;
        this.demoAccounts = demo;
    }

    public static DevnetChain start() {
        return start(Options.defaults());
    }

    /** Builds genesis with the default DR program, starts gRPC on 127.0.0.1 (a free port) and the block timer. */
    public static DevnetChain start(Options options) {
        return start(options, DrGenesis.defaults());
    }

    /**
     * Builds genesis (demo accounts, funded accounts, proposals, and the DR program contract with its pool), starts gRPC
     * on 127.0.0.1 and the block timer.
     */
    public static DevnetChain start(Options options, DrGenesis dr) {
        ChainState state = new ChainState(options, options.clock());
        List<Mnemonic> phrases = new ArrayList<>(options.demoMnemonics());
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < options.generatedDemoAccounts(); i++) {
            phrases.add(Mnemonic.generate(random, 24));
        }
        String[] names = {"alice", "bob", "carol", "dave", "erin", "frank"};
        List<DemoAccount> demo = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            String address = phrases.get(i).deriveKey(HdPath.cosmos(0)).address(options.bech32Prefix()).bech32();
            state.fund(address, DEMO_BALANCE, DEMO_BONDED);
            demo.add(new DemoAccount(i < names.length ? names[i] : "demo" + i, address, phrases.get(i), DEMO_BALANCE, DEMO_BONDED));
        }
        // The validator's key is never shown: it only holds stake, so quorum needs more than one demo voter.
        String validator = Mnemonic.generate(random, 24).deriveKey(HdPath.cosmos(0)).address(options.bech32Prefix()).bech32();
        state.fund(validator, DEMO_BALANCE, VALIDATOR_BONDED);
        for (GenesisAccount g : options.genesisAccounts()) {
            state.fund(g.address(), g.balance(), g.bonded());
        }
        String drContract = dr.contractAddress(options.bech32Prefix());
        java.util.Set<String> operators = new java.util.HashSet<>();
        demo.forEach(a -> operators.add(a.address()));
        options.genesisAccounts().forEach(g -> operators.add(g.address()));
        state.fund(drContract, dr.pool(), 0);
        state.wasm().add(drContract, new DrProgramContract.Program(dr.programId(), dr.programName(), operators,
                options.feeDenom(), java.math.BigInteger.valueOf(dr.rewardPerKwh()), dr.maxKw(), dr.maxDuration(), dr.targets(),
                dr.participants()));
        if (options.seedProposals()) {
            seedProposals(state, options, demo.isEmpty() ? validator : demo.get(0).address());
        }
        // A node serves only after committing its first block: nobody ever reads height 0 from it.
        state.produceBlock();
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", options.port()));
        for (BindableService s : ChainServices.all(state, options)) {
            builder.addService(s);
        }
        Server server;
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Devnet chain could not open its gRPC port on 127.0.0.1", e);
        }
        ScheduledExecutorService blocks = Executors.newSingleThreadScheduledExecutor(
                NamedThreads.daemon("devnet-chain-blocks"));
        long ms = options.blockTime().toMillis();
        blocks.scheduleAtFixedRate(() -> {
            try {
                state.produceBlock();
            } catch (RuntimeException e) {
                LOG.error("Devnet chain: block production failed", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
        if (options.seedProposals() && !options.proposalArrival().isZero()) {
            ProposalArrivals arrivals = new ProposalArrivals(state, options, demo.isEmpty() ? validator : demo.get(0).address());
            long every = options.proposalArrival().toMillis();
            blocks.scheduleAtFixedRate(() -> {
                try {
                    arrivals.next();
                } catch (RuntimeException e) {
                    LOG.error("Devnet chain: adding a proposal failed", e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        LOG.info("Devnet chain {} serving gRPC on 127.0.0.1:{} (block every {} ms, {} demo accounts)",
                options.chainId(), server.getPort(), ms, demo.size());
        return new DevnetChain(options, state, server, blocks, List.copyOf(demo), drContract);
    }

    private static void seedProposals(ChainState state, Options o, String proposer) {
        String gov = state.govModuleAddress();
        var spend = TxSigner.pack(MsgSend.newBuilder().setFromAddress(gov).setToAddress(proposer)
                .addAmount(CoinAmount.of(250_000, o.feeDenom()).toProto()).build());
        state.addProposal("Raise the community-grid reserve margin to 12 %",
                "Operators of the Eastside and Riverside community grids propose holding 12 % of peak load as spinning reserve "
                        + "(up from 9 %) through the winter peak.", proposer, List.of(spend), o.minDeposit());
        state.addProposal("Fund the feeder F-7 recloser upgrade from the community pool",
                "Replace three hydraulic reclosers on feeder F-7 with remotely controllable ones; 250,000 ucosm from the community pool.",
                proposer, List.of(spend), o.minDeposit());
        state.addProposal("Enable the demand-response pilot on the Harbour microgrid",
                "Allow the DR dispatcher to curtail up to 150 kW of participating loads on the Harbour microgrid.",
                proposer, List.of(spend), o.minDeposit() / 10);
    }

    /** {@code 127.0.0.1:PORT}, for a gRPC channel or the console's {@code --node}. */
    public String grpcTarget() {
        return "127.0.0.1:" + server.getPort();
    }

    public int port() {
        return server.getPort();
    }

    public String chainId() {
        return options.chainId();
    }

    public Options options() {
        return options;
    }

    /** What {@code /grid.grid.MsgSubmitPower} recorded so far, oldest first: creator, W, height. */
    public List<PowerRecord> powerRecords() {
        return state.powerRecords();
    }

    /** One {@code MsgSubmitPower} record as the devnet's grid module keeps it. */
    public record PowerRecord(String creator, long watt, long height) {
    }

    /** Address of the DR program contract instantiated at genesis. */
    public String drContractAddress() {
        return drContract;
    }

    public List<DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    public long height() {
        return state.height();
    }

    /** Adds a proposal now (tests, demos); it enters voting period when {@code deposit} reaches the minimum. */
    public long addProposal(String title, String summary, long deposit) {
        String proposer = demoAccounts.isEmpty() ? state.govModuleAddress() : demoAccounts.get(0).address();
        return state.addProposal(title, summary, proposer, List.of(TxSigner.pack(MsgSend.newBuilder()
                .setFromAddress(state.govModuleAddress()).setToAddress(proposer)
                .addAmount(CoinAmount.of(1, options.feeDenom()).toProto()).build())), deposit);
    }

    /** Makes a block now (tests that do not want to wait for the timer). */
    public void produceBlock() {
        state.produceBlock();
    }

    /** Ids of proposals in voting period. */
    public List<Long> proposalsInVotingPeriod() {
        return state.proposals(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD, "").stream().map(p -> p.getId()).toList();
    }

    /**
     * The demo accounts with their recovery phrases, for the person who started the devnet to read on the console.
     * For local use only; callers print this to stdout, never to a log.
     */
    public String describeDemoAccounts() {
        StringBuilder sb = new StringBuilder("Devnet chain " + options.chainId() + " at " + grpcTarget()
                + " — demo accounts (LOCAL USE ONLY, never fund these phrases on a real chain):\n");
        for (DemoAccount a : demoAccounts) {
            sb.append("  ").append(a.name()).append("  ").append(a.address()).append("  ").append(a.balance()).append(options.feeDenom())
                    .append(", voting power ").append(a.bonded()).append('\n')
                    .append("    ").append(a.mnemonic().reveal()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        blocks.shutdownNow();
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
            blocks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
