package org.plurigrid.console.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.client.telemetry.TelemetrySettings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * Telemetry benchmark: one fixed, pre-encoded Sparkplug B stream through a real broker, measured in one run for
 * (a) a bare Paho MQTT 5 subscriber that only counts, and (b) the console's whole pipeline ({@link TelemetryService}:
 * decode, point store, alarm evaluation with the shipped rules, a latency listener, a drain every 16 ms), then (c) a soak of (b) at a fixed rate with publish-to-model
 * latency and heap. Prints one JSON document and writes it to {@code bench/target/telemetry-bench.json}. Figures
 * only: nothing here asserts a timing.
 *
 * <p>Options: {@code --messages N} (per throughput phase, default 200000), {@code --rounds R} (measured
 * bare/pipeline rounds after one warm-up round, default 3; the figures are medians), {@code --rate R} (soak msg/s, default
 * 50000), {@code --soak-seconds S} (default 60; the issue's soak is 600), {@code --nodes N} (default 20),
 * {@code --devices D} per node (default 50), {@code --hivemq} (use embedded HiveMQ even if Mosquitto is installed),
 * {@code --out FILE}.
 */
public final class TelemetryBench {

    private static final int FRAME_MS = 16;

    private final int nodes;
    private final int devices;
    private final int messages;
    private final int rate;
    private final int soakSeconds;
    private final int rounds;
    private final boolean hivemq;
    private final Path out;
    private final long base = System.nanoTime();

    private TelemetryBench(String[] args) {
        int n = 20, d = 50, m = 200_000, r = 50_000, s = 60, rr = 3;
        boolean h = false;
        Path o = BenchOutput.defaultFile("telemetry-bench.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--nodes" -> n = Integer.parseInt(args[++i]);
                case "--devices" -> d = Integer.parseInt(args[++i]);
                case "--messages" -> m = Integer.parseInt(args[++i]);
                case "--rate" -> r = Integer.parseInt(args[++i]);
                case "--soak-seconds" -> s = Integer.parseInt(args[++i]);
                case "--rounds" -> rr = Integer.parseInt(args[++i]);
                case "--hivemq" -> h = true;
                case "--out" -> o = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the class comment "
                        + "or bench/README.md");
            }
        }
        this.nodes = n;
        this.devices = d;
        this.messages = m;
        this.rate = r;
        this.soakSeconds = s;
        this.rounds = Math.max(1, rr);
        this.hivemq = h;
        this.out = o;
    }

    public static void main(String[] args) throws Exception {
        // Tahu ships a TRACE logback.xml; ours must win before the first logger is created.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "telemetry-bench-logback.xml");
        }
        ObjectNode result = new TelemetryBench(args).run();
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        System.out.println(text);
        System.exit(0); // Paho and HiveMQ leave non-daemon threads behind
    }

    private double nowMs() {
        return (System.nanoTime() - base) / 1e6;
    }

    ObjectNode run() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        SparkplugStream stream = new SparkplugStream(nodes, devices);
        Path work = Files.createTempDirectory("telemetry-bench");
        try (BenchBroker broker = BenchBroker.start(work, hivemq)) {
            root.put("broker", broker.kind);
            root.put("startedAt", Instant.now().toString());
            root.put("cpus", Runtime.getRuntime().availableProcessors());
            root.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
            ObjectNode s = root.putObject("stream");
            s.put("nodes", nodes);
            s.put("devicesPerNode", devices);
            s.put("devicePoints", stream.points());
            s.put("ddataBytes", stream.data.get(0).payload().length);

            PacedPublisher publisher = new PacedPublisher(broker.uri, stream, "bench-publisher", base);
            try {
                // Bare and pipeline alternate, a round each, so that load from other processes hits both alike;
                // round 0 warms the JIT up and is not counted.
                ArrayNode roundsJson = root.putArray("rounds");
                List<Double> bareRates = new ArrayList<>();
                List<Double> pipeRates = new ArrayList<>();
                ObjectNode lastPipe = null;
                for (int r = 0; r <= rounds; r++) {
                    log("round " + r + (r == 0 ? " (warm-up)" : "") + ": bare Paho subscriber, then the pipeline, "
                            + messages + " messages each");
                    ObjectNode bare = bare(broker.uri, publisher);
                    ObjectNode pipe = pipelineRound(broker.uri, publisher);
                    if (r > 0) {
                        ObjectNode round = roundsJson.addObject();
                        round.set("bare", bare);
                        round.set("pipeline", pipe);
                        bareRates.add(bare.get("messagesPerSecond").asDouble());
                        pipeRates.add(pipe.get("messagesPerSecond").asDouble());
                        round.put("ratio", round(pipe.get("messagesPerSecond").asDouble()
                                / bare.get("messagesPerSecond").asDouble(), 3));
                        lastPipe = pipe;
                    }
                }
                double bareMedian = median(bareRates);
                double pipeMedian = median(pipeRates);
                root.put("bareMessagesPerSecondMedian", Math.round(bareMedian));
                root.put("pipelineMessagesPerSecondMedian", Math.round(pipeMedian));
                root.put("pipelineToBareRatio", round(pipeMedian / bareMedian, 3));
                root.set("pipelineDecodeErrors", lastPipe.get("decodeErrors"));
                log("soak: " + rate + " msg/s for " + soakSeconds + " s");
                soak(broker.uri, publisher, root.putObject("soak"));
            } finally {
                publisher.close();
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        root.put("writtenTo", out.toAbsolutePath().toString());
        return root;
    }

    private ObjectNode bare(String uri, PacedPublisher publisher) throws Exception {
        ObjectNode result = new ObjectMapper().createObjectNode();
        AtomicLong received = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        org.eclipse.paho.mqttv5.client.MqttAsyncClient sub = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                uri, "bench-bare", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        sub.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                long now = System.nanoTime();
                if (received.getAndIncrement() == 0) {
                    first.set(now);
                }
                last.set(now);
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setReceiveMaximum(65_535); // as the console's transport
        sub.connect(o).waitForCompletion(10_000);
        sub.subscribe("spBv1.0/#", 1).waitForCompletion(10_000);
        long sent = publisher.blast(messages);
        awaitQuiet(received::get, sent);
        sub.disconnect().waitForCompletion(5_000);
        sub.close();
        double seconds = (last.get() - first.get()) / 1e9;
        result.put("sent", sent);
        result.put("received", received.get());
        result.put("seconds", round(seconds, 3));
        result.put("messagesPerSecond", Math.round(received.get() / seconds));
        return result;
    }

    /** The console's pipeline as the app wires it, plus a listener for latency and a drain every frame. */
    private final class Console implements AutoCloseable {
        final TelemetryService service;
        final LatencyRecorder latency = new LatencyRecorder();
        final LatencyRecorder drain = new LatencyRecorder();
        final LatencyRecorder gaps = new LatencyRecorder();
        final AtomicLong first = new AtomicLong();
        final AtomicLong last = new AtomicLong();
        private final AtomicLong updates = new AtomicLong();
        /** Alarm evaluation on every measurement, as in the app (shipped default rules). */
        final AlarmEngine alarms = new AlarmEngine(AlarmRuleFile.defaults(), InstantSource.system());
        private final ScheduledExecutorService frames = Executors.newSingleThreadScheduledExecutor(
                NamedThreads.daemon("bench-frame"));

        Console(String uri) throws InterruptedException {
            BrokerConfig config = BrokerConfig.builder("bench", uri).clientId("bench-console").build();
            service = new TelemetryService(List.of(config), InstantSource.system(), null, TelemetrySettings.DEFAULTS);
            service.addListener(alarms);
            service.addListener(m -> {
                long now = System.nanoTime();
                if (updates.getAndIncrement() == 0) {
                    first.set(now);
                }
                last.set(now);
                if (m.quality() == Quality.GOOD && SparkplugStream.CLOCK_METRIC.equals(m.id().metric())
                        && m.value() > 0) {
                    latency.record((now - base) / 1e6 - m.value());
                }
            });
            double[] lastFrame = {nowMs()};
            frames.scheduleAtFixedRate(() -> {
                double start = nowMs();
                gaps.record(start - lastFrame[0]);
                lastFrame[0] = start;
                service.feed().drainChanges();
                alarms.drainChanges();
                drain.record(nowMs() - start);
            }, FRAME_MS, FRAME_MS, TimeUnit.MILLISECONDS);
            frames.scheduleAtFixedRate(alarms::tick, 250, 250, TimeUnit.MILLISECONDS);
            service.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (service.connections().get(0).state() != ConnectionState.CONNECTED) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("console did not connect: " + service.connections());
                }
                Thread.sleep(20);
            }
        }

        long messages() {
            return service.stats().messages();
        }

        @Override
        public void close() {
            frames.shutdownNow();
            service.close();
        }
    }

    private ObjectNode pipelineRound(String uri, PacedPublisher publisher) throws Exception {
        ObjectNode result = new ObjectMapper().createObjectNode();
        try (Console console = new Console(uri)) {
            long sent = publisher.births() + publisher.blast(messages);
            awaitQuiet(console::messages, sent);
            double seconds = (console.last.get() - console.first.get()) / 1e9;
            long received = console.messages();
            result.put("sent", sent);
            result.put("received", received);
            result.put("seconds", round(seconds, 3));
            result.put("messagesPerSecond", Math.round(received / seconds));
            result.put("points", console.service.stats().points());
            result.putPOJO("decodeErrors", console.service.stats().decodeErrors());
            result.set("latencyWhileBlastingMs", latencyJson(console.latency));
        }
        return result;
    }

    /** The pipeline at a fixed publish rate: latency, heap, frame drain. */
    private void soak(String uri, PacedPublisher publisher, ObjectNode soak) throws Exception {
        try (Console console = new Console(uri)) {
            long births = publisher.births();
            awaitQuiet(console::messages, births);
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapStart = mem.getHeapMemoryUsage().getUsed();
            console.latency.reset();
            console.drain.reset();
            console.gaps.reset();
            List<Long> samples = new ArrayList<>();
            long before = console.messages();
            long start = System.nanoTime();
            long soakSent = 0;
            long nextSample = start + TimeUnit.SECONDS.toNanos(10);
            long end = start + TimeUnit.SECONDS.toNanos(soakSeconds);
            while (System.nanoTime() < end) {
                soakSent += publisher.paced(rate, Math.min(end, nextSample));
                if (System.nanoTime() >= nextSample) {
                    samples.add(mem.getHeapMemoryUsage().getUsed() >> 20);
                    nextSample += TimeUnit.SECONDS.toNanos(10);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitQuiet(console::messages, before + soakSent);
            System.gc();
            long heapEnd = mem.getHeapMemoryUsage().getUsed();
            soak.put("seconds", round(seconds, 1));
            soak.put("targetRate", rate);
            soak.put("sent", soakSent);
            soak.put("achievedPublishRate", Math.round(soakSent / seconds));
            soak.put("received", console.messages() - before);
            soak.set("latencyMs", latencyJson(console.latency));
            soak.put("heapUsedAfterGcStartMb", heapStart >> 20);
            soak.put("heapUsedAfterGcEndMb", heapEnd >> 20);
            soak.putPOJO("heapUsedEvery10sMb", samples);
            soak.put("heapMaxMb", mem.getHeapMemoryUsage().getMax() >> 20);
            ObjectNode frame = soak.putObject("drainPerFrame");
            frame.put("everyMs", FRAME_MS);
            frame.put("drainMsP99", console.drain.quantileMs(0.99));
            frame.put("drainMsMax", round(console.drain.maxMs(), 2));
            frame.put("frameGapMsP99", console.gaps.quantileMs(0.99));
            frame.put("frameGapMsMax", round(console.gaps.maxMs(), 2));
            frame.put("note", "drain of the coalesced changes on a plain scheduler thread, not a JavaFX pulse");
            soak.putPOJO("decodeErrors", console.service.stats().decodeErrors());
            soak.put("alarmEvaluations", console.alarms.evaluations());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static ObjectNode latencyJson(LatencyRecorder r) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("samples", r.count());
        n.put("p50", r.quantileMs(0.50));
        n.put("p99", r.quantileMs(0.99));
        n.put("max", round(r.maxMs(), 2));
        return n;
    }

    /** Waits until {@code expected} arrived or nothing arrived for 2 s. */
    private static void awaitQuiet(java.util.function.LongSupplier count, long expected) throws InterruptedException {
        long seen = -1;
        long quietSince = System.nanoTime();
        while (true) {
            long c = count.getAsLong();
            if (c >= expected) {
                return;
            }
            if (c != seen) {
                seen = c;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(2)) {
                return;
            }
            Thread.sleep(10);
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static void log(String s) {
        System.err.println("[telemetry-bench] " + s);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TelemetryBench[nodes=%d, devices=%d, messages=%d, rate=%d, soak=%ds]",
                nodes, devices, messages, rate, soakSeconds);
    }
}
