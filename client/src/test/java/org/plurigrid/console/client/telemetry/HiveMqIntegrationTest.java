package org.plurigrid.console.client.telemetry;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.testsupport.mqtt.EmbeddedHiveMqBroker;

/** The pipeline against the embedded HiveMQ CE broker (the devnet's broker). */
class HiveMqIntegrationTest extends BrokerRoundTripContract {

    @TempDir
    static Path dir;
    private static EmbeddedHiveMqBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedHiveMqBroker.start(dir);
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
}
