package org.plurigrid.console.bench.map;

import com.powsybl.iidm.network.Network;
import com.powsybl.loadflow.LoadFlow;
import com.powsybl.loadflow.LoadFlowParameters;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.plurigrid.console.bench.BenchFx;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.plurigrid.console.client.grid.DerPlacement;
import org.plurigrid.console.client.telemetry.DerType;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridBus;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridPoints;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.client.grid.GridTelemetryOverlay;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.devnet.grid.LargeSupergrid;
import org.plurigrid.console.maplayers.map.SupergridMapView;
import org.plurigrid.console.maplayers.map.SupergridMapViewModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Map benchmark (issue 4), 1280×800 (Monocle's headless screen size): a generated supergrid of ~10,000 buses, ~15,000 branches and 100,000 DERs on the
 * supergrid map, headless (Monocle, software rendering). Frame time = applying the frame's change (camera, or the
 * telemetry of one frame through {@link GridTelemetryOverlay}) plus CSS, layout and rendering the whole view to an
 * image, measured on the FX thread. Compared with the same map without grid data. Also times the power flow of the
 * demo and of the large grid. Prints the figures and writes {@code bench/target/map-bench.json}. Figures, not
 * assertions.
 * <p>
 * Run: {@code java -cp <bench classpath> org.plurigrid.console.bench.map.MapBench [frames]}
 */
public final class MapBench {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final int VALUES_PER_SECOND = 50_000;
    private static final int FPS = 60;
    private static final int DERS = 100_000;
    /** 85 copies of IEEE 118: ~10,000 buses and ~16,000 branches. */
    private static final int COPIES_OF_118 = 85;

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final int frames;
    private final int copies;
    private final int pulseFrames;

    private MapBench(int frames, int copies, int pulseFrames) {
        this.frames = frames;
        this.copies = copies;
        this.pulseFrames = pulseFrames;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/plurigrid/console/bench/map/map-bench-logback.xml");
        }
        headless();
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : COPIES_OF_118;
        int pulseFrames = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        new MapBench(frames, copies, pulseFrames).run();
        Platform.exit();
        System.exit(0);
    }

    /** Monocle headless with the software pipeline and its default 1280×800 screen, unless the caller chose otherwise. */
    private static void headless() {
        BenchFx.configureHeadless(null);
    }

    private void run() throws Exception {
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "prism", System.getProperty("prism.order")));

        long t0 = System.nanoTime();
        Network demo = DemoSupergrid.build();
        results.put("demoBuildMs", ms(System.nanoTime() - t0));
        results.put("demoPowerFlow", timePowerFlow(demo, 5));

        t0 = System.nanoTime();
        Network large = LargeSupergrid.build(copies);
        results.put("largeBuildMs", ms(System.nanoTime() - t0));
        results.put("largePowerFlow", timePowerFlow(large, 3));
        PowerFlowResult flow = new PowerFlowRunner().run(large);
        GridSnapshot grid = withDers(new GridSnapshotFactory().snapshot(large, flow, Instant.now()), DERS);
        results.put("largeGrid", Map.of("buses", grid.buses().size(), "branches", grid.branches().size(),
                "substations", grid.substations().size(), "ders", grid.ders().size(), "areas", grid.areas().size()));
        System.out.printf(Locale.ROOT, "large grid: %d buses, %d branches, %d substations, %d DERs%n",
                grid.buses().size(), grid.branches().size(), grid.substations().size(), grid.ders().size());
        demo = null;
        large = null;

        startFx();
        Fx fx = onFx(() -> new Fx(grid));
        // Warm up the tile cache and the JIT over the same camera path both runs use.
        fx.panZoom(fx.empty, Math.max(30, frames / 2));
        fx.panZoom(fx.full, Math.max(30, frames / 2));
        onFx(() -> {
            System.out.printf(Locale.ROOT, "grid view %s, map %s, drawn %d%n", fx.full.getLayoutBounds(),
                    fx.full.mapView().getLayoutBounds(), fx.full.layer().drawnElements());
            return null;
        });
        String only = System.getProperty("mapbench.only", "");
        String hide = System.getProperty("mapbench.hide", ""); // e.g. "lines,ders": where does a frame's time go?
        onFx(() -> {
            fx.fullVm.areasVisibleProperty().set(!hide.contains("areas"));
            fx.fullVm.linesVisibleProperty().set(!hide.contains("lines"));
            fx.fullVm.dersVisibleProperty().set(!hide.contains("ders"));
            fx.fullVm.substationsVisibleProperty().set(!hide.contains("substations"));
            return null;
        });
        if (only.equals("pan")) { // for profiling one scenario
            System.out.println("pan: " + fx.pulses(fx.full, pulseFrames, fx.fullPanZoom()).json());
            return;
        }
        if (only.equals("updates") || only.equals("drift")) { // for profiling one scenario
            fx.fixedCamera();
            if (only.equals("drift")) {
                fx.reseed();
            }
            Pulses p = fx.pulses(fx.full, pulseFrames, only.equals("drift") ? fx.driftFrames() : fx.telemetryFrames());
            System.out.println(only + ": " + p.json());
            return;
        }
        // Headline: the live pulse, as the operator sees it (change in an AnimationTimer, CSS, layout, render).
        fx.pulses(fx.empty, Math.max(30, frames / 2), fx.emptyPanZoom());
        fx.pulses(fx.full, Math.max(30, frames / 2), fx.fullPanZoom());
        Pulses emptyPanPulse = fx.pulses(fx.empty, pulseFrames, fx.emptyPanZoom());
        Pulses gridPanPulse = fx.pulses(fx.full, pulseFrames, fx.fullPanZoom());
        fx.fixedCamera();
        Pulses emptyStaticPulse = fx.pulses(fx.empty, pulseFrames, i -> { });
        Pulses gridUpdatePulse = fx.pulses(fx.full, pulseFrames, fx.telemetryFrames());
        results.put("pulsePanZoomEmptyMap", emptyPanPulse.json());
        results.put("pulsePanZoomGridMap", gridPanPulse.json());
        results.put("pulseStaticEmptyMap", emptyStaticPulse.json());
        results.put("pulseUpdates50kPerSecondGridMap", gridUpdatePulse.json());
        // The same rate with values that drift as live telemetry does (a random walk of about 1 % of range per
        // update) instead of jumping anywhere in 0-110 %: most updates then leave each line in its band.
        fx.reseed();
        Pulses gridDriftPulse = fx.pulses(fx.full, pulseFrames, fx.driftFrames());
        results.put("pulseDrift50kPerSecondGridMap", gridDriftPulse.json());
        results.put("pulseRatioP99PanZoom", round(gridPanPulse.p99Ms() / emptyPanPulse.p99Ms()));
        results.put("pulseRatioP99Updates", round(gridUpdatePulse.p99Ms() / emptyStaticPulse.p99Ms()));

        // Secondary: each frame rendered to an image with snapshot() (adds a full read-back of 1280x800 pixels).
        results.put("panZoomEmptyMap", stats(fx.panZoom(fx.empty, frames)));
        results.put("panZoomGridMap", stats(fx.panZoom(fx.full, frames)));
        results.put("staticEmptyMap", stats(fx.updates(fx.empty, frames, false)));
        results.put("updates50kPerSecondGridMap", stats(fx.updates(fx.full, frames, true)));
        results.put("valuesPerFrame", VALUES_PER_SECOND / FPS);
        results.put("updateFrameMeanSplitMs", Map.of("overlay", round(ms(fx.split[0] / frames)),
                "viewModelAndListeners", round(ms(fx.split[1] / frames)), "render", round(ms(fx.split[2] / frames))));
        System.out.println("update frame split (mean ms): " + results.get("updateFrameMeanSplitMs"));

        Map<?, ?> emptyPan = (Map<?, ?>) results.get("panZoomEmptyMap");
        Map<?, ?> gridPan = (Map<?, ?>) results.get("panZoomGridMap");
        Map<?, ?> gridUpd = (Map<?, ?>) results.get("updates50kPerSecondGridMap");
        Map<?, ?> emptyStatic = (Map<?, ?>) results.get("staticEmptyMap");
        results.put("ratioP99PanZoom", ratio(gridPan, emptyPan));
        results.put("ratioP99Updates", ratio(gridUpd, emptyStatic));
        print();
        Path out = Path.of("bench", "target");
        if (!Files.isDirectory(out)) {
            out = Path.of("target");
        }
        Files.createDirectories(out);
        savePng(fx.image, out.resolve("map-bench-large.png"));
        Files.writeString(out.resolve("map-bench.json"), json(results, 0) + "\n");
        System.out.println("wrote " + out.resolve("map-bench.json").toAbsolutePath());
    }

    private static double ratio(Map<?, ?> a, Map<?, ?> b) {
        return round((Double) a.get("p99Ms") / Math.max(1e-9, (Double) b.get("p99Ms")));
    }

    /** The JavaFX side: a map with the grid and a map with nothing on it, same size, same camera path. */
    private final class Fx {
        final Stage fullStage = new Stage();
        final Stage emptyStage = new Stage();
        final SupergridMapViewModel fullVm = new SupergridMapViewModel();
        final SupergridMapViewModel emptyVm = new SupergridMapViewModel();
        final SupergridMapView full;
        final SupergridMapView empty;
        final GridTelemetryOverlay overlay;
        final WritableImage image = new WritableImage(WIDTH, HEIGHT);
        final PointId[] points;
        final SplittableRandom random = new SplittableRandom(7);
        /** Where an update frame's time goes: overlay (apply + frame), view-model and view listeners, rendering. */
        final long[] split = new long[3];

        Fx(GridSnapshot grid) {
            fullVm.update(grid);
            fullVm.flowAnimationProperty().set(false);
            emptyVm.update(GridSnapshot.empty(Instant.now()));
            emptyVm.flowAnimationProperty().set(false);
            full = new SupergridMapView(fullVm);
            empty = new SupergridMapView(emptyVm);
            overlay = new GridTelemetryOverlay(grid);
            // One window per map, each shown from the start (a view first attached later does not lay its map out).
            emptyStage.setScene(new Scene(empty, WIDTH, HEIGHT));
            emptyStage.show();
            fullStage.setScene(new Scene(full, WIDTH, HEIGHT));
            fullStage.show();
            // The points a live EMS and fleet would send: branch loadings, bus voltages, DER powers.
            List<PointId> ids = new ArrayList<>();
            for (GridBranch b : grid.branches()) {
                ids.add(new PointId("g", "ems", b.id(), GridPoints.BRANCH_LOADING));
            }
            for (GridBus b : grid.buses()) {
                ids.add(new PointId("g", "ems", b.id(), GridPoints.BUS_V));
            }
            for (GridDer d : grid.ders()) {
                int slash = d.id().indexOf('/');
                ids.add(new PointId("g", d.id().substring(0, slash), d.id().substring(slash + 1), GridPoints.DER_POWER));
            }
            points = ids.toArray(PointId[]::new);
        }

        /**
         * The live scene's frame times: {@code change} runs in an {@link AnimationTimer} at the start of every pulse,
         * then JavaFX does CSS, layout (the layer redraws its canvas) and renders on its render thread, as it does
         * for the operator. A frame is the interval from one pulse to the next (the next cannot start its render
         * before this one's is done), after {@code n / 10} unmeasured pulses. The FX-thread part of each pulse
         * (change + CSS + layout) is recorded too; the rest of the interval is rendering or waiting for the vsync.
         */
        Pulses pulses(SupergridMapView view, int n, java.util.function.IntConsumer change) throws Exception {
            CompletableFuture<Pulses> done = new CompletableFuture<>();
            int warmup = Math.max(5, n / 10);
            long[] intervals = new long[n];
            long[] fxWork = new long[n];
            Scene scene = view.getScene();
            long[] pulseStart = {0};
            int[] index = {-warmup - 1};
            int[] repaints = {0, 0, 0};
            Runnable postLayout = () -> {
                int i = index[0];
                if (i >= 0 && i < n && pulseStart[0] != 0) {
                    fxWork[i] = System.nanoTime() - pulseStart[0];
                }
            };
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    int i = index[0];
                    if (i >= 0) {
                        intervals[i] = t - pulseStart[0];
                    }
                    i = ++index[0];
                    if (i >= n) {
                        stop();
                        scene.removePostLayoutPulseListener(postLayout);
                        done.complete(new Pulses(intervals, fxWork, view.layer().lineRedraws() - repaints[0],
                                view.layer().staticRedraws() - repaints[1], view.layer().lineTileRepaints() - repaints[2],
                                view.layer().lineTileCount()));
                        return;
                    }
                    if (i == 0) {
                        repaints[0] = view.layer().lineRedraws();
                        repaints[1] = view.layer().staticRedraws();
                        repaints[2] = view.layer().lineTileRepaints();
                    }
                    pulseStart[0] = t;
                    change.accept(i + warmup);
                }
            };
            onFx(() -> {
                scene.addPostLayoutPulseListener(postLayout);
                timer.start();
                return null;
            });
            return done.get(10, TimeUnit.MINUTES);
        }

        java.util.function.IntConsumer emptyPanZoom() {
            return i -> camera(emptyVm, i);
        }

        java.util.function.IntConsumer fullPanZoom() {
            return i -> camera(fullVm, i);
        }

        /** A lap around the country every 300 pulses (5 s at 60 Hz), zooming between 7.5 and 10.5: a steady drag. */
        private void camera(SupergridMapViewModel vm, int i) {
            double a = 2 * Math.PI * i / 300;
            vm.zoomProperty().set(9 + 1.5 * Math.sin(3 * a));
            vm.centerLatProperty().set(52.25 + 0.9 * Math.sin(a));
            vm.centerLonProperty().set(5.3 + 1.2 * Math.cos(a));
        }

        void fixedCamera() throws Exception {
            onFx(() -> {
                for (SupergridMapViewModel vm : List.of(fullVm, emptyVm)) {
                    vm.zoomProperty().set(9);
                    vm.centerLatProperty().set(52.1);
                    vm.centerLonProperty().set(5.2);
                }
                return null;
            });
            Thread.sleep(500);
        }

        /** Current value per point for the drift scenario, seeded from one uniform batch per point. */
        private double[] drift;

        void reseed() {
            drift = new double[points.length];
            for (int i = 0; i < points.length; i++) {
                drift[i] = uniform(points[i]);
            }
        }

        /** Each pulse moves 50,000/60 values by a small random step from where they are. */
        java.util.function.IntConsumer driftFrames() {
            return i -> {
                int size = VALUES_PER_SECOND / FPS;
                List<Measurement> batch = new ArrayList<>(size);
                Instant now = Instant.now();
                for (int k = 0; k < size; k++) {
                    int p = random.nextInt(points.length);
                    double range = switch (points[p].metric()) {
                        case GridPoints.BRANCH_LOADING -> 110;
                        case GridPoints.BUS_V -> 0.1;
                        default -> 300;
                    };
                    drift[p] += (random.nextDouble() - 0.5) * 0.02 * range;
                    batch.add(new Measurement(points[p], drift[p], now, Quality.GOOD, ""));
                }
                overlay.apply(batch);
                overlay.frame().ifPresent(f -> fullVm.applyFrame(f.snapshot(), f.qualityChanges()));
            };
        }

        private double uniform(PointId p) {
            return switch (p.metric()) {
                case GridPoints.BRANCH_LOADING -> random.nextDouble() * 110;
                case GridPoints.BUS_V -> 0.95 + random.nextDouble() * 0.1;
                default -> random.nextDouble() * 300;
            };
        }

        /** Each pulse brings 50,000/60 fresh telemetry values through the overlay into the view-model. */
        java.util.function.IntConsumer telemetryFrames() {
            return i -> {
                List<Measurement> batch = randomBatch(VALUES_PER_SECOND / FPS);
                overlay.apply(batch);
                overlay.frame().ifPresent(f -> fullVm.applyFrame(f.snapshot(), f.qualityChanges()));
            };
        }

        private List<Measurement> randomBatch(int size) {
            List<Measurement> batch = new ArrayList<>(size);
            Instant now = Instant.now();
            for (int k = 0; k < size; k++) {
                PointId p = points[random.nextInt(points.length)];
                double v = switch (p.metric()) {
                    case GridPoints.BRANCH_LOADING -> random.nextDouble() * 110;
                    case GridPoints.BUS_V -> 0.95 + random.nextDouble() * 0.1;
                    default -> random.nextDouble() * 300;
                };
                batch.add(new Measurement(p, v, now, Quality.GOOD, ""));
            }
            return batch;
        }

        /** Frame times (ns) while the camera pans around the country and zooms between 7.5 and 10.5. */
        long[] panZoom(SupergridMapView view, int n) throws Exception {
            SupergridMapViewModel vm = view == full ? fullVm : emptyVm;
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / n;
                double lat = 52.25 + 0.9 * Math.sin(a);
                double lon = 5.3 + 1.2 * Math.cos(a);
                double zoom = 9 + 1.5 * Math.sin(3 * a);
                out[i] = onFx(() -> {
                    long t = System.nanoTime();
                    vm.zoomProperty().set(zoom);
                    vm.centerLatProperty().set(lat);
                    vm.centerLonProperty().set(lon);
                    view.snapshot(new SnapshotParameters(), image);
                    return System.nanoTime() - t;
                });
            }
            return out;
        }

        /** Frame times (ns) at a fixed camera while each frame brings 50,000/60 telemetry values (or nothing). */
        long[] updates(SupergridMapView view, int n, boolean withTelemetry) throws Exception {
            onFx(() -> {
                SupergridMapViewModel vm = view == full ? fullVm : emptyVm;
                vm.zoomProperty().set(9);
                vm.centerLatProperty().set(52.1);
                vm.centerLonProperty().set(5.2);
                return null;
            });
            int perFrame = VALUES_PER_SECOND / FPS;
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                List<Measurement> batch = withTelemetry ? randomBatch(perFrame) : List.of();
                out[i] = onFx(() -> {
                    long t = System.nanoTime();
                    if (withTelemetry) {
                        overlay.apply(batch);
                        var frame = overlay.frame();
                        long t1 = System.nanoTime();
                        frame.ifPresent(f -> fullVm.applyFrame(f.snapshot(), f.qualityChanges()));
                        long t2 = System.nanoTime();
                        split[0] += t1 - t;
                        split[1] += t2 - t1;
                    }
                    long t3 = System.nanoTime();
                    view.snapshot(new SnapshotParameters(), image);
                    long end = System.nanoTime();
                    if (withTelemetry) {
                        split[2] += end - t3;
                    }
                    return end - t;
                });
            }
            return out;
        }
    }

    /** Pulse-to-pulse intervals and the FX-thread part of each pulse, in ns. */
    private record Pulses(long[] intervals, long[] fxWork, int lineRepaints, int staticRepaints, int tileRepaints,
                          int tiles) {

        double p99Ms() {
            return (Double) stats(intervals).get("p99Ms");
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>(stats(intervals));
            long over33 = Arrays.stream(intervals).filter(v -> v > 33_000_000L).count();
            long over100 = Arrays.stream(intervals).filter(v -> v > 100_000_000L).count();
            m.put("framesOver33Ms", over33);
            m.put("framesOver100Ms", over100);
            double seconds = Arrays.stream(intervals).sum() / 1e9;
            m.put("framesPerSecond", round(intervals.length / seconds));
            Map<String, Object> fx = stats(fxWork);
            m.put("fxThreadP50Ms", fx.get("p50Ms"));
            m.put("fxThreadP99Ms", fx.get("p99Ms"));
            m.put("lineCanvasRepaints", lineRepaints);
            m.put("areaAndSymbolCanvasRepaints", staticRepaints);
            m.put("lineTilesRepaintedPerFrame", round((double) tileRepaints / intervals.length));
            m.put("lineTiles", tiles);
            return m;
        }
    }

    /** The last rendered frame of the large grid, to check by eye what was measured. */
    private static void savePng(WritableImage fx, Path file) throws java.io.IOException {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        javafx.scene.image.PixelReader r = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(img, "png", file.toFile());
    }

    private static Map<String, Object> timePowerFlow(Network n, int runs) {
        PowerFlowRunner runner = new PowerFlowRunner();
        double[] ac = new double[runs];
        PowerFlowResult last = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            last = runner.run(n);
            ac[i] = ms(System.nanoTime() - t);
        }
        double[] dc = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            LoadFlow.find("OpenLoadFlow").run(n, new LoadFlowParameters().setDc(true));
            dc[i] = ms(System.nanoTime() - t);
        }
        Arrays.sort(ac);
        Arrays.sort(dc);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buses", n.getBusView().getBusStream().count());
        m.put("branches", n.getBranchCount());
        m.put("acMedianMs", round(ac[runs / 2]));
        m.put("acMinMs", round(ac[0]));
        m.put("acResult", last.mode() + " " + last.status() + " (" + last.message() + ", " + last.iterations() + " it.)");
        m.put("dcMedianMs", round(dc[runs / 2]));
        System.out.printf(Locale.ROOT, "power flow %s: %d buses, AC (runner) median %.0f ms [%s], DC median %.0f ms%n",
                n.getId(), n.getBusView().getBusStream().count(), ac[runs / 2], m.get("acResult"), dc[runs / 2]);
        return m;
    }

    /** Adds {@code count} DERs (ids {substation}/{type}-{NNNN}) spread over the substations with a position. */
    private static GridSnapshot withDers(GridSnapshot s, int count) {
        List<GridSubstation> placed = s.substations().stream().filter(GridSubstation::hasPosition).toList();
        DerType[] types = DerType.values();
        SplittableRandom r = new SplittableRandom(11);
        List<GridDer> ders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GridSubstation sub = placed.get(i % placed.size());
            DerType type = types[(i / placed.size()) % types.length];
            String id = String.format("%s/%s-%04d", sub.id(), type.prefix(), i / placed.size() + 1);
            double cap = 5 + r.nextDouble() * 300;
            ders.add(new GridDer(id, type, sub.id(), DerPlacement.around(sub.position(), id), cap, cap * 0.4));
        }
        return new GridSnapshot(s.networkId(), s.time(), s.areas(), s.substations(), s.buses(), s.branches(), ders,
                s.powerFlow());
    }

    private static Map<String, Object> stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frames", sorted.length);
        m.put("p50Ms", round(ms(sorted[sorted.length / 2])));
        m.put("p99Ms", round(ms(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)])));
        m.put("maxMs", round(ms(sorted[sorted.length - 1])));
        m.put("meanMs", round(ms((long) Arrays.stream(sorted).average().orElse(0))));
        return m;
    }

    private void print() {
        System.out.println("--- map benchmark (" + WIDTH + "x" + HEIGHT + ", live pulses: change + CSS/layout + render) ---");
        for (String k : List.of("pulsePanZoomEmptyMap", "pulsePanZoomGridMap", "pulseStaticEmptyMap",
                "pulseUpdates50kPerSecondGridMap", "pulseDrift50kPerSecondGridMap")) {
            Map<?, ?> m = (Map<?, ?>) results.get(k);
            System.out.printf(Locale.ROOT, "%-32s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  fx p99 %6.1f ms  >33ms %s  (%s frames)%n",
                    k, m.get("p50Ms"), m.get("p99Ms"), m.get("maxMs"), m.get("fxThreadP99Ms"), m.get("framesOver33Ms"),
                    m.get("frames"));
        }
        System.out.printf(Locale.ROOT, "pulse p99 grid/empty: pan+zoom %.2fx, updates %.2fx%n",
                results.get("pulseRatioP99PanZoom"), results.get("pulseRatioP99Updates"));
        System.out.println("--- map benchmark (" + WIDTH + "x" + HEIGHT + ", frame = change + CSS/layout/render to an image) ---");
        for (String k : List.of("panZoomEmptyMap", "panZoomGridMap", "staticEmptyMap", "updates50kPerSecondGridMap")) {
            Map<?, ?> m = (Map<?, ?>) results.get(k);
            System.out.printf(Locale.ROOT, "%-28s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%s frames)%n", k,
                    m.get("p50Ms"), m.get("p99Ms"), m.get("maxMs"), m.get("frames"));
        }
        System.out.printf(Locale.ROOT, "p99 grid/empty: pan+zoom %.2fx, updates %.2fx%n", results.get("ratioP99PanZoom"),
                results.get("ratioP99Updates"));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String json(Object o, int indent) {
        String pad = "  ".repeat(indent + 1);
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(pad).append('"').append(e.getKey()).append("\": ").append(json(e.getValue(), indent + 1));
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            return sb.append("  ".repeat(indent)).append('}').toString();
        }
        if (o instanceof Number) {
            return o.toString();
        }
        return '"' + String.valueOf(o).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void startFx() throws InterruptedException {
        BenchFx.start();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        return BenchFx.onFx(java.time.Duration.ofSeconds(120), work);
    }
}
