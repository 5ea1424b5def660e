package org.plurigrid.console.devnet.fleet;

import java.util.Objects;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/** One Sparkplug B message an edge node wants published: the topic and the (not yet encoded) payload. */
public record SparkplugMessage(String topic, SparkplugBPayload payload) {

    public SparkplugMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }

    /** The message type from the topic, e.g. {@code DDATA}. */
    public String messageType() {
        String[] parts = topic.split("/");
        return parts.length > 2 ? parts[2] : "";
    }
}
