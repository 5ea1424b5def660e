package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class PointStoreTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final PointStore store = new PointStore();

    private static PointId point(int i) {
        return new PointId("cg-utrecht", "utrecht-sub-01", "load-" + i, "ActivePower");
    }

    @Test
    void drainReturnsOnlyTheNewestValueOfEachChangedPoint() {
        PointHandle a = store.register(point(1), "kW");
        PointHandle b = store.register(point(2), "kW");
        for (int i = 0; i < 1_000; i++) {
            store.update(a, i, i, clock.millis());
            store.update(b, -i, i, clock.millis());
        }

        List<Measurement> changes = store.drainChanges();

        assertThat(changes).hasSize(2);
        Map<PointId, Double> byId = new HashMap<>();
        changes.forEach(m -> byId.put(m.id(), m.value()));
        assertThat(byId).containsEntry(point(1), 999.0).containsEntry(point(2), -999.0);
        assertThat(store.drainChanges()).as("nothing changed since").isEmpty();
    }

    @Test
    void pointChangedAfterADrainComesAgainInTheNextDrain() {
        PointHandle a = store.register(point(1), "kW");
        store.update(a, 1, 0, clock.millis());
        store.drainChanges();

        store.update(a, 2, 0, clock.millis());

        assertThat(store.drainChanges()).extracting(Measurement::value).containsExactly(2.0);
    }

    @Test
    void concurrentWritersNeverProduceTwoUpdatesOfOnePointInADrainAndTheLastValueWins() throws Exception {
        int writers = 4;
        int pointsPerWriter = 500;
        int rounds = 200;
        List<PointHandle> handles = new ArrayList<>();
        for (int i = 0; i < writers * pointsPerWriter; i++) {
            handles.add(store.register(point(i), "kW"));
        }
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> violation = new AtomicReference<>();
        Map<PointId, Double> lastSeen = new HashMap<>();
        Thread drainer = new Thread(() -> {
            while (writing.get() || !lastSeenComplete(lastSeen, handles.size(), rounds)) {
                // Read the flag before draining: an empty drain only proves "done" if the writers had finished
                // before it started (reading it afterwards let the last writes slip past under load).
                boolean writersDone = !writing.get();
                List<Measurement> drained = store.drainChanges();
                Set<PointId> ids = new HashSet<>();
                for (Measurement m : drained) {
                    if (!ids.add(m.id())) {
                        violation.compareAndSet(null, "two updates of " + m.id() + " in one drain");
                    }
                    Double before = lastSeen.put(m.id(), m.value());
                    if (before != null && before > m.value()) {
                        violation.compareAndSet(null, m.id() + " went back from " + before + " to " + m.value());
                    }
                }
                if (writersDone && drained.isEmpty()) {
                    break;
                }
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int first = w * pointsPerWriter;
            Thread t = new Thread(() -> {
                awaitQuietly(start);
                for (int r = 1; r <= rounds; r++) {
                    for (int i = first; i < first + pointsPerWriter; i++) {
                        store.update(handles.get(i), r, r, r);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        drainer.start();
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        writing.set(false);
        drainer.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(violation.get()).isNull();
        assertThat(lastSeen).hasSize(handles.size());
        assertThat(lastSeen.values()).as("every point's newest value reached the screen").containsOnly((double) rounds);
    }

    private static boolean lastSeenComplete(Map<PointId, Double> seen, int points, int rounds) {
        return seen.size() == points && seen.values().stream().allMatch(v -> v == rounds);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void goodPointsSilentLongerThanTheirMaximumAgeTurnStaleAndRecoverOnTheNextValue() {
        PointHandle a = store.register(point(1), "kW");
        PointHandle b = store.register(point(2), "kW");
        store.setExpectedPeriod(a, Duration.ofSeconds(15));
        store.setExpectedPeriod(b, Duration.ofSeconds(15));
        store.update(a, 1, clock.millis(), clock.millis());
        clock.advance(Duration.ofSeconds(10));
        store.update(b, 2, clock.millis(), clock.millis());
        store.drainChanges();

        clock.advance(Duration.ofSeconds(6)); // a silent 16 s, b silent 6 s
        int stale = store.markStale(clock);

        assertThat(stale).isEqualTo(1);
        assertThat(store.latest(point(1)).orElseThrow().quality()).isEqualTo(Quality.STALE);
        assertThat(store.latest(point(2)).orElseThrow().quality()).isEqualTo(Quality.GOOD);
        assertThat(store.notGoodCount()).isEqualTo(1);
        assertThat(store.drainChanges()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(point(1));
            assertThat(m.quality()).isEqualTo(Quality.STALE);
            assertThat(m.value()).as("value kept while stale").isEqualTo(1.0);
        });

        store.update(a, 3, clock.millis(), clock.millis());
        assertThat(store.latest(point(1)).orElseThrow().quality()).isEqualTo(Quality.GOOD);
        assertThat(store.notGoodCount()).isZero();
    }

    @Test
    void staleSweepLeavesCommsLostAndBadPointsAlone() {
        PointHandle a = store.register(point(1), "kW");
        store.setExpectedPeriod(a, Duration.ofSeconds(15));
        store.update(a, 1, clock.millis(), clock.millis());
        store.setQuality(a, Quality.COMMS_LOST);
        clock.advance(Duration.ofMinutes(5));

        assertThat(store.markStale(clock)).isZero();
        assertThat(store.latest(point(1)).orElseThrow().quality()).isEqualTo(Quality.COMMS_LOST);
    }

    @Test
    void listenersHearEveryUpdateAndEveryQualityChange() {
        List<Measurement> heard = new ArrayList<>();
        store.addListener(heard::add);
        PointHandle a = store.register(point(1), "kW");
        store.setExpectedPeriod(a, Duration.ofSeconds(15));

        store.update(a, 1, clock.millis(), clock.millis());
        store.update(a, 2, clock.millis(), clock.millis());
        clock.advance(Duration.ofSeconds(20));
        store.markStale(clock);
        store.setQuality(a, Quality.COMMS_LOST);

        assertThat(heard).extracting(Measurement::quality)
                .containsExactly(Quality.GOOD, Quality.GOOD, Quality.STALE, Quality.COMMS_LOST);
        assertThat(heard).extracting(Measurement::unit).containsOnly("kW");
    }

    @Test
    void pointsWithoutAMaximumAgeStayGoodHoweverLongTheyAreSilent() {
        PointHandle a = store.register(point(1), "kW");
        store.update(a, 1, clock.millis(), clock.millis());
        clock.advance(Duration.ofHours(2));

        assertThat(store.markStale(clock)).isZero();
        assertThat(store.latest(point(1)).orElseThrow().quality()).isEqualTo(Quality.GOOD);
    }

    @Test
    void removedPointsLeaveTheStoreTheirCountsAndTheTotals() {
        List<Measurement> heard = new ArrayList<>();
        store.addListener(heard::add);
        PointHandle pv = store.register(new PointId("g", "n", "pv-0001", "ActivePower"), "kW");
        PointHandle silent = store.register(point(2), "kW");
        store.update(pv, 100, clock.millis(), clock.millis());
        assertThat(store.notGoodCount()).as("silent never had a value").isEqualTo(1);

        store.remove(List.of(pv, silent));
        store.update(pv, 500, clock.millis(), clock.millis());

        assertThat(store.size()).isZero();
        assertThat(store.notGoodCount()).isZero();
        assertThat(store.powerTotals().generationKw()).isZero();
        assertThat(heard).extracting(Measurement::quality).as("a last COMMS_LOST so alarms on it clear")
                .containsExactly(Quality.GOOD, Quality.COMMS_LOST, Quality.COMMS_LOST);
    }

    @Test
    void aFullStoreRefusesNewPointsButKeepsServingKnownOnes() {
        PointStore small = new PointStore(List.of(), 2);
        PointHandle a = small.register(point(1), "kW");
        small.register(point(2), "kW");

        assertThat(small.register(point(3), "kW")).isNull();
        assertThat(small.register(point(1), "kW")).isSameAs(a);
        assertThat(small.size()).isEqualTo(2);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersOrTheStore() {
        List<Measurement> heard = new ArrayList<>();
        store.addListener(m -> {
            throw new IllegalStateException("broken listener");
        });
        store.addListener(heard::add);
        PointHandle a = store.register(point(1), "kW");

        store.update(a, 1, clock.millis(), clock.millis());

        assertThat(heard).hasSize(1);
        assertThat(store.latest(point(1)).orElseThrow().value()).isEqualTo(1.0);
    }

    @Test
    void supergridTotalsFollowTheConventions() {
        long now = clock.millis();
        store.update(store.register(new PointId("g", "n", "pv-0001", "ActivePower"), "kW"), 100, now, now);
        store.update(store.register(new PointId("g", "n", "wind-0001", "ActivePower"), "kW"), 50, now, now);
        store.update(store.register(new PointId("g", "n", "bat-0001", "ActivePower"), "kW"), 20, now, now);
        store.update(store.register(new PointId("g", "n", "bat-0002", "ActivePower"), "kW"), -30, now, now);
        store.update(store.register(new PointId("g", "n", "ev-0001", "ActivePower"), "kW"), 40, now, now);
        store.update(store.register(new PointId("g", "n", "load-0001", "ActivePower"), "kW"), 200, now, now);
        store.update(store.register(new PointId("g", "n", "load-0001", "Flexibility"), "kW"), 999, now, now);
        store.update(store.register(PointId.nodeMetric("g", "n", "Substation/ActivePower"), "kW"), 999, now, now);
        PointHandle dead = store.register(new PointId("g", "n2", "load-0002", "ActivePower"), "kW");
        store.update(dead, 1_000, now, now);
        store.setQuality(dead, Quality.COMMS_LOST);

        DevicePower t = store.powerTotals();

        assertThat(t.loadKw()).isEqualTo(200 + 40 + 30);
        assertThat(t.generationKw()).isEqualTo(100 + 50 + 20);
        assertThat(t.renewableKw()).isEqualTo(150);
        assertThat(SupergridSummary.renewableShare(t.renewableKw(), t.loadKw())).isEqualTo(150.0 / 270.0);
    }

    @Test
    void renewableShareIsCappedAtOne() {
        assertThat(SupergridSummary.renewableShare(500, 100)).isEqualTo(1.0);
        assertThat(SupergridSummary.renewableShare(0, 0)).isEqualTo(0.0);
        assertThat(SupergridSummary.renewableShare(10, 0)).isEqualTo(1.0);
    }
}
