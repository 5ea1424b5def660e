package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.plurigrid.console.testsupport.mqtt.MosquittoBroker;

/**
 * The pipeline against a real Mosquitto process, including a broker crash: data goes COMMS_LOST, the client
 * reconnects and resubscribes, and the first data after the restart makes it ask the node for a rebirth.
 */
class MosquittoIntegrationTest extends BrokerRoundTripContract {

    @TempDir
    static Path dir;
    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        MosquittoBroker.assumeInstalled();
        broker = MosquittoBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    String brokerUri() {
        return broker.uri();
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void survivesABrokerCrashAndAsksForRebirthAfterReconnecting(MqttVersion version) throws Exception {
        String group = "cg-zeeland";
        String node = "zeeland-sub-" + version.name().toLowerCase().replace('_', '-');
        PointId pv = new PointId(group, node, "pv-0001", "ActivePower");

        try (TelemetryService service = new TelemetryService(List.of(config(brokerUri(), version, "mosquitto")),
                InstantSource.system())) {
            service.start();
            awaitConnected(service);
            EdgeNodeSimulator sim = new EdgeNodeSimulator(brokerUri(), group, node).connect(1);
            sim.births(4.0, 10.0);
            Await.until(TIMEOUT, "pv GOOD", () -> latest(service, pv).map(m -> m.quality() == Quality.GOOD)
                    .orElse(false), () -> latest(service, pv));

            long oldPid = broker.pid();
            broker.kill();
            sim.close();
            Await.until(TIMEOUT, "RECONNECTING after the broker died",
                    () -> service.connections().get(0).state() != ConnectionState.CONNECTED, service::connections);
            Await.until(TIMEOUT, "pv COMMS_LOST with the broker gone",
                    () -> latest(service, pv).map(m -> m.quality() == Quality.COMMS_LOST).orElse(false),
                    () -> latest(service, pv));

            broker.start();
            assertThat(broker.pid()).isNotEqualTo(oldPid);
            Await.until(TIMEOUT, "CONNECTED again with one reconnect",
                    () -> service.connections().get(0).state() == ConnectionState.CONNECTED
                            && service.connections().get(0).reconnects() == 1, service::connections);
            // the error before the reconnect stays in the detail: the lost connection, or a reconnect attempt the dead
            // broker refused, whichever came last (the backoff may try once before the broker is back)
            assertThat(service.connections().get(0).detail())
                    .containsPattern("last error: (connection lost|Unable to connect to server: Connection refused)");

            try (EdgeNodeSimulator again = new EdgeNodeSimulator(brokerUri(), group, node).connect(1)) {
                again.skipSeq(7); // the node carries on where it was; the console has forgotten its births
                again.pvData(6.0);
                Await.until(TIMEOUT, "rebirth request after reconnect", again::receivedRebirthRequest,
                        again::commands);
                assertThat(service.stats().decodeErrors()).containsKey(DecodeErrors.NO_BIRTH);

                again.births(7.0, 10.0); // the node answers the rebirth request
                Await.until(TIMEOUT, "pv GOOD again after the rebirth",
                        () -> latest(service, pv).map(m -> m.quality() == Quality.GOOD && m.value() == 7.0)
                                .orElse(false), () -> latest(service, pv));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void followsSeveralBrokersAtOnceInBothProtocolVersions() throws Exception {
        try (MosquittoBroker second = MosquittoBroker.start(dir.resolve("second-" + System.nanoTime()));
             TelemetryService service = new TelemetryService(List.of(
                     config(brokerUri(), MqttVersion.V5, "co-op"),
                     config(second.uri(), MqttVersion.V3_1_1, "regional")), InstantSource.system());
             EdgeNodeSimulator a = new EdgeNodeSimulator(brokerUri(), "cg-friesland", "friesland-sub-01");
             EdgeNodeSimulator b = new EdgeNodeSimulator(second.uri(), "cg-brabant", "brabant-sub-01")) {
            service.start();
            Await.until(TIMEOUT, "both brokers CONNECTED", () -> service.connections().stream()
                    .allMatch(c -> c.state() == ConnectionState.CONNECTED), service::connections);
            assertThat(service.connections()).extracting(ConnectionStatus::name).containsExactly("co-op", "regional");

            a.connect(0).births(10.0, 40.0);
            b.connect(0).births(30.0, 60.0);

            Await.until(TIMEOUT, "both nodes live", () -> service.summary().liveEdgeNodes() == 2,
                    service::summary);
            Await.until(TIMEOUT, "totals over both brokers", () -> service.summary().loadKw() == 100.0
                    && service.summary().generationKw() == 40.0, service::summary);
            assertThat(service.summary().renewableShare()).isEqualTo(0.4);
        }
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void logsInWithUsernameAndPasswordAndReportsARefusedLogin(MqttVersion version) throws Exception {
        Path authDir = dir.resolve("auth-" + version + "-" + System.nanoTime());
        try (MosquittoBroker secured = MosquittoBroker.startWithPassword(authDir, "operator", "Grid-0perator!")) {
            BrokerConfig good = BrokerConfig.builder("secured", secured.uri()).version(version)
                    .username("operator").password("Grid-0perator!".toCharArray())
                    .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
            BrokerConfig bad = BrokerConfig.builder("wrong-password", secured.uri()).version(version)
                    .username("operator").password("guess".toCharArray())
                    .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
            try (TelemetryService service = new TelemetryService(List.of(good, bad), InstantSource.system())) {
                service.start();
                Await.until(TIMEOUT, "the right password CONNECTED, the wrong one refused and retried",
                        () -> service.connections().get(0).state() == ConnectionState.CONNECTED
                                && service.connections().get(1).detail().contains("retrying"),
                        service::connections);
                ConnectionStatus refused = service.connections().get(1);
                assertThat(refused.state()).isEqualTo(ConnectionState.CONNECTING);
                assertThat(refused.detail()).doesNotContain("guess");
            }
        }
    }
}
