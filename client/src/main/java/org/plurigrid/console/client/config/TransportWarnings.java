package org.plurigrid.console.client.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections that work but are weaker than they look: a password sent in clear over {@code tcp://}, plaintext gRPC to
 * another machine, TLS without host name verification. Each warning is one sentence for the operator, for the log and
 * the status bar; loopback hosts (the devnet, an SSH tunnel) are not warned about. Host names are judged as written,
 * never resolved (no blocking look-up).
 */
public final class TransportWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(TransportWarnings.class);

    private TransportWarnings() {
    }

    /** The warnings for these brokers, in order. */
    public static List<String> ofBrokers(List<BrokerConfig> brokers) {
        List<String> out = new ArrayList<>();
        for (BrokerConfig b : brokers) {
            String where = "Broker '" + b.name() + "' (" + b.serverUri() + ")";
            boolean credentials = (b.username() != null && !b.username().isEmpty()) || b.hasPassword();
            if (!b.isTls() && credentials && !isLoopback(b.serverUri().getHost())) {
                out.add(where + ": the user name and password travel unencrypted to another machine; use ssl://");
            }
            if (b.tls().map(t -> !t.verifyHostname()).orElse(false)) {
                out.add(where + ": TLS host name verification is off (verifyHostname: false), so any certificate the "
                        + "trusted CAs signed is accepted for this broker");
            }
        }
        return out;
    }

    /** The warnings for a chain's gRPC endpoints. */
    public static List<String> ofChain(ChainConfig chain) {
        List<String> out = new ArrayList<>();
        for (GrpcEndpoint e : chain.endpoints()) {
            if (!e.tls() && !isLoopback(e.host())) {
                out.add("Chain node " + e + ": plaintext gRPC to another machine, so what the console reads and "
                        + "sends can be read and changed on the way; use https://");
            }
        }
        return out;
    }

    /** Logs each warning at WARN and returns them (for a status bar). */
    public static List<String> logged(List<String> warnings) {
        warnings.forEach(w -> LOG.warn("{}", w));
        return warnings;
    }

    /** {@code localhost}, {@code 127.x.y.z} or {@code ::1}, as written. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

}
