package org.plurigrid.console.client.telemetry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * What makes a broker's settings usable, written once: {@link BrokerConfig} (and so the {@code console.json} reader,
 * which builds through it) and the connections editor's draft check every field with these rules, so the editor
 * refuses exactly what the file reader would. Each rule returns the problem phrased after the field's name
 * ({@code "must be at most 65535 s, got 19h"}), or empty when the value is usable.
 */
public final class BrokerRules {

    /** MQTT's keep-alive is a two-byte number of seconds. */
    public static final long MAX_KEEP_ALIVE_SECONDS = 65_535;
    /** MQTT 5's session expiry is a four-byte number of seconds. */
    public static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFFL;
    /** MQTT's client id is a UTF-8 string of at most 65535 bytes; counted in chars here, as typed. */
    public static final int MAX_CLIENT_ID_LENGTH = 65_535;

    private BrokerRules() {
    }

    /** A {@code tcp://host:port} or {@code ssl://host:port} URI. */
    public static Optional<String> uri(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is empty; e.g. tcp://localhost:1883 or ssl://broker.example:8883");
        }
        try {
            URI u = new URI(text.strip());
            if (!"tcp".equals(u.getScheme()) && !"ssl".equals(u.getScheme())) {
                return Optional.of("must start with tcp:// or ssl://, got \"" + text.strip() + "\"");
            }
            if (u.getHost() == null || u.getPort() <= 0) {
                return Optional.of("needs a host and a port, e.g. tcp://localhost:1883");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URI: " + e.getReason());
        }
    }

    /**
     * The client id; a persistent session needs a fixed one, as the broker finds the session by it.
     *
     * @param persistent whether the session outlives the connection ({@code cleanStart=false})
     */
    public static Optional<String> clientId(String id, boolean persistent) {
        String s = id == null ? "" : id.strip();
        if (persistent && s.isEmpty()) {
            return Optional.of("is needed for a persistent session (the broker finds the session by it)");
        }
        if (s.length() > MAX_CLIENT_ID_LENGTH) {
            return Optional.of("is too long");
        }
        return Optional.empty();
    }

    /** @param asWritten the value as the user wrote it, for the message */
    public static Optional<String> keepAlive(Duration d, String asWritten) {
        return seconds(d, asWritten, MAX_KEEP_ALIVE_SECONDS);
    }

    /** @param asWritten the value as the user wrote it, for the message */
    public static Optional<String> sessionExpiry(Duration d, String asWritten) {
        return seconds(d, asWritten, MAX_SESSION_EXPIRY_SECONDS);
    }

    /** A whole number of seconds MQTT carries in a field of limited width. */
    private static Optional<String> seconds(Duration d, String asWritten, long max) {
        if (d.isNegative()) {
            return Optional.of("must not be negative, got " + asWritten);
        }
        if (d.toSeconds() > max) {
            return Optional.of("must be at most " + max + " s, got " + asWritten);
        }
        return Optional.empty();
    }

    /** One subscription, an MQTT filter or {@code $share/{group}/{filter}}. */
    public static Optional<String> topicFilter(String filter) {
        try {
            TopicFilter.parse(filter);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The Sparkplug host application id: one topic level ({@code spBv1.0/STATE/{hostId}}); empty for none. */
    public static Optional<String> hostId(String id) {
        String h = id == null ? "" : id.strip();
        if (h.contains("/") || h.contains("+") || h.contains("#")) {
            return Optional.of("must be one topic level without '/', '+' or '#'");
        }
        return Optional.empty();
    }

    /**
     * TLS settings only go with {@code ssl://}.
     *
     * @param uri the broker URI as written (for the suggested {@code ssl://} one)
     */
    public static Optional<String> tlsScheme(String uri, boolean tlsGiven) {
        String u = uri == null ? "" : uri.strip();
        if (!tlsGiven || !u.startsWith("tcp://")) {
            return Optional.empty();
        }
        return Optional.of("uses tcp:// but TLS settings are given; use ssl://" + u.substring("tcp://".length())
                + " or clear the TLS fields");
    }
}
