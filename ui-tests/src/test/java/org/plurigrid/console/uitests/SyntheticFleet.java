package org.plurigrid.console.uitests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.plurigrid.console.app.ConsoleOptions;
import org.plurigrid.console.app.TelemetryBackend;
import org.plurigrid.console.app.TelemetryStartup;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.plurigrid.console.client.telemetry.TelemetryStats;

/** A stand-in fleet for screenshots while the real devnet is not wired: moving values on the devnet's names. */
final class SyntheticFleet implements TelemetryStartup {

    @Override
    public TelemetryBackend start(ConsoleOptions options, List<java.util.function.Consumer<org.plurigrid.console.client.telemetry.Measurement>> taps, Progress progress) {
        progress.report("devnet", "in-process", "starting synthetic fleet");
        Feed feed = new Feed();
        return new TelemetryBackend() {
            @Override
            public TelemetryFeed feed() {
                return feed;
            }

            @Override
            public SupergridSummary summary() {
                double wobble = (System.nanoTime() / 1_000_000 % 1000) / 10.0;
                return new SupergridSummary(1830 + wobble, 1210 - wobble, 0.58, 35, 756, 360, 2);
            }

            @Override
            public void close() {
                feed.timer.shutdownNow();
            }
        };
    }

    private static final class Feed implements TelemetryFeed {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "synthetic-fleet");
            t.setDaemon(true);
            return t;
        });
        private final Map<PointId, Measurement> pending = new LinkedHashMap<>();
        private final List<PointId> points = new ArrayList<>();
        private final Random random = new Random(7);
        private long messages;

        Feed() {
            String[] grids = {"groningen", "friesland", "gelderland", "utrecht", "zeeland", "brabant"};
            String[] types = {"pv", "bat", "ev", "load", "wind"};
            for (String g : grids) {
                for (int s = 1; s <= 6; s++) {
                    String node = g + "-sub-" + String.format("%02d", s);
                    points.add(PointId.nodeMetric("cg-" + g, node, "Substation/Voltage"));
                    for (int d = 0; d < 20; d++) {
                        points.add(new PointId("cg-" + g, node, types[d % 5] + String.format("-%04d", s * 100 + d), "ActivePower"));
                    }
                }
            }
            timer.scheduleAtFixedRate(this::tick, 0, 100, TimeUnit.MILLISECONDS);
        }

        private synchronized void tick() {
            Instant now = Instant.now();
            for (PointId id : points) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                double v = id.metric().equals("Substation/Voltage") ? 1 + random.nextGaussian() * 0.01
                        : switch (id.device().substring(0, id.device().indexOf('-'))) {
                    case "pv" -> 4 + random.nextDouble() * 2;
                    case "wind" -> 800 + random.nextDouble() * 200;
                    case "bat" -> -5 + random.nextDouble() * 10;
                    case "ev" -> random.nextDouble() * 11;
                    default -> 30 + random.nextDouble() * 10;
                };
                Quality q = id.node().equals("zeeland-sub-06") ? Quality.COMMS_LOST
                        : id.node().equals("utrecht-sub-02") && id.device().startsWith("ev") ? Quality.STALE : Quality.GOOD;
                pending.put(id, new Measurement(id, v, now, q, id.metric().equals("Substation/Voltage") ? "pu" : "kW"));
                messages++;
            }
        }

        @Override
        public synchronized ChangeSet drainChanges() {
            ChangeSet cs = new ChangeSet(new ArrayList<>(pending.values()),
                    new TelemetryStats(messages, points.size(), Map.of("seq-gap", 2L), 36 * 10.0, 35, 40));
            pending.clear();
            return cs;
        }

        @Override
        public List<ConnectionStatus> connections() {
            return List.of(new ConnectionStatus("devnet", "tcp://127.0.0.1:1883", ConnectionState.CONNECTED, 0, ""));
        }
    }
}
