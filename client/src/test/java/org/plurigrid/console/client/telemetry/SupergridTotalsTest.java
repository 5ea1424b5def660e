package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SupergridTotalsTest {

    static final Instant T = Instant.parse("2026-12-03T08:00:00Z");

    static Measurement power(String device, double kw, Quality q) {
        return new Measurement(new PointId("grid-a", "sub-1", device, "ActivePower"), kw, T, q, "kW");
    }

    @Test
    void sumsDevicesLikeTheLiveStoreUntilAreaFiguresArriveThenTakesTheAreas() {
        SupergridTotals totals = new SupergridTotals();
        totals.accept(power("load-1", 100, Quality.GOOD));
        totals.accept(power("ev-1", 20, Quality.STALE));
        totals.accept(power("pv-1", 60, Quality.GOOD));
        totals.accept(power("bat-1", -10, Quality.GOOD));
        totals.accept(power("wind-1", 500, Quality.COMMS_LOST));
        SupergridSummary s = totals.summary();
        assertThat(s.loadKw()).isCloseTo(130, within(1e-9));
        assertThat(s.generationKw()).isCloseTo(60, within(1e-9));
        assertThat(s.renewableShare()).isCloseTo(60 / 130.0, within(1e-9));
        assertThat(s.points()).isEqualTo(5);

        totals.accept(new Measurement(PointId.nodeMetric("grid-a", "ems", SupergridSummary.AREA_LOAD_METRIC), 2.5, T,
                Quality.GOOD, "MW"));
        assertThat(totals.summary().loadKw()).as("the areas' figures win once known").isCloseTo(2500, within(1e-9));

        totals.clear();
        assertThat(totals.summary()).isEqualTo(new SupergridSummary(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void replayAndTheLiveStoreSumTheSameDevicesAlike() {
        java.util.List<Measurement> devices = java.util.List.of(power("pv-1", 100, Quality.GOOD),
                power("wind-1", 50, Quality.STALE), power("bat-1", 20, Quality.GOOD), power("bat-2", -30, Quality.GOOD),
                power("ev-1", 40, Quality.GOOD), power("load-1", 200, Quality.GOOD),
                power("load-2", 1_000, Quality.COMMS_LOST), power("load-3", 7, Quality.BAD),
                power("pv-2", Double.NaN, Quality.GOOD));
        SupergridTotals replay = new SupergridTotals();
        PointStore live = new PointStore();
        long now = T.toEpochMilli();
        for (Measurement m : devices) {
            replay.accept(m);
            PointHandle h = live.register(m.id(), "kW");
            live.update(h, m.value(), now, now);
            live.setQuality(h, m.quality());
        }

        SupergridSummary fromReplay = replay.summary();
        DevicePower fromLive = live.powerTotals();

        assertThat(fromReplay.loadKw()).isEqualTo(fromLive.loadKw()).isCloseTo(200 + 40 + 30, within(1e-9));
        assertThat(fromReplay.generationKw()).isEqualTo(fromLive.generationKw()).isCloseTo(100 + 50 + 20, within(1e-9));
        assertThat(fromReplay.renewableShare())
                .isEqualTo(SupergridSummary.renewableShare(fromLive.renewableKw(), fromLive.loadKw()));
    }
}
