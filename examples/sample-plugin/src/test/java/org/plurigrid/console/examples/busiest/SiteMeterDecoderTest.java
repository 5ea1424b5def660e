package org.plurigrid.console.examples.busiest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.TopicDecoder.Decoded;

class SiteMeterDecoderTest {

    private final SiteMeterDecoder decoder = new SiteMeterDecoder();

    private Decoded decode(String topic, String line) {
        return decoder.decode(topic, line.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    }

    @Test
    void aReadingBecomesTheSitesActivePowerInKilowattsAtItsOwnTime() {
        Decoded d = decode("acme/depot-7/meter", "1764750000000,12.5\n");

        assertThat(d).isInstanceOfSatisfying(Decoded.Points.class, p -> assertThat(p.points()).singleElement().satisfies(m -> {
            assertThat(m.id().toString()).contains("acme").contains("depot-7").contains("Meter/ActivePower");
            assertThat(m.value()).isEqualTo(12.5);
            assertThat(m.unit()).isEqualTo("kW");
            assertThat(m.time()).isEqualTo(Instant.ofEpochMilli(1764750000000L));
        }));
        assertThat(decoder.filter().matches("acme/depot-7/meter")).isTrue();
        assertThat(decoder.filter().matches("acme/depot-7/other")).isFalse();
    }

    @Test
    void aLineThatIsNotTwoNumbersIsMalformedWithTheReasonNeverAnException() {
        assertThat(decode("acme/a/meter", "12.5")).isInstanceOfSatisfying(Decoded.Malformed.class,
                m -> assertThat(m.reason()).contains("epochMillis,kW"));
        assertThat(decode("acme/a/meter", "x,y")).isInstanceOf(Decoded.Malformed.class);
        assertThat(decode("acme/a/meter", "1764750000000,NaN")).isInstanceOf(Decoded.Malformed.class);
        assertThat(decode("acme/a/meter", "1,2".repeat(100))).isInstanceOf(Decoded.Malformed.class);
    }
}
