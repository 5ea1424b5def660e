package org.plurigrid.console.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.uitests.ConsoleOnDevnet.fx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.app.ConsoleApplication;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.devnet.fleet.EdgeNode;
import org.plurigrid.console.views.alarms.AlarmListView;
import org.plurigrid.console.views.alarms.AlarmRow;
import org.plurigrid.console.views.overview.OverviewView;
import org.plurigrid.console.views.shell.MainWindow;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12, the operator's replay flow on the devnet: the console records what it receives; a gateway drops its link
 * and its alarms are raised live; Replay opens this console's own recording, jumps to the recorded alarm and the
 * Alarms view shows it re-raised from recorded values; a step moves the play head; "Back to live" returns every view
 * to the live feed in one action. Screenshots under target/screenshots/replay/.
 */
class ReplayOnDevnetUiTest {

    private static final long WITHIN_SECONDS = 60;
    private static ConsoleApplication app;

    @BeforeAll
    static void startConsole() throws Exception {
        app = ConsoleOnDevnet.launch(Path.of("target", "ui-home-replay"));
    }

    @AfterAll
    static void stopConsole() throws Exception {
        ConsoleOnDevnet.stop(app);
    }

    @Test
    void recordAlarmReplayItReRaisedStepAndBackToLive() throws Exception {
        MainWindow window = app.window();
        OverviewView overview = (OverviewView) window.lookup("#overview-view");
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> overview.tileValue("tile-nodes") > 0));
        app.started().get(WITHIN_SECONDS, TimeUnit.SECONDS);

        // live: one gateway drops its link for a minute; its comms-loss alarm is raised and recorded
        EdgeNode gateway = app.devnet().orElseThrow().fleet().edgeNodes().getFirst();
        String node = gateway.nodeId();
        gateway.dropConnection(Duration.ofSeconds(60));
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> app.alarmEngine().active().stream()
                .anyMatch(a -> a.point().node().equals(node)));
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS); // the recorder writes about once a second
        select(window, "alarms");
        Screenshots.save(window, "replay/01-live-alarm");

        // replay this console's own recording, paused at its start
        select(window, "replay");
        fire(window, "#replay-open-current");
        Node banner = window.lookup("#replay-banner");
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(banner::isVisible));
        assertThat(fx(() -> ((Label) window.lookup("#replay-banner-text")).getText())).isNotBlank();
        Screenshots.save(window, "replay/02-opened");

        // jump to the recorded alarm: it is raised again, from the recorded values, in the Alarms view
        fire(window, "#replay-next-alarm");
        Label message = (Label) window.lookup("#replay-message");
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(message::getText).startsWith("Alarm raised at"));
        String headAtAlarm = fx(() -> ((Label) window.lookup("#replay-play-head")).getText());
        Screenshots.save(window, "replay/03-at-alarm");
        select(window, "alarms");
        AlarmListView list = fx(() -> (AlarmListView) window.lookupAll("*").stream()
                .filter(AlarmListView.class::isInstance).findFirst().orElseThrow());
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> !rowsOf(list, node).isEmpty());
        assertThat(fx(banner::isVisible)).as("the REPLAY banner stays while the alarms are looked at").isTrue();
        Screenshots.save(window, "replay/04-alarm-re-raised");

        // a step moves the play head by one second
        select(window, "replay");
        fire(window, "#replay-step-forward");
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> !fx(() -> ((Label) window.lookup("#replay-play-head")).getText()).equals(headAtAlarm));
        Screenshots.save(window, "replay/05-stepped");

        // export the period shown in the export fields (the whole recording when opened) as CSV and Parquet
        java.time.Instant exportFrom = java.time.Instant.from(org.plurigrid.console.views.replay.ReplayViewModel.PERIOD.parse(
                fx(() -> ((javafx.scene.control.TextField) window.lookup("#replay-export-from")).getText())));
        java.time.Instant exportTo = java.time.Instant.from(org.plurigrid.console.views.replay.ReplayViewModel.PERIOD.parse(
                fx(() -> ((javafx.scene.control.TextField) window.lookup("#replay-export-to")).getText()))).plusMillis(999);
        java.nio.file.Path csv = java.nio.file.Path.of("target", "replay-export.csv").toAbsolutePath();
        java.nio.file.Path parquet = java.nio.file.Path.of("target", "replay-export.parquet").toAbsolutePath();
        java.nio.file.Files.deleteIfExists(csv);
        java.nio.file.Files.deleteIfExists(parquet);
        long rows = app.replay().export(exportFrom, exportTo, csv.toString(),
                org.plurigrid.console.client.recording.RecordingReader.ExportFormat.CSV);
        assertThat(rows).as("values exported").isPositive();
        try (var lines = java.nio.file.Files.lines(csv)) {
            assertThat(lines.count()).as("header + one line per value").isEqualTo(rows + 1);
        }
        assertThat(app.replay().export(exportFrom, exportTo, parquet.toString(),
                org.plurigrid.console.client.recording.RecordingReader.ExportFormat.PARQUET)).isEqualTo(rows);
        assertThat(parquet).isNotEmptyFile();

        // two periods of one point over each other: the recording's first 5 s against the 5 s after
        fx(() -> {
            ((javafx.scene.control.TabPane) window.lookup("#replay-tabs")).getSelectionModel().select(1);
            return null;
        });
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> trendPoint = (javafx.scene.control.ComboBox<String>) window.lookup("#replay-trend-point");
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> trendPoint.getItems().size() > 100));
        String loadPoint = fx(() -> trendPoint.getItems().stream().filter(p -> p.endsWith("/ActivePower") && p.contains("/load-"))
                .findFirst().orElseThrow());
        String recordingStart = fx(() -> ((javafx.scene.control.TextField) window.lookup("#replay-export-from")).getText());
        java.time.Instant bStart = java.time.Instant.from(org.plurigrid.console.views.replay.ReplayViewModel.PERIOD.parse(recordingStart))
                .plusSeconds(5);
        fx(() -> {
            trendPoint.setValue(loadPoint);
            ((javafx.scene.control.TextField) window.lookup("#replay-trend-from-a")).setText(recordingStart);
            ((javafx.scene.control.TextField) window.lookup("#replay-trend-from-b")).setText(
                    org.plurigrid.console.views.replay.ReplayViewModel.PERIOD.format(bStart));
            ((javafx.scene.control.TextField) window.lookup("#replay-trend-minutes")).setText("1");
            return null;
        });
        fire(window, "#replay-trend-compare");
        Label trendMessage = (Label) window.lookup("#replay-trend-message");
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(trendMessage::getText).startsWith(loadPoint + " · A from"));
        @SuppressWarnings("unchecked")
        javafx.scene.chart.LineChart<Number, Number> chart = (javafx.scene.chart.LineChart<Number, Number>) window.lookup("#replay-trend-chart");
        assertThat(fx(() -> chart.getData().get(0).getData().size())).as("period A drawn").isGreaterThan(1);
        assertThat(fx(() -> chart.getData().get(1).getData().size())).as("period B drawn").isGreaterThan(1);
        assertThat(fx(trendMessage::getText)).doesNotContain("no GOOD value");
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        Screenshots.save(window, "replay/05b-two-periods");

        // back to live in one action: banner gone, the live feed and the live alarms shown again
        fire(window, "#replay-banner-live");
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> !fx(banner::isVisible));
        select(window, "alarms");
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> list.table().getItems().size())
                == app.alarmEngine().active().size());
        select(window, "overview");
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> overview.tileValue("tile-nodes") > 0));
        assertThat(fx(() -> ((Label) window.lookup("#replay-banner-text")).getText())).as("no replay left").isEmpty();
        Screenshots.save(window, "replay/06-back-to-live");
    }

    private static void select(MainWindow window, String id) throws Exception {
        fx(() -> {
            window.select(id);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fire(MainWindow window, String selector) throws Exception {
        WaitForAsyncUtils.waitFor(WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> !((Button) window.lookup(selector)).isDisabled()));
        fx(() -> {
            ((Button) window.lookup(selector)).fire();
            return null;
        });
    }

    private static List<Alarm> rowsOf(AlarmListView list, String node) throws Exception {
        return fx(() -> list.table().getItems().stream().map(AlarmRow::alarm)
                .filter(a -> a.point().node().equals(node)).toList());
    }
}
