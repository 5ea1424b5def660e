package org.plurigrid.console.app.map;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.powsybl.iidm.network.Network;
import javafx.application.Platform;
import javafx.scene.Node;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.config.MapCamera;
import org.plurigrid.console.client.config.MapCameraStore;
import org.plurigrid.console.client.alarms.AlarmFeed;
import org.plurigrid.console.client.grid.ContingencyService;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.GridTelemetryOverlay;
import org.plurigrid.console.client.grid.SecurityMonitor;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.threads.NamedThreads;
import org.plurigrid.console.maplayers.map.SupergridMapView;
import org.plurigrid.console.maplayers.map.SupergridMapViewModel;
import org.plurigrid.console.views.common.FramePump;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Map page: the console's own copy of the grid model (the devnet's demo supergrid, or a utility's model file)
 * with the live telemetry laid over it once per frame — flows, loadings and voltages come from the EMS points over
 * MQTT, so what the map shows is what the grid reports. N-1 runs in the background on the telemetered state.
 */
public final class ConsoleMap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleMap.class);
    public static final Duration SECURITY_PERIOD = Duration.ofSeconds(60);

    private final SupergridMapViewModel viewModel = new SupergridMapViewModel();
    private org.plurigrid.console.views.common.AssetActionRunner assetActions =
            org.plurigrid.console.views.common.AssetActionRunner.none();
    private final Supplier<Network> model;
    private final InstantSource clock;
    private final ScheduledExecutorService grid = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.daemon("grid-model"));
    /**
     * Camera writes on a thread of their own: on the grid-model thread they waited behind the model load and N-1
     * (tens of seconds on a busy machine), so a camera moved during start-up was written late or not at all.
     */
    private final ScheduledExecutorService cameraWriter = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.daemon("map-camera"));
    /** Set on the FX thread once the model is loaded; only the FX thread touches it afterwards. */
    private GridTelemetryOverlay overlay;
    private volatile GridSnapshot latest;
    private long seenAlarmVersion = -1;
    /** FX thread only. */
    private final Map<String, Quality> gatewayQuality = new HashMap<>();
    /** FX thread only: the newest value per point that arrived before the model was loaded (at most one per point). */
    private final Map<PointId, Measurement> beforeModel = new HashMap<>();
    /** Where the camera is remembered across restarts (none: not remembered). */
    private MapCameraStore cameraStore;
    /** FX thread only: the camera not yet written, and the debounced write waiting for it. */
    private MapCamera unsavedCamera;
    private java.util.concurrent.ScheduledFuture<?> pendingCameraSave;
    public static final Duration CAMERA_SAVE_DELAY = Duration.ofSeconds(2);

    /** @param model loads the grid model; called once, off the FX thread */
    public ConsoleMap(Supplier<Network> model, InstantSource clock) {
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Flow dashes repaint the whole map 15 times a second: cheap on a GPU, half a core in software rendering
        // (no GPU, a plain X server, a remote desktop). There the legend's "Flow animation" starts off.
        viewModel.flowAnimationProperty().set(Platform.isSupported(javafx.application.ConditionalFeature.SCENE3D));
    }

    /**
     * Remembers the camera in {@code store}: restored when the map starts, written (off the FX thread, 2 s after the
     * operator stops moving, and at close) whenever it changes. Call on the FX thread before {@link #start()}.
     */
    public void rememberCameraIn(MapCameraStore store) {
        cameraStore = Objects.requireNonNull(store, "store");
        javafx.beans.InvalidationListener changed = o -> cameraChanged();
        viewModel.zoomProperty().addListener(changed);
        viewModel.centerLatProperty().addListener(changed);
        viewModel.centerLonProperty().addListener(changed);
    }

    private void cameraChanged() {
        try {
            unsavedCamera = new MapCamera(viewModel.centerLatProperty().get(), viewModel.centerLonProperty().get(),
                    viewModel.zoomProperty().get());
        } catch (IllegalArgumentException e) {
            return; // a camera outside the map (e.g. mid-animation) is not worth remembering
        }
        if (pendingCameraSave != null) {
            pendingCameraSave.cancel(false);
        }
        MapCamera camera = unsavedCamera;
        try {
            pendingCameraSave = cameraWriter.schedule(() -> saveCamera(camera), CAMERA_SAVE_DELAY.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: close() writes the last camera
        }
    }

    private void saveCamera(MapCamera camera) {
        try {
            cameraStore.save(camera);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("The map camera could not be written to {}: {}", cameraStore.file(), e.toString());
        }
    }

    /** Loads the model off the FX thread; the map shows it (greyed until telemetry arrives) when ready. */
    public void start() {
        MapCameraStore store = cameraStore;
        grid.execute(() -> {
            if (store != null) {
                store.load().ifPresent(c -> Platform.runLater(() -> {
                    viewModel.zoomProperty().set(c.zoom());
                    viewModel.centerLatProperty().set(c.lat());
                    viewModel.centerLonProperty().set(c.lon());
                }));
            }
        });
        grid.execute(() -> {
            try {
                Network network = model.get();
                GridSnapshot topology = new GridSnapshotFactory().snapshot(network, null, clock.instant());
                GridTelemetryOverlay o = new GridTelemetryOverlay(topology);
                Map<String, Quality> unmeasured = o.unmeasuredQuality();
                latest = topology;
                Platform.runLater(() -> {
                    overlay = o;
                    viewModel.update(topology);
                    viewModel.updateQuality(unmeasured);
                    if (!beforeModel.isEmpty()) { // what arrived while the model loaded: report-by-exception
                        List<Measurement> held = List.copyOf(beforeModel.values()); // values may not come again
                        beforeModel.clear();
                        apply(held);
                    }
                });
                // From here on the network belongs to the security monitor's thread.
                SecurityMonitor security = new SecurityMonitor(network, new ContingencyService(), grid);
                grid.scheduleWithFixedDelay(() -> analyse(security), SECURITY_PERIOD.toMillis(),
                        SECURITY_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                LOG.error("The grid model could not be loaded; the map stays empty", e);
            }
        });
    }

    private void analyse(SecurityMonitor security) {
        GridSnapshot live = latest;
        if (live == null) {
            return;
        }
        try {
            security.analyse(live).thenAccept(r -> Platform.runLater(() -> viewModel.updateContingencyReport(r)))
                    .exceptionally(e -> {
                        LOG.warn("N-1 analysis failed", e);
                        return null;
                    });
        } catch (RuntimeException e) {
            LOG.warn("N-1 analysis could not start", e);
        }
    }

    /** Per frame: the changed points onto the model, then alarms when the alarm feed moved. */
    public void attach(FramePump pump, AlarmFeed alarms) {
        pump.addListener(changes -> {
            if (!changes.isEmpty()) {
                if (overlay == null) {
                    // Telemetry can be live before the model is loaded: keep the newest value of each point for it.
                    if (changes.replacesAll()) {
                        beforeModel.clear();
                    }
                    changes.changed().forEach(m -> beforeModel.put(m.id(), m));
                } else {
                    if (changes.replacesAll()) {
                        startOver();
                    }
                    apply(changes.changed());
                }
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

    /**
     * The telemetry was replaced (a replay seek, back to live): the map starts again from the model as loaded, so a
     * point the new state does not hold shows the model's value greyed, not a value of another instant (FX thread).
     */
    private void startOver() {
        GridTelemetryOverlay fresh = new GridTelemetryOverlay(overlay.topology());
        overlay = fresh;
        gatewayQuality.clear();
        latest = fresh.topology();
        viewModel.restart(fresh.topology(), fresh.unmeasuredQuality());
    }

    /** Measurements onto the loaded model and the map (FX thread). */
    private void apply(List<Measurement> changed) {
        GridTelemetryOverlay o = overlay;
        Set<String> gatewaysChanged = trackGateways(changed);
        o.apply(changed);
        Optional<GridTelemetryOverlay.Frame> frame = o.frame();
        Map<String, Quality> quality = new HashMap<>(frame.map(GridTelemetryOverlay.Frame::qualityChanges).orElse(Map.of()));
        quality.replaceAll((asset, q) -> worse(q, gatewayQuality.getOrDefault(asset, Quality.GOOD)));
        if (!gatewaysChanged.isEmpty()) {
            Map<String, Quality> measured = o.quality();
            for (String node : gatewaysChanged) {
                quality.put(node, worse(measured.getOrDefault(node, Quality.GOOD), gatewayQuality.get(node)));
            }
        }
        if (frame.isPresent()) {
            latest = frame.get().snapshot();
            viewModel.applyFrame(frame.get().snapshot(), quality);
        } else if (!quality.isEmpty()) {
            viewModel.updateQuality(quality);
        }
    }

    /**
     * The substation gateways' own quality (their node-level points): when a gateway's link dies, its substation is
     * greyed on the map even though the EMS keeps estimating values for it.
     */
    private Set<String> trackGateways(List<Measurement> changed) {
        Set<String> nodes = new HashSet<>();
        for (Measurement m : changed) {
            if (m.id().device().isEmpty()) {
                Quality before = gatewayQuality.put(m.id().node(), m.quality());
                if (before != m.quality()) {
                    nodes.add(m.id().node());
                }
            }
        }
        return nodes;
    }

    private static Quality worse(Quality a, Quality b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Selects the asset of an alarm on the map ("show on map" in the alarm list). */
    public void select(Alarm alarm) {
        viewModel.select(assetId(alarm.point()));
    }

    /** The plugins' actions on a substation, line or mark, from the map's context menu. */
    public void setAssetActions(org.plurigrid.console.views.common.AssetActionRunner runner) {
        this.assetActions = java.util.Objects.requireNonNull(runner, "runner");
    }

    public Node page() {
        SupergridMapView view = new SupergridMapView(viewModel);
        org.plurigrid.console.views.common.AssetActionRunner runner = assetActions;
        view.setAssetMenu(a -> org.plurigrid.console.views.common.AssetMenus.items(runner, a), runner.resultProperty());
        return view;
    }

    /** For tests. */
    public SupergridMapViewModel viewModel() {
        return viewModel;
    }

    public static String assetId(PointId id) {
        return id.device().isEmpty() ? id.node() : id.node() + "/" + id.device();
    }

    @Override
    public void close() {
        MapCamera last = unsavedCamera;
        grid.shutdownNow();
        cameraWriter.shutdownNow();
        if (last != null && cameraStore != null) {
            // the window is closing: wait (briefly) for the last camera on a thread of its own
            Thread writer = new Thread(() -> saveCamera(last), "map-camera-save");
            writer.start();
            try {
                writer.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
