package org.plurigrid.console.bench;

/** A histogram of latencies at 10 µs resolution up to 10 s; written by one thread, read after the run. */
final class LatencyRecorder {

    private static final int BUCKET_US = 10;
    private final long[] buckets = new long[1_000_000];
    private long count;
    private long overflow;
    private double maxMs;

    synchronized void record(double ms) {
        if (ms < 0) {
            ms = 0;
        }
        int b = (int) (ms * 1000 / BUCKET_US);
        if (b >= buckets.length) {
            overflow++;
        } else {
            buckets[b]++;
        }
        count++;
        if (ms > maxMs) {
            maxMs = ms;
        }
    }

    synchronized long count() {
        return count;
    }

    /** The latency below which {@code q} of the samples fall, in ms (NaN without samples). */
    synchronized double quantileMs(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long target = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= target) {
                return (i + 1) * BUCKET_US / 1000.0;
            }
        }
        return maxMs;
    }

    synchronized double maxMs() {
        return maxMs;
    }

    synchronized void reset() {
        java.util.Arrays.fill(buckets, 0);
        count = 0;
        overflow = 0;
        maxMs = 0;
    }
}
