package org.plurigrid.console.devnet.grid;

import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The 10,030-bus generated grid is AC-feasible and solved in AC, as the demo grid is (issue 15). */
class LargeSupergridTest {

    @Test
    void tenThousandBusGridSolvesInAc() {
        Network network = LargeSupergrid.build(85);
        assertThat(network.getBusView().getBusStream().count()).isGreaterThan(10_000);

        PowerFlowResult flow = new PowerFlowRunner().run(network);
        System.out.printf("large supergrid: %s %s in %d ms, %d iterations (%s)%n", flow.mode(), flow.status(),
                flow.elapsed().toMillis(), flow.iterations(), flow.message());

        assertThat(flow.mode()).as(flow.message()).isEqualTo(PowerFlowResult.Mode.AC);
        assertThat(flow.dcFallback()).isFalse();
        assertThat(network.getBusView().getBusStream().mapToDouble(b -> b.getV() / b.getVoltageLevel().getNominalV()))
                .allSatisfy(v -> assertThat(v).isBetween(0.85, 1.15));
    }
}
