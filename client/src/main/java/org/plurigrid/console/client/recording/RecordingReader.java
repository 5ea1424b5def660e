package org.plurigrid.console.client.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.plurigrid.console.client.recording.RecordingBatch.NumberedValue;
import org.plurigrid.console.client.recording.RecordingBatch.PointDefinition;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * Reads a recording back, from a DuckDB file or a PostgreSQL schema (same tables). "The state at T" is the newest
 * snapshot at or before T plus the values recorded after it up to T, so a seek costs the same after one hour or one
 * week. Not thread-safe: one reader per thread.
 */
public final class RecordingReader implements AutoCloseable {

    private final Connection connection;
    private final String location;
    private final boolean ownsConnection;
    private Map<Integer, PointDefinition> points;
    private Map<Integer, Quality> qualities;
    private String format;

    RecordingReader(Connection connection, String location, boolean ownsConnection) {
        this.connection = connection;
        this.location = location;
        this.ownsConnection = ownsConnection;
    }

    /** Opens a closed DuckDB recording read-only (another process may read it at the same time). */
    public static RecordingReader openDuckDb(Path file) throws RecordingException {
        if (!Files.isRegularFile(file)) {
            throw new RecordingException("recording " + file + " does not exist");
        }
        try {
            Properties p = new Properties();
            p.setProperty("duckdb.read_only", "true");
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
            RecordingReader r = new RecordingReader(c, file.toString(), true);
            r.checkFormat();
            return r;
        } catch (SQLException e) {
            throw new RecordingException("cannot open recording " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkFormat() throws RecordingException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT meta_value FROM recording_meta WHERE meta_key = 'format'")) {
            if (!rs.next()) {
                throw new RecordingException(location + " is not a Plurigrid recording (no format mark)");
            }
            String found = rs.getString(1);
            if (!RecordingSchema.FORMAT.equals(found) && !RecordingSchema.FLAT_FORMAT.equals(found)) {
                throw new RecordingException(location + " has recording format " + found
                        + "; this console reads formats " + RecordingSchema.FLAT_FORMAT + " and "
                        + RecordingSchema.FORMAT);
            }
        } catch (SQLException e) {
            throw new RecordingException(location + " is not a Plurigrid recording: " + e.getMessage(), e);
        }
    }

    public String location() {
        return location;
    }

    /** Rows per kind and time span. */
    public RecordingSummary summary() throws RecordingException {
        try (Statement st = connection.createStatement()) {
            long values;
            long lastSeq;
            Optional<Instant> from;
            Optional<Instant> to;
            long minAll = Long.MAX_VALUE;
            long maxAll = Long.MIN_VALUE;
            // Values part by part in one query: DuckDB answers each part's aggregates from its statistics (through
            // the point_values view it would scan them all). Then alarms, events and rule sets.
            StringBuilder perPart = new StringBuilder();
            for (RecordingPart part : parts()) {
                perPart.append(perPart.isEmpty() ? "" : " UNION ALL ")
                        .append("SELECT count(*) AS n, min(recv_ms) AS lo, max(recv_ms) AS hi, max(seq) AS s FROM ")
                        .append(part.valuesTable());
            }
            List<String> tables = List.of(
                    "(" + (perPart.isEmpty() ? "SELECT 0 AS n, 0 AS lo, 0 AS hi, 0 AS s" : perPart) + ") AS per_part",
                    "alarm_events", "console_events", "rule_sets");
            long[] counts = new long[tables.size()];
            lastSeq = 0;
            for (int i = 0; i < tables.size(); i++) {
                String sql = (i == 0 ? "SELECT sum(n), min(lo), max(hi), max(s) FROM "
                        : "SELECT count(*), min(recv_ms), max(recv_ms), max(seq) FROM ") + tables.get(i);
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                    if (counts[i] > 0) {
                        minAll = Math.min(minAll, rs.getLong(2));
                        maxAll = Math.max(maxAll, rs.getLong(3));
                        lastSeq = Math.max(lastSeq, rs.getLong(4));
                    }
                }
            }
            values = counts[0];
            from = minAll == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(minAll));
            to = maxAll == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(maxAll));
            long snapshots;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM snapshot_marks")) {
                rs.next();
                snapshots = rs.getLong(1);
            }
            return new RecordingSummary(location, values, counts[1], counts[2], counts[3], snapshots,
                    points().size(), from, to, lastSeq);
        } catch (SQLException e) {
            throw failure("read the summary", e);
        }
    }

    /** Every point in the recording by its number. */
    public Map<Integer, PointDefinition> points() throws RecordingException {
        if (points == null) {
            Map<Integer, PointDefinition> out = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT point_id, grp, node, device, metric, unit FROM points")) {
                while (rs.next()) {
                    PointId id = new PointId(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    out.put(rs.getInt(1), new PointDefinition(rs.getInt(1), id, rs.getString(6)));
                }
            } catch (SQLException e) {
                throw failure("read the points", e);
            }
            points = Map.copyOf(out);
        }
        return points;
    }

    private Quality quality(int code) throws RecordingException {
        if (qualities == null) {
            Map<Integer, Quality> out = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT code, name FROM qualities")) {
                while (rs.next()) {
                    out.put(rs.getInt(1), Quality.valueOf(rs.getString(2)));
                }
            } catch (SQLException | IllegalArgumentException e) {
                throw new RecordingException(location + ": unreadable quality table: " + e.getMessage(), e);
            }
            qualities = out;
        }
        Quality q = qualities.get(code);
        if (q == null) {
            throw new RecordingException(location + ": unknown quality code " + code);
        }
        return q;
    }

    /**
     * The recorded state of every point at {@code t}: the newest value (and quality) received at or before it.
     * Points first seen after {@code t} are absent. Ordered by point path.
     */
    public List<RecordedValue> stateAt(Instant t) throws RecordingException {
        Map<Integer, RecordedValue> state = new HashMap<>();
        for (NumberedValue nv : numberedStateAt(t.toEpochMilli())) {
            state.put(nv.point(), nv.value());
        }
        List<RecordedValue> out = new ArrayList<>(state.values());
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    List<NumberedValue> numberedStateAt(long tMillis) throws RecordingException {
        return numberedStateAt(tMillis, null);
    }

    /** The newest value of every point (or of {@code onlyPoint} if not null) received at or before {@code tMillis}. */
    private List<NumberedValue> numberedStateAt(long tMillis, Integer onlyPoint) throws RecordingException {
        String point = onlyPoint == null ? "" : " AND point_id = " + onlyPoint;
        Map<Integer, NumberedValue> state = new HashMap<>();
        Consumer<NumberedValue> newest = nv -> state.merge(nv.point(), nv,
                (a, b) -> b.value().sequence() > a.value().sequence() ? b : a);
        long snapSeq = 0;
        long snapMs = Long.MIN_VALUE;
        try {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT snap_seq, snap_ms FROM snapshot_marks WHERE snap_ms <= ? ORDER BY snap_seq DESC LIMIT 1")) {
                ps.setLong(1, tMillis);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        snapSeq = rs.getLong(1);
                        snapMs = rs.getLong(2);
                    }
                }
            }
            List<RecordingPart> parts = parts();
            if (snapMs != Long.MIN_VALUE && !parts.isEmpty()) {
                RecordingPart holding = parts.get(RecordingPart.holdingSnapshot(parts, snapSeq));
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT point_id, seq, recv_ms, src_ms, value, quality FROM " + holding.snapshotsTable()
                                + " WHERE snap_seq = ?" + point)) {
                    ps.setLong(1, snapSeq);
                    readValues(ps, newest);
                }
            }
            // Values after the snapshot, from the part(s) that can hold them (one hour's tables, two across the
            // hour): the receive time never goes back along the sequence, so recv_ms >= snap_ms selects the same
            // rows as seq > snap_seq alone while letting BRIN / zone maps skip the older ones. The newest value per
            // point wins by sequence, so the rows need no sort.
            for (RecordingPart part : RecordingPart.after(parts, snapSeq, tMillis)) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT point_id, seq, recv_ms, src_ms, value, quality FROM " + part.valuesTable()
                                + " WHERE seq > ? AND recv_ms >= ? AND recv_ms <= ?" + point)) {
                    ps.setLong(1, snapSeq);
                    ps.setLong(2, snapMs);
                    ps.setLong(3, tMillis);
                    readValues(ps, newest);
                }
            }
        } catch (SQLException e) {
            throw failure("seek to " + Instant.ofEpochMilli(tMillis), e);
        }
        return new ArrayList<>(state.values());
    }

    /** The recording's parts: its hourly tables (format 2), or its one pair of tables (format 1, PostgreSQL). */
    private List<RecordingPart> parts() throws SQLException {
        if (format == null) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT meta_value FROM recording_meta WHERE meta_key = 'format'")) {
                format = rs.next() ? rs.getString(1) : RecordingSchema.FLAT_FORMAT;
            }
        }
        if (!RecordingSchema.FORMAT.equals(format)) {
            return List.of(RecordingPart.FLAT);
        }
        // Read each time: a recording being written gains a part every hour. A small table; empty until the first
        // value or snapshot.
        return readParts(connection);
    }

    /** The parts listed in a format 2 recording, in sequence order. */
    static List<RecordingPart> readParts(Connection connection) throws SQLException {
        List<RecordingPart> parts = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT values_table, snapshots_table, hour_ms, from_seq, from_ms "
                     + "FROM recording_parts ORDER BY from_seq")) {
            while (rs.next()) {
                parts.add(new RecordingPart(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)));
            }
        }
        return parts;
    }

    /**
     * The values of {@code id} that describe [from, to): the last one received at or before {@code from} (it held at
     * the start), then every one received in (from, to), in recording order. Empty when the point is not recorded.
     */
    public List<RecordedValue> pointValues(PointId id, Instant from, Instant to) throws RecordingException {
        Integer number = null;
        for (Map.Entry<Integer, PointDefinition> p : points().entrySet()) {
            if (p.getValue().id().equals(id)) {
                number = p.getKey();
            }
        }
        List<RecordedValue> out = new ArrayList<>();
        if (number == null) {
            return out;
        }
        // The value held at the start: the point's row of the last snapshot and its values after it (a seek for one
        // point), not a scan of everything before.
        for (NumberedValue nv : numberedStateAt(from.toEpochMilli(), number)) {
            out.add(nv.value());
        }
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        try {
            List<RecordingPart> parts = fromMs >= toMs ? List.of() : RecordingPart.receivedIn(parts(), fromMs, toMs);
            for (RecordingPart part : parts) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT point_id, seq, recv_ms, src_ms, value, quality FROM " + part.valuesTable()
                                + " WHERE point_id = ? AND recv_ms > ? AND recv_ms < ? ORDER BY seq")) {
                    ps.setInt(1, number);
                    ps.setLong(2, fromMs);
                    ps.setLong(3, toMs);
                    readValues(ps, nv -> out.add(nv.value()));
                }
            }
        } catch (SQLException e) {
            throw failure("read the values of " + id, e);
        }
        return out;
    }

    /** Every value received in (from, to], in recording order. */
    public void values(Instant fromExclusive, Instant toInclusive, Consumer<RecordedValue> sink)
            throws RecordingException {
        long from = fromExclusive.toEpochMilli();
        long to = toInclusive.toEpochMilli();
        try {
            // Parts follow each other in sequence: reading them in order keeps the recording order.
            List<RecordingPart> parts = from > to ? List.of() : RecordingPart.receivedIn(parts(), from, to);
            for (RecordingPart part : parts) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT point_id, seq, recv_ms, src_ms, value, quality FROM " + part.valuesTable()
                                + " WHERE recv_ms > ? AND recv_ms <= ? ORDER BY seq")) {
                    ps.setLong(1, from);
                    ps.setLong(2, to);
                    ps.setFetchSize(10_000);
                    readValues(ps, nv -> sink.accept(nv.value()));
                }
            }
        } catch (SQLException e) {
            throw failure("read values", e);
        }
    }

    private void readValues(PreparedStatement ps, Consumer<NumberedValue> sink)
            throws SQLException, RecordingException {
        Map<Integer, PointDefinition> pts = points();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int point = rs.getInt(1);
                PointDefinition def = pts.get(point);
                if (def == null) {
                    // A recording still being written gains points: read the table again once.
                    points = null;
                    pts = points();
                    def = pts.get(point);
                }
                if (def == null) {
                    throw new RecordingException(location + ": value of unknown point number " + point);
                }
                double v = rs.getDouble(5);
                if (rs.wasNull()) {
                    v = Double.NaN;
                }
                sink.accept(new NumberedValue(point, new RecordedValue(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        def.id(), v, quality(rs.getInt(6)), def.unit())));
            }
        }
    }

    /** Alarm journal entries received in (from, to], in recording order. */
    public List<RecordedAlarm> alarms(Instant fromExclusive, Instant toInclusive) throws RecordingException {
        List<RecordedAlarm> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, recv_ms, event_ms, journal_seq, event, alarm_key, source, priority, state, message, "
                        + "operator_name, comment_text FROM alarm_events WHERE recv_ms > ? AND recv_ms <= ? "
                        + "ORDER BY seq")) {
            ps.setLong(1, fromExclusive.toEpochMilli());
            ps.setLong(2, toInclusive.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecordedAlarm(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12)));
                }
            }
        } catch (SQLException e) {
            throw failure("read alarms", e);
        }
        return out;
    }

    /** Console events received in (from, to], in recording order. */
    public List<RecordedEvent> events(Instant fromExclusive, Instant toInclusive) throws RecordingException {
        List<RecordedEvent> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, recv_ms, kind, subject, detail, tx_hash, height FROM console_events "
                        + "WHERE recv_ms > ? AND recv_ms <= ? ORDER BY seq")) {
            ps.setLong(1, fromExclusive.toEpochMilli());
            ps.setLong(2, toInclusive.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RecordedEvent.EventKind kind;
                    try {
                        kind = RecordedEvent.EventKind.valueOf(rs.getString(3));
                    } catch (IllegalArgumentException unknown) {
                        continue; // written by a newer console: skip rather than fail the whole replay
                    }
                    out.add(new RecordedEvent(rs.getLong(1), rs.getLong(2), kind, rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw failure("read events", e);
        }
        return out;
    }

    /** The alarm rule set in force at {@code t}: the newest recorded at or before it, else the first one. */
    public Optional<RecordedRules> rulesAt(Instant t) throws RecordingException {
        try (PreparedStatement before = connection.prepareStatement(
                "SELECT seq, recv_ms, origin, rules_json FROM rule_sets WHERE recv_ms <= ? ORDER BY seq DESC LIMIT 1");
             PreparedStatement first = connection.prepareStatement(
                     "SELECT seq, recv_ms, origin, rules_json FROM rule_sets ORDER BY seq LIMIT 1")) {
            before.setLong(1, t.toEpochMilli());
            for (PreparedStatement ps : List.of(before, first)) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(new RecordedRules(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw failure("read the alarm rules", e);
        }
    }

    /** Receive time of the first alarm raised after {@code t} (the timeline's "next alarm"). */
    public Optional<Instant> nextAlarm(Instant t) throws RecordingException {
        return alarmMark("recv_ms > ? ORDER BY seq", t);
    }

    /** Receive time of the last alarm raised before {@code t}. */
    public Optional<Instant> previousAlarm(Instant t) throws RecordingException {
        return alarmMark("recv_ms < ? ORDER BY seq DESC", t);
    }

    private Optional<Instant> alarmMark(String condition, Instant t) throws RecordingException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT recv_ms FROM alarm_events WHERE event = 'RAISED' AND " + condition + " LIMIT 1")) {
            ps.setLong(1, t.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("find alarm markers", e);
        }
    }

    /** File formats of {@link #export}. */
    public enum ExportFormat { PARQUET, CSV }

    /**
     * Writes the values received in [from, to] (the {@code telemetry} view: time, path, value, quality, unit) to a
     * Parquet (zstd) or CSV file. DuckDB recordings only.
     *
     * @return rows written
     */
    public long export(Instant from, Instant to, Path out, ExportFormat format) throws RecordingException {
        String options = switch (format) {
            case PARQUET -> "(FORMAT parquet, COMPRESSION zstd)";
            case CSV -> "(FORMAT csv, HEADER true)";
        };
        String target = out.toAbsolutePath().toString().replace("'", "''");
        try (Statement st = connection.createStatement()) {
            return st.executeLargeUpdate("COPY (SELECT * FROM telemetry WHERE received >= epoch_ms("
                    + from.toEpochMilli() + ") AND received <= epoch_ms(" + to.toEpochMilli()
                    + ") ORDER BY seq) TO '" + target + "' " + options);
        } catch (SQLException e) {
            throw failure("export to " + out, e);
        }
    }

    private RecordingException failure(String what, SQLException e) {
        return new RecordingException("cannot " + what + " in " + location + ": " + e.getMessage(), e);
    }

    @Override
    public void close() throws RecordingException {
        if (!ownsConnection) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
