package org.plurigrid.console.devnet;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
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
    private final GridEms grid;

    private Devnet(DevnetConfig config, EmbeddedBroker broker, String mqttUri, Fleet fleet, GridEms grid) {
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
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        EmbeddedBroker broker = config.externalBroker() == null ? EmbeddedBroker.start(config.mqttPort()) : null;
        String uri = broker != null ? broker.uri() : config.externalBroker();
        Fleet fleet = null;
        try {
            fleet = Fleet.start(config.fleetConfig(), uri, clock);
            GridEms grid = config.gridStep() == null ? null
                    : startGrid(fleet, uri, clock, config.gridStep(), config.fleetConfig());
            return new Devnet(config, broker, uri, fleet, grid);
        } catch (RuntimeException e) {
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
                                     org.plurigrid.console.devnet.fleet.FleetConfig fleetConfig) {
        // the model's substations and DERs are the fleet's (the console builds the same for the default fleet)
        SupergridPowerFlow powerFlow = new SupergridPowerFlow(
                DemoSupergrid.build(fleetConfig.devices(), fleetConfig.seed()), new PowerFlowRunner(),
                new GridSnapshotFactory(), clock);
        return GridEms.start(powerFlow, () -> readFleet(fleet), fleet::simulatedTime, uri, clock, step);
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
        fleet.followPrimaryHost(hostId);
        grid().ifPresent(g -> g.edgeNodes().forEach(n -> n.followPrimaryHost(hostId)));
    }

    /** The grid EMS, or empty when the devnet runs the fleet alone. */
    public Optional<GridEms> grid() {
        return Optional.ofNullable(grid);
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
            if (grid != null) {
                grid.close();
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
