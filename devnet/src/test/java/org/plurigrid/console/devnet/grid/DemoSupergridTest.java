package org.plurigrid.console.devnet.grid;

import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.TwoSides;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.ContingencyReport;
import org.plurigrid.console.client.grid.ContingencyService;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSupergridTest {

    private static Network network;
    private static PowerFlowResult flow;
    private static GridSnapshot snapshot;

    @BeforeAll
    static void buildOnce() {
        long t0 = System.nanoTime();
        network = DemoSupergrid.build();
        long t1 = System.nanoTime();
        flow = new PowerFlowRunner().run(network);
        long t2 = System.nanoTime();
        snapshot = new GridSnapshotFactory().snapshot(network, flow, Instant.EPOCH);
        System.out.printf("demo supergrid: build %d ms, power flow %d ms (%s %s, %d iterations)%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, flow.mode(), flow.status(), flow.iterations());
    }

    @Test
    void hasTheSixCommunityGridsOfTheConventionsWithOwners() {
        assertThat(snapshot.areas()).extracting(GridArea::id).containsExactlyInAnyOrder(
                "cg-groningen", "cg-friesland", "cg-gelderland", "cg-utrecht", "cg-zeeland", "cg-brabant");
        assertThat(snapshot.area("cg-zeeland").orElseThrow().owner()).isEqualTo("Zeeuwse Zon en Wind");
        assertThat(snapshot.areas()).allSatisfy(a -> assertThat(a.centre()).isNotNull());
    }

    @Test
    void isTheFleetAtMediumVoltage() {
        org.plurigrid.console.devnet.fleet.FleetSimulation fleet = org.plurigrid.console.devnet.fleet.FleetSimulation
                .create(org.plurigrid.console.devnet.fleet.FleetConfig.DEFAULT_DEVICES,
                        org.plurigrid.console.devnet.fleet.FleetConfig.DEFAULT_SEED);
        // every fleet edge node is a community substation and every fleet device a DER of the same id and nameplate
        Set<String> fleetDevices = fleet.substations().stream()
                .flatMap(s -> s.devices().stream().map(d -> s.nodeId() + "/" + d.id())).collect(Collectors.toSet());
        assertThat(snapshot.ders()).extracting(org.plurigrid.console.client.grid.GridDer::id)
                .containsExactlyInAnyOrderElementsOf(fleetDevices);
        assertThat(snapshot.substations()).filteredOn(s -> s.id().contains("-sub-")).hasSize(fleet.substations().size())
                .allSatisfy(s -> {
                    assertThat(s.nominalKv()).isIn(10.0, 20.0);
                    assertThat(s.loadMw()).as(s.id()).isBetween(0.2, 5.0); // a few hundred kW to a few MW
                    assertThat(network.getLoad(BaseLoad.id(s.id()))).as(s.id()).isNotNull();
                });
        assertThat(snapshot.substations()).filteredOn(s -> s.id().endsWith("-hv")).hasSize(6)
                .allSatisfy(s -> assertThat(s.nominalKv()).isEqualTo(150.0));
        assertThat(snapshot.interconnectorCount()).isGreaterThanOrEqualTo(8);
        assertThat(snapshot.ders().stream().map(d -> d.type()).collect(Collectors.toSet())).hasSize(5);
        // the whole supergrid draws tens of MW, not GW
        double load = snapshot.substations().stream().mapToDouble(GridSubstation::loadMw).sum();
        assertThat(load).isBetween(10.0, 100.0);
    }

    @Test
    void aBiggerFleetGetsAModelOfItsOwnThatStillSolves() {
        org.plurigrid.console.devnet.fleet.FleetSimulation fleet =
                org.plurigrid.console.devnet.fleet.FleetSimulation.create(2000, 7);
        Network big = DemoSupergrid.build(2000, 7);
        GridSnapshot s = new GridSnapshotFactory().snapshot(big, new PowerFlowRunner().run(big), Instant.EPOCH);

        assertThat(s.powerFlow().mode()).isEqualTo(PowerFlowResult.Mode.AC);
        assertThat(s.ders()).hasSize(fleet.deviceCount());
        assertThat(s.substations()).filteredOn(x -> x.id().contains("-sub-")).extracting(GridSubstation::id)
                .containsExactlyInAnyOrderElementsOf(fleet.substations().stream()
                        .map(org.plurigrid.console.devnet.fleet.Substation::nodeId).toList());
        assertThat(s.branches()).allSatisfy(b -> assertThat(b.loadingPercent()).as(b.id()).isLessThan(100));
    }

    @Test
    void everySubstationSitsInTheNetherlandsUnderTheEdgeNodeIdScheme() {
        assertThat(snapshot.substations()).allSatisfy(s -> {
            assertThat(s.id()).matches("[a-z]+-(sub-\\d{2,3}|hv)");
            assertThat(s.position()).isNotNull();
            assertThat(s.position().lat()).isBetween(51.0, 53.8);
            assertThat(s.position().lon()).isBetween(3.0, 7.3);
            assertThat(s.areaId()).isNotNull();
        });
    }

    @Test
    void acPowerFlowConvergesAndTheBaseCaseStaysWithinThePlannedLoadings() {
        assertThat(flow.mode()).isEqualTo(PowerFlowResult.Mode.AC);
        assertThat(flow.status()).isEqualTo(PowerFlowResult.Status.CONVERGED);
        assertThat(snapshot.branches()).allSatisfy(b -> assertThat(b.loadingPercent()).isNotNaN());
        Set<String> weak = BranchRatings.demo().weakSpots();
        assertThat(snapshot.branches()).allSatisfy(b -> assertThat(b.loadingPercent()).as(b.id()).isLessThanOrEqualTo(100));
        assertThat(snapshot.branches()).filteredOn(b -> !weak.contains(b.id()))
                .allSatisfy(b -> assertThat(b.loadingPercent()).as(b.id()).isLessThanOrEqualTo(70));
        // amber on the map only where the planner left it
        assertThat(snapshot.branches()).filteredOn(b -> b.loadingPercent() >= 80).extracting(GridBranch::id)
                .allMatch(weak::contains);
        assertThat(snapshot.branches()).filteredOn(GridBranch::interconnector)
                .allSatisfy(b -> assertThat(Math.abs(b.p1Mw())).isGreaterThan(0.0));
    }

    @Test
    void everyBranchIsRatedByThePlanningRuleFromATableDerivedFromThisGrid() {
        BranchRatings ratings = BranchRatings.demo();
        Set<String> weak = ratings.weakSpots();
        assertThat(weak).containsExactlyInAnyOrder("zeeland-hv-T1", "zeeland-hv-T2", "zeeland-mv-02-04");
        assertThat(ratings.all()).hasSize(network.getBranchCount());
        for (Branch<?> b : network.getBranches()) {
            BranchRatings.Rating r = ratings.of(b.getId()).orElseThrow();
            double i1 = b.getTerminal1().getI();
            double i2 = b.getTerminal2().getI();
            double limit1 = b.getCurrentLimits(TwoSides.ONE).orElseThrow().getPermanentLimit();
            double limit2 = b.getCurrentLimits(TwoSides.TWO).orElseThrow().getPermanentLimit();
            assertThat(limit1).as(b.getId()).isEqualTo(r.limit1A());
            assertThat(limit2).as(b.getId()).isEqualTo(r.limit2A());
            // a standard rating (R10: A for lines, MVA for transformers)
            assertThat(StandardRatings.roundUp(r.rating())).as(b.getId()).isEqualTo(r.rating());
            // the table was derived from this grid: its operating range covers today's base case
            assertThat(Math.max(i1, i2)).as(b.getId()).isLessThanOrEqualTo(r.baseMaxA() + 1);
            if (!weak.contains(b.getId())) {
                assertThat(limit1).as(b.getId()).isGreaterThanOrEqualTo(i1 / 0.7);
                assertThat(limit2).as(b.getId()).isGreaterThanOrEqualTo(i2 / 0.7);
                if (r.kind().equals("line")) { // a transformer's table currents mix both sides' voltages
                    assertThat(r.n1MaxA()).as("worst outage current of " + b.getId()).isLessThanOrEqualTo(0.95 * limit1);
                }
            }
        }
    }

    @Test
    void n1OverloadsSomethingOnlyAtTheDocumentedWeakSpots() {
        long t0 = System.nanoTime();
        ContingencyReport report = new ContingencyService().runN1(network);
        System.out.printf("demo supergrid N-1: %d contingencies, %d overloading, %d ms%n",
                report.contingencies(), report.overloading().size(), (System.nanoTime() - t0) / 1_000_000);

        assertThat(report.dc()).isFalse();
        assertThat(report.contingencies()).isEqualTo(network.getBranchCount());
        Set<String> weak = BranchRatings.demo().weakSpots();
        // at the evening-peak build state, losing either of Zeeland's 150/20 kV transformers overloads the other
        assertThat(report.overloading()).extracting(ContingencyReport.Outcome::outagedBranchId)
                .containsExactlyInAnyOrder("zeeland-hv-T1", "zeeland-hv-T2");
        assertThat(report.overloading()).flatExtracting(ContingencyReport.Outcome::overloads)
                .extracting(ContingencyReport.Overload::branchId).allMatch(weak::contains);
        assertThat(report.worst().orElseThrow().worstLoadingPercent()).isGreaterThan(100);
    }

    @Test
    void aSimulationStepMovesTheFlows() {
        SupergridPowerFlow sim = new SupergridPowerFlow(DemoSupergrid.build(), new PowerFlowRunner(),
                new GridSnapshotFactory(), () -> Instant.EPOCH);
        GridSnapshot before = sim.step(java.util.Map.of());
        String sub = "gelderland-sub-03";
        double genBefore = before.substation(sub).orElseThrow().generationMw();
        java.util.Map<String, Double> evening = new java.util.HashMap<>();
        before.dersUnder(sub).forEach(d -> evening.put(d.id(), switch (d.type()) {
            case PV -> d.capacityKw() * 0.6;
            case EV_CHARGER -> d.capacityKw();
            default -> d.powerKw();
        }));

        GridSnapshot after = sim.step(evening);

        assertThat(after.powerFlow().status()).isEqualTo(PowerFlowResult.Status.CONVERGED);
        assertThat(after.substation(sub).orElseThrow().generationMw()).isGreaterThan(genBefore);
        assertThat(after.dersUnder(sub)).filteredOn(d -> d.type() == org.plurigrid.console.client.grid.DerType.PV)
                .allSatisfy(d -> assertThat(d.powerKw()).isPositive());
    }

    @Test
    void isDeterministic() {
        GridSnapshot again = new GridSnapshotFactory().snapshot(DemoSupergrid.build(), null, Instant.EPOCH);
        Set<String> ids = again.ders().stream().map(d -> d.id() + d.capacityKw()).collect(Collectors.toSet());
        assertThat(ids).isEqualTo(snapshot.ders().stream().map(d -> d.id() + d.capacityKw()).collect(Collectors.toSet()));
        assertThat(again.substation("groningen-sub-01").orElseThrow().position())
                .isEqualTo(snapshot.substation("groningen-sub-01").orElseThrow().position());
    }
}
