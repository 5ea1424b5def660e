package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the JSON topic mapping (issue 13): a mapping made of fuzzed pattern and pointers is
 * either refused with {@link IllegalArgumentException} or behaves: the point it makes of a topic lies under the
 * subscription it asks for, and the decoder counts what it cannot use instead of throwing. Regression inputs live in
 * {@code JsonMappingFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes
 * (docs/configuration.md, "Fuzzing").
 */
class JsonMappingFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void mappingIsRefusedCleanlyOrConsistentWithItsSubscription(FuzzedDataProvider data) {
        String pattern = data.consumeString(60);
        String valuePointer = data.consumeString(20);
        String timestampPointer = data.consumeBoolean() ? data.consumeString(20) : null;
        String topic = data.consumeString(80);
        byte[] payload = data.consumeRemainingAsBytes();
        JsonMapping mapping;
        try {
            mapping = JsonMapping.builder(pattern, valuePointer, "Value").group("g").node("n")
                    .timestampPointer(timestampPointer).build();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).as("a refusal says why").isNotBlank();
            return;
        }

        Optional<PointId> point = mapping.pointFor(topic);
        if (point.isPresent()) {
            assertThat(TopicFilter.matches(mapping.subscriptionFilter(), topic))
                    .as("topic %s mapped by %s lies under its subscription %s", topic, pattern,
                            mapping.subscriptionFilter()).isTrue();
        }

        JsonMappingDecoder decoder = new JsonMappingDecoder(List.of(mapping));
        Instant received = Instant.parse("2026-01-01T12:00:00Z");
        for (byte[] p : List.of(payload, new String(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))) {
            // Never throws (a decoder that throws is switched off); at most the one point of its one mapping.
            TopicDecoder.Decoded d = decoder.decode(topic, p, received);
            if (d instanceof TopicDecoder.Decoded.Points points) {
                assertThat(point).as("points only for a mapped topic").isPresent();
                assertThat(points.points().size() + points.problems().size()).isEqualTo(1);
                points.points().forEach(m -> assertThat(m.id()).isEqualTo(point.get()));
            }
        }
    }
}
