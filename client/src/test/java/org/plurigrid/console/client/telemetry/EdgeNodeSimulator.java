package org.plurigrid.console.client.telemetry;

import static org.plurigrid.console.client.telemetry.SparkplugPayloads.payload;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * A Sparkplug B edge node with a PV and a load device, publishing real Tahu-encoded payloads through a broker,
 * with its NDEATH as the MQTT Will, and recording the commands (NCMD) it receives.
 */
final class EdgeNodeSimulator implements AutoCloseable {

    final String group;
    final String node;
    private final String brokerUri;
    private final List<SparkplugBPayload> commands = new CopyOnWriteArrayList<>();
    private MqttClient client;
    private long bdSeq;
    private long seq;

    EdgeNodeSimulator(String brokerUri, String group, String node) {
        this.brokerUri = brokerUri;
        this.group = group;
        this.node = node;
    }

    /** Connects with the NDEATH for the given bdSeq as the Will and listens for NCMD. */
    EdgeNodeSimulator connect(long bdSeq) throws MqttException {
        this.bdSeq = bdSeq;
        client = new MqttClient(brokerUri, "sim-" + node, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setMaxInflight(1_000);
        o.setWill(topic("NDEATH", null), payload().bdSeq(bdSeq).bytes(), 1, false);
        client.connect(o);
        client.subscribe(topic("NCMD", null), 1, (t, m) -> commands.add(SparkplugPayloads.decode(m.getPayload())));
        return this;
    }

    void births(double pvKw, double loadKw) throws MqttException {
        seq = 0;
        publish(topic("NBIRTH", null), payload().seq(nextSeq()).bdSeq(bdSeq).rebirthControl()
                .birthMetric("Substation/ActivePower", 1, loadKw - pvKw, "kW").bytes());
        publish(topic("DBIRTH", "pv-0001"), payload().seq(nextSeq())
                .birthMetric("ActivePower", 10, pvKw, "kW").birthMetric("Irradiance", 11, 500, "W/m²").bytes());
        publish(topic("DBIRTH", "load-0001"), payload().seq(nextSeq())
                .birthMetric("ActivePower", 20, loadKw, "kW").bytes());
    }

    void pvData(double kw) throws MqttException {
        publish(topic("DDATA", "pv-0001"), payload().seq(nextSeq()).aliased(10, kw).withoutDataTypes().bytes());
    }

    void loadData(double kw) throws MqttException {
        publish(topic("DDATA", "load-0001"), payload().seq(nextSeq()).aliased(20, kw).withoutDataTypes().bytes());
    }

    void skipSeq(int n) {
        seq += n;
    }

    void publishRaw(String topic, byte[] bytes) throws MqttException {
        publish(topic, bytes);
    }

    /** Drops the TCP connection without DISCONNECT, so the broker publishes the Will (NDEATH). */
    void crash() throws MqttException {
        client.disconnectForcibly(0, 100, false);
        client.close(true);
        client = null;
    }

    List<SparkplugBPayload> commands() {
        return commands;
    }

    boolean receivedRebirthRequest() {
        return commands.stream().flatMap(c -> c.getMetrics().stream())
                .anyMatch(m -> "Node Control/Rebirth".equals(m.getName()) && Boolean.TRUE.equals(m.getValue()));
    }

    String topic(String type, String device) {
        return "spBv1.0/" + group + "/" + type + "/" + node + (device == null ? "" : "/" + device);
    }

    private long nextSeq() {
        long s = seq & 0xFF;
        seq++;
        return s;
    }

    private void publish(String topic, byte[] bytes) throws MqttException {
        client.publish(topic, bytes, 1, false);
    }

    @Override
    public void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1_000);
            }
            client.close(true);
        } catch (MqttException ignored) {
            // test teardown
        }
    }
}
