package org.plurigrid.console.client.telemetry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How to reach one MQTT broker and what to subscribe to there.
 *
 * <p>The password is kept as {@code char[]}; it never appears in {@link #toString()} and {@link #password()} hands
 * out a copy the caller may clear. Build instances with {@link #builder(String, String)} so that fields added later
 * (TLS, issue 3) do not break callers.
 *
 * @param name           label shown in the status bar, e.g. "devnet" or "regional"
 * @param serverUri      {@code tcp://host:port} or {@code ssl://host:port}
 * @param version        MQTT protocol level
 * @param clientId       MQTT client identifier (unique per broker)
 * @param topicFilters   subscriptions, e.g. {@code spBv1.0/#} or {@code $share/consoles/spBv1.0/cg-utrecht/#}
 * @param keepAlive      MQTT keep-alive interval (whole seconds are sent)
 * @param cleanStart     start with a clean session (MQTT 5 clean start / 3.1.1 clean session)
 * @param username       user name, empty for none
 * @param password       password, empty for none; never logged
 * @param reconnectDelay first delay before a reconnect attempt; doubles per failure (with jitter)
 * @param maxReconnectDelay upper bound of the reconnect delay
 * @param tls            TLS settings for {@code ssl://} (default: the JVM trust store); refused for {@code tcp://}
 * @param sessionExpiry  how long the broker keeps a persistent session (MQTT 5; {@code cleanStart=false}) after a
 *                       disconnect, queueing QoS 1 messages meanwhile; 3.1.1 brokers keep it until a clean connect
 * @param hostId         Sparkplug host application id: when not empty the console publishes its retained
 *                       {@code spBv1.0/STATE/{hostId}} birth and leaves the death as its Will
 */
public record BrokerConfig(String name, URI serverUri, MqttVersion version, String clientId, List<String> topicFilters,
                           Duration keepAlive, boolean cleanStart, String username, char[] password,
                           Duration reconnectDelay, Duration maxReconnectDelay, Optional<TlsSettings> tls,
                           Duration sessionExpiry, String hostId) {

    public static final String DEFAULT_TOPIC_FILTER = "spBv1.0/#";
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);

    public BrokerConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("broker name must not be blank");
        }
        Objects.requireNonNull(serverUri, "serverUri");
        check(name, "server URI", BrokerRules.uri(serverUri.toString()));
        String scheme = serverUri.getScheme();
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("broker '" + name + "': client id must not be blank");
        }
        check(name, "client id", BrokerRules.clientId(clientId, !cleanStart));
        topicFilters = List.copyOf(topicFilters);
        if (topicFilters.isEmpty() || topicFilters.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("broker '" + name + "': needs at least one non-blank topic filter");
        }
        for (String f : topicFilters) {
            check(name, "", BrokerRules.topicFilter(f));
        }
        Objects.requireNonNull(keepAlive, "keepAlive");
        check(name, "keep-alive", BrokerRules.keepAlive(keepAlive, keepAlive.toString()));
        username = username == null ? "" : username;
        password = password == null ? new char[0] : password.clone();
        Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        Objects.requireNonNull(maxReconnectDelay, "maxReconnectDelay");
        if (reconnectDelay.isNegative() || reconnectDelay.isZero() || maxReconnectDelay.compareTo(reconnectDelay) < 0) {
            throw new IllegalArgumentException("broker '" + name + "': reconnect delays must be positive and max >= first");
        }
        Objects.requireNonNull(tls, "tls");
        if ("ssl".equals(scheme) && tls.isEmpty()) {
            tls = Optional.of(TlsSettings.systemDefaults()); // a public broker with a CA-signed certificate
        }
        check(name, "URI", BrokerRules.tlsScheme(serverUri.toString(), tls.isPresent()));
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        check(name, "session expiry", BrokerRules.sessionExpiry(sessionExpiry, sessionExpiry.toString()));
        hostId = hostId == null ? "" : hostId;
        String host = hostId;
        check(name, "Sparkplug host id", BrokerRules.hostId(host).map(p -> p + ", got '" + host + "'"));
    }

    /** Refuses a field {@link BrokerRules} found a problem with, naming the broker and the field. */
    private static void check(String broker, String field, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException("broker '" + broker + "': " + (field.isEmpty() ? "" : field + " ")
                    + problem.get());
        }
    }

    public static Builder builder(String name, String serverUri) {
        return new Builder(name, serverUri);
    }

    /** The same broker with other subscriptions (e.g. plus a plugin decoder's filter). */
    public BrokerConfig withTopicFilters(List<String> filters) {
        return new BrokerConfig(name, serverUri, version, clientId, filters, keepAlive, cleanStart, username, password,
                reconnectDelay, maxReconnectDelay, tls, sessionExpiry, hostId);
    }

    /** A copy of the password (empty when none); clear it after use. */
    @Override
    public char[] password() {
        return password.clone();
    }

    public boolean hasPassword() {
        return password.length > 0;
    }

    public boolean isTls() {
        return "ssl".equals(serverUri.getScheme());
    }

    /**
     * The same connection without a Sparkplug host id: no STATE is published, so edge nodes that follow the host
     * neither birth again when it connects nor fail over when it leaves (a passive observer such as
     * {@code telemetry stats}).
     */
    public BrokerConfig asObserver() {
        if (hostId.isEmpty()) {
            return this;
        }
        char[] pw = password();
        try {
            return new BrokerConfig(name, serverUri, version, clientId, topicFilters, keepAlive, cleanStart, username,
                    pw, reconnectDelay, maxReconnectDelay, tls, sessionExpiry, "");
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    /** Whether the console announces itself as a Sparkplug host application on this broker. */
    public boolean isSparkplugHost() {
        return !hostId.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrokerConfig b && name.equals(b.name) && serverUri.equals(b.serverUri)
                && version == b.version && clientId.equals(b.clientId) && topicFilters.equals(b.topicFilters)
                && keepAlive.equals(b.keepAlive) && cleanStart == b.cleanStart && username.equals(b.username)
                && Arrays.equals(password, b.password) && reconnectDelay.equals(b.reconnectDelay)
                && maxReconnectDelay.equals(b.maxReconnectDelay) && tls.equals(b.tls)
                && sessionExpiry.equals(b.sessionExpiry) && hostId.equals(b.hostId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, serverUri, version, clientId, topicFilters);
    }

    /** Never shows the password, only whether there is one. */
    @Override
    public String toString() {
        return "BrokerConfig[name=" + name + ", serverUri=" + serverUri + ", version=" + version + ", clientId="
                + clientId + ", topicFilters=" + topicFilters + ", keepAlive=" + keepAlive + ", cleanStart="
                + cleanStart + ", username=" + username + ", password=" + (hasPassword() ? "<set>" : "<none>") + ", tls="
                + tls.map(TlsSettings::toString).orElse("none") + ", sessionExpiry=" + sessionExpiry + ", hostId="
                + hostId + "]";
    }

    /** Fluent construction with defaults: MQTT 5, {@code spBv1.0/#}, 30 s keep-alive, clean start, random client id. */
    public static final class Builder {
        private final String name;
        private final String serverUri;
        private MqttVersion version = MqttVersion.V5;
        private String clientId;
        private List<String> topicFilters = List.of(DEFAULT_TOPIC_FILTER);
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private boolean cleanStart = true;
        private String username = "";
        private char[] password;
        private Duration reconnectDelay = DEFAULT_RECONNECT_DELAY;
        private Duration maxReconnectDelay = DEFAULT_MAX_RECONNECT_DELAY;
        private TlsSettings tls;
        private Duration sessionExpiry = DEFAULT_SESSION_EXPIRY;
        private String hostId = "";

        private Builder(String name, String serverUri) {
            this.name = name;
            this.serverUri = serverUri;
        }

        public Builder version(MqttVersion v) { this.version = v; return this; }
        public Builder clientId(String id) { this.clientId = id; return this; }
        public Builder topicFilters(List<String> filters) { this.topicFilters = filters; return this; }
        public Builder topicFilters(String... filters) { this.topicFilters = List.of(filters); return this; }
        public Builder keepAlive(Duration d) { this.keepAlive = d; return this; }
        public Builder cleanStart(boolean clean) { this.cleanStart = clean; return this; }
        public Builder username(String user) { this.username = user; return this; }
        /** Copies the password; the caller may clear its array afterwards. */
        public Builder password(char[] pw) { this.password = pw == null ? null : pw.clone(); return this; }
        public Builder reconnectDelay(Duration first, Duration max) {
            this.reconnectDelay = first;
            this.maxReconnectDelay = max;
            return this;
        }

        /** TLS for an {@code ssl://} URI: CA file, optional client certificate. */
        public Builder tls(TlsSettings settings) { this.tls = settings; return this; }
        /**
         * A persistent session ({@code cleanStart=false}) that the broker keeps for {@code expiry} after a drop, so
         * QoS 1 messages sent meanwhile are delivered on reconnect. Needs a fixed {@link #clientId}.
         */
        public Builder persistentSession(Duration expiry) {
            this.cleanStart = false;
            this.sessionExpiry = expiry;
            return this;
        }
        /** Announce the console as Sparkplug host application {@code id} (STATE birth/death). */
        public Builder hostId(String id) { this.hostId = id; return this; }

        public BrokerConfig build() {
            URI uri;
            try {
                uri = new URI(Objects.requireNonNull(serverUri, "serverUri"));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("broker '" + name + "': not a valid URI: " + serverUri, e);
            }
            // 23 characters is the 3.1.1 minimum every broker must accept.
            if (clientId == null && !cleanStart) {
                // A random id would start a new session on every run and leave the old one queueing at the broker.
                throw new IllegalArgumentException("broker '" + name + "': a persistent session (cleanStart=false) "
                        + "needs a fixed client id");
            }
            String id = clientId != null ? clientId
                    : "pgc-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
            char[] pw = password;
            try {
                return new BrokerConfig(name, uri, version, id, topicFilters, keepAlive, cleanStart, username, pw,
                        reconnectDelay, maxReconnectDelay, Optional.ofNullable(tls), sessionExpiry, hostId);
            } finally {
                if (pw != null) {
                    Arrays.fill(pw, '\0');
                }
                password = null;
            }
        }
    }
}
