package org.plurigrid.console.devnet.gridplanning;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.ContingencyReport;
import org.plurigrid.console.client.grid.ContingencyService;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.grid.BranchRatings;
import org.plurigrid.console.devnet.grid.SupergridPowerFlow;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RatingPlannerTest {

    @Test
    void ratesForTheBaseCaseAtSixtyFivePercentWhenOutagesHardlyMatter() {
        RatingPlanner.Choice c = RatingPlanner.choose(300, 320, 400, null);

        assertThat(c.rating()).isEqualTo(500); // 300 / 0.65 = 462 -> 500
        assertThat(c.basis()).isEqualTo(BranchRatings.Basis.BASE_CASE);
    }

    @Test
    void ratesForTheWorstOutageAtNinetyFivePercentWhenThatNeedsMore() {
        RatingPlanner.Choice c = RatingPlanner.choose(100, 705.6, 400, null);

        assertThat(c.rating()).isEqualTo(800); // 705.6 / 0.95 = 743 -> 800
        assertThat(c.basis()).isEqualTo(BranchRatings.Basis.N_MINUS_1);
    }

    @Test
    void neverRatesBelowTheSmallestStandardRatingOfTheClass() {
        assertThat(RatingPlanner.choose(20, 60, 400, null))
                .isEqualTo(new RatingPlanner.Choice(400, BranchRatings.Basis.MINIMUM));
    }

    @Test
    void weakSpotsAreRatedShortOfTheRule() {
        // corridor: one standard step under its worst outage, so that outage overloads it
        RatingPlanner.Choice corridor = RatingPlanner.choose(85.9, 395.6, 400, RatingPlanner.Weakness.CORRIDOR);
        // feeder: for its heaviest base case only, so it runs amber at peak
        RatingPlanner.Choice feeder = RatingPlanner.choose(826.8, 876.9, 400, RatingPlanner.Weakness.FEEDER);

        assertThat(corridor).isEqualTo(new RatingPlanner.Choice(315, BranchRatings.Basis.WEAK_SPOT));
        assertThat(395.6 / corridor.rating()).isGreaterThan(1.0);
        assertThat(feeder).isEqualTo(new RatingPlanner.Choice(1000, BranchRatings.Basis.WEAK_SPOT));
        assertThat(826.8 / feeder.rating()).isBetween(0.8, 0.95);
    }

    @Test
    void aPlannedGridHasNoOverloadingOutageInTheStatesItWasPlannedFor() {
        Network n = IeeeCdfNetworkFactory.create118();
        RatingPlanner planner = new RatingPlanner(n);
        SupergridPowerFlow flow = new SupergridPowerFlow(n, new PowerFlowRunner(), new GridSnapshotFactory(),
                () -> Instant.EPOCH);
        planner.sweep(n, flow, new OperatingPoint("as given", d -> 0), List.of());

        BranchRatings ratings = planner.plan(n);
        ratings.applyTo(n);
        ContingencyReport report = new ContingencyService().runN1(n);

        assertThat(report.contingencies()).isEqualTo(n.getBranchCount());
        assertThat(report.overloading()).isEmpty();
        assertThat(ratings.all()).extracting(BranchRatings.Rating::basis).contains(BranchRatings.Basis.N_MINUS_1);
    }
}
