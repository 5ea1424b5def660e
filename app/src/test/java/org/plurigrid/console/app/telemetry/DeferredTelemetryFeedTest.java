package org.plurigrid.console.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.plurigrid.console.client.telemetry.TelemetryStats;

class DeferredTelemetryFeedTest {

    private final DeferredTelemetryFeed feed = new DeferredTelemetryFeed("devnet", "in-process");

    @Test
    void saysConnectingWithWhatItIsDoingUntilAttached() {
        feed.progress("devnet", "in-process", "starting broker");

        assertThat(feed.drainChanges().isEmpty()).isTrue();
        assertThat(feed.connections()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(ConnectionState.CONNECTING);
            assertThat(c.detail()).isEqualTo("starting broker");
        });
    }

    @Test
    void passesEverythingThroughOnceAttached() {
        Measurement m = new Measurement(new PointId("g", "n", "pv-0001", "ActivePower"), 1, Instant.EPOCH, Quality.GOOD, "kW");
        ConnectionStatus up = new ConnectionStatus("devnet", "tcp://127.0.0.1:1883", ConnectionState.CONNECTED, 0, "");
        feed.attach(new TelemetryFeed() {
            @Override
            public ChangeSet drainChanges() {
                return new ChangeSet(List.of(m), TelemetryStats.EMPTY);
            }

            @Override
            public List<ConnectionStatus> connections() {
                return List.of(up);
            }
        });
        feed.progress("devnet", "in-process", "late note");

        assertThat(feed.drainChanges().changed()).containsExactly(m);
        assertThat(feed.connections()).containsExactly(up);
    }

    @Test
    void showsTheReasonWhenStartUpFails() {
        feed.fail("devnet", "in-process", "start-up failed: port 1883 in use");

        assertThat(feed.connections()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(ConnectionState.FAILED);
            assertThat(c.detail()).contains("port 1883 in use");
        });
    }
}
