package org.plurigrid.console.client.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

class DuckDbRecorderTest {

    static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

    @TempDir
    Path dir;

    static PointId point(int i) {
        return new PointId("grid-a", "sub-" + (i % 3), "pv-" + i, "ActivePower");
    }

    static Measurement m(int point, double value, Instant t, Quality q) {
        return new Measurement(point(point), value, t, q, "kW");
    }

    @Test
    void seekGivesExactlyTheRecordedStateIncludingQuality() throws Exception {
        Path file = dir.resolve("seek.duckdb");
        ReplayClock clock = new ReplayClock(T0);
        // Snapshot every 2 s of recorder time so the seeks below cross several snapshots.
        RecordingSettings settings = RecordingSettings.DEFAULTS.withSnapshotPeriod(Duration.ofSeconds(2));
        Map<Long, Map<PointId, Measurement>> expected = new HashMap<>();
        Map<PointId, Measurement> state = new HashMap<>();
        try (Recorder r = new Recorder(DuckDbRecordingStore.singleFile(file), clock, settings)) {
            r.start();
            for (int step = 0; step < 200; step++) {
                clock.set(T0.plusMillis(step * 100L));
                for (int p = 0; p < 5; p++) {
                    if ((step + p) % 3 == 0) {
                        Quality q = step % 17 == p ? Quality.STALE : Quality.GOOD;
                        Measurement x = m(p, step * 10 + p, clock.instant(), q);
                        r.value(x);
                        state.put(x.id(), x);
                    }
                }
                expected.put(clock.millis(), Map.copyOf(state));
                if (step % 10 == 0) {
                    assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
                }
            }
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(r.status().state()).isEqualTo(RecordingStatus.State.RECORDING);
        }
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            RecordingSummary s = reader.summary();
            assertThat(s.snapshots()).as("snapshots every 2 s over 20 s").isGreaterThanOrEqualTo(5);
            for (long step : new long[] {0, 1, 19, 20, 21, 55, 100, 150, 199}) {
                long t = T0.toEpochMilli() + step * 100;
                Map<PointId, Measurement> want = expected.get(t);
                Map<PointId, Measurement> got = new HashMap<>();
                for (RecordedValue v : reader.stateAt(Instant.ofEpochMilli(t))) {
                    got.put(v.id(), new Measurement(v.id(), v.value(), Instant.ofEpochMilli(v.sourceMillis()),
                            v.quality(), v.unit()));
                }
                assertThat(got).as("state at step %d", step).isEqualTo(want);
            }
        }
    }

    @Test
    void keepsAlarmsEventsRulesAndContinuesAfterReopen() throws Exception {
        Path file = dir.resolve("events.duckdb");
        ReplayClock clock = new ReplayClock(T0);
        try (Recorder r = new Recorder(DuckDbRecordingStore.singleFile(file), clock, RecordingSettings.DEFAULTS)) {
            r.start();
            r.rules(org.plurigrid.console.client.alarms.AlarmRuleFile.defaults());
            r.value(m(1, 5, T0, Quality.GOOD));
            r.event(RecordedEvent.EventKind.CONNECTION, "devnet", "CONNECTED");
            r.chainTransaction("vote 3 yes", "ABCDEF", 42, "");
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
        }
        clock.set(T0.plusSeconds(5));
        try (Recorder r = new Recorder(DuckDbRecordingStore.singleFile(file), clock, RecordingSettings.DEFAULTS)) {
            Recovery rec = r.start();
            assertThat(rec.rows()).isEqualTo(4);
            assertThat(rec.lastSequence()).isEqualTo(4);
            assertThat(rec.describe()).contains("recovered 4 rows");
            r.value(m(1, 6, clock.instant(), Quality.BAD));
            r.value(m(2, 7, clock.instant(), Quality.GOOD));
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
        }
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            RecordingSummary s = reader.summary();
            assertThat(s.values()).isEqualTo(3);
            assertThat(s.points()).as("point 1 keeps its number after reopening").isEqualTo(2);
            assertThat(s.events()).as("connection, chain tx, recovery note").isEqualTo(3);
            List<RecordedEvent> events = reader.events(T0.minusSeconds(1), T0.plusSeconds(10));
            assertThat(events).extracting(RecordedEvent::kind).containsExactly(RecordedEvent.EventKind.CONNECTION,
                    RecordedEvent.EventKind.CHAIN_TX, RecordedEvent.EventKind.RECORDER);
            assertThat(events.get(1).txHash()).isEqualTo("ABCDEF");
            assertThat(events.get(1).height()).isEqualTo(42);
            assertThat(reader.rulesAt(T0.plusSeconds(10))).get().extracting(RecordedRules::json)
                    .asString().contains("\"rules\"");
            List<RecordedValue> at = reader.stateAt(T0.plusSeconds(5));
            assertThat(at).extracting(RecordedValue::quality).containsExactly(Quality.BAD, Quality.GOOD);
            List<Long> seqs = new ArrayList<>();
            reader.values(T0.minusSeconds(1), T0.plusSeconds(10), v -> seqs.add(v.sequence()));
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void dropsAndCountsWhatDoesNotFitWhileTheStoreIsDown() throws Exception {
        ReplayClock clock = new ReplayClock(T0);
        FailingStore store = new FailingStore();
        RecordingSettings settings = RecordingSettings.DEFAULTS.withBufferCapacity(100);
        try (Recorder r = new Recorder(store, clock, settings)) {
            r.start();
            long start = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                r.value(m(1, i, T0, Quality.GOOD));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("taps never wait for the store")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(r.dropped()).isEqualTo(900);
            assertThat(r.flush(Duration.ofMillis(1500))).isFalse();
            RecordingStatus s = r.status();
            assertThat(s.state()).isEqualTo(RecordingStatus.State.FAILING);
            assertThat(s.lastError()).contains("disk full");
            assertThat(s.buffered()).isEqualTo(100);
            store.failing = false; // the disk has room again: the buffer catches up
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(store.values).isEqualTo(100);
            assertThat(r.status().state()).isEqualTo(RecordingStatus.State.RECORDING);
            assertThat(r.status().lastError()).isEmpty();
        }
    }

    @Test
    void rollsIntoANewFileThatStandsOnItsOwnAndRetentionDeletesOldOnes() throws Exception {
        ReplayClock clock = new ReplayClock(T0);
        Path folder = dir.resolve("rolling");
        Files.createDirectories(folder);
        // An old closed file beyond the size limit.
        Path old = folder.resolve("recording-20261201T000000Z.duckdb");
        Files.write(old, new byte[4096]);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(T0.minus(Duration.ofDays(3))));
        DuckDbRecordingStore store = DuckDbRecordingStore.rolling(folder, Duration.ofMinutes(1),
                new DuckDbRecordingStore.Retention(Duration.ofDays(1), 0));
        try (Recorder r = new Recorder(store, clock, RecordingSettings.DEFAULTS)) {
            r.start();
            assertThat(old).as("older than a day").doesNotExist();
            r.value(m(1, 1, T0, Quality.GOOD));
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            clock.set(T0.plusSeconds(61));
            r.value(m(2, 2, clock.instant(), Quality.GOOD));
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(r.status().location()).endsWith("recording-20261203T070100Z.duckdb");
        }
        Path second = DuckDbRecordingStore.fileFor(folder, Duration.ofMinutes(1), T0.plusSeconds(61));
        try (RecordingReader reader = RecordingReader.openDuckDb(second)) {
            assertThat(reader.stateAt(T0.plusSeconds(61))).extracting(RecordedValue::id)
                    .as("the new file's first snapshot carries point 1 over").containsExactly(point(1), point(2));
        }
    }

    @Test
    void exportsAPeriodToParquetAndCsv() throws Exception {
        Path file = dir.resolve("export.duckdb");
        ReplayClock clock = new ReplayClock(T0);
        try (Recorder r = new Recorder(DuckDbRecordingStore.singleFile(file), clock, RecordingSettings.DEFAULTS)) {
            r.start();
            for (int i = 0; i < 10; i++) {
                clock.set(T0.plusSeconds(i));
                r.value(m(i % 2, i, clock.instant(), Quality.GOOD));
            }
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
        }
        Path parquet = dir.resolve("p.parquet");
        Path csv = dir.resolve("p.csv");
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            assertThat(reader.export(T0.plusSeconds(2), T0.plusSeconds(5), parquet,
                    RecordingReader.ExportFormat.PARQUET)).isEqualTo(4);
            assertThat(reader.export(T0, T0.plusSeconds(9), csv, RecordingReader.ExportFormat.CSV)).isEqualTo(10);
        }
        assertThat(Files.readAllLines(csv)).hasSize(11).first().asString().contains("path").contains("quality");
        try (var c = DriverManager.getConnection("jdbc:duckdb:");
             var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), min(value), max(value) FROM read_parquet('"
                     + parquet + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(4);
            assertThat(rs.getDouble(2)).isEqualTo(2.0);
            assertThat(rs.getDouble(3)).isEqualTo(5.0);
        }
    }

    @Test
    void theFileBeingWrittenCanBeReadInTheSameProcessAndGrowsWhileRead() throws Exception {
        Path file = dir.resolve("live.duckdb");
        ReplayClock clock = new ReplayClock(T0);
        DuckDbRecordingStore store = DuckDbRecordingStore.singleFile(file);
        try (Recorder r = new Recorder(store, clock, RecordingSettings.DEFAULTS)) {
            r.start();
            r.value(m(1, 1.0, T0, Quality.GOOD));
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(store.readCurrent(dir.resolve("other.duckdb"))).isEmpty();
            try (RecordingReader reader = store.readCurrent(file).orElseThrow()) {
                assertThat(reader.summary().values()).isEqualTo(1);
                clock.set(T0.plusSeconds(1));
                r.value(m(2, 2.0, clock.instant(), Quality.STALE));
                assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(reader.stateAt(clock.instant())).as("a point first recorded after the reader opened")
                        .extracting(RecordedValue::id, RecordedValue::quality)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(point(1), Quality.GOOD),
                                org.assertj.core.groups.Tuple.tuple(point(2), Quality.STALE));
            }
            r.value(m(1, 3.0, clock.instant(), Quality.GOOD));
            assertThat(r.flush(Duration.ofSeconds(10))).as("closing the reader leaves the writer going").isTrue();
        }
    }

    @Test
    void refusesAFileThatIsNotARecording() throws Exception {
        Path file = dir.resolve("other.duckdb");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + file); var st = c.createStatement()) {
            st.execute("CREATE TABLE x (a INTEGER)");
        }
        assertThatThrownBy(() -> RecordingReader.openDuckDb(file)).isInstanceOf(RecordingException.class)
                .hasMessageContaining("not a Plurigrid recording");
        assertThatThrownBy(() -> RecordingReader.openDuckDb(dir.resolve("missing.duckdb")))
                .hasMessageContaining("does not exist");
    }

    /** A store whose disk is full until told otherwise. */
    static final class FailingStore implements RecordingStore {
        volatile boolean failing = true;
        long values;

        @Override
        public Recovery open(Instant now) {
            return Recovery.empty("memory");
        }

        @Override
        public boolean rollIfDue(Instant now) {
            return false;
        }

        @Override
        public void write(RecordingBatch batch) throws RecordingException {
            if (failing) {
                throw new RecordingException("disk full");
            }
            values += batch.values().size();
        }

        @Override
        public String kind() {
            return "memory";
        }

        @Override
        public String location() {
            return "memory";
        }

        @Override
        public void close() {
        }
    }
}
