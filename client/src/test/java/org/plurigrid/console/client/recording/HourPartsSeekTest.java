package org.plurigrid.console.client.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.recording.RecordingBatch.NumberedValue;
import org.plurigrid.console.client.recording.RecordingBatch.PointDefinition;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * Seek in a single file that spans several hours (one pair of tables per hour, format 2) and in a file of the older
 * one-table layout (format 1), read as it is and continued by a store. Every value is different, so a seek that
 * reads the wrong snapshot or misses the values after it gives a different state from the full scan it is
 * compared with.
 */
class HourPartsSeekTest {

    static final Instant T0 = Instant.parse("2026-12-01T00:59:00Z"); // first hour boundary a minute in
    static final int POINTS = 4;
    /** Point p changes every PERIOD[p] seconds: the slow ones come from the snapshot, not the values after it. */
    static final int[] PERIOD = {0, 1, 3, 17, 101};

    @TempDir
    Path dir;

    @Test
    void seekAcrossHourPartsGivesTheStateOfAFullScan() throws Exception {
        Path file = dir.resolve("hours.duckdb");
        RecordingSource source = new RecordingSource();
        try (DuckDbRecordingStore store = DuckDbRecordingStore.singleFile(file)) {
            store.open(T0);
            // 2 h 2 min of values; 7 s batches (a snapshot every other one) straddle the hour boundaries.
            source.writeSeconds(store, 0, 2 * 3600 + 120, 7);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM recording_parts")) {
            rs.next();
            assertThat(rs.getLong(1)).as("one part per hour touched: 00, 01, 02, 03 h").isEqualTo(4);
        }
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            assertSeeksMatchFullScan(reader, file, instantsAround(T0.plusSeconds(60), T0.plusSeconds(3660)));
            assertThat(reader.summary().rows()).isEqualTo(source.seq);
            assertPointValuesMatchFullScan(reader, file, T0.plusSeconds(3655), T0.plusSeconds(3900));
            assertPointValuesMatchFullScan(reader, file, T0.plusSeconds(50), T0.plusSeconds(2 * 3600 + 100));
            List<RecordedValue> window = new ArrayList<>();
            reader.values(T0.plusSeconds(50), T0.plusSeconds(70), window::add);
            assertThat(window).as("values across the first hour boundary, in recording order")
                    .hasSize(20 + 7 + 2).isSortedAccordingTo((a, b) -> Long.compare(a.sequence(), b.sequence()));
        }
    }

    @Test
    void oldLayoutFileSeeksAsItIsAndAfterBeingContinued() throws Exception {
        Path file = dir.resolve("old.duckdb");
        RecordingSource source = new RecordingSource();
        source.writeFlatFile(file, 0, 90); // format 1, as consoles before format 2 wrote it, 00:59:00–01:00:30
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            assertSeeksMatchFullScan(reader, file, instantsAround(T0.plusSeconds(60)));
            assertPointValuesMatchFullScan(reader, file, T0.plusSeconds(55), T0.plusSeconds(85));
        }
        try (DuckDbRecordingStore store = DuckDbRecordingStore.singleFile(file)) {
            Recovery r = store.open(T0.plusSeconds(90));
            assertThat(r.rows()).isEqualTo(source.seq);
            assertThat(r.lastValues()).hasSize(POINTS);
            source.writeSeconds(store, 90, 200, 7); // continued in format 2 up to 01:02:20
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT meta_value, (SELECT count(*) FROM recording_parts) "
                     + "FROM recording_meta WHERE meta_key = 'format'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(RecordingSchema.FORMAT);
            assertThat(rs.getLong(2)).as("the old tables, then the hour of the new values").isEqualTo(2);
        }
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            // The continuation point (90 s): the old snapshot at 89 s, the first new values after it.
            assertSeeksMatchFullScan(reader, file, instantsAround(T0.plusSeconds(60), T0.plusSeconds(90)));
            assertThat(reader.summary().rows()).isEqualTo(source.seq);
            assertPointValuesMatchFullScan(reader, file, T0.plusSeconds(85), T0.plusSeconds(150));
        }
    }

    /** pointValues of every point against a full scan: the value held at {@code from}, then those in (from, to). */
    private static void assertPointValuesMatchFullScan(RecordingReader reader, Path file, Instant from, Instant to)
            throws Exception {
        for (int p = 1; p <= POINTS; p++) {
            List<Double> expected = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("(SELECT value, seq FROM point_values WHERE point_id = " + p
                         + " AND recv_ms <= " + from.toEpochMilli() + " ORDER BY seq DESC LIMIT 1) UNION ALL "
                         + "(SELECT value, seq FROM point_values WHERE point_id = " + p + " AND recv_ms > "
                         + from.toEpochMilli() + " AND recv_ms < " + to.toEpochMilli() + ") ORDER BY seq")) {
                while (rs.next()) {
                    expected.add(rs.getDouble(1));
                }
            }
            List<Double> read = reader.pointValues(RecordingSource.point(p), from, to).stream()
                    .map(RecordedValue::value).toList();
            assertThat(read).as("values of point %d from %s to %s", p, from, to).isEqualTo(expected);
        }
    }

    private static List<Instant> instantsAround(Instant... marks) {
        List<Instant> out = new ArrayList<>();
        for (Instant m : marks) {
            for (long d : new long[] {-10_001, -5_000, -1_001, -1, 0, 1, 499, 999, 1_000, 4_500, 9_999, 10_000,
                    15_500}) {
                out.add(m.plusMillis(d));
            }
        }
        out.add(T0.plusMillis(300)); // before the first snapshot
        out.add(T0.minusSeconds(5)); // before the recording
        return out;
    }

    /** stateAt against the newest value per point received at or before T, by a scan of every value. */
    private static void assertSeeksMatchFullScan(RecordingReader reader, Path file, List<Instant> instants)
            throws Exception {
        for (Instant t : instants) {
            Map<String, Double> expected = new HashMap<>();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT p.path, arg_max(v.value, v.seq) FROM point_values v "
                         + "JOIN points p USING (point_id) WHERE v.recv_ms <= " + t.toEpochMilli()
                         + " GROUP BY p.path")) {
                while (rs.next()) {
                    expected.put(rs.getString(1), rs.getDouble(2));
                }
            }
            Map<String, Double> seek = new HashMap<>();
            for (RecordedValue v : reader.stateAt(t)) {
                seek.put(v.id().path(), v.value());
            }
            assertThat(seek).as("state at %s", t).isEqualTo(expected);
        }
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    /** Values of POINTS points every second, each a different number, with the recorder's snapshots. */
    private static final class RecordingSource {
        final Map<Integer, NumberedValue> last = new LinkedHashMap<>();
        long seq;
        boolean pointsWritten;

        static PointId point(int i) {
            return new PointId("grid-a", "sub-1", "pv-" + i, "ActivePower");
        }

        private List<NumberedValue> second(long s) {
            List<NumberedValue> out = new ArrayList<>();
            long ms = T0.plusSeconds(s).toEpochMilli() + 250;
            for (int p = 1; p <= POINTS; p++) {
                if (s % PERIOD[p] != 0) {
                    continue;
                }
                seq++;
                NumberedValue nv = new NumberedValue(p, new RecordedValue(seq, ms, ms, point(p), seq * 10.0 + p,
                        Quality.GOOD, "kW"));
                out.add(nv);
                last.put(p, nv);
            }
            return out;
        }

        private List<PointDefinition> definitions() {
            List<PointDefinition> out = new ArrayList<>();
            for (int p = 1; p <= POINTS; p++) {
                out.add(new PointDefinition(p, point(p), "kW"));
            }
            return out;
        }

        /** Seconds [from, to) in batches of {@code batchSeconds}, a snapshot with every other batch. */
        void writeSeconds(DuckDbRecordingStore store, long from, long to, int batchSeconds) throws Exception {
            int batches = 0;
            for (long s = from; s < to; s += batchSeconds) {
                List<NumberedValue> values = new ArrayList<>();
                for (long x = s; x < Math.min(to, s + batchSeconds); x++) {
                    values.addAll(second(x));
                }
                Optional<RecordingBatch.Snapshot> snap = batches++ % 2 == 0
                        ? Optional.of(new RecordingBatch.Snapshot(seq, values.getLast().value().receivedMillis(),
                                new ArrayList<>(last.values())))
                        : Optional.empty();
                store.write(new RecordingBatch(pointsWritten ? List.of() : definitions(), values, List.of(),
                        List.of(), List.of(), snap));
                pointsWritten = true;
            }
        }

        /** A format 1 file: one values and one snapshots table, a snapshot every 10 s, as main wrote them. */
        void writeFlatFile(Path file, long from, long to) throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                 Statement st = c.createStatement()) {
                for (String ddl : RecordingSchema.tables("VARCHAR", "DOUBLE")) {
                    st.execute(ddl);
                }
                st.execute("CREATE TABLE snapshots " + RecordingSchema.snapshotsColumns("DOUBLE"));
                st.execute("CREATE TABLE point_values " + RecordingSchema.valuesColumns("DOUBLE"));
                st.execute(RecordingSchema.telemetryView(col -> "epoch_ms(" + col + ")"));
                st.execute("INSERT INTO recording_meta VALUES ('format', '1')");
                for (Quality q : Quality.values()) {
                    st.execute("INSERT INTO qualities VALUES (" + q.ordinal() + ", '" + q.name() + "')");
                }
                for (PointDefinition d : definitions()) {
                    st.execute("INSERT INTO points VALUES (" + d.number() + ", '" + d.id().path() + "', '"
                            + d.id().group() + "', '" + d.id().node() + "', '" + d.id().device() + "', '"
                            + d.id().metric() + "', 'kW')");
                }
                pointsWritten = true;
                for (long s = from; s < to; s++) {
                    for (NumberedValue nv : second(s)) {
                        RecordedValue v = nv.value();
                        st.execute("INSERT INTO point_values VALUES (" + v.sequence() + ", " + v.receivedMillis()
                                + ", " + v.sourceMillis() + ", " + nv.point() + ", " + v.value() + ", 0)");
                    }
                    if (s % 10 == 9) {
                        long ms = T0.plusSeconds(s).toEpochMilli() + 250;
                        for (NumberedValue nv : last.values()) {
                            RecordedValue v = nv.value();
                            st.execute("INSERT INTO snapshots VALUES (" + seq + ", " + nv.point() + ", "
                                    + v.sequence() + ", " + v.receivedMillis() + ", " + v.sourceMillis() + ", "
                                    + v.value() + ", 0)");
                        }
                        st.execute("INSERT INTO snapshot_marks VALUES (" + seq + ", " + ms + ", " + POINTS + ")");
                    }
                }
            }
        }
    }
}
