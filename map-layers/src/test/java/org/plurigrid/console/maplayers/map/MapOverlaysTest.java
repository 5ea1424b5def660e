package org.plurigrid.console.maplayers.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;

import com.powsybl.iidm.network.Network;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.assets.AssetRef;
import org.plurigrid.console.client.assets.MapMark;
import org.plurigrid.console.client.assets.MapOverlayMarks;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.maplayers.layers.MarksLayer;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

/**
 * A plugin's overlay on the map: its marks drawn and picked, its legend switch, a failed one said in the legend, a
 * mark's detail or the asset it stands for selected, and the context menu offering actions on what is under the pointer.
 */
@ExtendWith(FxPlatformExtension.class)
class MapOverlaysTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static GridSnapshot snapshot;
    private static GridSubstation sub;
    private static Stage stage;
    private static SupergridMapView view;
    private static SupergridMapViewModel vm;
    private static final List<AssetRef> menuAskedFor = new ArrayList<>();

    @BeforeAll
    static void showTheMap() throws Exception {
        Network n = DemoSupergrid.build();
        snapshot = new GridSnapshotFactory().snapshot(n, new PowerFlowRunner().run(n), Instant.now());
        sub = snapshot.substations().stream().filter(s -> s.id().startsWith("gelderland-")).findFirst().orElseThrow();
        onFx(() -> {
            vm = new SupergridMapViewModel();
            vm.update(snapshot);
            vm.flowAnimationProperty().set(false);
            view = new SupergridMapView(vm);
            view.setAssetMenu(a -> {
                menuAskedFor.add(a);
                return List.of(new javafx.scene.control.SeparatorMenuItem(), new MenuItem("Meter history"));
            }, new javafx.beans.property.SimpleStringProperty(""));
            stage = new Stage();
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
            vm.zoomProperty().set(11);
            vm.centerLatProperty().set(sub.position().lat());
            vm.centerLonProperty().set(sub.position().lon());
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

    @BeforeEach
    void meters() throws Exception {
        onFx(() -> {
            vm.clearSelection();
            vm.overlays().hidden().clear();
            vm.showOverlay(new MapOverlayMarks("acme/meters", "ACME meters", List.of(
                    new MapMark("at-sub", sub.position().lat(), sub.position().lon() + 0.01, "Meter at " + sub.id(),
                            MapMark.Status.ALARM, Optional.of(new AssetRef(AssetRef.Kind.SUBSTATION, sub.id()))),
                    new MapMark("field", sub.position().lat() + 0.01, sub.position().lon() - 0.01, "Field meter 7",
                            MapMark.Status.ATTENTION)), Instant.now(), ""));
            return null;
        });
        await(() -> view.marksLayer().drawn().size() == 2);
    }

    @Test
    void theMarksAreDrawnAndAClickSelectsTheMarkOrTheAssetItStandsFor() throws Exception {
        click(drawn("field"));
        AssetDetail d = onFx(() -> vm.detailProperty().get());
        assertThat(d.title()).isEqualTo("Field meter 7");
        assertThat(d.value("Layer")).contains("ACME meters");
        assertThat(d.value("Status")).contains("Needs attention");
        assertThat(onFx(() -> vm.selectedIdProperty().get())).isNull();

        click(drawn("at-sub"));
        assertThat(onFx(() -> vm.selectedIdProperty().get())).isEqualTo(sub.id());
        assertThat(onFx(() -> vm.detailProperty().get().title())).isNotEqualTo("Meter at " + sub.id());

        save("map-plugin-marks.png");
    }

    @Test
    void theLegendSwitchesALayerOffAndSaysWhyAFailedOneIsEmpty() throws Exception {
        click(drawn("field"));
        onFx(() -> {
            CheckBox box = (CheckBox) view.lookup("#layer-plugin-acme-meters");
            assertThat(box.getText()).isEqualTo("ACME meters (2)");
            // new marks update the count in place: the switch under the operator's pointer is not replaced
            vm.showOverlay(new MapOverlayMarks("acme/meters", "ACME meters", List.of(new MapMark("field",
                    sub.position().lat() + 0.01, sub.position().lon() - 0.01, "Field meter 7", MapMark.Status.NORMAL)),
                    Instant.now(), ""));
            assertThat(view.lookup("#layer-plugin-acme-meters")).isSameAs(box);
            assertThat(box.getText()).isEqualTo("ACME meters (1)");
            box.setSelected(false);
            return null;
        });
        await(() -> view.marksLayer().drawn().isEmpty());
        assertThat(onFx(() -> vm.detailProperty().get())).as("a hidden mark is no longer selected").isNull();

        onFx(() -> {
            vm.showOverlay(new MapOverlayMarks("acme/meters", "ACME meters", List.of(), Instant.now(),
                    "plugin 'ACME' is disabled: it took longer than 1000 ms for the marks of 'ACME meters'"));
            CheckBox box = (CheckBox) view.lookup("#layer-plugin-acme-meters");
            assertThat(box.isDisabled()).isTrue();
            assertThat(view.lookup("#map-legend-plugins").lookupAll(".label").stream().map(l -> ((Label) l).getText()))
                    .anyMatch(t -> t.contains("took longer than 1000 ms"));
            return null;
        });
    }

    @Test
    void theContextMenuOffersActionsOnTheAssetUnderThePointer() throws Exception {
        menuAskedFor.clear();
        Point2D p = drawn("at-sub");
        onFx(() -> {
            Point2D scene = view.marksLayer().localToScene(p);
            Event.fireEvent(view.mapView(), new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                    scene.getY(), 100, 100, false, null));
            return null;
        });
        assertThat(menuAskedFor).containsExactly(new AssetRef(AssetRef.Kind.SUBSTATION, sub.id()));

        menuAskedFor.clear();
        Point2D field = drawn("field");
        onFx(() -> {
            Point2D scene = view.marksLayer().localToScene(field);
            Event.fireEvent(view.mapView(), new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                    scene.getY(), 100, 100, false, null));
            return null;
        });
        assertThat(menuAskedFor).as("a mark that stands for nothing has no actions").isEmpty();
    }

    private static Point2D drawn(String markId) throws Exception {
        MarksLayer.Drawn d = onFx(() -> view.marksLayer().drawn().stream().filter(x -> x.mark().id().equals(markId))
                .findFirst().orElseThrow());
        return d.head();
    }

    private static void click(Point2D layerPoint) throws Exception {
        onFx(() -> {
            Point2D scene = view.marksLayer().localToScene(layerPoint);
            Node target = view.mapView();
            Point2D local = target.sceneToLocal(scene);
            Event.fireEvent(target, new MouseEvent(MouseEvent.MOUSE_CLICKED, local.getX(), local.getY(), scene.getX(),
                    scene.getY(), MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false,
                    true, null));
            return null;
        });
    }

    private static void await(Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(50);
        }
    }

    private static void save(String file) throws Exception {
        Thread.sleep(1500); // basemap tiles arrive on a background pool
        WritableImage fx = onFx(() -> view.snapshot(null, null));
        BufferedImage out = new BufferedImage((int) fx.getWidth(), (int) fx.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader r = fx.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", SHOTS.resolve(file).toFile());
    }
}
