package org.plurigrid.console.client.telemetry;

/**
 * Sends {@code spBv1.0/} topics to the Sparkplug decoder and everything else to the JSON mapping, so that Sparkplug
 * decoding never sees a plain-JSON topic and vice versa.
 */
public final class TopicRouter implements MessageSink {

    private static final String SPARKPLUG_PREFIX = SparkplugDecoder.NAMESPACE + "/";

    private final SparkplugDecoder sparkplug;
    private final JsonDecoder json;

    public TopicRouter(SparkplugDecoder sparkplug, JsonDecoder json) {
        this.sparkplug = sparkplug;
        this.json = json;
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        if (topic.startsWith(SPARKPLUG_PREFIX)) {
            sparkplug.onMessage(topic, payload);
        } else {
            json.onMessage(topic, payload);
        }
    }

    @Override
    public void onConnectionLost() {
        sparkplug.onConnectionLost();
        json.onConnectionLost();
    }
}
