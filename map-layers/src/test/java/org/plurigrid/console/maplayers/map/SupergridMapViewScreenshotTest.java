package org.plurigrid.console.maplayers.map;

import com.powsybl.iidm.network.Network;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;

/** Headless (Monocle) check of the map view on the demo supergrid; saves screenshots to target/screenshots. */
@ExtendWith(FxPlatformExtension.class)
class SupergridMapViewScreenshotTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static GridSnapshot snapshot;
    private static Stage stage;
    private static SupergridMapView view;
    private static SupergridMapViewModel vm;

    @BeforeAll
    static void startFxAndShowTheMap() throws Exception {
        Network n = DemoSupergrid.build();
        var flow = new PowerFlowRunner().run(n);
        snapshot = new GridSnapshotFactory().snapshot(n, flow, Instant.now());
        onFx(() -> {
            vm = new SupergridMapViewModel();
            vm.update(snapshot);
            vm.flowAnimationProperty().set(false); // a still picture, so the test can tell when tiles have arrived
            view = new SupergridMapView(vm);
            stage = new Stage();
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
            return null;
        });
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void close() throws Exception {
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void showsTheWholeSupergridAtCountryZoom() throws Exception {
        BufferedImage img = shoot(52.25, 5.35, 7.6, "map-z07-netherlands.png");

        // six community grids at the fleet's scale: 30 substations, 56 branches, 360 DERs (clustered at this zoom)
        assertThat(onFx(() -> view.layer().drawnElements())).isGreaterThan(30);
        assertThat(share(img, 0xFFD9D9D6)).as("land pixels").isGreaterThan(0.05);
        assertThat(distinctGreys(img)).isGreaterThan(3); // basemap land/sea/borders arrived, not a blank canvas
    }

    @Test
    void showsSubstationLabelsAndClustersAtRegionZoom() throws Exception {
        onFx(() -> {
            vm.updateAlarms(java.util.Map.of("gelderland-sub-01", 1, "gelderland-sub-02", 2, "gelderland-sub-03", 3,
                    "gelderland-hv", 4));
            return null;
        });
        shoot(51.99, 5.90, 11, "map-z11-gelderland-alarms.png");

        int drawn = onFx(() -> view.layer().drawnElements());
        // Gelderland and its neighbours' ties: five substations, their cables and 60 DERs
        assertThat(drawn).isGreaterThanOrEqualTo(40);
        // redraw cost of this view, for the report (not asserted as a timing)
        double ms = onFx(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                view.layer().setFlowPhase(i);
            }
            return (System.nanoTime() - t0) / 20 / 1e6;
        });
        System.out.printf("map layer redraw at zoom 11: %.1f ms for %d elements%n", ms, drawn);
        onFx(() -> {
            vm.updateAlarms(java.util.Map.of());
            return null;
        });
    }

    @Test
    void clickingALineOpensItsFlowInTheDetailPane() throws Exception {
        // the most loaded long line inside Gelderland (the planned grid keeps it well below amber)
        GridBranch line = snapshot.branches().stream()
                .filter(b -> b.id().startsWith("gelderland-") && !b.interconnector() && b.hasPath()
                        && b.path().get(0).distanceKm(b.path().get(1)) > 3)
                .max(java.util.Comparator.comparingDouble(GridBranch::loadingPercent)).orElseThrow();
        var mid = new org.plurigrid.console.client.grid.GeoPoint(
                (line.path().get(0).lat() + line.path().get(1).lat()) / 2, (line.path().get(0).lon() + line.path().get(1).lon()) / 2);
        shoot(mid.lat(), mid.lon(), 12.5, "tmp.png");

        onFx(() -> {
            Point2D p = view.layer().screenPointOf(line.id()).orElseThrow();
            Point2D scene = view.layer().localToScene(p);
            Node target = view.mapView();
            Point2D local = target.sceneToLocal(scene);
            Event.fireEvent(target, new MouseEvent(MouseEvent.MOUSE_CLICKED, local.getX(), local.getY(), scene.getX(),
                    scene.getY(), MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false,
                    true, null));
            return null;
        });
        BufferedImage img = shoot(mid.lat(), mid.lon(), 12.5, "map-z12-selected-line.png", true);
        Files.deleteIfExists(SHOTS.resolve("tmp.png"));

        AssetDetail d = onFx(() -> vm.detailProperty().get());
        assertThat(d).isNotNull();
        assertThat(d.id()).isEqualTo(line.id());
        assertThat(d.value("Active power")).hasValueSatisfying(v -> assertThat(v).endsWith("MW"));
        assertThat(img.getWidth()).isEqualTo(1280);
    }

    @Test
    void liveValuesRepaintOnlyWhatChangedOnScreen() throws Exception {
        shoot(52.0, 5.9, 10, "tmp-repaint.png");
        Files.deleteIfExists(SHOTS.resolve("tmp-repaint.png"));
        int[] start = repaintCounters();

        // every loading nudged but left in its band: nothing on screen changes, so nothing is repainted
        applyAndWaitForPulse(withLoadings(b -> {
            double nudged = b.loadingPercent() * 0.9999;
            return org.plurigrid.console.maplayers.layers.LoadingBand.of(nudged, false)
                    == org.plurigrid.console.maplayers.layers.LoadingBand.of(b.loadingPercent(), false)
                    ? nudged : b.loadingPercent();
        }));
        int[] nudged = repaintCounters();
        assertThat(nudged[0]).as("line repaints").isEqualTo(start[0]);
        assertThat(nudged[1]).as("area/symbol repaints").isEqualTo(start[1]);
        assertThat(nudged[2]).as("geometry builds").isEqualTo(start[2]);

        // one visible line pushed into overload: the lines are repainted, areas and symbols are not
        String visibleLine = onFx(() -> snapshot.branches().stream()
                .filter(b -> b.loadingPercent() < 80 && view.layer().screenPointOf(b.id()).isPresent())
                .findFirst().orElseThrow().id());
        applyAndWaitForPulse(withLoadings(b -> b.id().equals(visibleLine) ? 120.0 : b.loadingPercent()));
        int[] overloaded = repaintCounters();
        assertThat(overloaded[0]).as("line repaints").isGreaterThan(nudged[0]);
        // ... and only the tiles under that line, not all of them
        assertThat(overloaded[3] - nudged[3]).as("line tiles repainted").isBetween(1, 4);
        assertThat(overloaded[4]).as("line tiles").isGreaterThan(20);
        assertThat(overloaded[1]).as("area/symbol repaints").isEqualTo(nudged[1]);
        assertThat(overloaded[2]).as("geometry builds").isEqualTo(nudged[2]);

        // the camera moves: everything is repainted, still on the same geometry
        shoot(52.05, 5.95, 10, "tmp-repaint.png");
        Files.deleteIfExists(SHOTS.resolve("tmp-repaint.png"));
        int[] moved = repaintCounters();
        assertThat(moved[1]).as("area/symbol repaints").isGreaterThan(overloaded[1]);
        assertThat(moved[3] - overloaded[3]).as("line tiles repainted").isGreaterThanOrEqualTo(overloaded[4]);
        assertThat(moved[2]).as("geometry builds").isEqualTo(overloaded[2]);
        applyAndWaitForPulse(snapshot);
    }

    private static int[] repaintCounters() throws Exception {
        return onFx(() -> new int[]{view.layer().lineRedraws(), view.layer().staticRedraws(),
            view.layer().geometryBuilds(), view.layer().lineTileRepaints(), view.layer().lineTileCount()});
    }

    private static void applyAndWaitForPulse(GridSnapshot next) throws Exception {
        onFx(() -> {
            vm.update(next);
            return null;
        });
        Thread.sleep(250); // a few pulses: the layer lays itself out on the next one
        onFx(() -> null);
    }

    /** The same model (same paths and positions) with other loadings, as a telemetry frame would bring. */
    private static GridSnapshot withLoadings(java.util.function.ToDoubleFunction<GridBranch> loading) {
        java.util.List<GridBranch> branches = snapshot.branches().stream().map(b -> new GridBranch(b.id(), b.name(),
                b.kind(), b.substation1Id(), b.substation2Id(), b.path(), b.nominalKv(), b.p1Mw(), b.q1Mvar(),
                b.currentA(), b.limitA(), loading.applyAsDouble(b), b.interconnector(), b.connected())).toList();
        return new GridSnapshot(snapshot.networkId(), Instant.now(), snapshot.areas(), snapshot.substations(),
                snapshot.buses(), branches, snapshot.ders(), snapshot.powerFlow());
    }

    private static BufferedImage shoot(double lat, double lon, double zoom, String file) throws Exception {
        return shoot(lat, lon, zoom, file, false);
    }

    private static BufferedImage shoot(double lat, double lon, double zoom, String file, boolean keepSelection)
            throws Exception {
        onFx(() -> {
            if (!keepSelection) {
                vm.clearSelection();
            }
            vm.zoomProperty().set(zoom);
            vm.centerLatProperty().set(lat);
            vm.centerLonProperty().set(lon);
            return null;
        });
        // tiles render on a background pool and arrive through Platform.runLater: wait until the picture is stable
        BufferedImage img = toAwt(onFx(() -> view.snapshot(null, null)));
        long previous = fingerprint(img);
        long deadline = System.nanoTime() + 15_000_000_000L;
        int stableFrames = 0;
        while (System.nanoTime() < deadline && stableFrames < 2) {
            Thread.sleep(300);
            img = toAwt(onFx(() -> view.snapshot(null, null)));
            long f = fingerprint(img);
            stableFrames = f == previous ? stableFrames + 1 : 0;
            previous = f;
        }
        ImageIO.write(img, "png", SHOTS.resolve(file).toFile());
        return img;
    }

    private static long fingerprint(BufferedImage img) {
        long h = 1125899906842597L;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                h = 31 * h + img.getRGB(x, y);
            }
        }
        return h;
    }

    private static double share(BufferedImage img, int argb) {
        int n = 0;
        int total = 0;
        for (int y = 0; y < img.getHeight(); y += 5) {
            for (int x = 0; x < img.getWidth(); x += 5) {
                total++;
                if (img.getRGB(x, y) == argb) {
                    n++;
                }
            }
        }
        return n / (double) total;
    }

    private static int distinctGreys(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static BufferedImage toAwt(WritableImage fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        return out;
    }
}
