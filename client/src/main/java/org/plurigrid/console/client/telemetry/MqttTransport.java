package org.plurigrid.console.client.telemetry;

import java.util.List;
import java.util.function.Consumer;

/**
 * The little a {@link TelemetryClient} needs from an MQTT library, so that MQTT 5 and 3.1.1 (two different Paho
 * clients) look the same to the rest of the pipeline. All calls are asynchronous; results arrive on Paho's threads.
 */
interface MqttTransport {

    /** Receives what the broker sends; called on the MQTT library's callback thread, must not block. */
    interface Events {
        void messageArrived(String topic, byte[] payload);

        void connectionLost(Throwable cause);
    }

    /** The message the broker publishes for us when the connection dies without a DISCONNECT. */
    record Will(String topic, byte[] payload, int qos, boolean retained) {
    }

    /** Connects once (TLS set up from the config on every attempt, so fixed files are picked up); {@code will} may be null. */
    void connect(Will will, Runnable onConnected, Consumer<Throwable> onFailure);

    /** Subscribes all filters at the given QoS; a broker refusal of any filter is a failure. */
    void subscribe(List<String> filters, int qos, Runnable onSubscribed, Consumer<Throwable> onFailure);

    /** Queues a publish; never waits for the broker. */
    void publish(String topic, byte[] payload, int qos, boolean retained) throws Exception;

    boolean isConnected();

    /** Disconnects (bounded wait) and releases the client's threads; the transport cannot be used afterwards. */
    void close();

    /** Text for the status bar from a failure, without secrets. */
    /**
     * Whether a failed connection was refused over the broker's certificate (untrusted, expired, wrong host name):
     * an operator must act, and trying again sooner will not help.
     */
    static boolean isCertificateFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.security.cert.CertificateException || c instanceof javax.net.ssl.SSLHandshakeException
                    || c instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "connection lost";
        }
        Throwable cause = t;
        StringBuilder text = new StringBuilder(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
