package org.plurigrid.console.devnet.gridtelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.DerType;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;

class FleetInjectionsTest {

    private static final GeoPoint AT = new GeoPoint(52, 5);

    /** g-sub-01 has a PV (100 kW) and a load (50 kW); g-sub-02 has no DER; g-sub-03 is not covered by the fleet. */
    private static GridSnapshot aModel() {
        return new GridSnapshot("m", Instant.EPOCH, List.of(),
                List.of(sub("g-sub-01"), sub("g-sub-02"), sub("g-sub-03")), List.of(), List.of(),
                List.of(new GridDer("g-sub-01/pv-0001", DerType.PV, "g-sub-01", AT, 100, 45),
                        new GridDer("g-sub-01/load-0001", DerType.FLEXIBLE_LOAD, "g-sub-01", AT, 50, 30),
                        new GridDer("g-sub-03/pv-0001", DerType.PV, "g-sub-03", AT, 200, 90)),
                null);
    }

    private static GridSubstation sub(String id) {
        return new GridSubstation(id, id, "cg-g", AT, 150, 0, 0, 1, Map.of());
    }

    private static FleetReading.SubstationReading reading(double net, Map<DerType, Double> byType) {
        return new FleetReading.SubstationReading(net, byType);
    }

    private static double netImport(Map<String, Double> p, String sub) {
        return p.entrySet().stream().filter(e -> e.getKey().startsWith(sub + "/")).mapToDouble(e ->
                e.getKey().contains("/pv-") || e.getKey().contains("/wind-") || e.getKey().contains("/bat-")
                        ? -e.getValue() : e.getValue()).sum();
    }

    @Test
    void coveredSubstationDrawsExactlyTheFleetsNetImportEvenWhenItsDersCannotCarryIt() {
        FleetInjections injections = new FleetInjections(aModel(), new DerProfile());
        // 140 kW of PV exceeds the model's 100 kW PV; the fleet's wind has no model counterpart at all.
        FleetReading fleet = new FleetReading(Map.of("g-sub-01", reading(80 - 140 - 20,
                Map.of(DerType.PV, 140.0, DerType.WIND, 20.0, DerType.FLEXIBLE_LOAD, 80.0))));

        Map<String, Double> p = injections.powers(fleet, 12);

        assertThat(p.get("g-sub-01/pv-0001")).isEqualTo(100.0);
        assertThat(p.get("g-sub-01/load-0001")).isEqualTo(80.0);
        assertThat(p).containsKey(FleetInjections.aggregateId("g-sub-01"));
        assertThat(netImport(p, "g-sub-01")).isCloseTo(-80, within(1e-9));
    }

    @Test
    void substationWithoutModelDersGetsTheWholeFleetAsItsAggregate() {
        FleetInjections injections = new FleetInjections(aModel(), new DerProfile());
        FleetReading fleet = new FleetReading(Map.of("g-sub-02", reading(-35, Map.of(DerType.PV, 35.0))));

        Map<String, Double> p = injections.powers(fleet, 12);

        assertThat(p.get(FleetInjections.aggregateId("g-sub-02"))).isEqualTo(-35.0);
    }

    @Test
    void uncoveredSubstationsFollowTheModelsProfileAndUnknownFleetNodesAreIgnored() {
        FleetInjections injections = new FleetInjections(aModel(), new DerProfile());
        FleetReading fleet = new FleetReading(Map.of("g-sub-99", reading(10, Map.of())));

        Map<String, Double> noon = injections.powers(fleet, 12);
        Map<String, Double> night = injections.powers(fleet, 0);

        assertThat(injections.covered(fleet)).isEmpty();
        assertThat(noon.get("g-sub-03/pv-0001")).isCloseTo(100, within(1e-9));
        assertThat(night.get("g-sub-03/pv-0001")).isZero();
        assertThat(noon).doesNotContainKey(FleetInjections.aggregateId("g-sub-99"));
    }
}
