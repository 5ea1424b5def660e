package org.plurigrid.console.client.chain;

import java.net.URI;
import java.util.Objects;

/** One gRPC endpoint of a node: host, port and whether to speak TLS (public nodes) or plaintext (local nodes). */
public record GrpcEndpoint(String host, int port, boolean tls) {

    public GrpcEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("gRPC endpoint host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("gRPC endpoint port must be 1..65535, not " + port);
        }
    }

    /**
     * Parses {@code host:port} (plaintext), {@code http://host:port} (plaintext) or {@code https://host[:port]} (TLS,
     * port 443 by default), as chain registry entries write them.
     */
    public static GrpcEndpoint parse(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("https://") || t.startsWith("http://")) {
                URI u = URI.create(t);
                boolean tls = "https".equals(u.getScheme());
                int port = u.getPort() > 0 ? u.getPort() : (tls ? 443 : 80);
                return new GrpcEndpoint(u.getHost(), port, tls);
            }
            int colon = t.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("'" + text + "' is not a gRPC endpoint: expected HOST:PORT or https://HOST[:PORT]");
            }
            return new GrpcEndpoint(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)), false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a gRPC endpoint: the port is not a number", e);
        }
    }

    @Override
    public String toString() {
        return (tls ? "https://" : "") + host + ":" + port;
    }
}
