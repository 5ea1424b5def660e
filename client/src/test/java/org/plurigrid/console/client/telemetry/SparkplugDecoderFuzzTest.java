package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the Sparkplug B decoder (issue 13). The input is a sequence of messages, each
 * {@code [topic selector][payload length: 2 bytes][payload]}; the selector picks message type, node and device from
 * small sets so that births, data and deaths meet. Regression inputs (the seed corpus and every finding) live in
 * {@code SparkplugDecoderFuzzTestInputs/} and run in every build; {@code JAZZER_FUZZ=1} fuzzes
 * (docs/configuration.md, "Fuzzing").
 */
class SparkplugDecoderFuzzTest {

    private static final String[] TYPES = {"NBIRTH", "NDATA", "DBIRTH", "DDATA", "NDEATH", "DDEATH", "NCMD", "STATE"};
    private static final TelemetryLimits LIMITS = new TelemetryLimits(64 * 1024, 50, 80, 3, 200, 100, 1 << 20);

    @FuzzTest(maxDuration = "2m")
    void decoderCountsWhatItRejectsAndKeepsItsBounds(byte[] input) {
        MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
        PointStore store = new PointStore(List.of(), LIMITS.maxPoints());
        DecodeErrors errors = new DecodeErrors(clock);
        int[] commands = {0};
        SparkplugDecoder decoder = new SparkplugDecoder(store, errors, clock, (t, p) -> commands[0]++,
                RebirthPolicy.DEFAULTS.withMode(RebirthPolicy.Mode.ANY), LIMITS);
        int messages = 0;
        int i = 0;
        while (i + 3 <= input.length) {
            int selector = input[i] & 0xFF;
            int length = ((input[i + 1] & 0xFF) << 8) | (input[i + 2] & 0xFF);
            i += 3;
            length = Math.min(length, input.length - i);
            byte[] payload = Arrays.copyOfRange(input, i, i + length);
            i += length;
            decoder.onMessage(topic(selector), payload);
            messages++;
            clock.advance(Duration.ofMillis(100));
            if ((selector & 0x40) != 0 && (selector & 0x3F) == 0x3F) {
                decoder.onConnectionLost();
            }
        }

        assertThat(errors.count(DecodeErrors.DECODE_FAILED)).as("exceptions inside the decoder").isZero();
        assertThat(store.size()).isLessThanOrEqualTo(LIMITS.maxPoints());
        assertThat(decoder.knownNodes()).isLessThanOrEqualTo(LIMITS.maxNodes());
        assertThat(decoder.liveNodes()).isBetween(0, decoder.knownNodes());
        assertThat(store.notGoodCount()).isBetween(0, store.size());
        assertThat(store.snapshot()).hasSize(store.size());
        long budget = RebirthPolicy.DEFAULTS.burst() + (long) Math.ceil(messages * 0.1 * RebirthPolicy.DEFAULTS
                .perSecond()) + 1;
        assertThat((long) commands[0]).as("rebirth requests within the global budget").isLessThanOrEqualTo(budget);
    }

    /** Bits 0-2: type; 3-4: node; 5: device; 7: a malformed topic. */
    static String topic(int selector) {
        String type = TYPES[selector & 0x07];
        String node = "n" + ((selector >> 3) & 0x03);
        String device = (selector & 0x20) != 0 ? "pv-0001" : "bat-0002";
        if ((selector & 0x80) != 0) {
            return switch (selector & 0x03) {
                case 0 -> "spBv1.0/g/" + type;
                case 1 -> "spBv1.0//" + type + "/" + node;
                case 2 -> "spBv1.0/g/" + type + "/" + node + "/" + device + "/extra";
                default -> "spBv1.0/g/NDATA/" + node + "/" + device;
            };
        }
        if (type.equals("STATE")) {
            return "spBv1.0/STATE/" + node;
        }
        boolean deviceMessage = type.startsWith("D");
        return "spBv1.0/g/" + type + "/" + node + (deviceMessage ? "/" + device : "");
    }
}
