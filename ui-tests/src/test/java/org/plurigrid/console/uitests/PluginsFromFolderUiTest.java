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
            // Readings at 20 Hz for a few seconds: more changes than any devnet point, so the busiest-points view
            // (the sample's other plugin) ranks the decoded point first.
            for (int i = 0; i < 80; i++) {
                meter.publish("acme/depot-7/meter", (System.currentTimeMillis() + "," + (10 + i % 7)).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), 0, false);
                Thread.sleep(50);
            }
            meter.disconnect();
        } finally {
            meter.close();
        }
        robot.clickOn("#nav-busiest-points");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> {
            Node list = window.lookup("#busiest-points .list-view");
            return list instanceof ListView<?> l && l.getItems().stream().anyMatch(i -> i.toString().contains("depot-7"));
        }));
        Screenshots.save(window, "plugins/03-decoded-vendor-topic");
    }
}
