package org.plurigrid.console.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Node;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmFeed;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.devnet.grid.SupergridPowerFlow;
import org.plurigrid.console.maplayers.map.SupergridMapView;
import org.plurigrid.console.maplayers.map.SupergridMapViewModel;
import org.plurigrid.console.views.common.FramePump;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Map page on the devnet: the demo supergrid model (the one the devnet fleet is laid out on), re-solved every few
 * seconds on a background thread with the DER powers the telemetry reports, asset quality and alarms from the frame
 * pump. Asset ids are the telemetry's: a substation is its edge node ({@code groningen-sub-07}), a DER is
 * {@code node/device}.
 */
final class ConsoleMap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleMap.class);
    static final Duration SOLVE_PERIOD = Duration.ofSeconds(5);

    private final SupergridMapViewModel viewModel = new SupergridMapViewModel();
    private final Map<String, Double> derPowerKw = new ConcurrentHashMap<>();
    private final ScheduledExecutorService grid = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "grid-model");
        t.setDaemon(true);
        return t;
    });
    private SupergridPowerFlow flow;
    private long seenAlarmVersion = -1;

    /** Builds the model and solves it every few seconds, off the FX thread; the first snapshot appears when ready. */
    void start() {
        grid.execute(() -> {
            try {
                flow = SupergridPowerFlow.demo();
                publish(flow.current());
            } catch (RuntimeException e) {
                LOG.error("The demo grid model could not be built; the map stays empty", e);
            }
        });
        grid.scheduleWithFixedDelay(this::solve, SOLVE_PERIOD.toMillis(), SOLVE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void solve() {
        if (flow == null) {
            return;
        }
        try {
            publish(flow.step(Map.copyOf(derPowerKw)));
        } catch (RuntimeException e) {
            LOG.warn("Grid power flow step failed", e);
        }
    }

    private void publish(GridSnapshot snapshot) {
        // One hand-over every few seconds, not per message.
        Platform.runLater(() -> viewModel.update(snapshot));
    }

    /** Telemetry tap (telemetry thread): the newest power of every DER, keyed like the model. */
    Consumer<Measurement> tap() {
        return m -> {
            PointId id = m.id();
            if (!id.device().isEmpty() && "ActivePower".equals(id.metric()) && Double.isFinite(m.value())) {
                derPowerKw.put(id.node() + "/" + id.device(), m.value());
            }
        };
    }

    /** Per frame: asset quality from the changed points, alarms when the alarm feed moved. */
    void attach(FramePump pump, AlarmFeed alarms) {
        pump.addListener(changes -> {
            if (!changes.isEmpty()) {
                Map<String, Quality> quality = new HashMap<>();
                for (Measurement m : changes.changed()) {
                    quality.merge(assetId(m.id()), m.quality(), ConsoleMap::worse);
                }
                viewModel.updateQuality(quality);
            }
            if (alarms.version() != seenAlarmVersion) {
                seenAlarmVersion = alarms.version();
                Map<String, Integer> byAsset = new HashMap<>();
                for (Alarm a : alarms.active()) {
                    byAsset.merge(assetId(a.point()), a.priority().number(), Math::min);
                }
                viewModel.updateAlarms(byAsset);
            }
        });
    }

    /** Selects the asset of an alarm on the map ("show on map" in the alarm list). */
    void select(Alarm alarm) {
        viewModel.select(assetId(alarm.point()));
    }

    SupergridMapViewModel viewModel() {
        return viewModel;
    }

    Node page() {
        return new SupergridMapView(viewModel);
    }

    static String assetId(PointId id) {
        return id.device().isEmpty() ? id.node() : id.node() + "/" + id.device();
    }

    private static Quality worse(Quality a, Quality b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    @Override
    public void close() {
        grid.shutdownNow();
    }
}
