package org.plurigrid.console.devnet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/** A plain Paho MQTT 5 subscriber on {@code spBv1.0/#} that decodes every message with Tahu and keeps them in order. */
final class SparkplugRecorder implements AutoCloseable {

    /** One received message, decoded. */
    record Received(int index, String topic, String type, String group, String node, String device,
                    SparkplugBPayload payload) {

        Long seq() {
            return payload.getSeq();
        }

        Object metric(String name) {
            return payload.getMetrics().stream().filter(m -> name.equals(m.getName())).map(Metric::getValue)
                    .findFirst().orElse(null);
        }
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    SparkplugRecorder(String brokerUri) throws MqttException {
        client = new MqttClient(brokerUri, "test-recorder-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            private final SparkplugBPayloadDecoder decoder = new SparkplugBPayloadDecoder();

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (topic.startsWith("spBv1.0/STATE/")) {
                    return; // host application STATE is JSON, not a Sparkplug payload
                }
                String[] parts = topic.split("/");
                try {
                    SparkplugBPayload payload = decoder.buildFromByteArray(message.getPayload(), null);
                    synchronized (received) {
                        received.add(new Received(received.size(), topic, parts[2], parts[1], parts[3],
                                parts.length > 4 ? parts[4] : null, payload));
                    }
                } catch (Exception e) {
                    synchronized (received) {
                        errors.add(topic + ": " + e);
                    }
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.connect(new MqttConnectionOptions());
        client.subscribe(new MqttSubscription[] {new MqttSubscription("spBv1.0/#", 1)});
    }

    List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<String> errors() {
        synchronized (received) {
            return List.copyOf(errors);
        }
    }

    List<Received> matching(Predicate<Received> filter) {
        return all().stream().filter(filter).toList();
    }

    Map<String, List<Received>> byNode() {
        return all().stream().collect(Collectors.groupingBy(r -> r.group() + "/" + r.node()));
    }

    /** Waits until a received message matches, and returns the first that does. */
    Received await(Duration timeout, String what, Predicate<Received> filter) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : all()) {
                if (filter.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; got "
                + all().size() + " messages");
    }

    void awaitCount(Duration timeout, String what, Predicate<Received> filter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (matching(filter).size() >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + count + " " + what + "; got "
                + matching(filter).size());
    }

    /** Publishes a host application's retained Sparkplug 3.0 STATE, as a console does when it connects. */
    void publishHostState(String hostId, boolean online, long timestamp) throws MqttException {
        byte[] json = ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        client.publish("spBv1.0/STATE/" + hostId, new MqttMessage(json, 1, true, new MqttProperties()));
    }

    /** Publishes {@code Node Control/Rebirth = true} to a node's NCMD topic, as a host application would. */
    void requestRebirth(String group, String node) throws Exception {
        SparkplugBPayload payload = new SparkplugBPayload.SparkplugBPayloadBuilder()
                .setTimestamp(new java.util.Date())
                .addMetric(new Metric.MetricBuilder("Node Control/Rebirth", MetricDataType.Boolean, true)
                        .createMetric())
                .createPayload();
        byte[] bytes = new SparkplugBPayloadEncoder().getBytes(payload, false);
        client.publish("spBv1.0/" + group + "/NCMD/" + node, new MqttMessage(bytes, 1, false, new MqttProperties()));
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
