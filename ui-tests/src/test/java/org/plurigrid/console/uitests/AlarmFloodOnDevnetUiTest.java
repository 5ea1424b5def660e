package org.plurigrid.console.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.uitests.ConsoleOnDevnet.fx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.app.ConsoleApplication;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmKey;
import org.plurigrid.console.client.alarms.AlarmKind;
import org.plurigrid.console.client.alarms.AlarmState;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.client.alarms.JournalEvent;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.devnet.Devnet;
import org.plurigrid.console.devnet.fleet.EdgeNode;
import org.plurigrid.console.maplayers.map.SupergridMapViewModel;
import org.plurigrid.console.views.alarms.AlarmBanner;
import org.plurigrid.console.views.alarms.AlarmListView;
import org.plurigrid.console.views.alarms.AlarmMark;
import org.plurigrid.console.views.alarms.AlarmRow;
import org.plurigrid.console.views.points.PointRow;
import org.plurigrid.console.views.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A bad day on the devnet: a dozen substation gateways lose their MQTT link at once. The console raises one
 * comms-loss alarm per gateway, floods (more than 10 alarms in 10 minutes) and says so in the banner; the operator
 * acknowledges the page; the point table and the map grey the dead nodes' data without blanking it; when the
 * gateways come back every alarm returns to normal and the journal holds each alarm's whole story. Screenshots go to
 * target/screenshots/alarms-e2e (a folder of its own: the other UI test class clears the top folder when it starts).
 */
class AlarmFloodOnDevnetUiTest {

    private static final long LIVE_WITHIN_SECONDS = 30;
    private static final int DROPPED_NODES = 12;
    /** Long enough for the 5 s on-delay, the flood and three screenshots on a busy 2-core machine. */
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String SHOTS = "alarms-e2e/";
    private static ConsoleApplication app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startConsole() throws Exception {
        app = ConsoleOnDevnet.launch(Path.of("target", "ui-home-alarms"));
    }

    @AfterAll
    static void stopConsole() throws Exception {
        ConsoleOnDevnet.stop(app);
    }

    @Test
    void droppedGatewaysFloodTheAlarmListGreyTheirDataAndReturnToNormalWhenBack() throws Exception {
        MainWindow window = app.window();
        app.started().get(60, TimeUnit.SECONDS);
        Devnet devnet = app.devnet().orElseThrow();
        AlarmEngine engine = app.alarmEngine();
        List<EdgeNode> dropped = devnet.fleet().edgeNodes().subList(0, DROPPED_NODES);
        assertThat(devnet.fleet().edgeNodes()).as("enough gateways to flood").hasSizeGreaterThan(DROPPED_NODES);
        Set<String> droppedIds = dropped.stream().map(EdgeNode::nodeId).collect(Collectors.toSet());

        // Live first: every gateway's data GOOD in the point table.
        @SuppressWarnings("unchecked")
        TableView<PointRow> points = (TableView<PointRow>) window.lookup("#point-table");
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> points.getItems().stream()
                .filter(r -> droppedIds.contains(r.node())).map(PointRow::node).distinct().count() == DROPPED_NODES));
        assertThat(fx(() -> engine.inFlood())).as("no flood before the fault").isFalse();
        long journalBefore = engine.journal().lastSequence();

        // The fault: a dozen gateways crash their MQTT links; the broker publishes their NDEATH wills.
        dropped.forEach(n -> n.dropConnection(OUTAGE));
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> commsLossAlarms(engine, droppedIds).size() == DROPPED_NODES);
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, engine::inFlood);

        // The alarm list during the flood, banner visible, one row with a priority mark per dead gateway.
        robot.clickOn("#nav-alarms");
        AlarmBanner banner = (AlarmBanner) robot.lookup(n -> n instanceof AlarmBanner).query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(banner::isFloodBannerShown));
        AlarmListView list = robot.lookup(n -> n instanceof AlarmListView).queryAs(AlarmListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> rowsFor(list, droppedIds).size()) == DROPPED_NODES);
        List<Alarm> listed = fx(() -> rowsFor(list, droppedIds));
        assertThat(listed).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AlarmKind.COMMS_LOSS);
            assertThat(a.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        });
        assertThat(fx(() -> visibleMarks(list))).as("rendered priority marks").isNotEmpty()
                .allSatisfy(m -> assertThat(m.priority()).isNotNull());
        // Unacknowledged marks flash; take the picture in the bright phase so the marks read as they do on screen.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> visibleMarks(list).stream()
                .noneMatch(m -> m.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("dim")))));
        Screenshots.save(window, SHOTS + "alarms-flood");

        // Acknowledge the page with the button, as the operator does in a flood.
        Button ackPage = robot.lookup(n -> n instanceof Button b && "Ack page".equals(b.getText())).queryButton();
        robot.clickOn(ackPage);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> commsLossAlarms(engine, droppedIds).values().stream()
                .allMatch(a -> a.state() == AlarmState.ACKNOWLEDGED));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> rowsFor(list, droppedIds)).stream()
                .allMatch(a -> a.state() == AlarmState.ACKNOWLEDGED));

        // The point table filtered to one dead gateway: every value still shown, greyed as lost or stale.
        String node = dropped.getFirst().nodeId();
        robot.clickOn("#nav-overview");
        TableView<PointRow> table = robot.lookup("#point-table").queryTableView();
        TextField filter = robot.lookup("#point-filter").query();
        // group/node/ — the grid EMS also names devices after substations (cg-x/x-ems/x-sub-01/…), which stay live
        String prefix = dropped.getFirst().groupId() + "/" + node + "/";
        WaitForAsyncUtils.asyncFx(() -> filter.setText(prefix)).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(r -> r.node().equals(node) && notLive(r.qualityProperty().get()))));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> rendered = fx(() -> renderedRows(table));
        assertThat(rendered).as("rendered rows of %s", node).isNotEmpty().allSatisfy(r -> {
            assertThat(r).as("greyed by quality").containsAnyOf(":stale", ":comms-lost");
            assertThat(r).as("value and quality never blank").doesNotContain("|value=|").doesNotContain("|quality=|");
        });
        Screenshots.save(window, SHOTS + "points-stale");
        WaitForAsyncUtils.asyncFx(() -> filter.setText("")).get();

        // The map: the dead substations greyed.
        robot.clickOn("#nav-map");
        SupergridMapViewModel map = app.mapViewModel().orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> droppedIds.stream().allMatch(map::isStale)));
        assertThat(fx(() -> map.quality(dropped.get(1).nodeId()))).isIn(Quality.COMMS_LOST, Quality.STALE);
        // Fly to a dead substation and open its detail, as "show on map" would.
        assertThat(fx(() -> map.search(node))).isPresent();
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // let tiles and the layer draw
        Screenshots.save(window, SHOTS + "map-stale");
        WaitForAsyncUtils.asyncFx(map::clearSelection).get();
        assertThat(dropped).as("still in the outage while the screenshots were taken")
                .noneMatch(EdgeNode::isOnline);

        // The gateways come back: births, data GOOD, every comms-loss alarm returns to normal and leaves the list.
        WaitForAsyncUtils.waitFor(OUTAGE.toSeconds() + LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> dropped.stream().allMatch(EdgeNode::isOnline));
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> commsLossAlarms(engine, droppedIds).isEmpty());
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> droppedIds.stream()
                .allMatch(id -> map.quality(id) == Quality.GOOD)));
        robot.clickOn("#nav-alarms");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> rowsFor(list, droppedIds)).isEmpty());

        // The journal tells each alarm's story in order, with no sequence number missing.
        List<JournalEntry> journal = engine.journal().since(journalBefore);
        for (int i = 1; i < journal.size(); i++) {
            assertThat(journal.get(i).sequence()).as("gap-free journal").isEqualTo(journal.get(i - 1).sequence() + 1);
        }
        Map<AlarmKey, List<JournalEvent>> stories = journal.stream()
                .filter(e -> e.key().isPresent() && e.key().get().ruleId().equals("edge-node-comms-loss"))
                .filter(e -> droppedIds.stream().anyMatch(id -> e.source().contains(id)))
                .collect(Collectors.groupingBy(e -> e.key().orElseThrow(),
                        Collectors.mapping(JournalEntry::event, Collectors.toList())));
        assertThat(stories).hasSize(DROPPED_NODES);
        assertThat(stories.values()).allSatisfy(events -> assertThat(events)
                .containsSubsequence(JournalEvent.RAISED, JournalEvent.ACKNOWLEDGED, JournalEvent.RETURNED_TO_NORMAL));
        assertThat(journal).extracting(JournalEntry::event).contains(JournalEvent.FLOOD_STARTED);
    }

    /** Active comms-loss alarms of the given gateways, by gateway id (engine state, any thread). */
    private static Map<String, Alarm> commsLossAlarms(AlarmEngine engine, Set<String> nodes) {
        return engine.active().stream()
                .filter(a -> a.kind() == AlarmKind.COMMS_LOSS && nodes.contains(a.point().node()))
                .collect(Collectors.toMap(a -> a.point().node(), a -> a, (a, b) -> a));
    }

    /** Alarms of the given gateways as rows of the alarm list (FX thread). */
    private static List<Alarm> rowsFor(AlarmListView list, Set<String> nodes) {
        return list.table().getItems().stream().map(AlarmRow::alarm)
                .filter(a -> nodes.contains(a.point().node())).toList();
    }

    private static List<AlarmMark> visibleMarks(AlarmListView list) {
        return list.table().lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<?>) n).filter(r -> r.getItem() != null)
                .flatMap(r -> r.lookupAll(".alarm-mark").stream())
                .filter(n -> n instanceof AlarmMark && n.isVisible()).map(n -> (AlarmMark) n).toList();
    }

    /** Each rendered (non-empty) row as "pseudo-classes|value=..|quality=..|" (FX thread). */
    private static List<String> renderedRows(TableView<PointRow> table) {
        return table.lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<?>) n).filter(r -> r.getItem() != null && !r.isEmpty())
                .map(r -> r.getPseudoClassStates().stream().map(p -> ":" + p.getPseudoClassName())
                        .collect(Collectors.joining()) + "|value=" + cellText(r, "col-value")
                        + "|quality=" + cellText(r, "col-quality") + "|")
                .toList();
    }

    private static String cellText(TableRow<?> row, String columnId) {
        for (Node n : row.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())) {
                return c.getText() == null ? "" : c.getText().strip();
            }
        }
        return "";
    }

    private static boolean notLive(Quality q) {
        return q == Quality.COMMS_LOST || q == Quality.STALE;
    }

}
