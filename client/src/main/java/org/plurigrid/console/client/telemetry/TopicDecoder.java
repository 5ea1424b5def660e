package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoder for topics that are not Sparkplug: the console's own JSON topic mapping (a bundled plugin) and plugins'
 * vendor formats. The console subscribes to its {@link #filters()} on every broker (unless a broker's own
 * subscriptions already cover them) and hands it each message on a topic that matches, on a thread of its own (never
 * the MQTT callback thread), see {@link ExternalDecoders}.
 */
public interface TopicDecoder {

    /** Short name for messages and counters, e.g. {@code acme-meters}. */
    String name();

    /** The MQTT subscription whose messages this decoder reads, e.g. {@code acme/+/meter}. */
    TopicFilter filter();

    /**
     * All subscriptions whose messages this decoder reads; by default just {@link #filter()}. A decoder of several
     * topic shapes (the JSON mapping has one per mapping) names them all. Since plugin API 1.4.
     */
    default List<TopicFilter> filters() {
        return List.of(filter());
    }

    /**
     * How often a point of this decoder is expected to report: silent for longer, it turns STALE. Asked once, when
     * the point first appears; empty (the default) leaves it to the operator's stale rules or, without one, the
     * console's stale period. Since plugin API 1.4.
     */
    default Optional<Duration> expectedPeriod(PointId point) {
        return Optional.empty();
    }

    /**
     * The points of one message. A payload the decoder cannot read is {@link Decoded.Malformed} (counted, the decoder
     * stays on); throwing is a bug in the decoder, which is then switched off.
     *
     * @param received when the console received the message (the clock of the console, live or replay)
     */
    Decoded decode(String topic, byte[] payload, Instant received);

    /** What one message gave. */
    sealed interface Decoded {

        /**
         * Points read from the message (one whose quality is not GOOD, or whose value is not finite, sets only the
         * point's quality, BAD for a GOOD one) and, since plugin API 1.4, problems with parts of it that gave no point
         * (counted by kind; the points that were read still count).
         */
        record Points(List<Measurement> points, List<Problem> problems) implements Decoded {
            public Points {
                points = List.copyOf(points);
                problems = List.copyOf(problems);
            }

            public Points(List<Measurement> points) {
                this(points, List.of());
            }
        }

        /**
         * Nothing could be read. {@code kind} is the counter it is counted under (lower-case letters, digits and
         * dashes; {@code decoder-malformed} by default).
         */
        record Malformed(String kind, String reason) implements Decoded {
            public Malformed {
                Objects.requireNonNull(kind, "kind");
                Objects.requireNonNull(reason, "reason");
            }

            public Malformed(String reason) {
                this(ExternalDecoders.MALFORMED, reason);
            }
        }
    }

    /** Part of a message that gave no point: counted under {@code kind} (as {@link Decoded.Malformed}), with a detail. */
    record Problem(String kind, String detail) {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
