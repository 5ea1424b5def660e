package org.plurigrid.console.client.grid;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PowerFlowRunnerTest {

    private final PowerFlowRunner runner = new PowerFlowRunner();

    @Test
    void acPowerFlowConvergesOnIeee118WithIterations() {
        Network n = IeeeCdfNetworkFactory.create118();

        PowerFlowResult r = runner.run(n);

        assertThat(r.mode()).isEqualTo(PowerFlowResult.Mode.AC);
        assertThat(r.status()).isEqualTo(PowerFlowResult.Status.CONVERGED);
        assertThat(r.iterations()).isPositive();
        assertThat(n.getLine("L1-2-1").getTerminal1().getP()).isNotNaN();
    }

    @Test
    void snapshotCarriesSolvedFlowsAndLoadingAgainstLimits() {
        Network n = IeeeCdfNetworkFactory.create14();
        var line = n.getLine("L1-2-1");
        line.getOrCreateSelectedOperationalLimitsGroup1().newCurrentLimits().setPermanentLimit(1000).add();
        PowerFlowResult r = runner.run(n);

        GridSnapshot s = new GridSnapshotFactory().snapshot(n, r, Instant.EPOCH);

        GridBranch b = s.branch("L1-2-1").orElseThrow();
        assertThat(b.p1Mw()).isGreaterThan(100); // IEEE 14: ~157 MW leave bus 1 towards bus 2
        assertThat(b.loadingPercent()).isCloseTo(b.currentA() / 10, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.buses()).hasSize(14);
        assertThat(s.branches()).hasSize(20);
        assertThat(s.powerFlow()).isSameAs(r);
    }

    @Test
    void aSolverThatThrowsGivesAFailedResultWithItsMessage() {
        // Infinite impedance (what 1e308 pu became before the MATPOWER reader bounded values) makes OpenLoadFlow's
        // matrix singular, and it throws rather than reporting a status.
        Network n = IeeeCdfNetworkFactory.create14();
        n.getLineStream().forEach(l -> l.setR(Double.POSITIVE_INFINITY).setX(Double.POSITIVE_INFINITY));

        PowerFlowResult r = new PowerFlowRunner().run(n);

        assertThat(r.status()).isEqualTo(PowerFlowResult.Status.FAILED);
        assertThat(r.message()).contains("solver error").doesNotContain("\n");
    }
}
