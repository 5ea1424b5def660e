package org.plurigrid.console.views.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.plurigrid.console.views.common.Points.measurement;
import static org.plurigrid.console.views.common.Points.power;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

class SupergridTotalsTest {

    private final SupergridTotals totals = new SupergridTotals();

    @Test
    void sumsLoadAndGenerationByTheTelemetryConventions() {
        totals.apply(power("load-0001", 100));
        totals.apply(power("ev-0001", 20));
        totals.apply(power("bat-0001", -30));   // charging: load
        totals.apply(power("bat-0002", 10));    // discharging: generation
        totals.apply(power("pv-0001", 50));
        totals.apply(power("wind-0001", 25));

        SupergridTotals.Totals t = totals.totals();

        assertThat(t.loadKw()).isEqualTo(150.0);
        assertThat(t.generationKw()).isEqualTo(85.0);
        assertThat(t.renewableSharePercent()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void capsRenewableShareAtOneHundredPercent() {
        totals.apply(power("load-0001", 10));
        totals.apply(power("pv-0001", 50));

        assertThat(totals.totals().renewableSharePercent()).isEqualTo(100.0);
    }

    @Test
    void laterValueOfAPointReplacesTheEarlierOne() {
        totals.apply(power("load-0001", 10));
        totals.apply(power("load-0001", 12));

        assertThat(totals.totals().loadKw()).isEqualTo(12.0);
    }

    @Test
    void untrustedDevicesDropOutButStaleOnesStillCount() {
        totals.apply(power("load-0001", 10));
        totals.apply(power("cg-groningen", "groningen-sub-01", "load-0002", 5, Quality.STALE));
        totals.apply(power("cg-groningen", "groningen-sub-01", "load-0001", 10, Quality.COMMS_LOST));

        assertThat(totals.totals().loadKw()).isEqualTo(5.0);
    }

    @Test
    void ignoresNodeMetricsOtherMetricsAndUnknownDeviceTypes() {
        totals.apply(measurement(PointId.nodeMetric("cg-zeeland", "zeeland-sub-01", "Substation/ActivePower"), 999, Quality.GOOD));
        totals.apply(measurement(new PointId("cg-zeeland", "zeeland-sub-01", "bat-0001", "StateOfCharge"), 80, Quality.GOOD));
        totals.apply(power("heatpump-0001", 7));

        assertThat(totals.totals()).isEqualTo(SupergridTotals.Totals.ZERO);
    }
}
