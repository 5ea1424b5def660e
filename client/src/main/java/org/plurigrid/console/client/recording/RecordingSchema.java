package org.plurigrid.console.client.recording;

import java.util.List;

/**
 * The tables of a recording, the same in DuckDB and PostgreSQL so one reader serves both (a DuckDB file keeps values
 * and snapshots in one pair of tables per hour, see {@link #FORMAT}). Times are epoch milliseconds in BIGINT columns
 * (the point store's resolution, identical SQL in both stores); the {@code telemetry} view shows them as timestamps
 * with point paths and quality names for analysts. Qualities are stored as small codes
 * with their names in {@code qualities}, so a recording stays readable if the enum grows.
 */
final class RecordingSchema {

    /**
     * Bumped when a table changes shape; stored in recording_meta. Format 1: one {@code point_values} and one
     * {@code snapshots} table (PostgreSQL, and DuckDB files written before format 2). Format 2 (DuckDB): values and
     * snapshots in one pair of tables per UTC hour, listed in {@code recording_parts}, with {@code point_values} and
     * {@code snapshots} as views over all of them, so a seek scans one hour's tables whatever the file's length.
     */
    static final String FORMAT = "2";
    static final String FLAT_FORMAT = "1";

    /** Span of one part of a format 2 recording. */
    static final long PART_MILLIS = 3_600_000L;

    private static final java.time.format.DateTimeFormatter PART_NAME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HH").withZone(java.time.ZoneOffset.UTC);

    private RecordingSchema() {
    }

    /** Table definitions; {@code double} is the store's name for a 64-bit float. */
    static List<String> tables(String text, String dbl) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS recording_meta (meta_key " + text + " PRIMARY KEY, meta_value " + text + ")",
                "CREATE TABLE IF NOT EXISTS qualities (code SMALLINT, name " + text + ")",
                "CREATE TABLE IF NOT EXISTS points (point_id INTEGER, path " + text + ", grp " + text + ", node "
                        + text + ", device " + text + ", metric " + text + ", unit " + text + ")",
                "CREATE TABLE IF NOT EXISTS snapshot_marks (snap_seq BIGINT, snap_ms BIGINT, points INTEGER)",
                "CREATE TABLE IF NOT EXISTS alarm_events (seq BIGINT, recv_ms BIGINT, event_ms BIGINT, "
                        + "journal_seq BIGINT, event " + text + ", alarm_key " + text + ", source " + text
                        + ", priority " + text + ", state " + text + ", message " + text + ", operator_name " + text
                        + ", comment_text " + text + ")",
                "CREATE TABLE IF NOT EXISTS console_events (seq BIGINT, recv_ms BIGINT, kind " + text + ", subject "
                        + text + ", detail " + text + ", tx_hash " + text + ", height BIGINT)",
                "CREATE TABLE IF NOT EXISTS rule_sets (seq BIGINT, recv_ms BIGINT, origin " + text + ", rules_json "
                        + text + ")");
    }

    /** Columns of a snapshots table. */
    static String snapshotsColumns(String dbl) {
        return "(snap_seq BIGINT, point_id INTEGER, seq BIGINT, recv_ms BIGINT, src_ms BIGINT, value " + dbl
                + ", quality SMALLINT)";
    }

    /**
     * The parts of a format 2 recording, in sequence order: part {@code i} holds the values with sequence numbers in
     * [from_seq(i), from_seq(i+1)) (received from from_ms(i) on) and the snapshots written while it was the newest.
     */
    static String partsTable() {
        return "CREATE TABLE IF NOT EXISTS recording_parts (values_table VARCHAR, snapshots_table VARCHAR, "
                + "hour_ms BIGINT, from_seq BIGINT, from_ms BIGINT)";
    }

    /** Name of the values ({@code point_values}) or snapshots table of the hour starting at {@code hourMs}. */
    static String partTable(String base, long hourMs) {
        return base + "_" + PART_NAME.format(java.time.Instant.ofEpochMilli(hourMs));
    }

    /** The view that shows {@code tables} (same columns) as one; with no table yet, an empty one of that shape. */
    static String unionView(String view, String columns, List<String> tables) {
        StringBuilder sb = new StringBuilder("CREATE OR REPLACE VIEW " + view + " AS ");
        if (tables.isEmpty()) {
            sb.append("SELECT ");
            String[] names = columns.split(", ");
            for (int i = 0; i < names.length; i++) {
                String type = switch (names[i]) {
                    case "point_id" -> "INTEGER";
                    case "value" -> "DOUBLE";
                    case "quality" -> "SMALLINT";
                    default -> "BIGINT";
                };
                sb.append(i > 0 ? ", " : "").append("NULL::").append(type).append(" AS ").append(names[i]);
            }
            return sb.append(" WHERE false").toString();
        }
        for (int i = 0; i < tables.size(); i++) {
            sb.append(i > 0 ? " UNION ALL " : "").append("SELECT ").append(columns).append(" FROM ")
                    .append(tables.get(i));
        }
        return sb.toString();
    }

    static final String VALUES_COLUMNS = "seq, recv_ms, src_ms, point_id, value, quality";
    static final String SNAPSHOTS_COLUMNS = "snap_seq, point_id, seq, recv_ms, src_ms, value, quality";

    /** The values table; PostgreSQL partitions it by receive time. */
    static String valuesColumns(String dbl) {
        return "(seq BIGINT, recv_ms BIGINT, src_ms BIGINT, point_id INTEGER, value " + dbl + ", quality SMALLINT)";
    }

    /** The analysts' view; {@code toTimestamp} turns a millisecond column into a timestamp expression. */
    static String telemetryView(java.util.function.UnaryOperator<String> toTimestamp) {
        return "CREATE OR REPLACE VIEW telemetry AS SELECT v.seq, " + toTimestamp.apply("v.recv_ms")
                + " AS received, " + toTimestamp.apply("v.src_ms") + " AS source_time, p.path, v.value, "
                + "q.name AS quality, p.unit FROM point_values v JOIN points p ON p.point_id = v.point_id "
                + "JOIN qualities q ON q.code = v.quality";
    }
}
