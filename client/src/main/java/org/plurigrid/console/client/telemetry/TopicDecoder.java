package org.plurigrid.console.client.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A decoder for topics that are neither Sparkplug nor covered by a JSON mapping, e.g. a plugin's vendor format. The
 * console subscribes to its {@link #filter()} on every broker and hands it each message on a topic that matches, on a
 * thread of its own (never the MQTT callback thread), see {@link ExternalDecoders}.
 */
public interface TopicDecoder {

    /** Short name for messages and counters, e.g. {@code acme-meters}. */
    String name();

    /** The MQTT subscription whose messages this decoder reads, e.g. {@code acme/+/meter}. */
    TopicFilter filter();

    /**
     * The points of one message. A payload the decoder cannot read is {@link Decoded.Malformed} (counted, the decoder
     * stays on); throwing is a bug in the decoder, which is then switched off.
     *
     * @param received when the console received the message (the clock of the console, live or replay)
     */
    Decoded decode(String topic, byte[] payload, Instant received);

    /** What one message gave. */
    sealed interface Decoded {

        record Points(List<Measurement> points) implements Decoded {
            public Points {
                points = List.copyOf(points);
            }
        }

        record Malformed(String reason) implements Decoded {
            public Malformed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
