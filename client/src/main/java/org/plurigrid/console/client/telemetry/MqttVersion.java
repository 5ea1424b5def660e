package org.plurigrid.console.client.telemetry;

/** The MQTT protocol level a broker connection speaks. */
public enum MqttVersion {
    /** MQTT 5 (Paho mqttv5 client); the default. */
    V5,
    /** MQTT 3.1.1 (Paho mqttv3 client), for brokers or bridges that do not speak 5. */
    V3_1_1
}
