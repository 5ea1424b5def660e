package org.plurigrid.console.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The one duration grammar: decimals and units, ISO-8601, numbers of seconds, all bounded by a year. */
class DurationTextTest {

    @Test
    void readsDecimalsAndEveryUnit() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("2min")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse(" 1 H ")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("PT15S")).isEqualTo(Duration.ofSeconds(15));
        assertThat(DurationText.ofSeconds(2.5)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void refusesZeroWhereAPositiveDurationIsNeededButNotForDelays() {
        assertThatThrownBy(() -> DurationText.parse("0s")).hasMessageContaining("positive");
        assertThat(DurationText.parseNonNegative("0s")).isZero();
    }

    @Test
    void refusesNegativeAndMalformedDurations() {
        assertThatThrownBy(() -> DurationText.parse("PT-5S")).hasMessageContaining("not negative");
        assertThatThrownBy(() -> DurationText.ofSeconds(-1)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> DurationText.parse("soon")).hasMessageContaining("\"soon\"").hasMessageContaining("\"5s\"");
        assertThatThrownBy(() -> DurationText.ofSeconds(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnythingLongerThanAYearWithoutOverflowing() {
        assertThatThrownBy(() -> DurationText.parse("99999999999999h")).hasMessageContaining("longer than the longest");
        assertThatThrownBy(() -> DurationText.parse("999999999999999999h")).hasMessageContaining("longer than the longest");
        assertThatThrownBy(() -> DurationText.parse("PT99999999999999H")).hasMessageContaining("longer than the longest");
        assertThatThrownBy(() -> DurationText.parse("PT9999999999999999999999H")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.ofSeconds(1e300)).hasMessageContaining("longer than the longest");
        assertThat(DurationText.parse("8784h")).isEqualTo(DurationText.MAX);
    }

    @Test
    void formatsTheShortestExactFormThatReadsBack() {
        for (Duration d : new Duration[] {Duration.ofMillis(1500), Duration.ofSeconds(90), Duration.ofMinutes(2),
                Duration.ofHours(3), Duration.ZERO, Duration.ofNanos(1500), DurationText.MAX}) {
            assertThat(DurationText.parseNonNegative(DurationText.format(d))).as(DurationText.format(d)).isEqualTo(d);
        }
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationText.format(Duration.ofMinutes(120))).isEqualTo("2h");
    }
}
