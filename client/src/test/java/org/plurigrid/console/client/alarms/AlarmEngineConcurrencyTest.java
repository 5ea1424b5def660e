package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/** Two telemetry threads, an operator acknowledging and a ticking timer at once: the table and journal stay whole. */
class AlarmEngineConcurrencyTest {

    @Test
    void staysConsistentUnderConcurrentFeedsCommandsAndTicks() throws Exception {
        InstantSource clock = InstantSource.system();
        PointPattern voltage = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(
                AlarmRule.limit("v-hh", voltage, AlarmKind.HH, 1.10, AlarmPriority.CRITICAL, "Voltage very high"),
                AlarmRule.limit("v-h", voltage, AlarmKind.H, 1.05, AlarmPriority.MEDIUM, "Voltage high"),
                AlarmRule.limit("soc-l", new PointPattern(null, "StateOfCharge", "bat", PointPattern.Level.DEVICE),
                        AlarmKind.L, 10, AlarmPriority.LOW, "Battery low"),
                AlarmRule.condition("comms", new PointPattern(null, null, null, PointPattern.Level.NODE),
                        AlarmKind.COMMS_LOSS, AlarmPriority.HIGH, "Gateway lost")), clock);
        List<Long> journalSequences = new ArrayList<>();
        engine.journal().addListener(e -> {
            synchronized (journalSequences) {
                journalSequences.add(e.sequence());
            }
        });
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int feed = t;
            jobs.add(pool.submit(() -> {
                go.await();
                for (int round = 0; round < 400; round++) {
                    for (int n = 0; n < 40; n++) {
                        String node = "node-" + feed + "-" + n;
                        double pu = (round + n) % 3 == 0 ? 1.15 : 1.0; // HH and H raised and cleared over and over
                        Quality q = (round + n) % 50 == 0 ? Quality.COMMS_LOST : Quality.GOOD;
                        engine.accept(new Measurement(PointId.nodeMetric("cg-test", node, "Substation/Voltage"), pu,
                                Instant.now(), q, "pu"));
                        engine.accept(new Measurement(new PointId("cg-test", node, "bat-0001", "StateOfCharge"),
                                round % 2 == 0 ? 3 : 50, Instant.now(), Quality.GOOD, "%"));
                    }
                }
                return null;
            }));
        }
        jobs.add(pool.submit(() -> {
            go.await();
            while (running.get()) {
                engine.acknowledgeAll(engine.active().stream().map(Alarm::key).toList(), "anna");
                engine.drainChanges();
            }
            return null;
        }));
        jobs.add(pool.submit(() -> {
            go.await();
            while (running.get()) {
                engine.tick();
                Thread.onSpinWait();
            }
            return null;
        }));
        go.countDown();
        jobs.get(0).get(30, TimeUnit.SECONDS);
        jobs.get(1).get(30, TimeUnit.SECONDS);
        running.set(false);
        for (Future<?> f : jobs) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(engine.evaluations()).isEqualTo(2L * 400 * 40 * 2);
        List<Alarm> all = engine.all();
        AlarmCounts counts = engine.counts();
        assertThat(counts.totalVisible()).isEqualTo((int) all.stream().filter(Alarm::isVisible).count());
        assertThat(all).allSatisfy(a -> assertThat(a.state()).isNotEqualTo(AlarmState.CLEARED));
        Set<Long> unique = new HashSet<>(journalSequences);
        assertThat(unique).as("every journal entry reached the listener once").hasSize(journalSequences.size());
        assertThat(journalSequences).hasSize((int) engine.journal().lastSequence());
        Map<AlarmPriority, Long> raised = engine.raisedByPriority();
        assertThat(raised.get(AlarmPriority.CRITICAL)).isPositive();
    }
}
