package org.plurigrid.console.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.protobuf.SparkplugBProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.testsupport.mqtt.MosquittoBroker;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.DecodeErrors;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.RebirthPolicy;
import org.plurigrid.console.client.telemetry.TelemetryLimits;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.client.telemetry.TelemetrySettings;
import org.plurigrid.console.devnet.fleet.EdgeNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, items 1 and 2, on a real broker: spoofed Sparkplug traffic cannot make the console send commands beyond
 * its global budget, and a flood of hostile births neither grows the console's memory without bound nor disturbs the
 * real fleet's data (no sequence gap, every real point GOOD).
 */
class HostileTrafficDevnetTest {

    private static final Logger LOG = LoggerFactory.getLogger(HostileTrafficDevnetTest.class);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void spoofedDataFromFreshNodeIdsGetsAtMostTheGlobalBudgetOfRebirthRequests() throws Exception {
        MosquittoBroker.assumeInstalled();
        int spoofed = 200_000;
        // The most permissive mode (telemetry stats --rebirth): unknown nodes may be asked, within the budget.
        RebirthPolicy policy = RebirthPolicy.DEFAULTS.withMode(RebirthPolicy.Mode.ANY);
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("mosquitto"));
             TelemetryService console = new TelemetryService(List.of(BrokerConfig.builder("b", broker.uri()).build()),
                     InstantSource.system(), null, TelemetrySettings.DEFAULTS.withRebirth(policy))) {
            AtomicLong ncmds = new AtomicLong();
            MqttClient watcher = new MqttClient(
                    broker.uri(), "ncmd-watcher", new MemoryPersistence());
            watcher.connect();
            watcher.subscribe("spBv1.0/+/NCMD/#", 0, (t, m) -> ncmds.incrementAndGet());
            console.start();
            awaitTrue("console connected", () -> console.connections().getFirst().state().name().equals("CONNECTED"),
                    console::connections);
            long heapBefore = usedHeapAfterGc();

            byte[] ndata = SparkplugBProto.Payload.newBuilder().setSeq(1).setTimestamp(System.currentTimeMillis())
                    .addMetrics(SparkplugBProto.Payload.Metric.newBuilder().setAlias(1).setDatatype(10)
                            .setDoubleValue(1)).build().toByteArray();
            long started = System.nanoTime();
            try (Publisher attacker = new Publisher(broker.uri(), "attacker")) {
                for (int i = 0; i < spoofed; i++) {
                    attacker.publish("spBv1.0/cg-spoof/NDATA/fake-" + i, ndata);
                }
            }
            long[] last = {-1};
            awaitTrue("the console decoded what reached it", () -> {
                long now = console.stats().messages();
                boolean settled = now == last[0] && console.pendingMessages() == 0;
                last[0] = now;
                return settled;
            }, console::stats);
            Thread.sleep(500); // the last NCMDs reach the watcher
            double seconds = (System.nanoTime() - started) / 1e9;
            long budget = policy.burst() + (long) Math.ceil(policy.perSecond() * seconds);
            long heapAfter = usedHeapAfterGc();
            LOG.info("Spoof: {} NDATA published, {} received, {} NCMDs seen by a subscriber (budget {} over {} s), "
                            + "store {} points, heap {} MB -> {} MB", spoofed, console.stats().messages(), ncmds.get(),
                    budget, String.format("%.1f", seconds), console.store().size(), heapBefore >> 20, heapAfter >> 20);
            watcher.disconnect();
            watcher.close();

            assertThat(console.stats().messages()).as("most spoofed messages reached the console")
                    .isGreaterThan(spoofed / 2);
            assertThat(ncmds.get()).as("NCMDs on the broker").isPositive().isLessThanOrEqualTo(budget);
            assertThat(console.rebirthRequests()).isEqualTo(ncmds.get());
            assertThat(console.store().size()).as("no point for a node never seen born").isZero();
            assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(32L << 20);
        }
    }

    /**
     * On Mosquitto: HiveMQ drops QoS 0 messages to a subscriber whose socket is momentarily full, which half-megabyte
     * births cause whatever the subscriber does; Mosquitto queues them, so a gap here would be the console's doing.
     */
    @Test
    void aFloodOfHostileBirthsLeavesTheRealFleetGapFreeAndTheStoreBounded() throws Exception {
        MosquittoBroker.assumeInstalled();
        String host = "flood-test-console";
        TelemetryLimits limits = TelemetryLimits.DEFAULTS.withMaxPoints(40_000).withMaxNodes(100);
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("mosquitto"));
             Devnet devnet = Devnet.start(DevnetConfig.defaults().withExternalBroker(broker.uri()).withDevices(60)
                     .withPublishRateHz(2).withoutGrid().withSimTimeOfDay(LocalTime.NOON));
             TelemetryService console = new TelemetryService(List.of(BrokerConfig.builder("b", broker.uri())
                     .hostId(host).build()), InstantSource.system(), null,
                     TelemetrySettings.DEFAULTS.withLimits(limits))) {
            devnet.followPrimaryHost(host);
            Set<String> real = devnet.fleet().edgeNodes().stream().map(EdgeNode::nodeId).collect(Collectors.toSet());
            console.start();
            awaitTrue("the real fleet born and GOOD", () -> realGood(console, real), () -> qualities(console));
            int realPoints = console.store().size();
            long heapBefore = usedHeapAfterGc();

            long started = System.nanoTime();
            int huge = 0;
            int fresh = 0;
            int replaced = 0;
            try (Publisher attacker = new Publisher(broker.uri(), "birth-flood")) {
                byte[] tooBig = birth("x", 20_000); // over maxMetricsPerBirth: refused whole
                for (int round = 0; round < 60; round++) {
                    attacker.publish("spBv1.0/cg-hostile/NBIRTH/huge-" + round, tooBig);
                    huge++;
                    for (int k = 0; k < 4; k++) {
                        // Fresh nodes, 2,000 metrics each: accepted until the node and point limits.
                        attacker.publish("spBv1.0/cg-hostile/NBIRTH/fresh-" + fresh, birth("f" + fresh, 2_000));
                        fresh++;
                        // One node born again and again with new names: its old points must be freed.
                        attacker.publish("spBv1.0/cg-hostile/NBIRTH/replacer", birth("r" + replaced, 1_000));
                        replaced++;
                    }
                }
            }
            awaitTrue("the flood decoded", () -> console.pendingMessages() == 0
                    && console.stats().messages() > 0, console::stats);
            Thread.sleep(3_000); // the real fleet keeps publishing: any gap would show now
            double seconds = (System.nanoTime() - started) / 1e9;
            long heapAfter = usedHeapAfterGc();
            Map<String, Long> errors = console.decodeErrors().snapshot();
            long replacerPoints = console.store().snapshot().stream()
                    .filter(m -> m.id().node().equals("replacer")).count();
            LOG.info("Birth flood: {} huge + {} fresh + {} replacing births in {} s; store {} points ({} real), "
                            + "replacer {} points; heap {} MB -> {} MB; errors {}", huge, fresh, replaced,
                    String.format("%.1f", seconds), console.store().size(), realPoints, replacerPoints,
                    heapBefore >> 20, heapAfter >> 20, errors);

            assertThat(console.decodeErrors().count(DecodeErrors.SEQ_GAP)).as("sequence gaps of the real fleet")
                    .isZero();
            assertThat(realGood(console, real)).as("every real point GOOD: %s", qualities(console)).isTrue();
            assertThat(console.store().size()).as("points").isLessThanOrEqualTo(limits.maxPoints());
            assertThat(errors.getOrDefault(DecodeErrors.BIRTH_TOO_LARGE, 0L)).as("huge births refused").isPositive();
            assertThat(console.store().snapshot()).as("no point of a refused birth")
                    .noneMatch(m -> m.id().node().startsWith("huge-"));
            assertThat(errors.getOrDefault(DecodeErrors.NODE_LIMIT, 0L)
                    + errors.getOrDefault(DecodeErrors.POINT_LIMIT, 0L)).as("fresh births beyond the limits")
                    .isPositive();
            assertThat(replacerPoints).as("only the last birth's points of a node born again").isLessThanOrEqualTo(1_000);
            assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(192L << 20);
        }
    }

    private static byte[] birth(String prefix, int metrics) {
        SparkplugBProto.Payload.Builder b = SparkplugBProto.Payload.newBuilder().setSeq(0)
                .setTimestamp(System.currentTimeMillis())
                .addMetrics(SparkplugBProto.Payload.Metric.newBuilder().setName("bdSeq").setDatatype(8).setLongValue(0));
        for (int i = 0; i < metrics; i++) {
            b.addMetrics(SparkplugBProto.Payload.Metric.newBuilder().setName(prefix + "/m" + i).setAlias(i + 1)
                    .setDatatype(10).setDoubleValue(i));
        }
        return b.build().toByteArray();
    }

    private static boolean realGood(TelemetryService console, Set<String> nodes) {
        List<Measurement> realPoints = console.store().snapshot().stream()
                .filter(m -> nodes.contains(m.id().node())).toList();
        return realPoints.stream().map(m -> m.id().node()).collect(Collectors.toSet()).containsAll(nodes)
                && realPoints.stream().allMatch(m -> m.quality() == Quality.GOOD);
    }

    private static Map<Quality, Long> qualities(TelemetryService console) {
        return console.store().snapshot().stream()
                .collect(Collectors.groupingBy(Measurement::quality, Collectors.counting()));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void awaitTrue(String what, BooleanSupplier condition, Supplier<?> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WAIT.toSeconds() + " s: " + what + "; seen: " + seen.get());
            }
            Thread.sleep(500);
        }
    }

    /** A fast QoS 0 publisher (MQTT 3.1.1) that waits when Paho's outgoing window is full. */
    private static final class Publisher implements AutoCloseable {
        private final MqttAsyncClient client;
        private IMqttDeliveryToken last;

        Publisher(String uri, String id) throws MqttException {
            client = new MqttAsyncClient(uri, id,
                    new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMaxInflight(65_535);
            client.connect(o).waitForCompletion(10_000);
        }

        void publish(String topic, byte[] payload) throws Exception {
            while (true) {
                try {
                    last = client.publish(topic, payload, 0, false);
                    return;
                } catch (MqttException e) {
                    if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                        throw e;
                    }
                    Thread.sleep(1);
                }
            }
        }

        @Override
        public void close() throws MqttException {
            if (last != null) {
                last.waitForCompletion(60_000); // in order: everything before it is on the wire too
            }
            client.disconnect(5_000).waitForCompletion(5_000);
            client.close();
        }
    }
}
