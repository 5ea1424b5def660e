package org.plurigrid.console.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmEngineSettings;
import org.plurigrid.console.client.alarms.AlarmJournal;
import org.plurigrid.console.client.alarms.AlarmKey;
import org.plurigrid.console.client.alarms.AlarmKind;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.client.alarms.JournalEvent;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.devnet.fleet.EdgeNode;
import org.plurigrid.console.testsupport.mqtt.MosquittoBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker dies mid-stream and comes back (a real Mosquitto process, killed by its pid): the console marks the
 * fleet's data COMMS_LOST well within its stale period, raises one comms-loss alarm per gateway, reconnects once the
 * broker is back, the gateways re-birth, the data is GOOD again, every alarm returns to normal, and the alarm journal
 * has lost nothing: gap-free sequence numbers and a return to normal for every alarm raised.
 */
class BrokerOutageAlarmsTest {

    private static final String COMMS_RULE = "edge-node-comms-loss";
    private static final Logger LOG = LoggerFactory.getLogger(BrokerOutageAlarmsTest.class);
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The console's stale period: data must be greyed within it. */
    private static final Duration STALE_PERIOD = TelemetryService.DEFAULT_STALE_PERIOD;

    @TempDir
    Path dir;

    @Test
    void brokerCrashGreysDataRaisesCommsLossAndAfterRestartEveryAlarmReturnsToNormalWithNothingLost() throws Exception {
        MosquittoBroker.assumeInstalled();
        InstantSource clock = InstantSource.system();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-alarm-ticker");
            t.setDaemon(true);
            return t;
        });
        AlarmJournal journal = new AlarmJournal(AlarmEngineSettings.DEFAULTS.journalCapacity());
        ConcurrentLinkedQueue<JournalEntry> heard = new ConcurrentLinkedQueue<>();
        journal.addListener(heard::add);
        AlarmEngine engine = new AlarmEngine(AlarmRuleFile.defaults(), clock, AlarmEngineSettings.DEFAULTS, journal);

        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("mosquitto"));
             Devnet devnet = Devnet.start(DevnetConfig.defaults().withExternalBroker(broker.uri()).withDevices(12)
                     .withPublishRateHz(2).withoutGrid(), clock);
             TelemetryService console = new TelemetryService(List.of(BrokerConfig.builder("mosquitto", broker.uri())
                     .topicFilters(devnet.sparkplugTopicFilter()).hostId("outage-test-console")
                     .reconnectDelay(Duration.ofMillis(250), Duration.ofSeconds(2)).build()), clock)) {
            List<EdgeNode> gateways = devnet.fleet().edgeNodes();
            Set<String> nodeIds = gateways.stream().map(EdgeNode::nodeId).collect(Collectors.toSet());
            devnet.followPrimaryHost("outage-test-console");
            console.addListener(engine);
            ticker.scheduleAtFixedRate(engine::tick, 250, 250, TimeUnit.MILLISECONDS);
            console.start();

            // Live: the gateways birth again when the console's STATE says online; every gateway's data GOOD.
            await("every gateway's data GOOD", () -> allGood(console, nodeIds), () -> qualities(console));
            assertThat(engine.active()).as("no comms-loss before the fault")
                    .noneMatch(a -> a.kind() == AlarmKind.COMMS_LOSS);

            // Crash the broker.
            long journalAtKill = journal.lastSequence();
            long killedAt = System.nanoTime();
            long oldPid = broker.pid();
            broker.kill();
            await("data COMMS_LOST or STALE", () -> noneGood(console), () -> qualities(console));
            Duration greyedAfter = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(greyedAfter).as("greyed within the stale period").isLessThan(STALE_PERIOD);
            assertThat(console.store().snapshot()).as("values kept while greyed")
                    .allSatisfy(m -> assertThat(m.value()).isFinite());
            await("a comms-loss alarm per gateway", () -> commsLossNodes(engine).containsAll(nodeIds),
                    () -> commsLossNodes(engine));
            assertThat(console.connections().getFirst().state()).isNotEqualTo(ConnectionState.CONNECTED);

            LOG.info("Broker killed: data greyed after {} ms, {} comms-loss alarms after {} ms", greyedAfter.toMillis(),
                    nodeIds.size(), (System.nanoTime() - killedAt) / 1_000_000);

            // Restart it on the same port: the console and the gateways reconnect, the gateways re-birth.
            long restartedAt = System.nanoTime();
            broker.start();
            assertThat(broker.pid()).isNotEqualTo(oldPid);
            await("console reconnected", () -> {
                ConnectionStatus s = console.connections().getFirst();
                return s.state() == ConnectionState.CONNECTED && s.reconnects() >= 1;
            }, console::connections);
            await("every gateway online again", () -> gateways.stream().allMatch(EdgeNode::isOnline),
                    () -> gateways.stream().filter(g -> !g.isOnline()).map(EdgeNode::nodeId).toList());
            await("every gateway's data GOOD again", () -> allGood(console, nodeIds), () -> qualities(console));
            await("every comms-loss alarm returned to normal", () -> commsLossNodes(engine).isEmpty(),
                    () -> commsLossNodes(engine));
            LOG.info("Broker restarted: data GOOD and alarms back to normal after {} ms",
                    (System.nanoTime() - restartedAt) / 1_000_000);
            assertThat(gateways).allSatisfy(g -> assertThat(g.sessions()).as("sessions of %s", g.nodeId())
                    .isGreaterThanOrEqualTo(2));

            // Nothing lost: the journal as kept and as heard by its listener, gap-free, each alarm back to normal.
            List<JournalEntry> kept = journal.entries();
            kept.stream().filter(e -> e.event() == JournalEvent.RAISED && !e.key().orElseThrow().ruleId().equals(COMMS_RULE))
                    .forEach(e -> LOG.info("process alarm during the test: {} at {} (kill at seq {})", e.key().get(),
                            e.time(), journalAtKill));
            List<JournalEntry> live = new ArrayList<>(heard);
            live.sort(Comparator.comparingLong(JournalEntry::sequence));
            assertThat(live).extracting(JournalEntry::sequence)
                    .containsExactlyElementsOf(kept.stream().map(JournalEntry::sequence).toList());
            for (int i = 1; i < kept.size(); i++) {
                assertThat(kept.get(i).sequence()).as("gap-free journal at %d", i)
                        .isEqualTo(kept.get(i - 1).sequence() + 1);
            }
            // Every alarm raised since the broker died (conditions that stood before the fault are not its doing).
            Map<AlarmKey, List<JournalEvent>> stories = kept.stream()
                    .filter(e -> e.key().isPresent() && e.sequence() > journalAtKill)
                    .collect(Collectors.groupingBy(e -> e.key().orElseThrow(),
                            Collectors.mapping(JournalEntry::event, Collectors.toList())));
            List<AlarmKey> raised = stories.entrySet().stream()
                    .filter(e -> e.getValue().contains(JournalEvent.RAISED)).map(Map.Entry::getKey).toList();
            assertThat(raised).as("comms-loss alarms raised").filteredOn(k -> k.ruleId().equals(COMMS_RULE))
                    .hasSize(nodeIds.size());
            assertThat(raised).allSatisfy(key -> assertThat(stories.get(key)).as("story of %s", key)
                    .containsSubsequence(JournalEvent.RAISED, JournalEvent.RETURNED_TO_NORMAL)
                    .endsWith(JournalEvent.RETURNED_TO_NORMAL));
        } finally {
            ticker.shutdownNow();
        }
    }

    private static boolean allGood(TelemetryService console, Set<String> nodes) {
        List<Measurement> all = console.store().snapshot();
        Set<String> seen = all.stream().map(m -> m.id().node()).collect(Collectors.toSet());
        return seen.containsAll(nodes) && all.stream().allMatch(m -> m.quality() == Quality.GOOD);
    }

    private static boolean noneGood(TelemetryService console) {
        return console.store().snapshot().stream()
                .allMatch(m -> m.quality() == Quality.COMMS_LOST || m.quality() == Quality.STALE);
    }

    private static Map<Quality, Long> qualities(TelemetryService console) {
        return console.store().snapshot().stream().collect(Collectors.groupingBy(Measurement::quality, Collectors.counting()));
    }

    private static Set<String> commsLossNodes(AlarmEngine engine) {
        return engine.active().stream().filter(a -> a.kind() == AlarmKind.COMMS_LOSS)
                .filter(a -> a.state().isConditionActive()).map(Alarm::point).map(p -> p.node())
                .collect(Collectors.toSet());
    }

    /** Polls until true or fails with what was seen; a bounded wait, never a sleep standing in for an assertion. */
    private static void await(String what, BooleanSupplier condition, Supplier<?> seen) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WAIT.toSeconds() + " s: " + what + "; seen: " + seen.get());
            }
            Thread.sleep(50);
        }
    }
}
