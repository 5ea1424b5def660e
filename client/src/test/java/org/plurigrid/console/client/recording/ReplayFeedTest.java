package org.plurigrid.console.client.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/** The replay feed headless: loads run inline (direct executor) and wall time is a hand-moved clock. */
class ReplayFeedTest {

    static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");
    static final PointId V1 = PointId.nodeMetric("grid-a", "sub-1", "Voltage");
    static final PointId V2 = PointId.nodeMetric("grid-a", "sub-2", "Voltage");

    @TempDir
    Path dir;
    RecordingReader reader;
    ReplayClock wall = new ReplayClock(Instant.parse("2030-01-01T00:00:00Z"));
    ReplayFeed feed;
    /** What was recorded, per 100 ms step. */
    Map<Long, Map<PointId, Measurement>> truth = new HashMap<>();

    /** 120 s at 10 Hz: V1 high from 30 s to 40 s (raises an alarm live), V2 STALE from 50 s to 70 s. */
    @BeforeEach
    void record() throws Exception {
        Path file = dir.resolve("replay.duckdb");
        ReplayClock clock = new ReplayClock(T0);
        AlarmEngine live = new AlarmEngine(AlarmRuleFile.parse(AlarmReplayTest.rules(1.10), "test"), clock);
        Map<PointId, Measurement> state = new HashMap<>();
        try (Recorder r = new Recorder(DuckDbRecordingStore.singleFile(file), clock, RecordingSettings.DEFAULTS)) {
            r.start();
            live.journal().addListener(r.alarmTap());
            for (int step = 0; step <= 1200; step++) {
                clock.set(T0.plusMillis(step * 100L));
                double s = step / 10.0;
                Measurement a = new Measurement(V1, s >= 30 && s < 40 ? 1.2 : 1.0 + step * 1e-5, clock.instant(),
                        Quality.GOOD, "pu");
                Measurement b = new Measurement(V2, 1.0 - step * 1e-5, clock.instant(),
                        s >= 50 && s < 70 ? Quality.STALE : Quality.GOOD, "pu");
                for (Measurement m : List.of(a, b)) {
                    r.value(m);
                    live.accept(m);
                    state.put(m.id(), m);
                }
                live.tick();
                truth.put(clock.millis(), Map.copyOf(state));
            }
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
        }
        reader = RecordingReader.openDuckDb(file);
        feed = new ReplayFeed(reader, new ReplayClock(T0), wall, Runnable::run);
    }

    @AfterEach
    void close() throws Exception {
        reader.close();
    }

    private Map<PointId, Measurement> drained() {
        Map<PointId, Measurement> out = new HashMap<>();
        for (Measurement m : feed.drainChanges().changed()) {
            out.put(m.id(), m);
        }
        return out;
    }

    @Test
    void seekGivesExactlyTheRecordedStateIncludingQuality() {
        for (long ms : new long[] {0, 100, 25_000, 55_300, 69_900, 70_000, 119_900}) {
            feed.seek(T0.plusMillis(ms)).join();
            assertThat(drained()).as("at %d ms", ms).isEqualTo(truth.get(T0.toEpochMilli() + ms));
            assertThat(feed.clock().instant()).isEqualTo(T0.plusMillis(ms));
        }
        feed.seek(T0.plusSeconds(60)).join();
        ChangeSet cs = feed.drainChanges();
        assertThat(cs.stats().stalePoints()).as("V2 is stale at 60 s").isEqualTo(1);
        assertThat(feed.drainChanges().changed()).as("nothing new while paused").isEmpty();
    }

    @Test
    void aSeekHandsItsStateOverAsTheWholeStateOnceThenChangesAgain() {
        feed.seek(T0.plusSeconds(10)).join();
        ChangeSet seek = feed.drainChanges();
        assertThat(seek.replacesAll()).as("points it does not hold have no value at that instant").isTrue();
        assertThat(seek.changed()).extracting(Measurement::id).containsExactlyInAnyOrder(V1, V2);

        feed.play(100);
        wall.set(wall.instant().plusMillis(100));
        ChangeSet played = feed.drainChanges();
        assertThat(played.replacesAll()).as("playing changes the state, it does not replace it").isFalse();
        assertThat(played.changed()).isNotEmpty();

        feed.pause();
        feed.step(Duration.ofSeconds(-5)).join();
        assertThat(feed.drainChanges().replacesAll()).as("a step is a seek too").isTrue();
        assertThat(feed.drainChanges().isEmpty()).isTrue();
    }

    @Test
    void playsAtHundredTimesRealTimeAndPauses() {
        feed.seek(T0.plusSeconds(10)).join();
        drained();
        feed.play(100);
        wall.advance(Duration.ofMillis(100)); // 10 s of recording
        Map<PointId, Measurement> changed = drained();
        assertThat(feed.clock().instant()).isEqualTo(T0.plusSeconds(20));
        assertThat(changed).isEqualTo(truth.get(T0.plusSeconds(20).toEpochMilli()));
        feed.pause();
        wall.advance(Duration.ofSeconds(5));
        assertThat(drained()).isEmpty();
        assertThat(feed.clock().instant()).isEqualTo(T0.plusSeconds(20));
        feed.play(1000);
        wall.advance(Duration.ofMillis(45)); // 45 s: beyond the first loaded window, loaded as it plays
        drained();
        wall.advance(Duration.ofMillis(1));
        drained();
        assertThat(feed.clock().instant()).isAfterOrEqualTo(T0.plusSeconds(40));
        long at = feed.clock().millis();
        feed.seek(Instant.ofEpochMilli(at)).join();
        assertThat(drained()).isEqualTo(truth.get(at - at % 100));
    }

    @Test
    void thePlayHeadKeepsPlayingWhatIsLoadedWhileTheNextWindowLoadsAndStallsOnlyAtItsEnd() {
        java.util.ArrayDeque<Runnable> pending = new java.util.ArrayDeque<>();
        ReplayFeed slow = new ReplayFeed(reader, new ReplayClock(T0), wall, pending::add);
        slow.seek(T0.plusSeconds(10));
        pending.poll().run(); // the seek: loaded up to 40 s
        slow.drainChanges();
        slow.play(10);
        wall.advance(Duration.ofMillis(1600));
        slow.drainChanges(); // 26 s: less than half a window left, the next window is asked for
        assertThat(slow.clock().instant()).isEqualTo(T0.plusSeconds(26));
        assertThat(pending).as("a window load queued on the loader").hasSize(1);

        wall.advance(Duration.ofSeconds(1));
        slow.drainChanges();
        assertThat(slow.clock().instant()).as("still playing while the loader reads").isEqualTo(T0.plusSeconds(36));
        assertThat(slow.stalls()).isZero();

        wall.advance(Duration.ofSeconds(1));
        slow.drainChanges();
        assertThat(slow.clock().instant()).as("waits at the end of what is loaded").isEqualTo(T0.plusSeconds(40));
        assertThat(slow.stalls()).isEqualTo(1);

        pending.poll().run();
        wall.advance(Duration.ofMillis(500));
        slow.drainChanges();
        assertThat(slow.clock().instant()).isEqualTo(T0.plusSeconds(45));
    }

    @Test
    void stepsWhilePausedAndJumpsBetweenAlarms() {
        feed.seek(T0).join();
        drained();
        feed.step(Duration.ofMillis(500)).join();
        assertThat(feed.clock().instant()).isEqualTo(T0.plusMillis(500));
        assertThat(drained()).isEqualTo(truth.get(T0.plusMillis(500).toEpochMilli()));

        Optional<Instant> next = feed.nextAlarm().join();
        assertThat(next).as("the live alarm on V1 after its 1 s on-delay").isPresent();
        assertThat(next.get()).isBetween(T0.plusSeconds(31), T0.plusMillis(31_200));
        assertThat(feed.clock().instant()).isEqualTo(next.get());
        assertThat(drained().get(V1).value()).isEqualTo(1.2);
        assertThat(feed.nextAlarm().join()).as("only one alarm raised").isEmpty();
        feed.seek(T0.plusSeconds(100)).join();
        assertThat(feed.previousAlarm().join()).isEqualTo(next);
    }

    @Test
    void refusesSpeedsOutsideOneToAThousand() {
        assertThatThrownBy(() -> feed.play(0.5)).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> feed.play(5000)).hasMessageContaining("1 to 1000");
        assertThat(feed.connections().getFirst().detail()).startsWith("REPLAY");
    }
}
