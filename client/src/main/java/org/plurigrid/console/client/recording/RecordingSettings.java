package org.plurigrid.console.client.recording;

import java.time.Duration;
import java.util.Objects;

/**
 * How the recorder batches and bounds its work.
 *
 * @param batchPeriod    longest wait before buffered entries are committed (what a crash can lose); at most 1 s
 * @param maxBatch       entries that trigger a commit before the period is over
 * @param bufferCapacity entries held in memory while the store is slow or down; beyond it entries are dropped and
 *                       counted, telemetry never waits
 * @param snapshotPeriod how often the state of every point is written, bounding the work of a seek
 */
public record RecordingSettings(Duration batchPeriod, int maxBatch, int bufferCapacity, Duration snapshotPeriod) {

    public static final RecordingSettings DEFAULTS =
            new RecordingSettings(Duration.ofMillis(250), 100_000, 1_000_000, Duration.ofSeconds(10));

    public RecordingSettings {
        Objects.requireNonNull(batchPeriod, "batchPeriod");
        Objects.requireNonNull(snapshotPeriod, "snapshotPeriod");
        if (batchPeriod.isNegative() || batchPeriod.isZero() || batchPeriod.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("batch period must be above 0 and at most 1 s, got " + batchPeriod);
        }
        if (maxBatch < 1 || bufferCapacity < maxBatch) {
            throw new IllegalArgumentException("need 1 <= maxBatch <= bufferCapacity, got " + maxBatch + " and "
                    + bufferCapacity);
        }
        if (snapshotPeriod.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("snapshot period must be at least 1 s, got " + snapshotPeriod);
        }
    }

    public RecordingSettings withBufferCapacity(int capacity) {
        return new RecordingSettings(batchPeriod, Math.min(maxBatch, capacity), capacity, snapshotPeriod);
    }

    public RecordingSettings withSnapshotPeriod(Duration period) {
        return new RecordingSettings(batchPeriod, maxBatch, bufferCapacity, period);
    }

    public RecordingSettings withBatchPeriod(Duration period) {
        return new RecordingSettings(period, maxBatch, bufferCapacity, snapshotPeriod);
    }
}
