package org.plurigrid.console.bench.dr;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.dr.DemandResponseService;
import org.plurigrid.console.client.dr.DeviceState;
import org.plurigrid.console.client.dr.DispatchOutcome;
import org.plurigrid.console.client.dr.DispatchProgress;
import org.plurigrid.console.client.dr.DispatchRequest;
import org.plurigrid.console.client.dr.DrChainClient;
import org.plurigrid.console.client.dr.DrDeviceTracker;
import org.plurigrid.console.client.dr.IntervalPeriod;
import org.plurigrid.console.client.dr.LiveEvent;
import org.plurigrid.console.client.dr.Measurement;
import org.plurigrid.console.client.dr.PayloadType;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.TelemetryClient;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.Mnemonic;
import org.plurigrid.console.client.wallet.SigningKey;
import org.plurigrid.console.devnet.Devnet;
import org.plurigrid.console.devnet.DevnetConfig;
import org.plurigrid.console.devnet.broker.EmbeddedBroker;
import org.plurigrid.console.devnet.chain.DevnetChain;
import org.plurigrid.console.devnet.chain.DrGenesis;
import org.plurigrid.console.devnet.fleet.CommunityGrid;
import org.plurigrid.console.devnet.fleet.EdgeNode;
import org.slf4j.LoggerFactory;

/**
 * Demand-response figures on the devnet (embedded HiveMQ, simulated fleet, devnet chain with the DR contract): per round,
 * one event per community grid asking each grid's whole flexibility now (DISPATCH_SETPOINT_RELATIVE −flexibility, so
 * every device with flexibility is commanded), and for each event the time to send
 * its DCMDs, dispatch (call) to first acknowledgement, DCMDs to first and to 95 % of the acknowledgements, and delivered ÷
 * requested after {@code --settle-seconds}; then cancel, and wait for the devices to be restored. Figures only.
 *
 * <pre>java -cp ... org.plurigrid.console.bench.dr.DrBench [--devices 2000] [--rounds 3] [--settle-seconds 20]
 *     [--block-ms 1000] [--out bench/target/dr-bench.json]</pre>
 */
public final class DrBench {

    private static final Mnemonic PHRASE = Mnemonic.parse("special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling");

    private DrBench() {
    }

    /** One event's figures. */
    record Sample(String grid, int commanded, long commandMs, long dispatchToFirstAckMs, long commandToFirstAckMs, long commandTo95Ms,
                  double requestedKw, double deliveredKw) {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        int devices = intArg(args, "--devices", 2000);
        int rounds = intArg(args, "--rounds", 3);
        int settleSeconds = intArg(args, "--settle-seconds", 20);
        int blockMs = intArg(args, "--block-ms", 1000);
        Path out = Path.of(stringArg(args, "--out", "bench/target/dr-bench.json"));

        List<Sample> samples = new ArrayList<>();
        long tStart = System.nanoTime();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0);
             Devnet devnet = Devnet.start(DevnetConfig.defaults().withExternalBroker(broker.uri()).withDevices(devices).withoutGrid()
                     .withPublishRateHz(1).withSimTimeOfDay(LocalTime.of(19, 0)));
             DevnetChain chain = DevnetChain.start(DevnetChain.Options.defaults().withDemoMnemonics(List.of(PHRASE))
                             .withBlockTime(Duration.ofMillis(blockMs)),
                     DrGenesis.forSites(devnet.fleet().edgeNodes().stream().map(EdgeNode::nodeId).toList(), "cosmos"))) {
            SigningKey key = PHRASE.deriveKey(HdPath.cosmos(0));
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
            ChainClient client = new ChainClient(ChainConfig.of(chain.chainId(), "cosmos", "ucosm", "0.025",
                    GrpcEndpoint.parse(chain.grpcTarget())).withInclusionTimeout(Duration.ofSeconds(30)), InstantSource.system());
            DrDeviceTracker[] holder = new DrDeviceTracker[1];
            TelemetryClient mqtt = new TelemetryClient(BrokerConfig.builder("dr-bench", broker.uri()).clientId("dr-bench").build(), scheduler,
                    pub -> holder[0] = new DrDeviceTracker(InstantSource.system(), pub));
            try {
                mqtt.start();
                DrDeviceTracker tracker = holder[0];
                DemandResponseService dr = new DemandResponseService(new DrChainClient(client, chain.drContractAddress()), tracker,
                        InstantSource.system(), scheduler, DemandResponseService.AckPolicy.defaults());
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (controllable(tracker) < devices * 0.99 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                System.err.printf(Locale.ROOT, "%d devices with DER controls born; baseline for 70 s%n", controllable(tracker));
                Thread.sleep(70_000); // a full meter-before baseline window
                for (int round = 1; round <= rounds; round++) {
                    List<LiveEvent> live = new ArrayList<>();
                    List<Long> dispatchStarts = new ArrayList<>();
                    List<Long> commandMs = new ArrayList<>();
                    for (CommunityGrid g : CommunityGrid.DEVNET_GRIDS) {
                        AtomicLong took = new AtomicLong();
                        double flexKw = Math.floor(dr.flexibility(g.id()).reductionKw());
                        DispatchRequest r = new DispatchRequest(g.id(), PayloadType.DISPATCH_SETPOINT_RELATIVE, -flexKw, "KW", IntervalPeriod.NOW,
                                Duration.ofMinutes(10), Optional.empty(), Optional.empty(), Duration.ofSeconds(2));
                        long t0 = System.currentTimeMillis();
                        DispatchOutcome o = dr.dispatch(r, key, false, p -> {
                            if (p instanceof DispatchProgress.Commanded c) {
                                took.set(c.took().toMillis());
                            }
                        });
                        if (o instanceof DispatchOutcome.Dispatched d) {
                            live.add(d.event());
                            dispatchStarts.add(t0);
                            commandMs.add(took.get());
                        } else {
                            System.err.println("Round " + round + ", " + g.id() + ": " + o);
                        }
                    }
                    for (LiveEvent e : live) {
                        e.awaitAcks(0.95, Duration.ofSeconds(30));
                    }
                    Thread.sleep(settleSeconds * 1000L);
                    Instant now = Instant.now();
                    for (int i = 0; i < live.size(); i++) {
                        LiveEvent e = live.get(i);
                        Measurement m = e.measure(tracker, now);
                        long firstAck = e.firstAck() == null ? -1 : e.firstAck().toEpochMilli();
                        samples.add(new Sample(e.target(), e.commanded(), commandMs.get(i),
                                firstAck < 0 ? -1 : firstAck - dispatchStarts.get(i),
                                firstAck < 0 ? -1 : Duration.between(e.commandedAt(), e.firstAck()).toMillis(),
                                e.timeToAckShare(0.95).map(Duration::toMillis).orElse(-1L), m.requestedKw(), m.deliveredKw()));
                    }
                    for (LiveEvent e : live) {
                        dr.cancel(e.eventId(), key, p -> { });
                    }
                    long restoreDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (System.nanoTime() < restoreDeadline && live.stream().anyMatch(e -> e.counts().getOrDefault(DeviceState.RESPONDING, 0)
                            + e.counts().getOrDefault(DeviceState.ACKNOWLEDGED, 0) > 0)) {
                        Thread.sleep(200);
                    }
                    System.err.printf(Locale.ROOT, "round %d: %d events, %d devices commanded%n", round, live.size(),
                            live.stream().mapToInt(LiveEvent::commanded).sum());
                    Thread.sleep(70_000); // devices back at their baseline before the next round
                }
            } finally {
                mqtt.close();
                client.close();
                scheduler.shutdownNow();
            }
        }
        String json = json(samples, devices, rounds, settleSeconds, blockMs, Duration.ofNanos(System.nanoTime() - tStart));
        System.out.println(json);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
    }

    private static int controllable(DrDeviceTracker t) {
        return CommunityGrid.DEVNET_GRIDS.stream().mapToInt(g -> t.devicesIn(g.id()).size()).sum();
    }

    static String json(List<Sample> s, int devices, int rounds, int settle, int blockMs, Duration took) {
        StringBuilder b = new StringBuilder("{\n");
        b.append(String.format(Locale.ROOT, "  \"devices\": %d, \"rounds\": %d, \"events\": %d, \"settleSeconds\": %d, \"blockMs\": %d, \"tookS\": %d,%n",
                devices, rounds, s.size(), settle, blockMs, took.toSeconds()));
        // time to command every device of a round: the DCMD phases of its events, summed per round
        int perRound = Math.max(1, s.size() / Math.max(1, rounds));
        long[] roundCommand = new long[rounds];
        int[] roundDevices = new int[rounds];
        for (int i = 0; i < s.size(); i++) {
            roundCommand[Math.min(rounds - 1, i / perRound)] += s.get(i).commandMs();
            roundDevices[Math.min(rounds - 1, i / perRound)] += s.get(i).commanded();
        }
        b.append("  \"devicesCommandedPerRound\": ").append(Arrays.toString(roundDevices)).append(",\n");
        b.append("  \"timeToCommandAllMsPerRound\": ").append(Arrays.toString(roundCommand)).append(",\n");
        b.append("  \"dispatchToFirstAckMs\": ").append(pcts(s.stream().mapToLong(Sample::dispatchToFirstAckMs).toArray())).append(",\n");
        b.append("  \"commandToFirstAckMs\": ").append(pcts(s.stream().mapToLong(Sample::commandToFirstAckMs).toArray())).append(",\n");
        b.append("  \"commandTo95PercentAcksMs\": ").append(pcts(s.stream().mapToLong(Sample::commandTo95Ms).toArray())).append(",\n");
        double req = s.stream().mapToDouble(Sample::requestedKw).sum();
        double del = s.stream().mapToDouble(Sample::deliveredKw).sum();
        b.append(String.format(Locale.ROOT, "  \"requestedKw\": %.1f, \"deliveredKw\": %.1f, \"deliveredOverRequested\": %.3f,%n", req, del,
                req == 0 ? Double.NaN : del / req));
        b.append("  \"events\": [\n");
        for (int i = 0; i < s.size(); i++) {
            Sample x = s.get(i);
            b.append(String.format(Locale.ROOT, "    {\"grid\":\"%s\",\"commanded\":%d,\"commandMs\":%d,\"dispatchToFirstAckMs\":%d,"
                            + "\"commandToFirstAckMs\":%d,\"commandTo95Ms\":%d,\"requestedKw\":%.1f,\"deliveredKw\":%.1f}%s%n", x.grid(), x.commanded(),
                    x.commandMs(), x.dispatchToFirstAckMs(), x.commandToFirstAckMs(), x.commandTo95Ms(), x.requestedKw(), x.deliveredKw(),
                    i + 1 < s.size() ? "," : ""));
        }
        return b.append("  ]\n}").toString();
    }

    /** p50 and p99 of the non-negative values (negative: never reached), and how many never reached it. */
    static String pcts(long[] values) {
        long[] v = Arrays.stream(values).filter(x -> x >= 0).sorted().toArray();
        long missing = values.length - v.length;
        if (v.length == 0) {
            return "{\"n\":0,\"missing\":" + missing + "}";
        }
        return String.format(Locale.ROOT, "{\"n\":%d,\"p50\":%d,\"p99\":%d,\"max\":%d,\"missing\":%d}", v.length, pct(v, 0.5), pct(v, 0.99),
                v[v.length - 1], missing);
    }

    private static long pct(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static int intArg(String[] args, String name, int dflt) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(dflt)));
    }

    private static String stringArg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    private static void quietLogs() {
        // the same quiet configuration as the governance bench: warnings to stderr, stdout for the figures only
        if (System.getProperty("logback.configurationFile") == null) {
            java.net.URL quiet = DrBench.class.getResource("/org/plurigrid/console/bench/governance/bench-logback.xml");
            if (quiet != null) {
                System.setProperty("logback.configurationFile", quiet.toString());
            }
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
