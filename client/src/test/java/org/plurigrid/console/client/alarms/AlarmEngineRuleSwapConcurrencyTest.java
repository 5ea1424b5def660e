package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
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

/** Rules replaced over and over while two telemetry threads and the ticker run: no alarm of a removed rule survives. */
class AlarmEngineRuleSwapConcurrencyTest {

    private static final PointPattern VOLTAGE = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
    private static final AlarmRule V_H = AlarmRule.limit("v-h", VOLTAGE, AlarmKind.H, 1.05, AlarmPriority.MEDIUM, "High");
    private static final AlarmRule V_HH = AlarmRule.limit("v-hh", VOLTAGE, AlarmKind.HH, 1.10, AlarmPriority.CRITICAL,
            "Very high");

    @Test
    void swappingRulesUnderLoadLeavesNoAlarmOfARemovedRuleAndAGapFreeJournal() throws Exception {
        InstantSource clock = InstantSource.system();
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_HH, V_H), clock);
        List<Long> sequences = new ArrayList<>();
        engine.journal().addListener(e -> {
            synchronized (sequences) {
                sequences.add(e.sequence());
            }
        });
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int feed = t;
            jobs.add(pool.submit(() -> {
                go.await();
                int round = 0;
                while (running.get()) {
                    for (int n = 0; n < 20; n++) {
                        double pu = (round + n) % 2 == 0 ? 1.12 : 1.0;
                        engine.accept(new Measurement(PointId.nodeMetric("cg-test", "node-" + feed + "-" + n,
                                "Substation/Voltage"), pu, Instant.now(), Quality.GOOD, "pu"));
                    }
                    round++;
                }
                return null;
            }));
        }
        jobs.add(pool.submit(() -> {
            go.await();
            while (running.get()) {
                engine.tick();
                Thread.onSpinWait();
            }
            return null;
        }));
        go.countDown();
        for (int i = 0; i < 300; i++) {
            engine.replaceRules(i % 2 == 0 ? AlarmRuleSet.of(V_HH) : AlarmRuleSet.of(V_HH, V_H.withLimit(1.04 + i % 3 * 0.01)),
                    "eve");
        }
        engine.replaceRules(AlarmRuleSet.of(V_HH), "eve");
        Thread.sleep(50); // the feeds keep running on the final rules
        running.set(false);
        for (Future<?> f : jobs) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(engine.all()).filteredOn(a -> a.key().ruleId().equals("v-h"))
                .as("alarms of the removed rule only wait for an acknowledgement, none is active")
                .allSatisfy(a -> assertThat(a.state()).isEqualTo(AlarmState.RETURNED_UNACKNOWLEDGED));
        assertThat(engine.all()).filteredOn(a -> a.key().ruleId().equals("v-hh")).isNotEmpty();
        synchronized (sequences) {
            for (int i = 1; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).as("gap-free journal").isEqualTo(sequences.get(i - 1) + 1);
            }
        }
    }
}
