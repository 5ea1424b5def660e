package org.plurigrid.console.examples.busiest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeCounterTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final PointId PV = new PointId("cg-groningen", "groningen-sub-01", "pv-001", "P_kW");
    private static final PointId BATTERY = new PointId("cg-groningen", "groningen-sub-01", "bat-001", "P_kW");

    private static Measurement m(PointId id) {
        return new Measurement(id, 1.0, T0, Quality.GOOD, "kW");
    }

    @Test
    void ranksPointsByHowOftenTheyChangedInTheWindow() {
        ChangeCounter counter = new ChangeCounter(Duration.ofMinutes(1));
        counter.record(T0, List.of(m(PV), m(BATTERY)));
        counter.record(T0.plusSeconds(1), List.of(m(PV)));

        assertThat(counter.top(10)).containsExactly(new ChangeCounter.Count(PV, 2), new ChangeCounter.Count(BATTERY, 1));
    }

    @Test
    void forgetsChangesOlderThanTheWindow() {
        ChangeCounter counter = new ChangeCounter(Duration.ofMinutes(1));
        counter.record(T0, List.of(m(PV), m(BATTERY)));
        counter.record(T0.plusSeconds(61), List.of(m(BATTERY)));

        assertThat(counter.top(10)).containsExactly(new ChangeCounter.Count(BATTERY, 1));
    }
}
