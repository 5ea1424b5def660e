package org.plurigrid.console.client.recording;

import java.time.Duration;
import java.util.Objects;

/**
 * What the status bar shows about recording: read-only, cheap to take once a second.
 *
 * @param state       what the recorder is doing
 * @param store       "duckdb", "postgresql", or empty when not recording
 * @param location    file or database being written (no credentials)
 * @param rowsWritten entries committed since start
 * @param rowsPerSecond commit rate over the last second or so
 * @param lag         age of the oldest entry not yet committed (zero when caught up)
 * @param buffered    entries waiting in memory
 * @param dropped     entries lost because the buffer was full (store too slow or down)
 * @param lastError   the last write error, empty when the last write succeeded
 * @param recovered   what was found on opening (e.g. after a crash), one line
 */
public record RecordingStatus(State state, String store, String location, long rowsWritten, double rowsPerSecond,
                              Duration lag, int buffered, long dropped, String lastError, String recovered) {

    /** The recorder's life cycle. */
    public enum State { NOT_RECORDING, RECORDING, FAILING, STOPPED }

    public static final RecordingStatus NOT_RECORDING =
            new RecordingStatus(State.NOT_RECORDING, "", "", 0, 0, Duration.ZERO, 0, 0, "", "");

    public RecordingStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lag, "lag");
        store = store == null ? "" : store;
        location = location == null ? "" : location;
        lastError = lastError == null ? "" : lastError;
        recovered = recovered == null ? "" : recovered;
    }
}
