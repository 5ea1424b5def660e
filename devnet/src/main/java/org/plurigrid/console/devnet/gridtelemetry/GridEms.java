package org.plurigrid.console.devnet.gridtelemetry;

import com.powsybl.iidm.network.Battery;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Identifiable;
import com.powsybl.iidm.network.Injection;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.devnet.fleet.EdgeNode;
import org.plurigrid.console.devnet.grid.BaseLoad;
import org.plurigrid.console.devnet.grid.SupergridPowerFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet's grid physics on the wire: every step it reads the fleet's DER powers, solves the supergrid's power
 * flow (AC, DC if AC fails) and publishes the flows, loadings, voltages and area interchange as Sparkplug B from one
 * EMS edge node per community grid ({@code {grid}-ems}). One daemon thread does it all, so the power flow never
 * delays the fleet's own publishing.
 */
public final class GridEms implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GridEms.class);

    private final SupergridPowerFlow powerFlow;
    private final Supplier<FleetReading> fleet;
    private final Supplier<Instant> simTime;
    private final FleetInjections injections;
    private final List<EmsSource> sources;
    private final List<EdgeNode> nodes;
    private final ScheduledExecutorService thread;
    private final AtomicLong steps = new AtomicLong();
    private volatile GridSnapshot last;
    private volatile FleetReading lastReading = FleetReading.empty();
    private volatile long lastStepNanos;
    /** Wall-clock time of the latest solve: every EMS message of one step carries it, like a SCADA snapshot. */
    private volatile Instant stepTime;
    private final InstantSource clock;

    private GridEms(SupergridPowerFlow powerFlow, Supplier<FleetReading> fleet, Supplier<Instant> simTime,
                    FleetInjections injections, List<EmsSource> sources, List<EdgeNode> nodes,
                    ScheduledExecutorService thread, InstantSource clock) {
        this.clock = clock;
        this.stepTime = clock.instant();
        this.powerFlow = powerFlow;
        this.fleet = fleet;
        this.simTime = simTime;
        this.injections = injections;
        this.sources = sources;
        this.nodes = nodes;
        this.thread = thread;
    }

    /**
     * Solves a first step, connects the EMS nodes to {@code brokerUri} (births), then steps every {@code period}.
     *
     * @param fleet   the fleet's current reading (blocking for at most a second is fine; it runs on the EMS thread)
     * @param simTime the simulated time, for the model's own DER profile
     */
    public static GridEms start(SupergridPowerFlow powerFlow, Supplier<FleetReading> fleet, Supplier<Instant> simTime,
                                String brokerUri, InstantSource clock, Duration period) {
        Objects.requireNonNull(powerFlow, "powerFlow");
        Objects.requireNonNull(period, "period");
        long began = System.nanoTime();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devnet-grid-ems");
            t.setDaemon(true);
            return t;
        });
        try {
            GridSnapshot topology = powerFlow.current();
            FleetInjections injections = new FleetInjections(topology, new DerProfile(),
                    BaseLoad.peaksKw(powerFlow.network()));
            FleetReading first = fleet.get();
            FleetInjections.addAggregateLoads(powerFlow.network(), injections.covered(first));
            List<EmsSource> sources = new ArrayList<>();
            for (GridArea a : topology.areas()) {
                sources.add(new EmsSource(a.id(), topology));
            }
            String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt() & 0xFFFFFF, 6);
            List<EdgeNode> nodes = new ArrayList<>();
            GridEms ems = new GridEms(powerFlow, fleet, simTime, injections, List.copyOf(sources), nodes, thread,
                    clock);
            for (EmsSource s : sources) {
                nodes.add(EdgeNode.create(s, brokerUri, "devnet-" + s.nodeId() + "-" + run, ems::stepTime, thread));
            }
            thread.submit(() -> ems.solve(first)).get();
            for (EdgeNode n : nodes) {
                n.connect();
            }
            long periodMs = Math.max(1, period.toMillis());
            thread.scheduleWithFixedDelay(ems::stepSafely, periodMs, periodMs, TimeUnit.MILLISECONDS);
            log.info("Grid EMS: {} community grids, {} devices, power flow every {} s (started in {} ms, first {} )",
                    sources.size(), sources.stream().mapToInt(EmsSource::deviceCount).sum(), period.toSeconds(),
                    (System.nanoTime() - began) / 1_000_000, ems.last.powerFlow());
            return ems;
        } catch (MqttException e) {
            thread.shutdownNow();
            throw new IllegalStateException("The grid EMS cannot connect to the MQTT broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
            throw new IllegalStateException("Interrupted while starting the grid EMS", e);
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            thread.shutdownNow();
            throw new IllegalStateException("The grid EMS could not start: " + e.getMessage(), e);
        }
    }

    private void stepSafely() {
        try {
            solve(fleet.get());
            for (EdgeNode n : nodes) {
                n.publishChanges();
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the EMS must keep going.
            log.error("Grid EMS step failed", e);
        }
    }

    /** One physics step: fleet and profile into the model, power flow, values into the EMS sources. */
    private void solve(FleetReading reading) {
        long t0 = System.nanoTime();
        stepTime = clock.instant();
        last = step(powerFlow, injections, sources, reading, solarHour(simTime.get()));
        lastReading = reading;
        steps.incrementAndGet();
        lastStepNanos = System.nanoTime() - t0;
    }

    /** Local solar hour (0–24) in the Netherlands at {@code t}, for the model's profiles. */
    public static double solarHour(Instant t) {
        double hour = t.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 3600.0 + 5.4 / 15; // NL solar time
        return hour % 24;
    }

    /**
     * One EMS step without the wire: the fleet's reading and the base-load profile at {@code hour} into the model,
     * power flow, the solved values into {@code sources} (what the EMS nodes publish next).
     */
    static GridSnapshot step(SupergridPowerFlow powerFlow, FleetInjections injections, List<EmsSource> sources,
                             FleetReading reading, double hour) {
        GridSnapshot s = powerFlow.step(injections.powers(reading, hour));
        Network network = powerFlow.network();
        Map<String, Double> p2 = new HashMap<>();
        network.getBranchStream().forEach(b -> p2.put(b.getId(), b.getTerminal2().getP()));
        Map<String, Double> derImport = new HashMap<>();
        Map<String, Double> baseLoad = new HashMap<>();
        injectionsBySubstation(network, derImport, baseLoad);
        for (EmsSource src : sources) {
            src.update(s, p2, derImport, baseLoad);
        }
        return s;
    }

    /**
     * Per substation, MW from the solved terminals: the net import of the DER side (DERs and fleet aggregates) and
     * the base load.
     */
    private static void injectionsBySubstation(Network network, Map<String, Double> derImport,
                                               Map<String, Double> baseLoad) {
        List<Injection<?>> all = new ArrayList<>();
        network.getLoads().forEach(all::add);
        network.getGenerators().forEach(all::add);
        network.getBatteries().forEach(all::add);
        for (Injection<?> inj : all) {
            boolean der = inj.getProperty(GridSnapshotFactory.DER_TYPE_PROPERTY, null) != null;
            boolean base = inj.getProperty(BaseLoad.PEAK_PROPERTY, null) != null;
            if (!der && !base && !inj.getId().endsWith(FleetInjections.AGGREGATE_SUFFIX)) {
                continue;
            }
            double p = inj.getTerminal().getP(); // load sign convention: + drawn from the bus
            if (Double.isNaN(p)) {
                p = setPointImport(inj);
            }
            String sub = inj.getTerminal().getVoltageLevel().getSubstation().map(Identifiable::getId)
                    .orElse(inj.getTerminal().getVoltageLevel().getId());
            (base ? baseLoad : derImport).merge(sub, p, Double::sum);
        }
    }

    private static double setPointImport(Injection<?> inj) {
        if (inj instanceof Load l) {
            return l.getP0();
        }
        if (inj instanceof Generator g) {
            return -g.getTargetP();
        }
        if (inj instanceof Battery b) {
            return -b.getTargetP();
        }
        return 0;
    }

    private Instant stepTime() {
        return stepTime;
    }

    /** The latest solved snapshot (what was last published). */
    public GridSnapshot lastSnapshot() {
        return last;
    }

    /** The fleet reading the latest snapshot was solved from. */
    public FleetReading lastReading() {
        return lastReading;
    }

    public long steps() {
        return steps.get();
    }

    public long lastStepNanos() {
        return lastStepNanos;
    }

    /** EMS edge node ids, one per community grid. */
    public List<String> nodeIds() {
        return sources.stream().map(EmsSource::nodeId).toList();
    }

    public List<EdgeNode> edgeNodes() {
        return List.copyOf(nodes);
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        nodes.forEach(EdgeNode::close);
    }
}
