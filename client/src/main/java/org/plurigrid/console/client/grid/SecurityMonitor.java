package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.VoltageLevel;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs N-1 on the console's own copy of the model in the current state: before each analysis the telemetered
 * substation load and generation totals (from the live {@link GridSnapshot}, e.g. the overlay's) are written into the
 * model by scaling each substation's loads and generators, then {@link ContingencyService} runs on the executor.
 * One analysis at a time: a request while one runs gets the running one's future. The network belongs to this
 * monitor's executor thread from construction on.
 */
public final class SecurityMonitor {

    private final Network network;
    private final ContingencyService service;
    private final Executor executor;
    private CompletableFuture<ContingencyReport> running;

    public SecurityMonitor(Network network, ContingencyService service, Executor executor) {
        this.network = Objects.requireNonNull(network, "network");
        this.service = Objects.requireNonNull(service, "service");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Starts an N-1 analysis of {@code live} in the background, unless one is already running. */
    public synchronized CompletableFuture<ContingencyReport> analyse(GridSnapshot live) {
        if (running != null && !running.isDone()) {
            return running;
        }
        running = CompletableFuture.supplyAsync(() -> {
            applyState(network, live);
            return service.runN1(network);
        }, executor);
        return running;
    }

    /** Scales loads and generators of each substation to its telemetered totals (skipping unknown values). */
    static void applyState(Network network, GridSnapshot live) {
        for (GridSubstation s : live.substations()) {
            Substation sub = network.getSubstation(s.id());
            if (sub == null) {
                continue;
            }
            double loadNow = 0;
            double genNow = 0;
            for (VoltageLevel vl : sub.getVoltageLevels()) {
                for (Load l : vl.getLoads()) {
                    loadNow += l.getP0();
                }
                for (Generator g : vl.getGenerators()) {
                    genNow += g.getTargetP();
                }
            }
            double loadFactor = factor(s.loadMw(), loadNow);
            double genFactor = factor(s.generationMw(), genNow);
            for (VoltageLevel vl : sub.getVoltageLevels()) {
                if (!Double.isNaN(loadFactor)) {
                    for (Load l : vl.getLoads()) {
                        l.setP0(l.getP0() * loadFactor);
                    }
                }
                if (!Double.isNaN(genFactor)) {
                    for (Generator g : vl.getGenerators()) {
                        g.setTargetP(Math.max(g.getMinP(), Math.min(g.getMaxP(), g.getTargetP() * genFactor)));
                    }
                }
            }
        }
    }

    private static double factor(double wanted, double now) {
        if (Double.isNaN(wanted) || Math.abs(now) < 1e-6) {
            return Double.NaN;
        }
        double f = wanted / now;
        return f > 0 && f < 10 ? f : Double.NaN;
    }
}
