package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.extensions.SlackTerminal;
import com.powsybl.loadflow.LoadFlow;
import com.powsybl.loadflow.LoadFlowParameters;
import com.powsybl.loadflow.LoadFlowResult;
import com.powsybl.openloadflow.OpenLoadFlowParameters;
import com.powsybl.openloadflow.network.SlackBusSelectionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Solves the power flow with OpenLoadFlow: AC first, AC again from DC starting values if that fails (large meshed
 * models need it), then DC so the map still has active flows; a DC fallback says so in the result
 * ({@link PowerFlowResult#dcFallback()}). The results are written into the network.
 * A network is not thread-safe: run one flow at a time per network, on the thread that owns it.
 */
public final class PowerFlowRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PowerFlowRunner.class);
    private static final String PROVIDER = "OpenLoadFlow";

    /** How the flow is solved. */
    public enum Settings {
        /** The console's: slack distributed over generators, reactive limits respected, slack bus chosen by OpenLoadFlow. */
        CONSOLE,
        /**
         * MATPOWER's {@code runpf} defaults: Newton-Raphson, all slack taken at the reference bus (the model's slack
         * terminal), no slack distribution, reactive limits not enforced, transformer charging split between both
         * ends, every island solved, a generator at 0 MW still holding its bus voltage, mismatch tolerance 1e-8 pu;
         * angles referred to the reference bus's angle in the case, as {@code runpf} reports them.
         */
        MATPOWER
    }

    public PowerFlowResult run(Network network) {
        return run(network, Settings.CONSOLE);
    }

    public PowerFlowResult run(Network network, Settings settings) {
        Objects.requireNonNull(settings, "settings");
        long start = System.nanoTime();
        LoadFlow.Runner runner = LoadFlow.find(PROVIDER);
        Map<String, Double> referenceAngles = settings == Settings.MATPOWER ? referenceAngles(network) : Map.of();

        Attempt ac = attempt(runner, network, parameters(settings));
        if (ac.converged()) {
            referTo(network, referenceAngles);
            return result(PowerFlowResult.Mode.AC, PowerFlowResult.Status.CONVERGED, ac, start, "AC converged");
        }
        Attempt acFromDc = attempt(runner, network,
                parameters(settings).setVoltageInitMode(LoadFlowParameters.VoltageInitMode.DC_VALUES));
        if (acFromDc.converged()) {
            referTo(network, referenceAngles);
            return result(PowerFlowResult.Mode.AC, PowerFlowResult.Status.CONVERGED, acFromDc, start, "AC converged from DC start");
        }
        String acStatus = acFromDc.status();
        LOG.warn("AC power flow did not converge on {} ({}); falling back to DC", network.getId(), acStatus);
        Attempt dc = attempt(runner, network, parameters(settings).setDc(true));
        if (dc.converged()) {
            return result(PowerFlowResult.Mode.DC, PowerFlowResult.Status.FALLBACK_CONVERGED, dc, start,
                    "AC failed (" + acStatus + "); DC values");
        }
        return result(PowerFlowResult.Mode.DC, PowerFlowResult.Status.FAILED, dc, start,
                "AC failed (" + acStatus + "); DC failed (" + dc.status() + ")");
    }

    /**
     * One solve. The solver reports some failures by throwing (a singular matrix from absurd impedances, a DC
     * initialisation that cannot be solved): those become a failed attempt whose status is the solver's message,
     * so a caller always gets a {@link PowerFlowResult}.
     */
    private static Attempt attempt(LoadFlow.Runner runner, Network network, LoadFlowParameters parameters) {
        try {
            LoadFlowResult r = runner.run(network, parameters);
            return new Attempt(converged(r), statusText(r), iterations(r));
        } catch (RuntimeException e) {
            LOG.debug("Power flow on {} threw", network.getId(), e);
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            return new Attempt(false, "solver error: " + message.strip().replaceAll("\\s*\\R\\s*", " "), 0);
        }
    }

    /** The outcome of one solve: whether it converged, its status for messages, its Newton-Raphson iterations. */
    private record Attempt(boolean converged, String status, int iterations) {
    }

    /** The angle each slack-terminal bus has in the model before solving (MATPOWER keeps it as the reference). */
    private static Map<String, Double> referenceAngles(Network network) {
        Map<String, Double> angles = new HashMap<>();
        network.getVoltageLevelStream().forEach(vl -> {
            SlackTerminal slack = vl.getExtension(SlackTerminal.class);
            Bus bus = slack == null || slack.getTerminal() == null ? null : slack.getTerminal().getBusView().getBus();
            if (bus != null && !Double.isNaN(bus.getAngle())) {
                angles.put(bus.getId(), bus.getAngle());
            }
        });
        return angles;
    }

    /** Turns each island's angles so that its reference bus is back at the angle it had before the solve. */
    private static void referTo(Network network, Map<String, Double> referenceAngles) {
        Map<Integer, Double> shiftByIsland = new HashMap<>();
        referenceAngles.forEach((busId, before) -> {
            Bus bus = network.getBusView().getBus(busId);
            if (bus != null && bus.getSynchronousComponent() != null && !Double.isNaN(bus.getAngle())) {
                shiftByIsland.putIfAbsent(bus.getSynchronousComponent().getNum(), before - bus.getAngle());
            }
        });
        if (shiftByIsland.values().stream().allMatch(d -> d == 0)) {
            return;
        }
        network.getBusView().getBusStream().forEach(b -> {
            Double shift = b.getSynchronousComponent() == null ? null : shiftByIsland.get(b.getSynchronousComponent().getNum());
            if (shift != null && !Double.isNaN(b.getAngle())) {
                b.setAngle(b.getAngle() + shift);
            }
        });
    }

    /** The load-flow parameters of {@code settings} (a new object each call). */
    public static LoadFlowParameters parameters(Settings settings) {
        LoadFlowParameters p = new LoadFlowParameters();
        if (settings == Settings.MATPOWER) {
            p.setDistributedSlack(false)
                    .setUseReactiveLimits(false)
                    .setReadSlackBus(true)
                    .setTwtSplitShuntAdmittance(true)
                    .setPhaseShifterRegulationOn(false)
                    .setTransformerVoltageControlOn(false)
                    .setShuntCompensatorVoltageControlOn(false)
                    .setConnectedComponentMode(LoadFlowParameters.ConnectedComponentMode.ALL);
            OpenLoadFlowParameters.create(p)
                    .setSlackBusSelectionMode(SlackBusSelectionMode.MOST_MESHED)
                    .setNewtonRaphsonConvEpsPerEq(1e-8)
                    .setMaxNewtonRaphsonIterations(30)
                    .setVoltageRemoteControl(false)
                    .setMinPlausibleTargetVoltage(0.0)
                    .setMaxPlausibleTargetVoltage(10.0)
                    .setDisableInconsistentVoltageControls(false)
                    .setUseActiveLimits(false)
                    .setGeneratorsWithZeroMwTargetAreNotStarted(false);
        }
        return p;
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

    private static int iterations(LoadFlowResult r) {
        return r.getComponentResults().isEmpty() ? 0 : Math.max(0, r.getComponentResults().get(0).getIterationCount());
    }

    private static PowerFlowResult result(PowerFlowResult.Mode mode, PowerFlowResult.Status status, Attempt a,
                                          long start, String message) {
        return new PowerFlowResult(mode, status, a.iterations(), Duration.ofNanos(System.nanoTime() - start), message);
    }
}
