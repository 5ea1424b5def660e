package org.plurigrid.console.client.telemetry;

import javax.net.ssl.SSLSocketFactory;

/**
 * What a connect to one broker asks for, decided once for both Paho clients: their option classes differ (mqttv3's
 * {@code MqttConnectOptions}, mqttv5's {@code MqttConnectionOptions}), the session, keep-alive, time-out, credentials
 * and TLS we ask for do not. Built on every attempt, so TLS files fixed since the last one are picked up. Reconnecting
 * stays the {@link TelemetryClient}'s job, so neither client reconnects on its own.
 *
 * @param cleanStart           MQTT 5 clean start / 3.1.1 clean session
 * @param sessionExpirySeconds how long the broker keeps a persistent session after a disconnect (only MQTT 5 can say
 *                             so), or null with a clean start
 * @param username             user name to send, or null for none
 * @param sendsPassword        whether the broker gets a password (each client takes it in its own form)
 * @param socketFactory        TLS for {@code ssl://}, or null for {@code tcp://}
 * @param verifyHostname       with TLS: whether the certificate must name the host
 */
record PahoConnectSettings(boolean cleanStart, Long sessionExpirySeconds, int keepAliveSeconds,
                           int connectionTimeoutSeconds, String username, boolean sendsPassword,
                           SSLSocketFactory socketFactory, boolean verifyHostname) {

    /** Seconds to wait for the broker's CONNACK before the attempt fails. */
    static final int CONNECTION_TIMEOUT_SECONDS = 10;

    static PahoConnectSettings of(BrokerConfig config) throws TlsContextFactory.TlsSetupException {
        SSLSocketFactory tls = null;
        boolean verifyHostname = false;
        if (config.tls().isPresent()) {
            tls = TlsContextFactory.socketFactory(config.tls().get());
            verifyHostname = config.tls().get().verifyHostname();
        }
        return new PahoConnectSettings(config.cleanStart(),
                config.cleanStart() ? null : config.sessionExpiry().toSeconds(),
                (int) config.keepAlive().toSeconds(), CONNECTION_TIMEOUT_SECONDS,
                config.username().isEmpty() ? null : config.username(), config.hasPassword(), tls, verifyHostname);
    }
}
