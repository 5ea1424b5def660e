package org.plurigrid.console.views.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.views.common.Points.power;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;
import org.plurigrid.console.views.common.TestClock;
import org.plurigrid.console.views.common.Theme;
import org.plurigrid.console.views.overview.OverviewView;
import org.plurigrid.console.views.overview.OverviewViewModel;
import org.plurigrid.console.views.points.PointTableViewModel;

/**
 * The theme's abnormal states in one picture (active alarms of every priority, a lost broker, points of every
 * quality), saved to views/target/screenshots for a human to check; it also checks that degraded rows are marked.
 */
@ExtendWith(FxThreadExtension.class)
class AbnormalStatesScreenshotTest {

    @Test
    void marksDegradedRowsAndShowsAbnormalStatesInColour() throws Exception {
        TestClock clock = TestClock.at("2026-11-25T12:00:00Z");
        StatusBarViewModel status = new StatusBarViewModel(() -> List.of(
                new ConnectionStatus("devnet", "tcp://127.0.0.1:1883", ConnectionState.CONNECTED, 0, ""),
                new ConnectionStatus("site-b", "tcp://10.1.2.3:1883", ConnectionState.RECONNECTING, 4, "refused")),
                clock, ZoneId.of("Europe/Amsterdam"));
        OverviewViewModel overview = new OverviewViewModel(new PointTableViewModel(clock),
                () -> new SupergridSummary(1830, 1210, 0.58, 34, 5, 812, 4), clock);
        MainWindow window = new MainWindow(List.of(new NavigationEntry("overview", "Overview", () -> new OverviewView(overview)),
                NavigationEntry.placeholder("map", "Map", "x")), status);
        Scene scene = new Scene(window, 1440, 900);
        Theme.apply(scene);

        overview.onFrame(new ChangeSet(List.of(
                power("cg-groningen", "groningen-sub-01", "load-0001", 41.5, Quality.GOOD),
                power("cg-groningen", "groningen-sub-01", "pv-0002", 5.2, Quality.STALE),
                power("cg-groningen", "groningen-sub-01", "wind-0003", 812.0, Quality.BAD),
                power("cg-groningen", "groningen-sub-02", "bat-0004", -3.5, Quality.COMMS_LOST),
                power("cg-groningen", "groningen-sub-02", "ev-0005", 7.4, Quality.GOOD)),
                new TelemetryStats(5000, 5, Map.of("not-protobuf", 3L, "seq-gap", 1L), 812, 2, 3)));
        status.refresh();
        window.applyCss();
        window.layout();

        List<String> marks = window.lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<?>) n).filter(r -> r.getItem() != null)
                .map(r -> r.getPseudoClassStates().toString()).toList();
        assertThat(String.join(" ", marks)).contains("stale").contains("bad").contains("comms-lost");

        WritableImage image = window.snapshot(null, null);
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        PixelReader px = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(out, "png", dir.resolve("abnormal-states.png").toFile());
    }
}
