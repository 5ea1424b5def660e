package org.plurigrid.console.devnet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    @Test
    void carriesMessagesBetweenMqtt5AndMqtt311ClientsOnAFreeLoopbackPort() throws Exception {
        Path home;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            home = broker.home();
            assertThat(broker.port()).isPositive();
            assertThat(broker.uri()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            assertThat(Files.readString(home.resolve("conf/config.xml")))
                    .contains("<bind-address>127.0.0.1</bind-address>")
                    .containsPattern("<anonymous-usage-statistics>\\s*<enabled>false</enabled>");

            BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
            MqttClient v3 = new MqttClient(broker.uri(), "test-v3", new MemoryPersistence());
            MqttConnectOptions v3Options = new MqttConnectOptions();
            v3Options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            v3.connect(v3Options);
            v3.subscribe("devnet/test", 1, (topic, message) ->
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

            org.eclipse.paho.mqttv5.client.MqttClient v5 = new org.eclipse.paho.mqttv5.client.MqttClient(
                    broker.uri(), "test-v5", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            v5.connect(new MqttConnectionOptions());
            v5.publish("devnet/test", new MqttMessage("hello from MQTT 5".getBytes(StandardCharsets.UTF_8)));

            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("hello from MQTT 5");
            v5.disconnect();
            v5.close();
            v3.disconnect();
            v3.close();
        }
        assertThat(home).doesNotExist();
    }
}
