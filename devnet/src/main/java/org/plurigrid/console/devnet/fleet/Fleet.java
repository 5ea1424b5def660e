package org.plurigrid.console.devnet.fleet;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * The simulated Sparkplug B edge fleet: steps the {@link FleetSimulation} at the publish rate and lets every
 * {@link EdgeNode} publish what changed. One thread steps and publishes, so each node's {@code seq} is in order.
 */
public final class Fleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Fleet.class);
    /** The longitude at which {@code --sim-time} is read: the middle of the devnet's grids. */
    public static final double REFERENCE_LONGITUDE = CommunityGrid.DEVNET_GRIDS.stream()
            .mapToDouble(CommunityGrid::longitude).average().orElse(0);
    private static final long CONNECT_TIMEOUT_MS = 15_000;
    private static final long STATS_PERIOD_SECONDS = 60;

    private final FleetConfig config;
    private final FleetSimulation simulation;
    private final SimulatedClock simClock;
    private final List<EdgeNode> nodes;
    private final ScheduledExecutorService publisher;
    private final AtomicLong steps = new AtomicLong();
    private volatile long lastStepNanos;
    private long statsMessages;
    private long statsSteps;
    private int lastOnline;

    private Fleet(FleetConfig config, FleetSimulation simulation, SimulatedClock simClock, List<EdgeNode> nodes,
                  ScheduledExecutorService publisher) {
        this.config = config;
        this.simulation = simulation;
        this.simClock = simClock;
        this.nodes = nodes;
        this.publisher = publisher;
    }

    /**
     * Builds the fleet, connects every edge node to {@code brokerUri}, publishes the births and starts publishing
     * data at the configured rate.
     *
     * @param clock the real clock: payload timestamps; the physics runs on it shifted by the sim-time option
     */
    public static Fleet start(FleetConfig config, String brokerUri, InstantSource clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(brokerUri, "brokerUri");
        Objects.requireNonNull(clock, "clock");
        long began = System.nanoTime();
        FleetSimulation simulation = FleetSimulation.create(config.devices(), config.seed());
        SimulatedClock simClock = SimulatedClock.startingAt(clock, config.simTimeOfDay(), REFERENCE_LONGITUDE);
        simulation.step(simClock.instant());
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("devnet-fleet"));
        // Client ids differ per run so two devnets on one external broker do not take over each other's sessions.
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt() & 0xFFFFFF, 6);
        List<EdgeNode> nodes = new ArrayList<>();
        for (Substation s : simulation.substations()) {
            nodes.add(new EdgeNode(new SparkplugNode(s), brokerUri, "devnet-" + s.nodeId() + "-" + run, clock,
                    publisher));
        }
        Fleet fleet = new Fleet(config, simulation, simClock, List.copyOf(nodes), publisher);
        fleet.lastOnline = nodes.size();
        try {
            fleet.connectAll();
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
        long periodNanos = Math.round(1e9 / config.publishRateHz());
        publisher.scheduleAtFixedRate(fleet::stepSafely, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        publisher.scheduleAtFixedRate(fleet::logStats, STATS_PERIOD_SECONDS, STATS_PERIOD_SECONDS, TimeUnit.SECONDS);
        log.info("Fleet of {} devices behind {} edge nodes in {} community grids publishing to {} at {}/s "
                        + "(started in {} ms, simulated time {})", simulation.deviceCount(), nodes.size(),
                CommunityGrid.DEVNET_GRIDS.size(), brokerUri, config.publishRateHz(),
                (System.nanoTime() - began) / 1_000_000, simClock.instant());
        return fleet;
    }

    private void connectAll() {
        // Connect in parallel (the network round trips overlap), then subscribe and birth on the fleet thread.
        List<IMqttToken> tokens = new ArrayList<>();
        try {
            for (EdgeNode n : nodes) {
                tokens.add(n.beginConnect());
            }
            for (IMqttToken t : tokens) {
                t.waitForCompletion(CONNECT_TIMEOUT_MS);
            }
            publisher.submit(() -> {
                for (EdgeNode n : nodes) {
                    n.completeSession();
                }
                return null;
            }).get(CONNECT_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS);
        } catch (MqttException e) {
            throw new IllegalStateException("The fleet cannot connect to the MQTT broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting the fleet", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The fleet could not publish its births: " + e.getMessage(), e);
        }
    }

    private void stepSafely() {
        try {
            long t0 = System.nanoTime();
            simulation.step(simClock.instant());
            int online = 0;
            for (EdgeNode n : nodes) {
                n.publishChanges();
                online += n.isOnline() ? 1 : 0;
            }
            if (online != lastOnline) {
                if (online < nodes.size()) {
                    log.warn("{}/{} edge nodes online ({} waiting for the broker)", online, nodes.size(),
                            nodes.size() - online);
                } else {
                    log.info("All {} edge nodes online", nodes.size());
                }
                lastOnline = online;
            }
            steps.incrementAndGet();
            lastStepNanos = System.nanoTime() - t0;
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the fleet must keep going.
            log.error("Fleet step failed", e);
        }
    }

    /** A line per minute so whoever runs the devnet sees it is alive and keeping up. */
    private void logStats() {
        long messages = messagesPublished();
        long done = steps.get();
        long online = nodes.stream().filter(EdgeNode::isOnline).count();
        long skipped = nodes.stream().mapToLong(EdgeNode::stepsSkipped).sum();
        log.info("Fleet: {} msg/s, {} steps/s, last step {} ms, {}/{} edge nodes online, {} node steps skipped "
                        + "(broker too slow), simulated time {}",
                (messages - statsMessages) / STATS_PERIOD_SECONDS,
                String.format("%.1f", (done - statsSteps) / (double) STATS_PERIOD_SECONDS),
                lastStepNanos / 1_000_000, online, nodes.size(), skipped, simClock.instant());
        statsMessages = messages;
        statsSteps = done;
    }

    /**
     * Reads the simulation on the fleet's own thread, between two steps, so the reader sees one consistent step
     * (the values just published). For consumers such as the grid EMS; {@code reader} must be quick.
     */
    public <T> CompletableFuture<T> sample(Function<FleetSimulation, T> reader) {
        Objects.requireNonNull(reader, "reader");
        CompletableFuture<T> out = new CompletableFuture<>();
        try {
            publisher.execute(() -> {
                try {
                    out.complete(reader.apply(simulation));
                } catch (RuntimeException e) {
                    out.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            out.completeExceptionally(e);
        }
        return out;
    }

    /**
     * Makes a share (0 … 1) of the fleet's devices ignore DER controls, chosen by a hash of the device id so the same
     * devices stay deaf from run to run: the partial response a real fleet shows. Runs on the fleet's thread.
     */
    public CompletableFuture<Integer> ignoreCommands(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("The share of devices ignoring commands must be 0..1, was " + share);
        }
        return sample(sim -> {
            int deaf = 0;
            for (Substation s : sim.substations()) {
                for (SimulatedDevice d : s.devices()) {
                    boolean ignore = Math.floorMod(d.id().hashCode() * 0x9E3779B9, 1000) < share * 1000;
                    d.control().ignoreCommands(ignore);
                    deaf += ignore ? 1 : 0;
                }
            }
            return deaf;
        });
    }

    public List<EdgeNode> edgeNodes() {
        return nodes;
    }

    /** Every edge node follows this Sparkplug primary host: births again when it comes online (see EdgeNode). */
    public void followPrimaryHost(String hostId) {
        nodes.forEach(n -> n.followPrimaryHost(hostId));
    }

    public FleetSimulation simulation() {
        return simulation;
    }

    public FleetConfig config() {
        return config;
    }

    /** The simulated time the physics runs on. */
    public Instant simulatedTime() {
        return simClock.instant();
    }

    /** Steps done since start. */
    public long steps() {
        return steps.get();
    }

    /** How long the last step (physics and publishing) took, ns. */
    public long lastStepNanos() {
        return lastStepNanos;
    }

    /** Messages handed to MQTT so far by all edge nodes. */
    public long messagesPublished() {
        return nodes.stream().mapToLong(EdgeNode::messagesPublished).sum();
    }

    /** Stops stepping, then every edge node publishes its NDEATH and disconnects. */
    @Override
    public void close() {
        publisher.shutdown();
        try {
            if (!publisher.awaitTermination(10, TimeUnit.SECONDS)) {
                publisher.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            publisher.shutdownNow();
        }
        long began = System.nanoTime();
        // Each close waits on network round trips (NDEATH ack, DISCONNECT); overlap them all.
        try (ExecutorService closers = Executors.newVirtualThreadPerTaskExecutor()) {
            nodes.forEach(n -> closers.execute(n::close));
        }
        log.info("Fleet stopped ({} edge nodes closed in {} ms)", nodes.size(), (System.nanoTime() - began) / 1_000_000);
    }
}
