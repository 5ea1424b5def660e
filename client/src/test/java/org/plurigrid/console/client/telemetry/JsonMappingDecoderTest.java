package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plain JSON through the mapping, run as the console runs it (a decoder lane of {@link ExternalDecoders} behind each
 * connection's {@link TopicRouter}), beside Sparkplug, with bad input counted by reason.
 */
class JsonMappingDecoderTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final PointStore store = new PointStore();
    private final DecodeErrors errors = new DecodeErrors(clock);
    private final JsonMapping power = JsonMapping.builder("coop/{node}/{device}/state", "/power/w", "ActivePower")
            .group("cg-coop").unit("kW").scale(0.001).timestampPointer("/ts").expectedPeriod(Duration.ofSeconds(3))
            .build();
    private final JsonMapping soc = JsonMapping.builder("coop/{node}/{device}/state", "/soc", "StateOfCharge")
            .group("cg-coop").unit("%").build();
    private final JsonMappingDecoder json = new JsonMappingDecoder(List.of(power, soc));
    private final ExternalDecoders lanes = new ExternalDecoders(List.of(json), store, errors, clock,
            Duration.ofSeconds(5), (d, why) -> { throw new AssertionError(d.name() + " switched off: " + why); },
            Duration.ofSeconds(10));
    private final SparkplugDecoder sparkplug = new SparkplugDecoder(store, errors, clock, (t, p) -> { });
    private final TopicRouter router = new TopicRouter(sparkplug, lanes.port("a"), errors);
    private final TopicRouter otherBroker = new TopicRouter(
            new SparkplugDecoder(store, errors, clock, (t, p) -> { }), lanes.port("b"), errors);
    private long sent;

    private static final PointId BAT_POWER = new PointId("cg-coop", "sub-1", "bat-0001", "ActivePower");
    private static final PointId BAT_SOC = new PointId("cg-coop", "sub-1", "bat-0001", "StateOfCharge");

    @AfterEach
    void close() {
        lanes.close();
    }

    private void send(String topic, String payload) {
        send(router, topic, payload);
    }

    /** Sends and waits until the lane has handled it (decoded, or counted as a problem). */
    private void send(TopicRouter via, String topic, String payload) {
        long before = lanes.decoded(json.name()) + errors.total();
        via.onMessage(topic, payload.getBytes(StandardCharsets.UTF_8));
        Await.until(Duration.ofSeconds(5), "the message handled",
                () -> lanes.decoded(json.name()) + errors.total() > before);
    }

    @Test
    void writesEveryMappedValueScaledWithItsSourceTime() {
        send("coop/sub-1/bat-0001/state", "{\"power\":{\"w\":-2500},\"soc\":61.5,\"ts\":\"2026-01-01T11:59:58Z\"}");

        Measurement p = store.latest(BAT_POWER).orElseThrow();
        assertThat(p.value()).isEqualTo(-2.5);
        assertThat(p.unit()).isEqualTo("kW");
        assertThat(p.quality()).isEqualTo(Quality.GOOD);
        assertThat(p.time()).isEqualTo(Instant.parse("2026-01-01T11:59:58Z"));
        Measurement s = store.latest(BAT_SOC).orElseThrow();
        assertThat(s.value()).isEqualTo(61.5);
        assertThat(s.time()).as("no timestamp pointer: time of receipt").isEqualTo(clock.instant());
        assertThat(errors.total()).isZero();
    }

    @Test
    void countsBadJsonAndUnmappedTopicsByReason() {
        send("coop/sub-1/bat-0001/state", "{not json");
        send("elsewhere/x", "{\"power\":1}");
        send("coop/sub-1/bat-0001/state", "{\"power\":{\"w\":\"high\"},\"ts\":1767268800000}");
        send("coop/sub-1/bat-0001/state", "{\"power\":{\"w\":1},\"ts\":\"yesterday\",\"soc\":5}");
        send("coop/sub-1/bat-0001/state", "");

        assertThat(errors.snapshot()).containsEntry(JsonMappingDecoder.NOT_JSON, 2L)
                .containsEntry(JsonMappingDecoder.UNMAPPED_TOPIC, 1L)
                .containsEntry(JsonMappingDecoder.NOT_NUMERIC, 1L)
                .containsEntry(JsonMappingDecoder.MISSING_VALUE, 1L) // soc absent in the third message
                .containsEntry(JsonMappingDecoder.BAD_TIMESTAMP, 1L)
                .hasSize(5);
        assertThat(store.latest(BAT_SOC).orElseThrow().value()).as("the good value of a message still counts")
                .isEqualTo(5);
    }

    @Test
    void sparkplugTopicsNeverReachTheJsonMapping() {
        router.onMessage("spBv1.0/cg-coop/DDATA/sub-1/bat-0001", "{\"power\":{\"w\":1}}".getBytes(StandardCharsets.UTF_8));

        assertThat(errors.snapshot()).containsOnlyKeys(DecodeErrors.NOT_PROTOBUF);
    }

    @Test
    void nullMeansBadAndAConnectionLossMeansCommsLostForWhatCameThroughIt() {
        send("coop/sub-1/bat-0001/state", "{\"power\":{\"w\":1000},\"soc\":50,\"ts\":1767268800000}");
        send("coop/sub-1/bat-0001/state", "{\"power\":{\"w\":1000},\"soc\":null,\"ts\":1767268800000}");
        assertThat(store.latest(BAT_SOC).orElseThrow().quality()).isEqualTo(Quality.BAD);
        assertThat(store.latest(BAT_SOC).orElseThrow().value()).as("last value kept").isEqualTo(50);
        PointId other = new PointId("cg-coop", "sub-2", "bat-0002", "ActivePower");
        send(otherBroker, "coop/sub-2/bat-0002/state", "{\"power\":{\"w\":1000},\"soc\":50,\"ts\":1767268800000}");

        router.onConnectionLost();
        Await.until(Duration.ofSeconds(5), "the loss handled after the messages before it",
                () -> store.latest(BAT_POWER).orElseThrow().quality() == Quality.COMMS_LOST);
        assertThat(store.latest(other).orElseThrow().quality()).as("written through the other broker")
                .isEqualTo(Quality.GOOD);
    }

    @Test
    void subscribesToEachMappingsTopicsOnceAndNothingWithoutMappings() {
        JsonMapping under = JsonMapping.builder("coop/{node}/{device}/state", "/x", "X").group("g").build();
        JsonMapping wider = JsonMapping.builder("coop/{node}/#", "/y", "Y").group("g").build();
        JsonMapping meter = JsonMapping.builder("meter/{node}", "/v", "V").group("g").build();

        assertThat(new JsonMappingDecoder(List.of(power, soc)).filters()).extracting(TopicFilter::toString)
                .containsExactly("coop/+/+/state");
        assertThat(new JsonMappingDecoder(List.of(under, meter, wider)).filters()).extracting(TopicFilter::toString)
                .containsExactly("meter/+", "coop/+/#");
        assertThat(new JsonMappingDecoder(List.of()).filters()).isEmpty();
    }

    @Test
    void eachPointGoesStaleAfterItsOwnExpectedPeriod() {
        send("coop/sub-1/bat-0001/state", "{\"power\":{\"w\":1000},\"soc\":50,\"ts\":1767268800000}");
        assertThat(store.expectedPeriod(BAT_POWER)).contains(Duration.ofSeconds(3));
        assertThat(store.expectedPeriod(BAT_SOC)).as("the console's default maximum age")
                .contains(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(4));
        store.markStale(clock);

        assertThat(store.latest(BAT_POWER).orElseThrow().quality()).isEqualTo(Quality.STALE);
        assertThat(store.latest(BAT_SOC).orElseThrow().quality()).as("default period 10 s").isEqualTo(Quality.GOOD);
    }

    @Test
    void staleRulesSetExpectedPeriodsOfSparkplugPointsByPattern() {
        PointStore ruled = new PointStore(List.of(new StaleRule("cg-utrecht/+/+/StateOfCharge",
                Duration.ofMinutes(2)), new StaleRule("cg-utrecht/#", Duration.ofSeconds(5))));
        PointId soc = new PointId("cg-utrecht", "n", "bat-0001", "StateOfCharge");
        PointId pv = new PointId("cg-utrecht", "n", "pv-0001", "ActivePower");
        PointId other = new PointId("cg-brabant", "n", "pv-0001", "ActivePower");
        long now = clock.millis();
        for (PointId id : List.of(soc, pv, other)) {
            ruled.update(ruled.register(id, ""), 1, now, now);
        }

        clock.advance(Duration.ofSeconds(30));
        ruled.markStale(clock);

        assertThat(ruled.latest(soc).orElseThrow().quality()).isEqualTo(Quality.GOOD);
        assertThat(ruled.latest(pv).orElseThrow().quality()).isEqualTo(Quality.STALE);
        assertThat(ruled.latest(other).orElseThrow().quality()).as("no rule: Sparkplug points do not age")
                .isEqualTo(Quality.GOOD);
        clock.advance(Duration.ofHours(1));
        ruled.markStale(clock);
        assertThat(ruled.latest(other).orElseThrow().quality()).isEqualTo(Quality.GOOD);
    }
}
