package org.plurigrid.console.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmEngineSettings;
import org.plurigrid.console.client.alarms.AlarmJournal;
import org.plurigrid.console.client.alarms.AlarmKind;
import org.plurigrid.console.client.alarms.AlarmRule;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.client.alarms.JournalEvent;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.DecodeErrors;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.devnet.fleet.EdgeNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sparkplug host quality on a healthy devnet (issue 9): the fleet and the EMS report by exception, and the console
 * keeps every point GOOD while its node is online, raising no stale alarm however long a value stays unchanged. Then
 * one gateway dies and exactly its points turn COMMS_LOST.
 *
 * <p>The console and its alarm engine run on a clock {@code speed} times faster than the fleet's, so that the CI run
 * (75 s of wall time at 10×: 12.5 minutes for the stale sweep and the alarms' on-delays, far past the old 15 s
 * threshold) covers what a 10-minute run covers. The long run of the issue: {@code -Dplurigrid.quality.seconds=600
 * -Dplurigrid.quality.speed=1 -Dplurigrid.quality.devices=360}.
 */
class DataQualityDevnetTest {

    private static final Logger LOG = LoggerFactory.getLogger(DataQualityDevnetTest.class);
    private static final String HOST = "quality-test-console";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int SECONDS = Integer.getInteger("plurigrid.quality.seconds", 75);
    private static final int SPEED = Integer.getInteger("plurigrid.quality.speed", 10);
    private static final int DEVICES = Integer.getInteger("plurigrid.quality.devices", 60);

    @Test
    void everyPointStaysGoodOnAHealthyDevnetAndExactlyTheKilledNodesPointsTurnCommsLost() throws Exception {
        InstantSource consoleClock = new FastClock(SPEED);
        AlarmRuleSet rules = AlarmRuleFile.defaults();
        Set<String> staleRules = rules.rules().stream().filter(r -> r.kind() == AlarmKind.STALE).map(AlarmRule::id)
                .collect(Collectors.toSet());
        assertThat(staleRules).as("the shipped rules alarm on stale data").isNotEmpty();
        AlarmJournal journal = new AlarmJournal(AlarmEngineSettings.DEFAULTS.journalCapacity());
        AlarmEngine engine = new AlarmEngine(rules, consoleClock, AlarmEngineSettings.DEFAULTS, journal);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-alarm-ticker");
            t.setDaemon(true);
            return t;
        });
        ConcurrentLinkedQueue<Measurement> notGood = new ConcurrentLinkedQueue<>();

        try (Devnet devnet = Devnet.start(DevnetConfig.defaults().withMqttPort(0).withDevices(DEVICES)
                .withSimTimeOfDay(LocalTime.of(10, 0)));
             TelemetryService console = new TelemetryService(List.of(BrokerConfig.builder("devnet", devnet.mqttUri())
                     .topicFilters(devnet.sparkplugTopicFilter()).hostId(HOST).build()), consoleClock)) {
            devnet.followPrimaryHost(HOST);
            List<EdgeNode> gateways = devnet.fleet().edgeNodes();
            Set<String> expectedNodes = gateways.stream().map(EdgeNode::nodeId).collect(Collectors.toSet());
            devnet.grid().ifPresent(g -> g.edgeNodes().forEach(n -> expectedNodes.add(n.nodeId())));
            console.addListener(engine);
            ticker.scheduleAtFixedRate(engine::tick, 250, 250, TimeUnit.MILLISECONDS);
            console.start();

            await("every node born and every point GOOD", () -> allGood(console, expectedNodes),
                    () -> qualities(console));
            int points = console.store().size();
            console.addListener(m -> {
                if (m.quality() != Quality.GOOD) {
                    notGood.add(m);
                }
            });

            long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            Instant consoleStart = consoleClock.instant();
            int checks = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(1_000);
                checks++;
                assertThat(console.store().notGoodCount()).as("points not GOOD after %d s: %s", checks,
                        firstFew(notGood)).isZero();
            }
            Duration covered = Duration.between(consoleStart, consoleClock.instant());
            List<JournalEntry> staleAlarms = journal.entries().stream()
                    .filter(e -> e.event() == JournalEvent.RAISED && e.key().isPresent()
                            && staleRules.contains(e.key().get().ruleId())).toList();
            Map<Quality, Long> byQuality = qualities(console);
            LOG.info("Quality after {} s wall time ({} s console time, {}x): {} points, {}; stale alarms {}, "
                            + "decode errors {}", SECONDS, covered.toSeconds(), SPEED, console.store().size(),
                    byQuality, staleAlarms.size(), console.decodeErrors().snapshot());
            assertThat(covered).as("console time covered").isGreaterThan(Duration.ofMinutes(1));
            assertThat(notGood).as("quality changes on a healthy devnet").isEmpty();
            assertThat(byQuality).as("share of GOOD points").containsOnlyKeys(Quality.GOOD);
            assertThat(console.store().size()).as("no point lost").isGreaterThanOrEqualTo(points);
            assertThat(staleAlarms).as("stale alarms raised").isEmpty();
            assertThat(console.decodeErrors().count(DecodeErrors.SEQ_GAP)).as("sequence gaps").isZero();

            // Kill one gateway: the broker publishes its Will (NDEATH).
            EdgeNode victim = gateways.getFirst();
            Set<String> victimPoints = console.store().snapshot().stream()
                    .filter(m -> m.id().node().equals(victim.nodeId())).map(m -> m.id().path())
                    .collect(Collectors.toSet());
            assertThat(victimPoints).isNotEmpty();
            victim.dropConnection(Duration.ofHours(1));
            await("the killed node's points COMMS_LOST", () -> console.store().snapshot().stream()
                    .filter(m -> victimPoints.contains(m.id().path()))
                    .allMatch(m -> m.quality() == Quality.COMMS_LOST), () -> qualities(console));
            Thread.sleep(2_000); // anything else that would go wrong has time to show
            Set<String> lost = console.store().snapshot().stream().filter(m -> m.quality() != Quality.GOOD)
                    .map(m -> m.id().path()).collect(Collectors.toSet());
            assertThat(lost).as("exactly the killed node's points are not GOOD")
                    .containsExactlyInAnyOrderElementsOf(victimPoints);
            assertThat(console.store().snapshot()).filteredOn(m -> victimPoints.contains(m.id().path()))
                    .extracting(Measurement::quality).containsOnly(Quality.COMMS_LOST);
        } finally {
            ticker.shutdownNow();
        }
    }

    private static List<Measurement> firstFew(ConcurrentLinkedQueue<Measurement> q) {
        return q.stream().limit(5).toList();
    }

    private static boolean allGood(TelemetryService console, Set<String> nodes) {
        List<Measurement> all = console.store().snapshot();
        Set<String> seen = all.stream().map(m -> m.id().node()).collect(Collectors.toSet());
        return seen.containsAll(nodes) && all.stream().allMatch(m -> m.quality() == Quality.GOOD);
    }

    private static Map<Quality, Long> qualities(TelemetryService console) {
        return console.store().snapshot().stream()
                .collect(Collectors.groupingBy(Measurement::quality, Collectors.counting()));
    }

    private static void await(String what, BooleanSupplier condition, Supplier<?> seen) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WAIT.toSeconds() + " s: " + what + "; seen: " + seen.get());
            }
            Thread.sleep(100);
        }
    }

    /** Wall time sped up {@code speed} times from the moment of construction. */
    private static final class FastClock implements InstantSource {
        private final long startMillis = System.currentTimeMillis();
        private final long startNanos = System.nanoTime();
        private final int speed;

        FastClock(int speed) {
            this.speed = speed;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            return startMillis + (System.nanoTime() - startNanos) / 1_000_000 * speed;
        }
    }
}
