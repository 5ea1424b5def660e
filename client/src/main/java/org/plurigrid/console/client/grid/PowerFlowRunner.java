package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Network;
import com.powsybl.loadflow.LoadFlow;
import com.powsybl.loadflow.LoadFlowParameters;
import com.powsybl.loadflow.LoadFlowResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Solves the power flow with OpenLoadFlow: AC first, AC again from DC starting values if that fails (large meshed
 * models need it), then DC so the map still has active flows. The results are written into the network.
 * A network is not thread-safe: run one flow at a time per network, on the thread that owns it.
 */
public final class PowerFlowRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PowerFlowRunner.class);
    private static final String PROVIDER = "OpenLoadFlow";

    public PowerFlowResult run(Network network) {
        long start = System.nanoTime();
        LoadFlow.Runner runner = LoadFlow.find(PROVIDER);

        LoadFlowParameters ac = new LoadFlowParameters();
        LoadFlowResult r = runner.run(network, ac);
        if (converged(r)) {
            return result(PowerFlowResult.Mode.AC, PowerFlowResult.Status.CONVERGED, r, start, "AC converged");
        }
        LoadFlowParameters acFromDc = new LoadFlowParameters().setVoltageInitMode(LoadFlowParameters.VoltageInitMode.DC_VALUES);
        r = runner.run(network, acFromDc);
        if (converged(r)) {
            return result(PowerFlowResult.Mode.AC, PowerFlowResult.Status.CONVERGED, r, start, "AC converged from DC start");
        }
        String acStatus = statusText(r);
        LOG.warn("AC power flow did not converge on {} ({}); falling back to DC", network.getId(), acStatus);
        r = runner.run(network, new LoadFlowParameters().setDc(true));
        if (converged(r)) {
            return result(PowerFlowResult.Mode.DC, PowerFlowResult.Status.FALLBACK_CONVERGED, r, start,
                    "AC failed (" + acStatus + "); DC values");
        }
        return result(PowerFlowResult.Mode.DC, PowerFlowResult.Status.FAILED, r, start,
                "AC failed (" + acStatus + "); DC failed (" + statusText(r) + ")");
    }

    /** Runs {@link #run(Network)} on {@code executor}; the caller must not touch the network until it completes. */
    public CompletableFuture<PowerFlowResult> runAsync(Network network, Executor executor) {
        return CompletableFuture.supplyAsync(() -> run(network), executor);
    }

    private static boolean converged(LoadFlowResult r) {
        return r.isFullyConverged() || (!r.getComponentResults().isEmpty()
                && r.getComponentResults().get(0).getStatus() == LoadFlowResult.ComponentResult.Status.CONVERGED);
    }

    private static String statusText(LoadFlowResult r) {
        return r.getComponentResults().isEmpty() ? r.getStatus().name()
                : r.getComponentResults().get(0).getStatus().name();
    }

    private static PowerFlowResult result(PowerFlowResult.Mode mode, PowerFlowResult.Status status, LoadFlowResult r,
                                          long start, String message) {
        int iterations = r.getComponentResults().isEmpty() ? 0 : Math.max(0, r.getComponentResults().get(0).getIterationCount());
        return new PowerFlowResult(mode, status, iterations, Duration.ofNanos(System.nanoTime() - start), message);
    }
}
