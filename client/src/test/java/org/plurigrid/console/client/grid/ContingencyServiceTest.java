package org.plurigrid.console.client.grid;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContingencyServiceTest {

    /** IEEE 14 with every branch rated at 115 % of its base-case current: no overload before any outage. */
    private static Network ieee14WithTightLimits() {
        Network n = IeeeCdfNetworkFactory.create14();
        new PowerFlowRunner().run(n);
        n.getBranchStream().forEach(b -> rate((Branch<?>) b));
        return n;
    }

    private static void rate(Branch<?> b) {
        double i1 = Math.max(1, b.getTerminal1().getI());
        double i2 = Math.max(1, b.getTerminal2().getI());
        b.getOrCreateSelectedOperationalLimitsGroup1().newCurrentLimits().setPermanentLimit(i1 * 1.15).add();
        b.getOrCreateSelectedOperationalLimitsGroup2().newCurrentLimits().setPermanentLimit(i2 * 1.15).add();
    }

    @Test
    void findsOutagesThatOverloadANeighbourAndRanksTheWorstFirst() {
        Network n = ieee14WithTightLimits();

        ContingencyReport report = new ContingencyService().runN1(n);

        assertThat(report.contingencies()).isEqualTo(20);
        assertThat(report.dc()).isFalse();
        assertThat(report.overloading()).isNotEmpty();
        ContingencyReport.Outcome worst = report.worst().orElseThrow();
        assertThat(worst.worstLoadingPercent()).isGreaterThan(100);
        assertThat(report.overloading()).isSortedAccordingTo(
                (a, b) -> Double.compare(b.worstLoadingPercent(), a.worstLoadingPercent()));
        assertThat(worst.overloads()).noneMatch(o -> o.branchId().equals(worst.outagedBranchId()));
    }

    @Test
    void generousLimitsGiveNoOverloadingOutage() {
        Network n = IeeeCdfNetworkFactory.create14();
        n.getBranchStream().forEach(b -> {
            b.getOrCreateSelectedOperationalLimitsGroup1().newCurrentLimits().setPermanentLimit(1e6).add();
            b.getOrCreateSelectedOperationalLimitsGroup2().newCurrentLimits().setPermanentLimit(1e6).add();
        });

        ContingencyReport report = new ContingencyService().runN1(n);

        assertThat(report.overloading()).isEmpty();
        assertThat(report.worst()).isEmpty();
    }
}
