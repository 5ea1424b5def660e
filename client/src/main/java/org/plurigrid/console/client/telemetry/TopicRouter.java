package org.plurigrid.console.client.telemetry;

/**
 * Sends {@code spBv1.0/} topics to the Sparkplug decoder, topics an external decoder (a plugin's) claims to that
 * decoder's queue, and everything else to the JSON mapping, so that Sparkplug decoding never sees a plain-JSON topic
 * and vice versa.
 */
public final class TopicRouter implements MessageSink {

    private static final String SPARKPLUG_PREFIX = SparkplugDecoder.NAMESPACE + "/";

    private final SparkplugDecoder sparkplug;
    private final JsonDecoder json;
    private final ExternalDecoders external;

    public TopicRouter(SparkplugDecoder sparkplug, JsonDecoder json) {
        this(sparkplug, json, null);
    }

    /** @param external decoders beside the built-in ones; {@code null} for none */
    public TopicRouter(SparkplugDecoder sparkplug, JsonDecoder json, ExternalDecoders external) {
        this.sparkplug = sparkplug;
        this.json = json;
        this.external = external;
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        if (topic.startsWith(SPARKPLUG_PREFIX)) {
            sparkplug.onMessage(topic, payload);
        } else if (external == null || !external.offer(topic, payload)) {
            json.onMessage(topic, payload);
        }
    }

    @Override
    public void onConnectionLost() {
        sparkplug.onConnectionLost();
        json.onConnectionLost();
    }
}
