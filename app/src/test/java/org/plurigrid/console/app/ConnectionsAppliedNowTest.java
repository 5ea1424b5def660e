package org.plurigrid.console.app;

import org.plurigrid.console.app.telemetry.LiveTelemetryStartup;
import org.plurigrid.console.app.telemetry.ConsoleConnections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.runOnFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.config.BrokerEntry;
import org.plurigrid.console.client.config.ConsoleConfig;
import org.plurigrid.console.client.config.ConsoleConfigWriter;
import org.plurigrid.console.client.config.StoredSecret;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.MqttVersion;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;
import org.plurigrid.console.testsupport.mqtt.MosquittoBroker;
import org.plurigrid.console.views.connections.ConnectionsBackend;

/**
 * The whole console (headless) on a broker from console.json; saving other brokers through the Connections backend
 * restarts telemetry at once, and the status bar shows the new connection.
 */
@ExtendWith(FxPlatformExtension.class)
class ConnectionsAppliedNowTest {

    @TempDir
    Path home;

    private static BrokerEntry broker(String origin, String name, int port) {
        return new BrokerEntry(origin, name, "tcp://127.0.0.1:" + port, MqttVersion.V5, "", Duration.ofSeconds(30), true,
                BrokerConfig.DEFAULT_SESSION_EXPIRY, "", StoredSecret.none(), Optional.empty(), List.of("spBv1.0/#"), "");
    }

    @Test
    void savedBrokersAreConnectedWithoutARestart() throws Exception {
        MosquittoBroker.assumeInstalled();
        MosquittoBroker mosquitto = MosquittoBroker.start(home.resolve("mosquitto"));
        int port = mosquitto.port();
        ConsoleApplication app = null;
        try {
            new ConsoleConfigWriter(home).writeBrokers(List.of(broker("", "first", port)));
            ConsoleOptions options = ConsoleOptions.defaults(home).withConfig(ConsoleConfig.load(home));
            ConsoleApplication started = new ConsoleApplication(options, LiveTelemetryStartup.create(Clock.systemUTC()),
                    Clock.systemUTC());
            app = started;
            runOnFx(() -> started.start(new Stage()));
            started.started().get(20, TimeUnit.SECONDS);
            awaitStatus(started, "first");
            assertThat(onFx(() -> started.window().lookup("#status-connections-edit"))).as("Connections… command").isNotNull();

            ConsoleConnections connections = new ConsoleConnections(home, started::applyConnections, Clock.systemUTC(),
                    Duration.ofSeconds(5));
            ConnectionsBackend.Outcome outcome = connections.save(List.of(broker("first", "co-op", port)));

            assertThat(outcome).isEqualTo(new ConnectionsBackend.Done("Saved; reconnecting to 1 broker."));
            awaitStatus(started, "co-op");
            saveStatusBar(started, Path.of("target", "screenshots", "status-bar-connections.png"));

            runOnFx(() -> ((javafx.scene.control.Button) started.window().lookup("#status-connections-edit")).fire());
            assertThat(awaitDialogBrokers()).as("the dialog lists the saved broker").containsExactly("co-op");
            runOnFx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(w -> w.getScene().lookup("#connections-view") != null)
                    .toList().forEach(javafx.stage.Window::hide));
        } finally {
            if (app != null) {
                app.shutdown().get(20, TimeUnit.SECONDS);
            }
            mosquitto.close();
        }
    }

    /** Waits until the status bar shows exactly one connection, named {@code name}. */
    private static void awaitStatus(ConsoleApplication app, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<String> shown = List.of();
        while (System.nanoTime() < deadline) {
            shown = onFx(() -> ((HBox) app.window().lookup("#status-connections")).getChildren().stream()
                    .map(n -> ((Label) n).getText()).toList());
            if (shown.size() == 1 && shown.getFirst().startsWith(name) && !shown.getFirst().contains("connecting")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status bar never showed only '" + name + "' connected; it shows " + shown);
    }

    /** The broker names in the open Connections dialog, once it has read the file. */
    @SuppressWarnings("unchecked")
    private static List<String> awaitDialogBrokers() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<String> names = onFx(() -> javafx.stage.Window.getWindows().stream()
                    .map(w -> w.getScene().lookup("#connections-list"))
                    .filter(java.util.Objects::nonNull)
                    .flatMap(l -> ((javafx.scene.control.ListView<Object>) l).getItems().stream().map(Object::toString))
                    .toList());
            if (!names.isEmpty()) {
                return names;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no Connections dialog with brokers appeared");
    }

    /** For people to look at: the status bar with the live connection and the Connections… command. */
    private static void saveStatusBar(ConsoleApplication app, Path file) throws Exception {
        javafx.scene.image.WritableImage snap = onFx(() -> app.window().lookup("#status-bar").snapshot(null, null));
        int w = (int) snap.getWidth();
        int h = (int) snap.getHeight();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, snap.getPixelReader().getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(img, "png", file.toFile());
    }
}
