package org.plurigrid.console.views.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.Quality;

class PointFormatTest {

    @Test
    void choosesDecimalsByMagnitudeSoColumnsStaySteady() {
        assertThat(PointFormat.value(12345.6)).isEqualTo("12,346");
        assertThat(PointFormat.value(812.54)).isEqualTo("812.5");
        assertThat(PointFormat.value(-3.14159)).isEqualTo("-3.14");
        assertThat(PointFormat.value(0.98765)).isEqualTo("0.988");
        assertThat(PointFormat.value(0)).isEqualTo("0.00");
    }

    @Test
    void neverRendersABlankCell() {
        assertThat(PointFormat.value(Double.NaN)).isEqualTo("n/a");
        for (Quality q : Quality.values()) {
            assertThat(PointFormat.quality(q)).isNotBlank();
        }
        assertThat(PointFormat.quality(Quality.COMMS_LOST)).isEqualTo("COMMS LOST");
        assertThat(PointFormat.time(Instant.EPOCH)).isEqualTo("—");
        assertThat(PointFormat.time(Instant.parse("2026-11-25T12:00:01.250Z"))).isEqualTo("12:00:01.250");
    }
}
