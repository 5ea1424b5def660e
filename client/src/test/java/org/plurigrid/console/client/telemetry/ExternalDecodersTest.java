package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExternalDecodersTest {

    private final PointStore store = new PointStore();
    private final DecodeErrors errors = new DecodeErrors(InstantSource.system());
    private final Map<String, String> disabled = new ConcurrentHashMap<>();
    private ExternalDecoders decoders;

    @AfterEach
    void close() {
        if (decoders != null) {
            decoders.close();
        }
    }

    /** Reads "metric=value" payloads on meters/{node}. */
    private static TopicDecoder meters(String name) {
        return new TopicDecoder() {
            public String name() { return name; }
            public TopicFilter filter() { return TopicFilter.parse("meters/+"); }
            public Decoded decode(String topic, byte[] payload, Instant received) {
                String text = new String(payload, StandardCharsets.UTF_8);
                int eq = text.indexOf('=');
                if (eq < 1) {
                    return new Decoded.Malformed("no metric=value in '" + text + "'");
                }
                if (text.startsWith("boom")) {
                    throw new IllegalStateException("vendor bug");
                }
                PointId id = PointId.nodeMetric("acme", topic.substring(topic.indexOf('/') + 1), text.substring(0, eq));
                return new Decoded.Points(List.of(new Measurement(id, Double.parseDouble(text.substring(eq + 1)),
                        received, Quality.GOOD, "kW")));
            }
        };
    }

    private ExternalDecoders.Port port;

    private boolean offer(String topic, byte[] payload) {
        if (port == null) {
            port = decoders.port("broker");
        }
        return port.offer(topic, payload);
    }

    private ExternalDecoders start(TopicDecoder... ds) {
        return start(Duration.ofMillis(300), ds);
    }

    private ExternalDecoders start(Duration limit, TopicDecoder... ds) {
        decoders = new ExternalDecoders(List.of(ds), store, errors, InstantSource.system(), limit,
                (d, why) -> disabled.put(d.name(), why));
        return decoders;
    }

    @Test
    void aMatchingTopicBecomesAGoodPointAndOthersAreLeftToTheRouter() {
        start(meters("acme"));

        assertThat(offer("meters/m1", "P=4.5".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(offer("other/m1", "P=1".getBytes(StandardCharsets.UTF_8))).as("not its filter").isFalse();

        PointId id = PointId.nodeMetric("acme", "m1", "P");
        Await.until(Duration.ofSeconds(5), "the point written", () -> store.latest(id).isPresent()
                && store.latest(id).get().quality() == Quality.GOOD);
        assertThat(store.latest(id).get().value()).isEqualTo(4.5);
        assertThat(store.latest(id).get().unit()).isEqualTo("kW");
    }

    @Test
    void aMalformedPayloadIsCountedAndTheDecoderStaysOn() {
        start(meters("acme"));
        offer("meters/m1", "garbage".getBytes(StandardCharsets.UTF_8));
        offer("meters/m1", "P=1".getBytes(StandardCharsets.UTF_8));

        Await.until(Duration.ofSeconds(5), "the good message decoded", () -> decoders.decoded("acme") == 1);
        assertThat(errors.count(ExternalDecoders.MALFORMED)).isEqualTo(1);
        assertThat(decoders.isActive("acme")).isTrue();
        assertThat(disabled).isEmpty();
    }

    @Test
    void aDecoderThatThrowsIsSwitchedOffWithTheReasonAndLaterMessagesAreCounted() {
        start(meters("acme"));
        offer("meters/m1", "boom=1".getBytes(StandardCharsets.UTF_8));

        Await.until(Duration.ofSeconds(5), "switched off", () -> disabled.containsKey("acme"));
        assertThat(disabled.get("acme")).contains("IllegalStateException").contains("vendor bug").contains("meters/m1");
        assertThat(decoders.isActive("acme")).isFalse();
        offer("meters/m1", "P=1".getBytes(StandardCharsets.UTF_8));
        assertThat(errors.count(ExternalDecoders.DISABLED)).isEqualTo(1);
    }

    @Test
    void aDecoderThatBlocksNeverBlocksTheCallbackThreadAndIsSwitchedOffPastItsLimit() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        TopicDecoder stuck = new TopicDecoder() {
            public String name() { return "stuck"; }
            public TopicFilter filter() { return TopicFilter.parse("stuck/#"); }
            public Decoded decode(String topic, byte[] payload, Instant received) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Decoded.Points(List.of());
            }
        };
        // A limit well above the time the offers below take even on a loaded machine, so the queue fills first.
        start(Duration.ofSeconds(3), stuck, meters("acme"));

        long t0 = System.nanoTime();
        for (int i = 0; i < ExternalDecoders.QUEUE_CAPACITY + 500; i++) {
            offer("stuck/x", new byte[] {1});
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("offers never wait").isLessThan(Duration.ofSeconds(3));
        assertThat(errors.count(ExternalDecoders.OVERFLOW)).as("the full queue drops and counts").isPositive();

        // The other decoder carries on meanwhile.
        offer("meters/m2", "P=2".getBytes(StandardCharsets.UTF_8));
        Await.until(Duration.ofSeconds(5), "the other decoder still decodes", () -> decoders.decoded("acme") == 1);

        Thread.sleep(3_100);
        offer("stuck/x", new byte[] {1});
        assertThat(disabled).containsKey("stuck");
        assertThat(disabled.get("stuck")).contains("longer than 3000 ms");
        assertThat(decoders.isActive("acme")).isTrue();
    }

    @Test
    void aDecodersPointsAgeLikeJsonMappingsAndAFullStoreIsCountedWithoutSwitchingItOff() {
        PointStore small = new PointStore(List.of(new StaleRule("acme/m2/#", Duration.ofMinutes(2))), 2);
        decoders = new ExternalDecoders(List.of(meters("acme")), small, errors, InstantSource.system(),
                Duration.ofMillis(300), (d, why) -> disabled.put(d.name(), why), Duration.ofSeconds(20));
        for (String node : List.of("m1", "m2", "m3")) {
            offer("meters/" + node, "P=1".getBytes(StandardCharsets.UTF_8));
        }

        Await.until(Duration.ofSeconds(5), "all three decoded", () -> decoders.decoded("acme") == 3);
        assertThat(small.expectedPeriod(PointId.nodeMetric("acme", "m1", "P"))).as("no death certificate: default age")
                .contains(Duration.ofSeconds(20));
        assertThat(small.expectedPeriod(PointId.nodeMetric("acme", "m2", "P"))).as("a stalePeriods rule wins")
                .contains(Duration.ofMinutes(2));
        assertThat(small.size()).isEqualTo(2);
        assertThat(errors.count(DecodeErrors.POINT_LIMIT)).as("the third point refused").isEqualTo(1);
        assertThat(decoders.isActive("acme")).isTrue();
        assertThat(disabled).isEmpty();
    }

    /** Reads "kind" payloads on several topic shapes: a point, plus a problem of that kind. */
    private static TopicDecoder withProblems() {
        return new TopicDecoder() {
            public String name() { return "multi"; }
            public TopicFilter filter() { return TopicFilter.parse("a/+"); }
            public List<TopicFilter> filters() { return List.of(TopicFilter.parse("a/+"), TopicFilter.parse("b/#")); }
            public java.util.Optional<Duration> expectedPeriod(PointId point) {
                return java.util.Optional.of(Duration.ofSeconds(7));
            }
            public Decoded decode(String topic, byte[] payload, Instant received) {
                String kind = new String(payload, StandardCharsets.UTF_8);
                return new Decoded.Points(List.of(new Measurement(PointId.nodeMetric("g", "n", topic.replace('/', '-')),
                        1, received, Quality.GOOD, "")), List.of(new Problem(kind, "part of " + topic + " unread")));
            }
        };
    }

    @Test
    void aDecoderReadsAllItsFiltersCountsProblemsUnderItsOwnKindsWithinBoundsAndSetsItsPointsPeriods() {
        start(withProblems());

        assertThat(offer("a/1", "vendor-gap".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(offer("b/2/3", "Not A Kind!".getBytes(StandardCharsets.UTF_8))).as("its second filter").isTrue();
        assertThat(offer("c/1", new byte[0])).isFalse();
        for (int i = 0; i < ExternalDecoders.MAX_KINDS_PER_DECODER + 5; i++) {
            offer("a/k" + i, ("kind-" + i).getBytes(StandardCharsets.UTF_8));
        }
        int sent = 2 + ExternalDecoders.MAX_KINDS_PER_DECODER + 5;

        Await.until(Duration.ofSeconds(5), "all decoded", () -> decoders.decoded("multi") == sent);
        assertThat(store.latest(PointId.nodeMetric("g", "n", "b-2-3"))).as("the points still count").isPresent();
        assertThat(errors.count("vendor-gap")).isEqualTo(1);
        assertThat(errors.snapshot()).as("no counter named by a malformed kind").doesNotContainKey("Not A Kind!");
        long own = errors.snapshot().keySet().stream().filter(k -> k.startsWith("kind-")).count();
        assertThat(own + 1).as("at most the bound of own kinds").isEqualTo(ExternalDecoders.MAX_KINDS_PER_DECODER);
        assertThat(errors.count(ExternalDecoders.MALFORMED)).as("the bad kind and those past the bound")
                .isEqualTo(1 + (sent - 2 - own));
        assertThat(store.expectedPeriod(PointId.nodeMetric("g", "n", "a-1"))).contains(Duration.ofSeconds(7));
        assertThat(disabled).isEmpty();
    }

    @Test
    void aLostConnectionMarksOnlyThePointsLastWrittenThroughItCommsLostAfterWhatItDeliveredBefore() {
        start(meters("acme"));
        ExternalDecoders.Port a = decoders.port("a");
        ExternalDecoders.Port b = decoders.port("b");
        a.offer("meters/m1", "P=1".getBytes(StandardCharsets.UTF_8));
        b.offer("meters/m2", "P=2".getBytes(StandardCharsets.UTF_8));
        a.offer("meters/m3", "P=3".getBytes(StandardCharsets.UTF_8));
        a.connectionLost();

        PointId m3 = PointId.nodeMetric("acme", "m3", "P");
        Await.until(Duration.ofSeconds(5), "the loss handled", () -> store.latest(m3).isPresent()
                && store.latest(m3).get().quality() == Quality.COMMS_LOST);
        assertThat(store.latest(PointId.nodeMetric("acme", "m1", "P")).orElseThrow().quality())
                .isEqualTo(Quality.COMMS_LOST);
        assertThat(store.latest(PointId.nodeMetric("acme", "m2", "P")).orElseThrow().quality())
                .as("came through the other broker").isEqualTo(Quality.GOOD);
    }
}
