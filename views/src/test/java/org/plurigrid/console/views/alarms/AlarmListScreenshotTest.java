package org.plurigrid.console.views.alarms;

import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;
import static org.plurigrid.console.views.common.TestImages.toBuffered;
import static org.plurigrid.console.views.common.TestImages.countPixels;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.alarms.AlarmKey;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

/**
 * Renders the banner and the alarm list during a flood on the devnet's default rules and saves
 * {@code target/screenshots/alarm-list-flood.png} (and the journal) for people to look at.
 */
@ExtendWith(FxPlatformExtension.class)
class AlarmListScreenshotTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    /** About twenty alarms within a few minutes: the kind of burst a feeder trip gives. */
    private static AlarmScenario flood() {
        AlarmScenario s = AlarmScenario.withDefaultRules();
        for (int i = 1; i <= 3; i++) {
            s.voltage("zeeland", "zeeland-sub-0" + i, 1.11 + i * 0.01).after(Duration.ofSeconds(1));
        }
        s.voltage("groningen", "groningen-sub-04", 0.88);
        s.send(PointId.nodeMetric("cg-utrecht", "utrecht-sub-02", "Substation/ActivePower"), 655, "kW", Quality.GOOD);
        s.after(Duration.ofSeconds(12));
        s.send(PointId.nodeMetric("cg-utrecht", "utrecht-sub-06", "Substation/Voltage"), 1.01, "pu", Quality.STALE);
        s.soc("brabant", "brabant-sub-03", "bat-0012", 8).soc("brabant", "brabant-sub-03", "bat-0031", 3);
        for (String m : new String[]{"bdSeq", "Substation/Voltage", "Substation/ActivePower"}) {
            s.send(PointId.nodeMetric("cg-friesland", "friesland-sub-07", m), 0, "", Quality.COMMS_LOST);
        }
        s.soc("friesland", "friesland-sub-07", "bat-0002", 2); // under the dead node: suppressed
        s.send(new PointId("cg-gelderland", "gelderland-sub-05", "wind-0003", "Alarm/Overspeed"), 1, "", Quality.GOOD);
        for (int i = 1; i <= 6; i++) { // the evening peak empties batteries across one substation
            s.soc("brabant", "brabant-sub-05", "bat-%04d".formatted(40 + i), 9 - i);
        }
        s.after(Duration.ofSeconds(35));
        s.voltage("zeeland", "zeeland-sub-01", 1.0); // returns to normal, still unacknowledged
        s.after(Duration.ofSeconds(12));
        s.voltage("gelderland", "gelderland-sub-02", 0.93);
        s.voltage("groningen", "groningen-sub-09", 1.06);
        s.after(Duration.ofSeconds(11));
        s.engine.acknowledge(new AlarmKey("substation-voltage-ll", "cg-groningen/groningen-sub-04/Substation/Voltage"),
                "anna", "field crew informed");
        s.engine.acknowledge(new AlarmKey("battery-soc-l", "cg-brabant/brabant-sub-03/bat-0012/StateOfCharge"), "anna", "");
        s.engine.shelve(new AlarmKey("substation-voltage-h", "cg-groningen/groningen-sub-09/Substation/Voltage"), "anna",
                "tap changer under test", Duration.ofHours(1));
        return s;
    }

    @Test
    void snapshotOfTheAlarmListDuringAFlood() throws Exception {
        AlarmScenario s = flood();
        assertThat(s.engine.inFlood()).as("the scenario is a flood").isTrue();

        AlarmListViewModel list = new AlarmListViewModel(s.engine, s.engine, s.clock, "anna");
        AlarmBannerViewModel bannerVm = new AlarmBannerViewModel(s.engine);
        RepeatingAnnunciator horn = new RepeatingAnnunciator(AlarmSound.SILENT, s.clock, Duration.ofSeconds(10));

        BufferedImage image = onFx(() -> {
            list.onFrame();
            bannerVm.onFrame();
            horn.onFrame(list.countsProperty().get());
            AlarmBanner banner = new AlarmBanner(bannerVm, horn, ZoneOffset.UTC);
            AlarmListView view = new AlarmListView(list, ZoneOffset.UTC);
            VBox.setVgrow(view, Priority.ALWAYS);
            VBox root = new VBox(banner, view);
            assertThat(banner.isFloodBannerShown()).isTrue();
            assertThat(banner.headlineText()).contains("zeeland-sub-03").contains("Busbar voltage very high");
            assertThat(banner.countText(AlarmPriority.CRITICAL)).isEqualTo("3/4");
            return render(root, 1500, 640);
        });
        save(image, "alarm-list-flood.png");

        assertThat(list.rows()).hasSizeGreaterThan(10);
        assertThat(countPixels(image, 0xd0, 0x02, 0x1b)).as("red of the priority-1 marks").isGreaterThan(50);
        assertThat(countPixels(image, 0x9b, 0x30, 0xb8)).as("purple of the priority-4 marks").isGreaterThan(50);
    }

    @Test
    void snapshotOfTheJournal() throws Exception {
        AlarmScenario s = flood();
        AlarmJournalViewModel vm = new AlarmJournalViewModel(s.engine.journal());
        BufferedImage journal = onFx(() -> {
            vm.onFrame();
            return render(new AlarmJournalView(vm, ZoneOffset.UTC), 1500, 520);
        });
        save(journal, "alarm-journal.png");
        assertThat(Files.size(SHOTS.resolve("alarm-journal.png"))).isGreaterThan(10_000);
    }

    /** On the FX thread: lays out and snapshots {@code root} in a scene of the given size. */
    private static BufferedImage render(Parent root, int w, int h) {
        Scene scene = new Scene(root, w, h);
        scene.getStylesheets().add(Objects.requireNonNull(
                AlarmListScreenshotTest.class.getResource("alarm-test-palette.css")).toExternalForm());
        root.applyCss();
        root.layout();
        WritableImage snap = root.snapshot(null, null);
        return toBuffered(snap);
    }

    private static void save(BufferedImage img, String file) throws IOException {
        Files.createDirectories(SHOTS);
        ImageIO.write(img, "png", SHOTS.resolve(file).toFile());
    }


}
