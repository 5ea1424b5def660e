package org.plurigrid.console.client.telemetry;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MQTT 3.1.1 through the Paho mqttv3 async client. Reconnecting is the {@link TelemetryClient}'s job. */
final class PahoV3Transport implements MqttTransport {

    private static final Logger log = LoggerFactory.getLogger(PahoV3Transport.class);
    /** Paho's default of 10 in-flight messages throttles publishing bursts (STACK.md). */
    private static final int MAX_IN_FLIGHT = 1_000;

    private final BrokerConfig config;
    private final MqttAsyncClient client;

    PahoV3Transport(BrokerConfig config, Events events) throws MqttException {
        this.config = config;
        this.client = new MqttAsyncClient(config.serverUri().toString(), config.clientId(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                events.connectionLost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.messageArrived(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
    }

    @Override
    public void connect(Will will, Runnable onConnected, Consumer<Throwable> onFailure) {
        PahoConnectSettings settings;
        try {
            settings = PahoConnectSettings.of(config);
        } catch (TlsContextFactory.TlsSetupException e) {
            onFailure.accept(e);
            return;
        }
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setCleanSession(settings.cleanStart());
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(settings.connectionTimeoutSeconds());
        options.setMaxInflight(MAX_IN_FLIGHT);
        if (will != null) {
            options.setWill(will.topic(), will.payload(), will.qos(), will.retained());
        }
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.sendsPassword()) {
            // Paho copies nothing: it keeps this array; it is our private copy, never logged.
            options.setPassword(config.password());
        }
        if (settings.socketFactory() != null) {
            options.setSocketFactory(settings.socketFactory());
            options.setHttpsHostnameVerificationEnabled(settings.verifyHostname());
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    onConnected.run();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    onFailure.accept(exception);
                }
            });
        } catch (MqttException | RuntimeException e) {
            onFailure.accept(e);
        }
    }

    @Override
    public void subscribe(List<String> filters, int qos, Runnable onSubscribed, Consumer<Throwable> onFailure) {
        String[] topics = filters.toArray(String[]::new);
        int[] qoss = new int[topics.length];
        java.util.Arrays.fill(qoss, qos);
        try {
            client.subscribe(topics, qoss, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    if (granted != null) {
                        for (int i = 0; i < granted.length; i++) {
                            if (granted[i] == 0x80) {
                                onFailure.accept(new IllegalStateException("broker refused subscription "
                                        + (i < topics.length ? topics[i] : "")));
                                return;
                            }
                        }
                    }
                    onSubscribed.run();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    onFailure.accept(exception);
                }
            });
        } catch (MqttException | RuntimeException e) {
            onFailure.accept(e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
        client.publish(topic, payload, qos, retained);
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(2_000);
            }
        } catch (MqttException | RuntimeException e) {
            log.debug("disconnect of {} failed: {}", config.name(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("close of {} failed: {}", config.name(), e.getMessage());
        }
    }
}
