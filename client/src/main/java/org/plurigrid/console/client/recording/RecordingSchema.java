package org.plurigrid.console.client.recording;

import java.util.List;

/**
 * The tables of a recording, the same in DuckDB and PostgreSQL so one reader serves both. Times are epoch
 * milliseconds in BIGINT columns (the point store's resolution, identical SQL in both stores); the {@code telemetry}
 * view shows them as timestamps with point paths and quality names for analysts. Qualities are stored as small codes
 * with their names in {@code qualities}, so a recording stays readable if the enum grows.
 */
final class RecordingSchema {

    /** Bumped when a table changes shape; stored in recording_meta. */
    static final String FORMAT = "1";

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
                "CREATE TABLE IF NOT EXISTS snapshots (snap_seq BIGINT, point_id INTEGER, seq BIGINT, recv_ms BIGINT, "
                        + "src_ms BIGINT, value " + dbl + ", quality SMALLINT)",
                "CREATE TABLE IF NOT EXISTS alarm_events (seq BIGINT, recv_ms BIGINT, event_ms BIGINT, "
                        + "journal_seq BIGINT, event " + text + ", alarm_key " + text + ", source " + text
                        + ", priority " + text + ", state " + text + ", message " + text + ", operator_name " + text
                        + ", comment_text " + text + ")",
                "CREATE TABLE IF NOT EXISTS console_events (seq BIGINT, recv_ms BIGINT, kind " + text + ", subject "
                        + text + ", detail " + text + ", tx_hash " + text + ", height BIGINT)",
                "CREATE TABLE IF NOT EXISTS rule_sets (seq BIGINT, recv_ms BIGINT, origin " + text + ", rules_json "
                        + text + ")");
    }

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
