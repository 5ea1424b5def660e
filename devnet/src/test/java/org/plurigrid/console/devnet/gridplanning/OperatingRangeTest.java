package org.plurigrid.console.devnet.gridplanning;

import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.grid.BranchRatings;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.devnet.grid.SupergridPowerFlow;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The planned demo grid across the EMS's operating range: day and night, PV peak, EV evening peak, envelopes. */
class OperatingRangeTest {

    @Test
    void noBranchRunsAbovePlannedLoadingAnywhereInTheRange() {
        Network network = DemoSupergrid.build();
        SupergridPowerFlow flow = new SupergridPowerFlow(network, new PowerFlowRunner(), new GridSnapshotFactory(),
                () -> Instant.EPOCH);
        List<GridDer> ders = flow.current().ders();
        Set<String> weak = BranchRatings.demo().weakSpots();
        List<OperatingPoint> range = OperatingPoint.demoRange(network);
        java.util.Map<String, Double> basePeaks = org.plurigrid.console.devnet.grid.BaseLoad.peaksKw(network);

        assertThat(range).extracting(OperatingPoint::name)
                .contains("build set-points", "profile 12.0 h", "profile 19.5 h", "export envelope", "import envelope",
                        "fleet 2026-06-21 12.96 h", "fleet 2026-12-21 18.96 h");
        double pvNoon = 0;
        double pvNight = 0;
        for (OperatingPoint p : range) {
            GridSnapshot s = flow.step(p.powers(ders, basePeaks));
            assertThat(s.powerFlow().mode()).as(p.name()).isEqualTo(PowerFlowResult.Mode.AC);
            assertThat(s.branches()).as(p.name())
                    .allSatisfy(b -> assertThat(b.loadingPercent()).as(p.name() + " " + b.id()).isLessThanOrEqualTo(100));
            assertThat(s.branches()).filteredOn(b -> !weak.contains(b.id())).as(p.name())
                    .allSatisfy(b -> assertThat(b.loadingPercent()).as(p.name() + " " + b.id()).isLessThanOrEqualTo(70));
            double pv = s.ders().stream().filter(d -> d.type() == org.plurigrid.console.client.grid.DerType.PV)
                    .mapToDouble(GridDer::powerKw).sum();
            if (p.name().equals("profile 12.0 h")) {
                pvNoon = pv;
            } else if (p.name().equals("profile 00.0 h")) {
                pvNight = pv;
            }
        }
        // the range really moves the injections
        assertThat(pvNight).isZero();
        assertThat(pvNoon).isGreaterThan(1_000);
        assertThat(weak).allMatch(id -> network.getBranch(id) != null);
        assertThat(flow.current().branches()).extracting(GridBranch::id).containsAll(weak);
    }
}
