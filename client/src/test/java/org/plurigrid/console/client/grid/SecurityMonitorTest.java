package org.plurigrid.console.client.grid;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SecurityMonitorTest {

    /** IEEE 14 rated at 250 % of its base-case currents. */
    private static Network ieee14() {
        Network n = IeeeCdfNetworkFactory.create14();
        new PowerFlowRunner().run(n);
        n.getBranchStream().forEach(b -> {
            Branch<?> br = (Branch<?>) b;
            br.getOrCreateSelectedOperationalLimitsGroup1().newCurrentLimits()
                    .setPermanentLimit(Math.max(1, br.getTerminal1().getI()) * 2.5).add();
            br.getOrCreateSelectedOperationalLimitsGroup2().newCurrentLimits()
                    .setPermanentLimit(Math.max(1, br.getTerminal2().getI()) * 2.5).add();
        });
        return n;
    }

    @Test
    void scalesEachSubstationsLoadsToTheTelemeteredTotal() {
        Network n = ieee14();
        GridSnapshot live = new GridSnapshotFactory().snapshot(n, null, Instant.EPOCH);
        GridSubstation s = live.substations().stream().filter(x -> x.loadMw() > 10).findFirst().orElseThrow();
        GridSnapshot doubled = withSubstation(live, new GridSubstation(s.id(), s.name(), s.areaId(), s.position(),
                s.nominalKv(), s.loadMw() * 2, s.generationMw(), s.voltagePu(), s.derCounts()));

        SecurityMonitor.applyState(n, doubled);

        double load = n.getSubstation(s.id()).getVoltageLevelStream().flatMap(vl -> vl.getLoadStream())
                .mapToDouble(Load::getP0).sum();
        assertThat(load).isCloseTo(s.loadMw() * 2, within(1e-6));
    }

    @Test
    void analysesTheLiveStateSoHeavierLoadingGivesWorseOutages() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Network n = ieee14();
            GridSnapshot base = new GridSnapshotFactory().snapshot(n, null, Instant.EPOCH);
            SecurityMonitor monitor = new SecurityMonitor(n, new ContingencyService(), executor);
            ContingencyReport calm = monitor.analyse(base).get(30, TimeUnit.SECONDS);

            List<GridSubstation> stressed = base.substations().stream().map(s -> new GridSubstation(s.id(), s.name(),
                    s.areaId(), s.position(), s.nominalKv(), s.loadMw() * 1.8, s.generationMw() * 1.8, s.voltagePu(),
                    s.derCounts())).toList();
            ContingencyReport hot = monitor.analyse(new GridSnapshot(base.networkId(), base.time(), base.areas(),
                    stressed, base.buses(), base.branches(), base.ders(), null)).get(30, TimeUnit.SECONDS);

            assertThat(hot.worst().orElseThrow().worstLoadingPercent())
                    .isGreaterThan(calm.worst().map(ContingencyReport.Outcome::worstLoadingPercent).orElse(0.0) * 1.3);
            assertThat(hot.overloading().size()).isGreaterThanOrEqualTo(calm.overloading().size());
        } finally {
            executor.shutdownNow();
        }
    }

    private static GridSnapshot withSubstation(GridSnapshot s, GridSubstation replacement) {
        List<GridSubstation> subs = s.substations().stream()
                .map(x -> x.id().equals(replacement.id()) ? replacement : x).toList();
        return new GridSnapshot(s.networkId(), s.time(), s.areas(), subs, s.buses(), s.branches(), s.ders(), null);
    }
}
