package org.plurigrid.console.devnet;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.devnet.grid.SupergridPowerFlow;
import org.plurigrid.console.devnet.gridtelemetry.FleetReading;
import org.plurigrid.console.devnet.gridtelemetry.GridEms;
import org.plurigrid.console.devnet.broker.EmbeddedBroker;
import org.plurigrid.console.devnet.fleet.Fleet;
import org.plurigrid.console.devnet.fleet.SparkplugNode;
import org.plurigrid.console.client.threads.NamedThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local supergrid in a box, and the composition root of the devnet: an embedded MQTT broker (unless an external
 * one is given), the simulated Sparkplug B fleet publishing to it and (unless turned off) the grid EMS that solves
 * the demo supergrid's power flow from the fleet's powers and publishes it. Close it to stop everything, fleet first so
 * its NDEATHs still reach the broker.
 */
public final class Devnet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Devnet.class);

    private final DevnetConfig config;
    private final EmbeddedBroker broker;
    private final String mqttUri;
    private final Fleet fleet;
    /** Completed with the grid EMS (null without one) once it runs; at start unless the grid starts in background. */
    private final CompletableFuture<GridEms> grid;
    private volatile String primaryHost;

    private Devnet(DevnetConfig config, EmbeddedBroker broker, String mqttUri, Fleet fleet,
                   CompletableFuture<GridEms> grid) {
        this.config = config;
        this.broker = broker;
        this.mqttUri = mqttUri;
        this.fleet = fleet;
        this.grid = grid;
    }

    /** Starts the devnet on the system clock. */
    public static Devnet start(DevnetConfig config) {
        return start(config, InstantSource.system());
    }

    /** Starts the devnet; {@code clock} stamps the payloads and (shifted by the sim-time option) drives the physics. */
    public static Devnet start(DevnetConfig config, InstantSource clock) {
        return start(config, clock, false);
    }

    /**
     * As {@link #start(DevnetConfig, InstantSource)}, but returns once the broker and the fleet run: the grid EMS
     * (model, first power flow, one edge node per grid) comes up in background, so a console connects and shows the
     * fleet's values about two seconds sooner. {@link #grid()} is empty until it runs; a failure is logged.
     */
    public static Devnet startGridInBackground(DevnetConfig config, InstantSource clock) {
        return start(config, clock, true);
    }

    private static Devnet start(DevnetConfig config, InstantSource clock, boolean gridInBackground) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        // The grid model is built and its power flow warmed up (PowSyBl's classes, the JIT) while the broker and the
        // fleet start: about two seconds sooner to the console's first live values.
        CompletableFuture<SupergridPowerFlow> model = config.gridStep() == null ? null
                : CompletableFuture.supplyAsync(() -> warmModel(config.fleetConfig(), clock),
                        r -> NamedThreads.daemon("devnet-grid-build").newThread(r).start());
        EmbeddedBroker broker = null;
        Fleet fleet = null;
        try {
            broker = config.externalBroker() == null ? EmbeddedBroker.start(config.mqttPort()) : null;
            String uri = broker != null ? broker.uri() : config.externalBroker();
            fleet = Fleet.start(config.fleetConfig(), uri, clock);
            CompletableFuture<GridEms> grid;
            if (model == null) {
                grid = CompletableFuture.completedFuture(null);
            } else if (gridInBackground) {
                Fleet started = fleet;
                grid = model.thenApplyAsync(m -> startGrid(started, uri, clock, config.gridStep(), m),
                        r -> NamedThreads.daemon("devnet-grid-start").newThread(r).start());
                grid.whenComplete((g, e) -> {
                    if (e != null) {
                        log.error("Grid EMS did not start; the devnet runs without its power flow: {}",
                                (e instanceof CompletionException && e.getCause() != null ? e.getCause() : e).toString());
                    }
                });
            } else {
                grid = CompletableFuture.completedFuture(startGrid(fleet, uri, clock, config.gridStep(), join(model)));
            }
            Devnet devnet = new Devnet(config, broker, uri, fleet, grid);
            // a host followed before the grid ran is followed by its nodes too
            grid.thenAccept(g -> {
                String host = devnet.primaryHost;
                if (g != null && host != null) {
                    g.edgeNodes().forEach(n -> n.followPrimaryHost(host));
                }
            });
            return devnet;
        } catch (RuntimeException e) {
            if (model != null) {
                model.cancel(false);
            }
            if (fleet != null) {
                fleet.close();
            }
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    /** The demo supergrid, fed with the fleet's DER powers, solved and published by one EMS node per grid. */
    private static GridEms startGrid(Fleet fleet, String uri, InstantSource clock, Duration step,
                                     SupergridPowerFlow powerFlow) {
        return GridEms.start(powerFlow, () -> readFleet(fleet), fleet::simulatedTime, uri, clock, step);
    }

    /**
     * The model's substations and DERs are the fleet's (the console builds the same for the default fleet); one
     * throwaway solve loads and compiles the power flow before the EMS's first real one.
     */
    private static SupergridPowerFlow warmModel(org.plurigrid.console.devnet.fleet.FleetConfig fleetConfig,
                                                InstantSource clock) {
        PowerFlowRunner runner = new PowerFlowRunner();
        SupergridPowerFlow powerFlow = new SupergridPowerFlow(
                DemoSupergrid.build(fleetConfig.devices(), fleetConfig.seed()), runner, new GridSnapshotFactory(), clock);
        runner.run(powerFlow.network());
        return powerFlow;
    }

    private static SupergridPowerFlow join(CompletableFuture<SupergridPowerFlow> model) {
        try {
            return model.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static FleetReading readFleet(Fleet fleet) {
        try {
            return fleet.sample(FleetReading::of).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the fleet", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the fleet: " + e.getMessage(), e);
        }
    }

    /**
     * Every edge node (fleet and EMS) follows this Sparkplug 3.0 primary host application: when its STATE says online
     * after their births, they publish their births again, so the host never sees data it has no birth for.
     */
    public void followPrimaryHost(String hostId) {
        primaryHost = hostId;
        fleet.followPrimaryHost(hostId);
        grid().ifPresent(g -> g.edgeNodes().forEach(n -> n.followPrimaryHost(hostId)));
    }

    /** The grid EMS, or empty when the devnet runs the fleet alone (or its grid is still starting in background). */
    public Optional<GridEms> grid() {
        return grid.isDone() && !grid.isCompletedExceptionally() ? Optional.ofNullable(grid.join()) : Optional.empty();
    }

    /** The MQTT broker the fleet publishes to, e.g. {@code tcp://127.0.0.1:1883}. */
    public String mqttUri() {
        return mqttUri;
    }

    /** True when the devnet runs its own broker (no external broker was given). */
    public boolean hasEmbeddedBroker() {
        return broker != null;
    }

    /** The Sparkplug B topic filter that covers the whole fleet. */
    public String sparkplugTopicFilter() {
        return SparkplugNode.NAMESPACE + "/#";
    }

    public Fleet fleet() {
        return fleet;
    }

    public DevnetConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            GridEms ems = null;
            try {
                ems = grid.get(30, TimeUnit.SECONDS); // one still starting is waited for, so it is closed too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Grid EMS not closed: {}", e.toString());
            }
            if (ems != null) {
                ems.close();
            }
            fleet.close();
        } finally {
            if (broker != null) {
                broker.close();
            }
            log.info("Devnet stopped");
        }
    }
}
