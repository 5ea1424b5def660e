package org.plurigrid.console.client.recording;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.plurigrid.console.client.recording.RecordingBatch.NumberedValue;
import org.plurigrid.console.client.recording.RecordingBatch.PointDefinition;
import org.plurigrid.console.client.telemetry.Quality;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The shared store: a site's PostgreSQL, in one schema. Values go in with COPY ({@link CopyManager}) into a table
 * partitioned by receive time (one native range partition per UTC day, created as data arrives) with a BRIN index
 * on time only (a per-point B-tree costs most of the ingest rate). Same tables and snapshots as the DuckDB files, so
 * the same {@link RecordingReader} seeks in it. Nothing rolls: retention drops whole day partitions (see
 * docs/recording.md).
 */
public final class PostgresRecordingStore implements RecordingStore {

    private static final long DAY_MILLIS = 86_400_000L;
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String jdbcUrl;
    private final String shownUrl;
    private final String schema;
    private final Properties credentials;
    private final Set<Long> partitions = new HashSet<>();
    private Connection connection;
    private CopyManager copy;

    /**
     * @param jdbcUrl  {@code jdbc:postgresql://host:port/db} (no password in it)
     * @param user     database user
     * @param password may be null (trust, .pgpass); copied, the caller clears its own
     * @param schema   schema holding the recording (created if missing)
     */
    public PostgresRecordingStore(String jdbcUrl, String user, char[] password, String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a lower-case SQL name, got " + schema);
        }
        this.jdbcUrl = jdbcUrl;
        this.shownUrl = jdbcUrl.replaceFirst("^jdbc:", "") + " schema " + schema;
        this.schema = schema;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", new String(password));
        }
    }

    /**
     * From {@code postgresql://host:port/db?user=NAME&schema=NAME} (schema default {@code plurigrid_recording});
     * a password never comes in the URL.
     */
    public static PostgresRecordingStore fromUrl(String url, char[] password) {
        String u = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + url, e);
        }
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath() == null
                || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("expected postgresql://host[:port]/database[?user=NAME&schema=NAME], "
                    + "got " + url);
        }
        if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
            throw new IllegalArgumentException("put the database password in a file (--store-password-file), "
                    + "not in the URL");
        }
        String user = uri.getUserInfo();
        String schema = "plurigrid_recording";
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                String[] p = kv.split("=", 2);
                if (p.length == 2 && p[0].equals("user")) {
                    user = p[1];
                } else if (p.length == 2 && p[0].equals("schema")) {
                    schema = p[1];
                } else {
                    throw new IllegalArgumentException("unknown URL parameter '" + kv + "' (user, schema)");
                }
            }
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getPath();
        return new PostgresRecordingStore(jdbc, user, password, schema);
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, credentials);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            st.execute("SET search_path TO " + schema);
        }
        return c;
    }

    @Override
    public Recovery open(Instant now) throws RecordingException {
        try {
            connection = connect();
            copy = connection.unwrap(PGConnection.class).getCopyAPI();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String ddl : RecordingSchema.tables("TEXT", "DOUBLE PRECISION")) {
                    st.execute(ddl);
                }
                st.execute("CREATE TABLE IF NOT EXISTS snapshots "
                        + RecordingSchema.snapshotsColumns("DOUBLE PRECISION"));
                st.execute("CREATE TABLE IF NOT EXISTS point_values "
                        + RecordingSchema.valuesColumns("DOUBLE PRECISION") + " PARTITION BY RANGE (recv_ms)");
                st.execute("CREATE INDEX IF NOT EXISTS point_values_recv_brin ON point_values USING brin (recv_ms)");
                st.execute("CREATE INDEX IF NOT EXISTS snapshots_seq_brin ON snapshots USING brin (snap_seq)");
                st.execute("CREATE INDEX IF NOT EXISTS alarm_events_recv_brin ON alarm_events USING brin (recv_ms)");
                st.execute(RecordingSchema.telemetryView(c -> "to_timestamp(" + c + " / 1000.0)"));
                // One table each, natively partitioned by day: the flat layout.
                st.execute("INSERT INTO recording_meta SELECT 'format', '" + RecordingSchema.FLAT_FORMAT
                        + "' WHERE NOT EXISTS (SELECT 1 FROM recording_meta WHERE meta_key = 'format')");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM qualities")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        for (Quality q : Quality.values()) {
                            st.execute("INSERT INTO qualities VALUES (" + q.ordinal() + ", '" + q.name() + "')");
                        }
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            Recovery r = recover();
            connection.setAutoCommit(false);
            return r;
        } catch (SQLException e) {
            closeQuietly();
            throw new RecordingException("cannot open the recording in " + shownUrl + ": " + e.getMessage(), e);
        }
    }

    private Recovery recover() throws RecordingException {
        RecordingReader reader = new RecordingReader(connection, shownUrl, false);
        RecordingSummary s = reader.summary();
        if (s.rows() == 0 && s.points() == 0) {
            return Recovery.empty(shownUrl);
        }
        return new Recovery(shownUrl, s.rows(), s.from(), s.to(), s.lastSequence(),
                new java.util.ArrayList<>(reader.points().values()),
                s.to().isPresent() ? reader.numberedStateAt(s.to().get().toEpochMilli()) : java.util.List.of());
    }

    /** A reader on its own connection (for summaries and replay from the shared store). */
    public RecordingReader reader() throws RecordingException {
        try {
            return new RecordingReader(connect(), shownUrl, true);
        } catch (SQLException e) {
            throw new RecordingException("cannot read the recording in " + shownUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean rollIfDue(Instant now) {
        return false; // one growing, partitioned table
    }

    @Override
    public void write(RecordingBatch batch) throws RecordingException {
        try {
            try {
                append(batch);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new RecordingException("cannot write to " + shownUrl + ": " + e.getMessage(), e);
        }
    }

    private void ensurePartition(long recvMillis) throws SQLException {
        long day = Math.floorDiv(recvMillis, DAY_MILLIS) * DAY_MILLIS;
        if (partitions.contains(day)) {
            return;
        }
        String name = "point_values_" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE
                .format(Instant.ofEpochMilli(day).atZone(java.time.ZoneOffset.UTC));
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF point_values FOR VALUES FROM ("
                    + day + ") TO (" + (day + DAY_MILLIS) + ")");
        }
        partitions.add(day);
    }

    private void append(RecordingBatch batch) throws SQLException, IOException {
        if (!batch.newPoints().isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO points VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (PointDefinition p : batch.newPoints()) {
                    ps.setInt(1, p.number());
                    ps.setString(2, p.id().path());
                    ps.setString(3, p.id().group());
                    ps.setString(4, p.id().node());
                    ps.setString(5, p.id().device());
                    ps.setString(6, p.id().metric());
                    ps.setString(7, p.unit());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!batch.values().isEmpty()) {
            StringBuilder sb = new StringBuilder(batch.values().size() * 48);
            long lastDay = Long.MIN_VALUE;
            for (NumberedValue nv : batch.values()) {
                RecordedValue v = nv.value();
                long day = Math.floorDiv(v.receivedMillis(), DAY_MILLIS);
                if (day != lastDay) {
                    ensurePartition(v.receivedMillis());
                    lastDay = day;
                }
                sb.append(v.sequence()).append('\t').append(v.receivedMillis()).append('\t')
                        .append(v.sourceMillis()).append('\t').append(nv.point()).append('\t')
                        .append(v.value()).append('\t').append(v.quality().ordinal()).append('\n');
            }
            copy.copyIn("COPY point_values FROM STDIN", new StringReader(sb.toString()));
        }
        if (!batch.alarms().isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO alarm_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RecordedAlarm r : batch.alarms()) {
                    ps.setLong(1, r.sequence());
                    ps.setLong(2, r.receivedMillis());
                    ps.setLong(3, r.eventMillis());
                    ps.setLong(4, r.journalSequence());
                    ps.setString(5, r.event());
                    ps.setString(6, r.alarmKey());
                    ps.setString(7, r.source());
                    ps.setString(8, r.priority());
                    ps.setString(9, r.state());
                    ps.setString(10, r.message());
                    ps.setString(11, r.operator());
                    ps.setString(12, r.comment());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!batch.events().isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO console_events VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (RecordedEvent e : batch.events()) {
                    ps.setLong(1, e.sequence());
                    ps.setLong(2, e.receivedMillis());
                    ps.setString(3, e.kind().name());
                    ps.setString(4, e.subject());
                    ps.setString(5, e.detail());
                    ps.setString(6, e.txHash());
                    ps.setLong(7, e.height());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!batch.rules().isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO rule_sets VALUES (?, ?, ?, ?)")) {
                for (RecordedRules r : batch.rules()) {
                    ps.setLong(1, r.sequence());
                    ps.setLong(2, r.receivedMillis());
                    ps.setString(3, r.origin());
                    ps.setString(4, r.json());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (batch.snapshot().isPresent()) {
            RecordingBatch.Snapshot s = batch.snapshot().get();
            StringBuilder sb = new StringBuilder(s.values().size() * 56);
            for (NumberedValue nv : s.values()) {
                RecordedValue v = nv.value();
                sb.append(s.sequence()).append('\t').append(nv.point()).append('\t').append(v.sequence())
                        .append('\t').append(v.receivedMillis()).append('\t').append(v.sourceMillis()).append('\t')
                        .append(v.value()).append('\t').append(v.quality().ordinal()).append('\n');
            }
            if (!sb.isEmpty()) {
                copy.copyIn("COPY snapshots FROM STDIN", new StringReader(sb.toString()));
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO snapshot_marks VALUES (?, ?, ?)")) {
                ps.setLong(1, s.sequence());
                ps.setLong(2, s.millis());
                ps.setInt(3, s.values().size());
                ps.executeUpdate();
            }
        }
    }

    @Override
    public String kind() {
        return "postgresql";
    }

    @Override
    public String location() {
        return shownUrl;
    }

    @Override
    public void close() throws RecordingException {
        credentials.remove("password");
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new RecordingException("cannot close " + shownUrl + ": " + e.getMessage(), e);
        } finally {
            connection = null;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RecordingException ignored) {
            // the open failure is what the operator needs to see
        }
    }

    @Override
    public String toString() {
        return "PostgresRecordingStore[" + shownUrl + "]";
    }
}
