package org.plurigrid.console.devnet.grid;

import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.ContingencyReport;
import org.plurigrid.console.client.grid.ContingencyService;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * N-1 of the demo supergrid with the DC screen reports what the unscreened AC run reports (issue 15); timings of
 * both are printed warm (figures for docs/benchmarks.md, not assertions).
 */
class DemoN1ScreeningTest {

    @Test
    void screenedN1EqualsFullAcRunOnTheDemoGrid() {
        double fraction = ContingencyService.DEFAULT_SCREEN_MARGIN;
        Network a = DemoSupergrid.build();
        Network b = DemoSupergrid.build();
        ContingencyReport full = null;
        ContingencyReport screened = null;
        for (int i = 0; i < 2; i++) { // warm-up, then the last run counts
            full = ContingencyService.unscreened().runN1(a);
            screened = new ContingencyService(fraction).runN1(b);
        }
        System.out.printf("demo supergrid N-1 (margin %.2f): %d outages, %d overloading; full AC %d ms, DC-screened %d ms, %d screened out%n",
                fraction, full.contingencies(), full.overloading().size(), full.elapsed().toMillis(), screened.elapsed().toMillis(),
                screened.screenedOut());

        assertThat(screened.dc()).isFalse();
        assertThat(screened.contingencies()).isEqualTo(full.contingencies());
        Map<String, Map<String, Double>> expected = byOutage(full);
        Map<String, Map<String, Double>> actual = byOutage(screened);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((outage, overloads) -> {
            assertThat(actual.get(outage).keySet()).as(outage).isEqualTo(overloads.keySet());
            overloads.forEach((branch, loading) ->
                    assertThat(actual.get(outage).get(branch)).as(outage + " -> " + branch).isCloseTo(loading, within(0.05)));
        });
    }

    private static Map<String, Map<String, Double>> byOutage(ContingencyReport r) {
        Map<String, Map<String, Double>> m = new TreeMap<>();
        for (ContingencyReport.Outcome o : r.overloading()) {
            Map<String, Double> loads = new TreeMap<>();
            o.overloads().forEach(ov -> loads.put(ov.branchId(), ov.loadingPercent()));
            m.put(o.outagedBranchId(), loads);
        }
        return m;
    }
}
