package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The telemetry pipeline against a real broker, in MQTT 5 and 3.1.1: births, aliased data, a seq gap that makes the
 * console request a rebirth over NCMD, and a crashed edge node whose Will (NDEATH) marks its points COMMS_LOST.
 */
abstract class BrokerRoundTripContract {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    abstract String brokerUri();

    static BrokerConfig config(String uri, MqttVersion version, String name) {
        return BrokerConfig.builder(name, uri).version(version)
                .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
    }

    static Optional<Measurement> latest(TelemetryService service, PointId id) {
        return service.store().latest(id);
    }

    static void awaitConnected(TelemetryService service) {
        Await.until(TIMEOUT, "connection CONNECTED",
                () -> service.connections().get(0).state() == ConnectionState.CONNECTED, service::connections);
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void decodesLiveSparkplugFromTheBrokerAndRequestsRebirthOnAGap(MqttVersion version) throws Exception {
        String group = "cg-utrecht";
        String node = "utrecht-sub-" + version.name().toLowerCase().replace('_', '-');
        PointId pv = new PointId(group, node, "pv-0001", "ActivePower");
        PointId load = new PointId(group, node, "load-0001", "ActivePower");
        List<ConnectionStatus> transitions = new CopyOnWriteArrayList<>();

        try (TelemetryService service = new TelemetryService(List.of(config(brokerUri(), version, "it")),
                InstantSource.system());
             EdgeNodeSimulator sim = new EdgeNodeSimulator(brokerUri(), group, node)) {
            service.clients().get(0).addStatusListener(transitions::add);
            service.start();
            awaitConnected(service);

            sim.connect(3).births(5.0, 20.0);
            sim.pvData(12.5);
            sim.loadData(30.0);

            Await.until(TIMEOUT, "pv and load values", () ->
                    latest(service, pv).map(m -> m.value() == 12.5).orElse(false)
                            && latest(service, load).map(m -> m.value() == 30.0).orElse(false),
                    () -> service.store().snapshot());
            SupergridSummary summary = service.summary();
            assertThat(summary.loadKw()).isEqualTo(30.0);
            assertThat(summary.generationKw()).isEqualTo(12.5);
            assertThat(summary.renewableShare()).isEqualTo(12.5 / 30.0);
            assertThat(summary.liveEdgeNodes()).isEqualTo(1);
            ChangeSet changes = service.feed().drainChanges();
            assertThat(changes.changed()).extracting(Measurement::id).contains(pv, load)
                    .doesNotHaveDuplicates();
            assertThat(changes.stats().messages()).isGreaterThanOrEqualTo(5);
            assertThat(service.stats().totalDecodeErrors()).isZero();
            assertThat(latest(service, pv).orElseThrow().unit()).isEqualTo("kW");

            sim.skipSeq(3);
            sim.pvData(13.0);
            Await.until(TIMEOUT, "rebirth request (NCMD) at the edge node", sim::receivedRebirthRequest,
                    sim::commands);
            assertThat(service.stats().decodeErrors()).containsEntry(DecodeErrors.SEQ_GAP, 1L);

            sim.crash(); // the broker publishes the Will: NDEATH with bdSeq 3
            Await.until(TIMEOUT, "pv COMMS_LOST after NDEATH",
                    () -> latest(service, pv).map(m -> m.quality() == Quality.COMMS_LOST).orElse(false),
                    () -> latest(service, pv));
            assertThat(service.summary().liveEdgeNodes()).isZero();
        }
        assertThat(transitions).extracting(ConnectionStatus::state)
                .startsWith(ConnectionState.CONNECTING, ConnectionState.CONNECTED)
                .endsWith(ConnectionState.DISCONNECTED);
    }
}
