package org.plurigrid.console.bench.governance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.google.protobuf.Any;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.SignedTx;
import org.plurigrid.console.client.chain.SignerData;
import org.plurigrid.console.client.chain.TxFee;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.Mnemonic;
import org.plurigrid.console.client.wallet.SigningKey;
import org.plurigrid.console.devnet.chain.DevnetChain;
import org.slf4j.LoggerFactory;

/**
 * Governance figures: time to sign a vote (warm, SIGN_MODE_DIRECT body + auth info + SignDoc + secp256k1), and a vote's
 * round trip to inclusion on a devnet chain with 1 s and 100 ms blocks. Prints them and writes
 * {@code bench/target/governance-bench.json}. Figures only; nothing is asserted.
 *
 * <pre>java -cp ... org.plurigrid.console.bench.governance.GovernanceBench [signIterations] [votes1s] [votes100ms]</pre>
 */
public final class GovernanceBench {

    /** cosmjs default test wallet: a public test phrase, never funded on a real chain. */
    private static final Mnemonic PHRASE = Mnemonic.parse("special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling");

    /** Percentiles of one series, in microseconds. */
    record Stats(String name, int n, double p50, double p90, double p99, double max, double mean) {
        static Stats of(String name, long[] nanos) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            double mean = Arrays.stream(s).average().orElse(0) / 1e3;
            return new Stats(name, s.length, pct(s, 0.50), pct(s, 0.90), pct(s, 0.99), s[s.length - 1] / 1e3, mean);
        }

        private static double pct(long[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e3;
        }

        String line(String unit, double div) {
            return String.format(Locale.ROOT, "%-44s n=%-5d p50 %9.3f  p90 %9.3f  p99 %9.3f  max %9.3f  mean %9.3f %s", name, n,
                    p50 / div, p90 / div, p99 / div, max / div, mean / div, unit);
        }

        String json() {
            return String.format(Locale.ROOT, "{\"name\":\"%s\",\"n\":%d,\"p50_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f,\"max_us\":%.1f,"
                    + "\"mean_us\":%.1f}", name, n, p50, p90, p99, max, mean);
        }
    }

    public static void main(String[] args) throws IOException {
        quietLogs();
        int signIterations = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int votesSlow = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int votesFast = args.length > 2 ? Integer.parseInt(args[2]) : 60;

        List<Stats> results = new ArrayList<>();
        results.add(signVote(signIterations));
        System.out.println(results.get(0).line("µs", 1));
        for (Stats s : roundTrip(Duration.ofSeconds(1), votesSlow)) {
            results.add(s);
            System.out.println(s.line("ms", 1e3));
        }
        for (Stats s : roundTrip(Duration.ofMillis(100), votesFast)) {
            results.add(s);
            System.out.println(s.line("ms", 1e3));
        }

        StringBuilder json = new StringBuilder("{\n  \"java\": \"").append(System.getProperty("java.version"))
                .append("\",\n  \"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n  \"results\": [\n");
        for (int i = 0; i < results.size(); i++) {
            json.append("    ").append(results.get(i).json()).append(i + 1 < results.size() ? ",\n" : "\n");
        }
        json.append("  ]\n}\n");
        Path out = Path.of(System.getProperty("bench.out", "bench/target/governance-bench.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** Signing alone, as the console does it after the operator confirms: body, auth info, SignDoc, ECDSA. */
    static Stats signVote(int iterations) {
        SigningKey key = PHRASE.deriveKey(HdPath.cosmos(0));
        String voter = key.address("cosmos").bech32();
        List<Any> msgs = List.of(VoteService.voteMessage(1, VoteOption.YES, voter));
        TxFee fee = new TxFee(CoinAmount.parse("1250ucosm"), 50_000);
        long sink = 0;
        for (int i = 0; i < Math.max(2000, iterations / 2); i++) {
            sink += TxSigner.sign(msgs, "", fee, new SignerData("plurigrid-devnet-1", 3, i), key).bytes().length;
        }
        long[] t = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            SignedTx s = TxSigner.sign(msgs, "", fee, new SignerData("plurigrid-devnet-1", 3, i), key);
            t[i] = System.nanoTime() - start;
            sink += s.bytes().length;
        }
        if (sink == 42) {
            System.out.println();
        }
        return Stats.of("sign a vote (warm)", t);
    }

    /**
     * Votes one after another from one account on a fresh devnet chain: prepare (account + Simulate + fee), then sign,
     * broadcast and follow to inclusion (GetTx polled every 20 ms).
     */
    static List<Stats> roundTrip(Duration blockTime, int votes) {
        String label = blockTime.toMillis() + " ms blocks";
        try (DevnetChain chain = DevnetChain.start(DevnetChain.Options.defaults().withDemoMnemonics(List.of(PHRASE))
                .withBlockTime(blockTime));
                ChainClient client = new ChainClient(ChainConfig.of(chain.chainId(), "cosmos", "ucosm", "0.025",
                        GrpcEndpoint.parse(chain.grpcTarget())).withPollInterval(Duration.ofMillis(20)), InstantSource.system())) {
            SigningKey key = PHRASE.deriveKey(HdPath.cosmos(0));
            VoteService votesService = new VoteService(client);
            long proposal = chain.proposalsInVotingPeriod().get(0);
            VoteOption[] options = {VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN};
            // Warm the channel and the code paths once.
            votesService.vote(proposal, VoteOption.YES, key, TxProgress.NONE);
            long[] prepare = new long[votes];
            long[] toInclusion = new long[votes];
            long[] total = new long[votes];
            for (int i = 0; i < votes; i++) {
                long start = System.nanoTime();
                UnsignedTx tx = votesService.prepareVote(proposal, options[i % 3], key.address("cosmos"), key.publicKey(), "");
                long prepared = System.nanoTime();
                TxOutcome o = client.signAndSubmit(tx, key, TxProgress.NONE);
                long end = System.nanoTime();
                if (!(o instanceof TxOutcome.Included)) {
                    throw new IllegalStateException("Vote " + i + " on " + label + " was not included: " + o);
                }
                prepare[i] = prepared - start;
                toInclusion[i] = end - prepared;
                total[i] = end - start;
            }
            return List.of(Stats.of("prepare (account+simulate), " + label, prepare),
                    Stats.of("sign→broadcast→included, " + label, toInclusion),
                    Stats.of("vote round trip total, " + label, total));
        }
    }

    private static void quietLogs() {
        if (System.getProperty("logback.configurationFile") == null) {
            java.net.URL quiet = GovernanceBench.class.getResource("bench-logback.xml");
            if (quiet != null) {
                System.setProperty("logback.configurationFile", quiet.toString());
            }
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    private GovernanceBench() {
    }
}
