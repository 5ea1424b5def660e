package org.plurigrid.console.client.telemetry;

import java.time.InstantSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts rejected messages by reason and logs them without flooding the log: the first of each reason at once,
 * then at most one line per reason every {@link #LOG_INTERVAL_MS} with the number suppressed meanwhile.
 */
public final class DecodeErrors {

    public static final String NOT_PROTOBUF = "not-protobuf";
    public static final String BAD_TOPIC = "bad-topic";
    public static final String SEQ_GAP = "seq-gap";
    public static final String UNKNOWN_ALIAS = "unknown-alias";
    public static final String NO_BIRTH = "no-birth";
    /** A payload that parsed but could not be handled (a bug or an exotic payload); never thrown to Paho. */
    public static final String DECODE_FAILED = "decode-failed";
    /** Sparkplug traffic from an edge node this connection never saw a birth from: counted, not answered. */
    public static final String UNKNOWN_NODE = "unknown-node";
    /** A message larger than {@link TelemetryLimits#maxPayloadBytes()}, dropped unparsed. */
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    /** A birth announcing more than {@link TelemetryLimits#maxMetricsPerBirth()} metrics, refused whole. */
    public static final String BIRTH_TOO_LARGE = "birth-too-large";
    /** A point refused: its node or the whole store holds its maximum of points. */
    public static final String POINT_LIMIT = "point-limit";
    /** A birth of a new edge node refused: the connection follows its maximum of nodes. */
    public static final String NODE_LIMIT = "node-limit";
    /** A metric whose name is present but empty: no point can be named by it, so it is ignored. */
    public static final String EMPTY_METRIC_NAME = "empty-metric-name";
    /** A message dropped because the decoding thread was that far behind (a flood). */
    public static final String QUEUE_OVERFLOW = "queue-overflow";

    static final long LOG_INTERVAL_MS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(DecodeErrors.class);

    private final InstantSource clock;
    private final ConcurrentHashMap<String, Reason> reasons = new ConcurrentHashMap<>();

    public DecodeErrors(InstantSource clock) {
        this.clock = clock;
    }

    /** Counts one rejected message; {@code detail} is only formatted when a log line is actually written. */
    public void count(String reason, String topic, Object detail) {
        Reason r = reasons.computeIfAbsent(reason, k -> new Reason());
        r.count.increment();
        long now = clock.millis();
        long last = r.lastLogMillis.get();
        if ((last == Long.MIN_VALUE || now - last >= LOG_INTERVAL_MS) && r.lastLogMillis.compareAndSet(last, now)) {
            long suppressed = r.suppressed.getAndSet(0);
            log.warn("Rejected message ({}) on {}: {}{}", reason, topic, detail,
                    suppressed > 0 ? " (" + suppressed + " more since the last report)" : "");
        } else {
            r.suppressed.incrementAndGet();
        }
    }

    public long count(String reason) {
        Reason r = reasons.get(reason);
        return r == null ? 0 : r.count.sum();
    }

    public long total() {
        long sum = 0;
        for (Reason r : reasons.values()) {
            sum += r.count.sum();
        }
        return sum;
    }

    /** Counts by reason, sorted by reason. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        reasons.forEach((k, v) -> out.put(k, v.count.sum()));
        return out;
    }

    private static final class Reason {
        final LongAdder count = new LongAdder();
        final AtomicLong lastLogMillis = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong suppressed = new AtomicLong();
    }
}
