package org.plurigrid.console.client.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.plurigrid.console.client.recording.RecordingBatch.NumberedValue;
import org.plurigrid.console.client.recording.RecordingBatch.PointDefinition;
import org.plurigrid.console.client.telemetry.Quality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default store: embedded DuckDB files an analyst opens with the DuckDB CLI or Python. One file, or one per roll
 * period in a folder ({@code recording-20261203T0700Z.duckdb}); a closed file is never written again, so other
 * processes can open it. Each batch is one explicit transaction, appended with the Appender: after a kill -9 the
 * file reopens with every committed batch whole. Retention deletes closed files by age and total size.
 */
public final class DuckDbRecordingStore implements RecordingStore {

    private static final Logger log = LoggerFactory.getLogger(DuckDbRecordingStore.class);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String PREFIX = "recording-";
    static final String SUFFIX = ".duckdb";

    private final Path singleFile;
    private final Path folder;
    private final Duration rollPeriod;
    private final Retention retention;
    private DuckDBConnection connection;
    private Path current;
    private long currentPeriodStart;
    /** The parts of the file written now, as committed. */
    private List<RecordingPart> parts = List.of();

    /** Age and size limits for closed files in a rolling folder; zero means no limit. */
    public record Retention(Duration maxAge, long maxBytes) {
        public static final Retention KEEP_ALL = new Retention(Duration.ZERO, 0);

        public Retention {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative() || maxBytes < 0) {
                throw new IllegalArgumentException("retention limits must not be negative");
            }
        }
    }

    private DuckDbRecordingStore(Path singleFile, Path folder, Duration rollPeriod, Retention retention) {
        this.singleFile = singleFile;
        this.folder = folder;
        this.rollPeriod = rollPeriod;
        this.retention = retention;
    }

    /** Everything in one file (reopened and continued if it exists). */
    public static DuckDbRecordingStore singleFile(Path file) {
        return new DuckDbRecordingStore(file.toAbsolutePath(), null, Duration.ZERO, Retention.KEEP_ALL);
    }

    /** One file per {@code rollPeriod} (aligned to UTC multiples of it) in {@code folder}. */
    public static DuckDbRecordingStore rolling(Path folder, Duration rollPeriod, Retention retention) {
        if (rollPeriod.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("roll period must be at least one second, got " + rollPeriod);
        }
        return new DuckDbRecordingStore(null, folder.toAbsolutePath(), rollPeriod, retention);
    }

    /** The file a rolling store writes for the period containing {@code t}. */
    public static Path fileFor(Path folder, Duration rollPeriod, Instant t) {
        long p = rollPeriod.toMillis();
        long start = Math.floorDiv(t.toEpochMilli(), p) * p;
        return folder.resolve(PREFIX + FILE_TIME.format(Instant.ofEpochMilli(start)) + SUFFIX);
    }

    @Override
    public synchronized Recovery open(Instant now) throws RecordingException {
        Path file;
        if (singleFile != null) {
            file = singleFile;
        } else {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new RecordingException("cannot create the recording folder " + folder + ": " + e.getMessage(), e);
            }
            file = fileFor(folder, rollPeriod, now);
            currentPeriodStart = periodStart(now);
            applyRetention(now, file);
        }
        return openFile(file);
    }

    private long periodStart(Instant t) {
        long p = rollPeriod.toMillis();
        return Math.floorDiv(t.toEpochMilli(), p) * p;
    }

    private Recovery openFile(Path file) throws RecordingException {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean existed = Files.exists(file);
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
            current = file;
            try (Statement st = connection.createStatement()) {
                st.execute("BEGIN TRANSACTION");
                for (String ddl : RecordingSchema.tables("VARCHAR", "DOUBLE")) {
                    st.execute(ddl);
                }
                st.execute(RecordingSchema.partsTable());
                String valuesKind = tableType(st, "point_values");
                if ("BASE TABLE".equals(valuesKind)) {
                    migrateFlat(st);
                } else if (valuesKind == null) {
                    st.execute(RecordingSchema.unionView("point_values", RecordingSchema.VALUES_COLUMNS, List.of()));
                    st.execute(RecordingSchema.unionView("snapshots", RecordingSchema.SNAPSHOTS_COLUMNS, List.of()));
                }
                st.execute(RecordingSchema.telemetryView(c -> "epoch_ms(" + c + ")"));
                st.execute("INSERT INTO recording_meta SELECT 'format', '" + RecordingSchema.FORMAT
                        + "' WHERE NOT EXISTS (SELECT 1 FROM recording_meta WHERE meta_key = 'format')");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM qualities")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        for (Quality q : Quality.values()) {
                            st.execute("INSERT INTO qualities VALUES (" + q.ordinal() + ", '" + q.name() + "')");
                        }
                    }
                }
                st.execute("COMMIT");
            }
            parts = new ArrayList<>(RecordingReader.readParts(connection));
            if (!existed) {
                return Recovery.empty(file.toString());
            }
            return recover(file.toString());
        } catch (SQLException e) {
            closeQuietly();
            throw new RecordingException("cannot open the recording " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RecordingException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
    }

    private static String tableType(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT table_type FROM information_schema.tables WHERE table_schema = "
                + "'main' AND table_name = '" + name + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * A file of format 1 (one values and one snapshots table) carries on in format 2: its tables become the first
     * part, renamed, and the views take their names. Only catalog changes: nothing is copied.
     */
    private static void migrateFlat(Statement st) throws SQLException {
        String values = "point_values_before";
        String snapshots = "snapshots_before";
        st.execute("ALTER TABLE point_values RENAME TO " + values);
        st.execute("ALTER TABLE snapshots RENAME TO " + snapshots);
        st.execute("INSERT INTO recording_parts VALUES ('" + values + "', '" + snapshots + "', " + Long.MIN_VALUE
                + ", " + Long.MIN_VALUE + ", " + Long.MIN_VALUE + ")");
        st.execute(RecordingSchema.unionView("point_values", RecordingSchema.VALUES_COLUMNS, List.of(values)));
        st.execute(RecordingSchema.unionView("snapshots", RecordingSchema.SNAPSHOTS_COLUMNS, List.of(snapshots)));
        st.execute("UPDATE recording_meta SET meta_value = '" + RecordingSchema.FORMAT
                + "' WHERE meta_key = 'format'");
        log.info("Recording of format {} continued in format {}: its tables are the first part",
                RecordingSchema.FLAT_FORMAT, RecordingSchema.FORMAT);
    }

    /** What the file already holds, read through the same reader replay uses. */
    Recovery recover(String location) throws RecordingException {
        RecordingReader reader = new RecordingReader(connection, location, false);
        RecordingSummary s = reader.summary();
        if (s.rows() == 0 && s.points() == 0) {
            return Recovery.empty(location);
        }
        List<NumberedValue> last = s.to().isPresent()
                ? reader.numberedStateAt(s.to().get().toEpochMilli()) : List.of();
        return new Recovery(location, s.rows(), s.from(), s.to(), s.lastSequence(),
                new ArrayList<>(reader.points().values()), last);
    }

    @Override
    public synchronized boolean rollIfDue(Instant now) throws RecordingException {
        if (folder == null || periodStart(now) == currentPeriodStart) {
            return false;
        }
        Path closed = current;
        closeQuietly();
        currentPeriodStart = periodStart(now);
        Path next = fileFor(folder, rollPeriod, now);
        applyRetention(now, next);
        Recovery r = openFile(next);
        log.info("Recording rolled from {} to {}{}", closed, next, r.isEmpty() ? "" : " (" + r.describe() + ")");
        return true;
    }

    /** Deletes closed files older than the age limit, then the oldest until the folder fits the size limit. */
    private void applyRetention(Instant now, Path keep) {
        if (folder == null || (retention.maxAge().isZero() && retention.maxBytes() == 0)) {
            return;
        }
        List<Path> closed;
        try (Stream<Path> files = Files.list(folder)) {
            closed = new ArrayList<>(files
                    .filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && p.getFileName().toString().endsWith(SUFFIX) && !p.equals(keep))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList());
        } catch (IOException e) {
            log.warn("Recording retention could not list {}: {}", folder, e.getMessage());
            return;
        }
        long total = 0;
        for (Path p : closed) {
            total += sizeOf(p);
        }
        List<Path> delete = new ArrayList<>();
        for (Path p : closed) {
            // A file's period ends where the next one starts; its name is its start.
            boolean tooOld = !retention.maxAge().isZero() && lastModified(p).isBefore(now.minus(retention.maxAge()));
            boolean tooBig = retention.maxBytes() > 0 && total > retention.maxBytes();
            if (tooOld || tooBig) {
                delete.add(p);
                total -= sizeOf(p);
            }
        }
        for (Path p : delete) {
            try {
                Files.deleteIfExists(p);
                Files.deleteIfExists(p.resolveSibling(p.getFileName() + ".wal"));
                log.info("Recording retention deleted {}", p);
            } catch (IOException e) {
                log.warn("Recording retention could not delete {}: {}", p, e.getMessage());
            }
        }
    }

    private static long sizeOf(Path p) {
        try {
            Path wal = p.resolveSibling(p.getFileName() + ".wal");
            return Files.size(p) + (Files.exists(wal) ? Files.size(wal) : 0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Instant lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }

    @Override
    public void write(RecordingBatch batch) throws RecordingException {
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN TRANSACTION");
            try {
                List<RecordingPart> written = new ArrayList<>(parts);
                append(batch, written);
                st.execute("COMMIT");
                parts = written;
            } catch (SQLException | RuntimeException e) {
                try {
                    st.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new RecordingException("cannot write to the recording " + current + ": " + e.getMessage(), e);
        }
    }

    /** Start of the hour after the newest part's: a value received from then on opens a new part. */
    private static long nextPartMillis(List<RecordingPart> parts) {
        if (parts.isEmpty() || parts.getLast().hourMs() == Long.MIN_VALUE) {
            return Long.MIN_VALUE; // no part yet, or only the tables of a format 1 file: open one
        }
        return parts.getLast().hourMs() + RecordingSchema.PART_MILLIS;
    }

    /** Opens the tables of the hour of {@code fromMs}, lists them and widens the views (in the batch). */
    private void addPart(List<RecordingPart> parts, long fromSeq, long fromMs) throws SQLException {
        long hour = Math.floorDiv(fromMs, RecordingSchema.PART_MILLIS) * RecordingSchema.PART_MILLIS;
        RecordingPart part = new RecordingPart(RecordingSchema.partTable("point_values", hour),
                RecordingSchema.partTable("snapshots", hour), hour, fromSeq, fromMs);
        parts.add(part);
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE " + part.valuesTable() + " " + RecordingSchema.valuesColumns("DOUBLE"));
            st.execute("CREATE TABLE " + part.snapshotsTable() + " " + RecordingSchema.snapshotsColumns("DOUBLE"));
            st.execute("INSERT INTO recording_parts VALUES ('" + part.valuesTable() + "', '" + part.snapshotsTable()
                    + "', " + hour + ", " + fromSeq + ", " + fromMs + ")");
            st.execute(RecordingSchema.unionView("point_values", RecordingSchema.VALUES_COLUMNS,
                    parts.stream().map(RecordingPart::valuesTable).toList()));
            st.execute(RecordingSchema.unionView("snapshots", RecordingSchema.SNAPSHOTS_COLUMNS,
                    parts.stream().map(RecordingPart::snapshotsTable).toList()));
        }
    }

    private void append(RecordingBatch batch, List<RecordingPart> parts) throws SQLException {
        if (!batch.newPoints().isEmpty()) {
            try (DuckDBAppender a = connection.createAppender("points")) {
                for (PointDefinition p : batch.newPoints()) {
                    a.beginRow().append(p.number()).append(p.id().path()).append(p.id().group())
                            .append(p.id().node()).append(p.id().device()).append(p.id().metric())
                            .append(p.unit()).endRow();
                }
            }
        }
        if (!batch.values().isEmpty()) {
            DuckDBAppender a = null;
            try {
                for (NumberedValue nv : batch.values()) {
                    RecordedValue v = nv.value();
                    if (a == null || v.receivedMillis() >= nextPartMillis(parts)) {
                        if (a != null) {
                            a.close();
                            a = null;
                        }
                        if (v.receivedMillis() >= nextPartMillis(parts)) {
                            addPart(parts, v.sequence(), v.receivedMillis());
                        }
                        a = connection.createAppender(parts.getLast().valuesTable());
                    }
                    a.beginRow().append(v.sequence()).append(v.receivedMillis()).append(v.sourceMillis())
                            .append(nv.point()).append(v.value()).append((short) v.quality().ordinal()).endRow();
                }
            } finally {
                if (a != null) {
                    a.close();
                }
            }
        }
        if (!batch.alarms().isEmpty()) {
            try (DuckDBAppender a = connection.createAppender("alarm_events")) {
                for (RecordedAlarm r : batch.alarms()) {
                    a.beginRow().append(r.sequence()).append(r.receivedMillis()).append(r.eventMillis())
                            .append(r.journalSequence()).append(r.event()).append(r.alarmKey()).append(r.source())
                            .append(r.priority()).append(r.state()).append(r.message()).append(r.operator())
                            .append(r.comment()).endRow();
                }
            }
        }
        if (!batch.events().isEmpty()) {
            try (DuckDBAppender a = connection.createAppender("console_events")) {
                for (RecordedEvent e : batch.events()) {
                    a.beginRow().append(e.sequence()).append(e.receivedMillis()).append(e.kind().name())
                            .append(e.subject()).append(e.detail()).append(e.txHash()).append(e.height()).endRow();
                }
            }
        }
        if (!batch.rules().isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO rule_sets VALUES (?, ?, ?, ?)")) {
                for (RecordedRules r : batch.rules()) {
                    ps.setLong(1, r.sequence());
                    ps.setLong(2, r.receivedMillis());
                    ps.setString(3, r.origin());
                    ps.setString(4, r.json());
                    ps.executeUpdate();
                }
            }
        }
        if (batch.snapshot().isPresent()) {
            RecordingBatch.Snapshot s = batch.snapshot().get();
            if (parts.isEmpty() || parts.getLast().hourMs() == Long.MIN_VALUE) {
                addPart(parts, s.sequence(), s.millis()); // no value in this file's new layout yet
            }
            // The newest part: its first value (or this snapshot) is numbered at most the snapshot's sequence.
            try (DuckDBAppender a = connection.createAppender(parts.getLast().snapshotsTable())) {
                for (NumberedValue nv : s.values()) {
                    RecordedValue v = nv.value();
                    a.beginRow().append(s.sequence()).append(nv.point()).append(v.sequence())
                            .append(v.receivedMillis()).append(v.sourceMillis()).append(v.value())
                            .append((short) v.quality().ordinal()).endRow();
                }
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
        return "duckdb";
    }

    @Override
    public String location() {
        return current != null ? current.toString() : singleFile != null ? singleFile.toString() : folder.toString();
    }

    /**
     * A reader of the file being written now, through a second connection to the same database (DuckDB lets one
     * process open a file once, so replaying this console's own recording must go through the writer's database).
     * It sees every committed batch; empty when {@code file} is not the file written now. Any thread.
     */
    public synchronized Optional<RecordingReader> readCurrent(Path file) throws RecordingException {
        if (connection == null || current == null
                || !current.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecordingReader(connection.duplicate(), current.toString(), true));
        } catch (SQLException e) {
            throw new RecordingException("cannot read the recording " + current + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws RecordingException {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new RecordingException("cannot close the recording " + current + ": " + e.getMessage(), e);
        } finally {
            connection = null;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RecordingException e) {
            log.warn("{}", e.getMessage());
        }
    }
}
