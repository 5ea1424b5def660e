package org.plurigrid.console.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.config.BrokerEntry;
import org.plurigrid.console.client.config.ConsoleConfig;
import org.plurigrid.console.client.config.StoredSecret;
import org.plurigrid.console.client.config.TlsEntry;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.MqttVersion;
import org.plurigrid.console.views.connections.ConnectionsBackend;

class ConsoleConnectionsTest {

    @TempDir
    Path home;

    private final List<ConsoleConfig> applied = new ArrayList<>();

    private ConsoleConnections connections() {
        return new ConsoleConnections(home, saved -> {
            applied.add(saved);
            return "Saved; reconnecting to " + saved.brokers().size() + " brokers.";
        }, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    private static BrokerEntry broker(String uri, StoredSecret password, Optional<TlsEntry> tls) {
        return new BrokerEntry("", "co-op", uri, MqttVersion.V5, "", Duration.ofSeconds(30), true,
                BrokerConfig.DEFAULT_SESSION_EXPIRY, "operator", password, tls, List.of("spBv1.0/#"), "");
    }

    @Test
    void savesEncryptedAndAppliesTheSavedBrokers() throws Exception {
        ConsoleConnections c = connections();

        ConnectionsBackend.Outcome outcome = c.save(List.of(broker("tcp://127.0.0.1:1883",
                new StoredSecret.Replaced("co-op-Passw0rd".toCharArray()), Optional.empty())));

        assertThat(outcome).isEqualTo(new ConnectionsBackend.Done("Saved; reconnecting to 1 brokers."));
        assertThat(applied).singleElement().satisfies(cfg ->
                assertThat(new String(cfg.brokers().getFirst().password())).isEqualTo("co-op-Passw0rd"));
        assertThat(Files.readString(home.resolve("console.json"))).doesNotContain("co-op-Passw0rd");
        assertThat(c.load()).singleElement().satisfies(e ->
                assertThat(e.password()).isEqualTo(new StoredSecret.Kept("stored, encrypted")));
    }

    @Test
    void anInvalidConfigurationIsNotSavedNorApplied() {
        ConnectionsBackend.Outcome outcome = connections().save(List.of(broker("ssl://broker.example:8883",
                StoredSecret.none(), Optional.of(new TlsEntry("missing-ca.pem", "", "", "", StoredSecret.none(), true)))));

        assertThat(outcome).isInstanceOf(ConnectionsBackend.Failed.class);
        assertThat(outcome.message()).startsWith("Not saved: ").contains("brokers[0].tls.caFile");
        assertThat(applied).isEmpty();
        assertThat(home.resolve("console.json")).doesNotExist();
    }

    @Test
    void testReportsARefusedConnectionWithoutSaving() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        ConnectionsBackend.Outcome outcome = connections().test(broker("tcp://127.0.0.1:" + port, StoredSecret.none(),
                Optional.empty()));

        assertThat(outcome).isInstanceOf(ConnectionsBackend.Failed.class);
        assertThat(outcome.message()).startsWith("co-op: cannot connect to tcp://127.0.0.1:" + port);
        assertThat(home.resolve("console.json")).doesNotExist();
    }

    @Test
    void testConnectsToARealMosquittoAndSubscribes() throws Exception {
        Path binary = Path.of("/usr/sbin/mosquitto");
        assumeTrue(Files.isExecutable(binary), "Mosquitto is not installed");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = Files.writeString(home.resolve("mosquitto.conf"),
                "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process mosquitto = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("mosquitto.log").toFile()).start();
        try {
            waitForPort(port);

            ConnectionsBackend.Outcome outcome = connections().test(new BrokerEntry("", "local", "tcp://127.0.0.1:" + port,
                    MqttVersion.V3_1_1, "", Duration.ofSeconds(30), true, BrokerConfig.DEFAULT_SESSION_EXPIRY, "",
                    StoredSecret.none(), Optional.empty(), List.of("spBv1.0/#"), ""));

            assertThat(outcome).isInstanceOf(ConnectionsBackend.Done.class);
            assertThat(outcome.message()).startsWith("local: connected to tcp://127.0.0.1:" + port + " and subscribed");
        } finally {
            mosquitto.destroy();
            mosquitto.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void waitForPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("mosquitto did not listen on " + port);
    }
}
