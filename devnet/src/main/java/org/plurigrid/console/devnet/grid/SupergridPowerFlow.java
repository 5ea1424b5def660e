package org.plurigrid.console.devnet.grid;

import com.powsybl.iidm.network.Battery;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Identifiable;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;

import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * One simulation step of the devnet's physics: takes the simulated DER powers (kW, telemetry sign convention, keyed
 * by IIDM id {@code {edge node}/{device}}), writes them into the network, solves the power flow and returns the
 * snapshot whose flows, voltages and loadings the fleet can publish. Not thread-safe: one step at a time.
 */
public final class SupergridPowerFlow {

    private final Network network;
    private final PowerFlowRunner runner;
    private final GridSnapshotFactory snapshots;
    private final InstantSource clock;
    private PowerFlowResult last;

    public SupergridPowerFlow(Network network, PowerFlowRunner runner, GridSnapshotFactory snapshots, InstantSource clock) {
        this.network = Objects.requireNonNull(network, "network");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The demo supergrid on the system clock. */
    public static SupergridPowerFlow demo() {
        return new SupergridPowerFlow(DemoSupergrid.build(), new PowerFlowRunner(), new GridSnapshotFactory(),
                InstantSource.system());
    }

    /**
     * Applies the DER powers and solves.
     *
     * @param derPowerKw generation (pv, wind) and battery discharge positive, consumption (ev, load) positive;
     *                   ids not in the model are ignored; a load without the DER property (an aggregate) may be
     *                   negative
     * @return the solved snapshot (its {@code powerFlow} says AC, DC fallback or failed)
     */
    public GridSnapshot step(Map<String, Double> derPowerKw) {
        derPowerKw.forEach((id, kw) -> apply(network.getIdentifiable(id), kw / 1000.0));
        last = runner.run(network);
        return snapshots.snapshot(network, last, clock.instant());
    }

    /** The latest snapshot without changing anything (no new power flow). */
    public GridSnapshot current() {
        return snapshots.snapshot(network, last, clock.instant());
    }

    /** The model itself, for contingency analysis between steps (same thread as {@link #step}). */
    public Network network() {
        return network;
    }

    private static void apply(Identifiable<?> element, double mw) {
        if (element == null || Double.isNaN(mw)) {
            return;
        }
        if (element instanceof Generator g) {
            g.setTargetP(Math.max(0, Math.min(mw, g.getMaxP())));
        } else if (element instanceof Battery b) {
            b.setTargetP(Math.max(b.getMinP(), Math.min(mw, b.getMaxP())));
        } else if (element instanceof Load l) {
            // A DER load only consumes; an aggregate (e.g. a fleet's net import) may also feed in.
            boolean der = l.getProperty(GridSnapshotFactory.DER_TYPE_PROPERTY, null) != null;
            l.setP0(der ? Math.max(0, mw) : mw);
        }
    }
}
