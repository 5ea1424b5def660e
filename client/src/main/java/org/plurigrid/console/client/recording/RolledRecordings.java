package org.plurigrid.console.client.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.plurigrid.console.client.telemetry.PointId;

/**
 * A folder of rolled recording files (one per period, as {@link DuckDbRecordingStore#rolling} writes them) read as one
 * history: a point's values over any span, across as many files as it covers. Closed files never change, so their
 * readers are kept open (at most {@link #OPEN_READERS}, least recently used closed first); the file written now is
 * read through {@code opener} each time and closed after. A file retention deleted is simply not there. Thread-safe.
 */
public final class RolledRecordings implements AutoCloseable {

    /** Opens a reader of one file (the writer's own database for the file written now: see ConsoleRecording). */
    @FunctionalInterface
    public interface Opener {
        RecordingReader open(Path file) throws RecordingException;
    }

    /** Readers of closed files kept open between calls. */
    static final int OPEN_READERS = 32;

    private final Path folder;
    private final Duration roll;
    private final Opener opener;
    private final Supplier<Optional<Path>> current;
    private final LinkedHashMap<Path, RecordingReader> open = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    /** {@code current}: the file being written now, if any (never kept open here). */
    public RolledRecordings(Path folder, Duration roll, Opener opener, Supplier<Optional<Path>> current) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.roll = Objects.requireNonNull(roll, "roll");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.current = Objects.requireNonNull(current, "current");
    }

    /**
     * The values of {@code id} from the last one at or before {@code from} (in the file covering {@code from}) to the
     * last before {@code to}, in time order across files, as {@link RecordingReader#pointValues} gives them for one.
     */
    public synchronized List<RecordedValue> pointValues(PointId id, Instant from, Instant to) throws RecordingException {
        if (closed) {
            throw new RecordingException("the recordings in " + folder + " are closed");
        }
        List<RecordedValue> out = new ArrayList<>();
        long p = roll.toMillis();
        Path writing = current.get().map(f -> f.toAbsolutePath().normalize()).orElse(null);
        for (long s = Math.floorDiv(from.toEpochMilli(), p) * p; s < to.toEpochMilli(); s += p) {
            Path file = DuckDbRecordingStore.fileFor(folder, roll, Instant.ofEpochMilli(s)).toAbsolutePath().normalize();
            if (file.equals(writing)) {
                try (RecordingReader r = opener.open(file)) {
                    out.addAll(r.pointValues(id, from, to));
                }
                continue;
            }
            RecordingReader r = closedFile(file);
            if (r != null) {
                out.addAll(r.pointValues(id, from, to));
            }
        }
        return out;
    }

    private RecordingReader closedFile(Path file) throws RecordingException {
        RecordingReader r = open.get(file);
        if (r != null && Files.isRegularFile(file)) {
            return r;
        }
        if (r != null) {
            open.remove(file);
            r.close();
        }
        if (!Files.isRegularFile(file)) {
            return null;
        }
        r = opener.open(file);
        open.put(file, r);
        Iterator<Map.Entry<Path, RecordingReader>> eldest = open.entrySet().iterator();
        while (open.size() > OPEN_READERS) {
            RecordingReader old = eldest.next().getValue();
            eldest.remove();
            old.close();
        }
        return r;
    }

    /** How many closed files are open now. */
    public synchronized int openReaders() {
        return open.size();
    }

    /** Closes the readers kept open (after one event's baselines, say); the next call opens what it needs again. */
    public synchronized void closeReaders() {
        for (RecordingReader r : open.values()) {
            try {
                r.close();
            } catch (RecordingException e) {
                // a read-only reader that fails to close holds nothing we could release otherwise
            }
        }
        open.clear();
    }

    @Override
    public synchronized void close() throws RecordingException {
        closed = true;
        RecordingException first = null;
        for (RecordingReader r : open.values()) {
            try {
                r.close();
            } catch (RecordingException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
