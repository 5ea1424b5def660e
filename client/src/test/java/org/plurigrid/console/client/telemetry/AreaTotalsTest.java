package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AreaTotalsTest {

    private static Measurement area(String group, String metric, double mw, Quality q) {
        return new Measurement(PointId.nodeMetric(group, group.substring(3) + "-ems", metric), mw, Instant.EPOCH, q,
                "MW");
    }

    @Test
    void theSupergridIsTheSumOfItsAreasInKilowatts() {
        AreaTotals t = new AreaTotals();
        t.accept(area("cg-a", SupergridSummary.AREA_LOAD_METRIC, 5.25, Quality.GOOD));
        t.accept(area("cg-b", SupergridSummary.AREA_LOAD_METRIC, 3.5, Quality.STALE));
        t.accept(area("cg-a", SupergridSummary.AREA_GENERATION_METRIC, 1.5, Quality.GOOD));
        // a newer value replaces the older one of the same area
        t.accept(area("cg-a", SupergridSummary.AREA_LOAD_METRIC, 6.0, Quality.GOOD));

        AreaTotals.Totals s = t.totals();

        assertThat(s.areas()).isEqualTo(2);
        assertThat(s.loadKw()).isCloseTo(9_500, within(1e-6));
        assertThat(s.generationKw()).isCloseTo(1_500, within(1e-6));
    }

    @Test
    void lostAreasAndDeviceMetricsDoNotCount() {
        AreaTotals t = new AreaTotals();
        t.accept(area("cg-a", SupergridSummary.AREA_LOAD_METRIC, 5, Quality.GOOD));
        t.accept(area("cg-b", SupergridSummary.AREA_LOAD_METRIC, 3, Quality.GOOD));
        t.accept(area("cg-b", SupergridSummary.AREA_LOAD_METRIC, 3, Quality.COMMS_LOST));
        t.accept(new Measurement(new PointId("cg-a", "a-ems", "a-sub-01", SupergridSummary.AREA_LOAD_METRIC), 99,
                Instant.EPOCH, Quality.GOOD, "MW"));

        assertThat(t.totals().loadKw()).isCloseTo(5_000, within(1e-6));
        assertThat(t.totals().areas()).isEqualTo(1);
        assertThat(new AreaTotals().totals().areas()).isZero();
    }
}
