package org.plurigrid.console.client.telemetry;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MQTT 5 through the Paho mqttv5 async client. Reconnecting is the {@link TelemetryClient}'s job, not Paho's. */
final class PahoV5Transport implements MqttTransport {

    private static final Logger log = LoggerFactory.getLogger(PahoV5Transport.class);

    private final BrokerConfig config;
    private final MqttAsyncClient client;

    PahoV5Transport(BrokerConfig config, Events events) throws MqttException {
        this.config = config;
        this.client = new MqttAsyncClient(config.serverUri().toString(), config.clientId(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                Throwable cause = response.getException() != null ? response.getException()
                        : new IllegalStateException("broker disconnected (reason " + response.getReturnCode()
                        + (response.getReasonString() != null ? ", " + response.getReasonString() : "") + ")");
                events.connectionLost(cause);
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                log.warn("MQTT error on {}: {}", config.name(), exception.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.messageArrived(topic, message.getPayload());
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
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(false);
        options.setCleanStart(settings.cleanStart());
        if (settings.sessionExpirySeconds() != null) {
            options.setSessionExpiryInterval(settings.sessionExpirySeconds());
        }
        if (will != null) {
            MqttMessage willMessage = new MqttMessage(will.payload(), will.qos(), will.retained(), null);
            options.setWill(will.topic(), willMessage);
        }
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(settings.connectionTimeoutSeconds());
        // Let the broker keep many QoS 1 messages in flight towards us (the default window throttles bursts).
        options.setReceiveMaximum(65_535);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.sendsPassword()) {
            options.setPassword(utf8(config.password()));
        }
        if (settings.socketFactory() != null) {
            options.setSocketFactory(settings.socketFactory());
            options.setHttpsHostnameVerificationEnabled(settings.verifyHostname());
        }
        try {
            client.connect(options, null, listener(onConnected, onFailure));
        } catch (MqttException | RuntimeException e) {
            onFailure.accept(e);
        }
    }

    @Override
    public void subscribe(List<String> filters, int qos, Runnable onSubscribed, Consumer<Throwable> onFailure) {
        MqttSubscription[] subs = filters.stream().map(f -> new MqttSubscription(f, qos))
                .toArray(MqttSubscription[]::new);
        // Paho 1.2.5 needs subscription identifiers whenever properties are passed (see STACK.md); messages are
        // delivered to the client callback, not to per-subscription listeners.
        MqttProperties props = new MqttProperties();
        props.setSubscriptionIdentifiers(List.of(1));
        try {
            client.subscribe(subs, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null) {
                        for (int i = 0; i < codes.length; i++) {
                            if (codes[i] >= 0x80) {
                                onFailure.accept(new IllegalStateException("broker refused subscription "
                                        + (i < filters.size() ? filters.get(i) : "") + " (reason 0x"
                                        + Integer.toHexString(codes[i]) + ")"));
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
            }, props);
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

    /** MQTT 5 sends the password as bytes; the chars and the encoder's buffer are cleared once they are copied. */
    private static byte[] utf8(char[] pw) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pw));
        byte[] bytes = new byte[encoded.remaining()]; // the backing array may be longer than the password
        encoded.get(bytes);
        Arrays.fill(pw, '\0');
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    private static MqttActionListener listener(Runnable onSuccess, Consumer<Throwable> onFailure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                onSuccess.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                onFailure.accept(exception);
            }
        };
    }
}
