package org.plurigrid.console.client.telemetry;

/**
 * Sends {@code spBv1.0/} topics to the Sparkplug decoder and every other topic to the decoder that claims it (the JSON
 * topic mapping or a plugin's, see {@link ExternalDecoders}), so that Sparkplug decoding never sees a plain-JSON topic
 * and vice versa. A topic no decoder claims is counted as {@link JsonMappingDecoder#UNMAPPED_TOPIC}.
 */
public final class TopicRouter implements MessageSink {

    private static final String SPARKPLUG_PREFIX = SparkplugDecoder.NAMESPACE + "/";

    private final SparkplugDecoder sparkplug;
    private final ExternalDecoders.Port external;
    private final DecodeErrors errors;

    /** @param external this connection's entrance to the other decoders */
    public TopicRouter(SparkplugDecoder sparkplug, ExternalDecoders.Port external, DecodeErrors errors) {
        this.sparkplug = sparkplug;
        this.external = external;
        this.errors = errors;
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        if (topic.startsWith(SPARKPLUG_PREFIX)) {
            sparkplug.onMessage(topic, payload);
        } else if (!external.offer(topic, payload)) {
            errors.count(JsonMappingDecoder.UNMAPPED_TOPIC, topic, "no JSON mapping or plugin decoder reads this topic");
        }
    }

    @Override
    public void onConnectionLost() {
        sparkplug.onConnectionLost();
        external.connectionLost();
    }
}
