package org.plurigrid.console.client.recording;

import java.time.Instant;

/**
 * Where a {@link Recorder} writes: one embedded DuckDB file (rolled per period) or a shared PostgreSQL database.
 * Called only from the recorder's writer thread. Each {@link #write} is one transaction: after it returns the
 * batch survives a crash; if it throws, nothing of it was written.
 */
public interface RecordingStore extends AutoCloseable {

    /** Creates or reopens the current file (or schema) and says what was already there. */
    Recovery open(Instant now) throws RecordingException;

    /**
     * Starts a new file when the roll period has passed. Returns true when it did: the recorder then re-sends every
     * point definition and a snapshot, so each file stands on its own.
     */
    boolean rollIfDue(Instant now) throws RecordingException;

    /** Writes the batch in one transaction. */
    void write(RecordingBatch batch) throws RecordingException;

    /** "duckdb" or "postgresql". */
    String kind();

    /** The file or database written now, without credentials. */
    String location();

    @Override
    void close() throws RecordingException;
}
