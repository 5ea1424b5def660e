package org.plurigrid.console.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.uitests.ConsoleOnDevnet.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.app.ConsoleApplication;
import org.plurigrid.console.plugins.host.PluginState;
import org.plurigrid.console.plugins.manager.PluginManagerViewModel;
import org.plurigrid.console.views.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A third party's plugin dropped into {@code <home>/plugins}: the console loads it from the jar (it is not on the
 * class path), shows its view fed with live telemetry, and the plugin manager lists it beside a broken jar that was
 * refused by name while everything else carried on.
 */
class PluginsFromFolderUiTest {

    private static ConsoleApplication app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startWithAPluginsFolder() throws Exception {
        Path home = Path.of("target", "ui-home-plugins").toAbsolutePath();
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        try (var old = Files.list(plugins)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path sample = Path.of(System.getProperty("sample.plugin.jar", ""));
        assertThat(sample).as("the sample plugin jar (set by the build)").isRegularFile();
        Files.copy(sample, plugins.resolve("busiest-points.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(plugins.resolve("truncated.jar"), "PK\u0003\u0004 cut short");
        app = ConsoleOnDevnet.launch(home);
    }

    @AfterAll
    static void stop() throws Exception {
        ConsoleOnDevnet.stop(app);
    }

    @Test
    void loadsTheSamplePluginFromTheFolderAndListsTheBrokenJarAsRefused() throws Exception {
        assertThat(PluginsFromFolderUiTest.class.getClassLoader().getResource(
                "org/plurigrid/console/examples/busiest/BusiestPointsPlugin.class"))
                .as("the sample plugin must not be on the test class path").isNull();
        MainWindow window = app.window();
        assertThat(fx(window::entryIds)).contains("busiest-points", "plugins");

        robot.clickOn("#nav-busiest-points");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> {
            Node list = window.lookup("#busiest-points .list-view");
            return list instanceof ListView<?> l && !l.getItems().isEmpty();
        }));
        Screenshots.save(window, "plugins/01-busiest-points-from-folder");

        robot.clickOn("#nav-plugins");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<PluginManagerViewModel.Row> table = (TableView<PluginManagerViewModel.Row>) fx(() -> window.lookup(".plugin-manager .table-view"));
        List<PluginManagerViewModel.Row> rows = fx(() -> List.copyOf(table.getItems()));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.info().id()).isEqualTo("busiest-points");
            assertThat(r.info().state()).isEqualTo(PluginState.ENABLED);
            assertThat(r.info().source()).endsWith("busiest-points.jar");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.info().id()).isEqualTo("truncated.jar");
            assertThat(r.info().state()).isEqualTo(PluginState.REFUSED);
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.info().id()).isEqualTo("data-quality"));
        assertThat(rows).as("the JSON feed is a bundled plugin too").anySatisfy(r -> {
            assertThat(r.info().id()).isEqualTo("json-topics");
            assertThat(r.info().source()).isEqualTo("bundled");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.info().id()).isEqualTo("acme-site-meters");
            assertThat(r.info().state()).isEqualTo(PluginState.ENABLED);
        });
        Screenshots.save(window, "plugins/02-plugin-manager");
    }

    @Test
    void aDecoderPluginTurnsAVendorsTopicIntoPointsThatReachTheScreen() throws Exception {
        MainWindow window = app.window();
        assertThat(fx(window::entryIds)).as("a decoder-only plugin has no navigation entry").doesNotContain("acme-site-meters");
        String broker = app.started().get(60, TimeUnit.SECONDS).devnet().orElseThrow().mqttUri();
        org.eclipse.paho.mqttv5.client.MqttClient meter = new org.eclipse.paho.mqttv5.client.MqttClient(broker,
                "acme-meter-test", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        try {
            meter.connect();
            for (int i = 0; i < 20; i++) {
                meter.publish("acme/depot-7/meter", (System.currentTimeMillis() + "," + (10 + i % 7)).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), 0, false);
                Thread.sleep(50);
            }
            meter.disconnect();
        } finally {
            meter.close();
        }
        // The decoded point is in the Overview's point table like any other.
        robot.clickOn("#nav-overview");
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TextField) window.lookup("#point-filter")).setText("depot-7"))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> {
            Node table = window.lookup("#point-table");
            return table instanceof javafx.scene.control.TableView<?> t && t.getItems().size() == 1
                    && t.getItems().getFirst().toString().contains("acme/depot-7/Meter/ActivePower")
                    && t.getItems().getFirst().toString().contains("GOOD");
        }));
        Screenshots.save(window, "plugins/03-decoded-vendor-topic");
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TextField) window.lookup("#point-filter")).setText(""))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPluginsActionOnAPointRunsFromThePointTablesMenuAndShowsItsResult() throws Exception {
        MainWindow window = app.window();
        robot.clickOn("#nav-overview");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.lookupAll("#point-table .table-row-cell").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null)));
        Node row = fx(() -> window.lookupAll("#point-table .table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null).findFirst().orElseThrow());
        robot.clickOn(row);
        // Headless Monocle turns no secondary click into a context-menu request (a real window does: checked under
        // Xvfb); the request a right click makes is sent to the row as the platform would.
        javafx.geometry.Bounds b = fx(() -> row.localToScreen(row.getBoundsInLocal()));
        WaitForAsyncUtils.asyncFx(() -> row.fireEvent(new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 5, b.getMinX() + 20, b.getMinY() + 5,
                false, null))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Changes in the last minute");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            Node result = window.lookup("#point-action-result");
            return result instanceof javafx.scene.control.Label l && l.getText().contains("in the last minute");
        }));
        String text = fx(() -> ((javafx.scene.control.Label) window.lookup("#point-action-result")).getText());
        assertThat(text).matches(".+/.+ changed \\d+ times? in the last minute");
        assertThat(fx(() -> ClippedText.in(window))).as("nothing cut on the Overview").isEmpty();
        Screenshots.save(window, "plugins/04-asset-action-result");
    }

    @Test
    void aPluginsMapLayerShowsItsSitesAndTheirPointsActionsRunFromTheMap() throws Exception {
        MainWindow window = app.window();
        String broker = app.started().get(60, TimeUnit.SECONDS).devnet().orElseThrow().mqttUri();
        org.eclipse.paho.mqttv5.client.MqttClient meter = new org.eclipse.paho.mqttv5.client.MqttClient(broker,
                "acme-map-test", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        try {
            meter.connect();
            for (int i = 0; i < 5; i++) { // above Depot 7's contract limit of 25 kW
                meter.publish("acme/depot-7/meter", (System.currentTimeMillis() + ",30").getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), 0, false);
                Thread.sleep(50);
            }
            meter.disconnect();
        } finally {
            meter.close();
        }
        robot.clickOn("#nav-map");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.lookup(".supergrid-map") != null));
        org.plurigrid.console.maplayers.map.SupergridMapView map =
                fx(() -> (org.plurigrid.console.maplayers.map.SupergridMapView) window.lookup(".supergrid-map"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> map.marksLayer().drawn().stream()
                .anyMatch(d -> d.mark().label().equals("Depot 7 (Arnhem): 30.0 kW")
                        && d.mark().status() == org.plurigrid.console.client.assets.MapMark.Status.ALARM)));
        assertThat(fx(() -> ((javafx.scene.control.CheckBox) window.lookup("#layer-plugin-acme-site-meters-sites")).getText()))
                .isEqualTo("ACME sites (3)");
        Screenshots.save(window, "plugins/05-map-layer");

        // right click on the site's pin: the points' actions apply to the meter point it stands for
        var depot = fx(() -> map.marksLayer().drawn().stream().filter(d -> d.mark().id().equals("depot-7")).findFirst().orElseThrow());
        javafx.geometry.Point2D screen = fx(() -> map.marksLayer().localToScreen(depot.head()));
        javafx.geometry.Point2D scene = fx(() -> map.marksLayer().localToScene(depot.head()));
        WaitForAsyncUtils.asyncFx(() -> map.mapView().fireEvent(new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(), scene.getY(), screen.getX(),
                screen.getY(), false, null))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Changes in the last minute");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            Node result = window.lookup("#map-action-result");
            return result instanceof javafx.scene.control.Label l && l.getText().contains("in the last minute");
        }));
        assertThat(fx(() -> ((javafx.scene.control.Label) window.lookup("#map-action-result")).getText()))
                .startsWith("acme/depot-7/Meter/ActivePower changed");
        assertThat(fx(() -> ClippedText.in(window))).as("nothing cut on the map's panels").isEmpty();
        Screenshots.save(window, "plugins/06-map-action-result");
    }
}
