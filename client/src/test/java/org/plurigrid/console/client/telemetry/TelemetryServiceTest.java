package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.testsupport.mqtt.LoopbackPort;

/** The service's own behaviour, without a broker: ticker (staleness, message rate), feed, listeners, summary. */
class TelemetryServiceTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");

    @Test
    void tickTurnsPointsSilentPastTheirConfiguredMaximumAgeStale() {
        TelemetrySettings settings = TelemetrySettings.DEFAULTS
                .withStaleRules(List.of(new StaleRule("g/#", Duration.ofSeconds(5))));
        try (TelemetryService service = new TelemetryService(List.of(), clock, null, settings)) {
            List<Measurement> heard = new ArrayList<>();
            service.addListener(heard::add);
            PointStore store = service.store();
            PointId id = new PointId("g", "n", "pv-0001", "ActivePower");
            store.update(store.register(id, "kW"), 3, clock.millis(), clock.millis());
            service.feed().drainChanges();

            clock.advance(Duration.ofSeconds(4));
            service.tick();
            assertThat(service.feed().drainChanges().changed()).isEmpty();

            clock.advance(Duration.ofSeconds(2));
            service.tick();
            ChangeSet changes = service.feed().drainChanges();
            assertThat(changes.changed()).extracting(Measurement::quality).containsExactly(Quality.STALE);
            assertThat(changes.stats().stalePoints()).isEqualTo(1);
            assertThat(heard).extracting(Measurement::quality).containsExactly(Quality.GOOD, Quality.STALE);
        }
    }

    @Test
    void summaryAndStatsReflectTheStore() {
        try (TelemetryService service = new TelemetryService(List.of(), clock)) {
            PointStore store = service.store();
            long now = clock.millis();
            store.update(store.register(new PointId("g", "n", "pv-0001", "ActivePower"), "kW"), 60, now, now);
            store.update(store.register(new PointId("g", "n", "load-0001", "ActivePower"), "kW"), 80, now, now);

            SupergridSummary s = service.summary();
            assertThat(s.loadKw()).isEqualTo(80);
            assertThat(s.generationKw()).isEqualTo(60);
            assertThat(s.renewableShare()).isEqualTo(0.75);
            assertThat(s.points()).isEqualTo(2);
            assertThat(service.stats().points()).isEqualTo(2);
            assertThat(service.stats().stalePoints()).isZero();
            assertThat(service.feed().connections()).isEmpty();
        }
    }

    @Test
    void connectionsStartDisconnectedAndNameTheirEndpoint() {
        BrokerConfig config = BrokerConfig.builder("devnet", "tcp://127.0.0.1:1").build();
        try (TelemetryService service = new TelemetryService(List.of(config), clock)) {
            assertThat(service.connections()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("devnet");
                assertThat(c.endpoint()).isEqualTo("tcp://127.0.0.1:1");
                assertThat(c.state()).isEqualTo(ConnectionState.DISCONNECTED);
            });
        }
    }

    @Test
    void unreachableBrokerIsRetriedWithTheReasonShown() {
        int port = LoopbackPort.free(); // nothing listens there
        BrokerConfig config = BrokerConfig.builder("nowhere", "tcp://127.0.0.1:" + port)
                .reconnectDelay(Duration.ofMillis(50), Duration.ofMillis(100)).build();
        try (TelemetryService service = new TelemetryService(List.of(config), clock)) {
            service.start();
            Await.until(Duration.ofSeconds(10), "a failed attempt with a retry scheduled",
                    () -> service.connections().get(0).detail().contains("retrying in"), service::connections);
            ConnectionStatus s = service.connections().get(0);
            assertThat(s.state()).isEqualTo(ConnectionState.CONNECTING);
            assertThat(s.reconnects()).isZero();
        }
    }
}
