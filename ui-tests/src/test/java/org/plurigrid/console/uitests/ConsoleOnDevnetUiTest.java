package org.plurigrid.console.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.uitests.ConsoleOnDevnet.fx;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.app.ConsoleApplication;
import org.plurigrid.console.app.governance.GovernanceWiring;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.maplayers.map.SupergridMapView;
import org.plurigrid.console.maplayers.map.SupergridMapViewModel;
import org.plurigrid.console.views.governance.SessionState;
import org.plurigrid.console.views.overview.OverviewView;
import org.plurigrid.console.views.points.PointRow;
import org.plurigrid.console.views.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The operator's first minute: the console starts on its own devnet, headless, shows live moving values, every view
 * of the navigation rail opens, and closing the window stops everything. Each view is saved as a PNG under
 * target/screenshots for a human to look at.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleOnDevnetUiTest {

    private static final long LIVE_WITHIN_SECONDS = 30;
    private static ConsoleApplication app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startConsole() throws Exception {
        Screenshots.clear();
        app = ConsoleOnDevnet.launch(Path.of("target", "ui-home"));
    }

    /** Safety net if a test failed before the window was closed: stop devnet, chain and telemetry anyway. */
    @AfterAll
    static void stopConsole() throws Exception {
        ConsoleOnDevnet.stop(app);
    }

    @Test
    @Order(1)
    void showsLiveMovingTelemetryAndOpensEveryViewOfTheRail() throws Exception {
        MainWindow window = app.window();
        assertThat(fx(() -> ((Label) window.lookup("#status-connections .connection")).getText()))
                .as("the window says what the connection is doing from the first moment").isNotBlank();

        OverviewView overview = (OverviewView) window.lookup("#overview-view");
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> overview.tileValue("tile-load") > 0 && overview.tileValue("tile-nodes") > 0));
        @SuppressWarnings("unchecked")
        TableView<PointRow> table = (TableView<PointRow>) window.lookup("#point-table");
        List<Double> before = fx(() -> firstValues(table));
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> !fx(() -> firstValues(table)).equals(before));
        assertThat(fx(() -> table.getItems().size())).isGreaterThan(100);
        double load = fx(() -> overview.tileValue("tile-load"));
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> overview.tileValue("tile-load")) != load);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);   // let the sparklines draw a little trend
        Screenshots.save(window, "01-overview");

        // The devnet chain starts beside the fleet; the status bar names it once it produces blocks.
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> ((Label) window.lookup("#status-chain")).getText()).contains("connected"));

        int n = 2;
        for (String id : window.entryIds()) {
            robot.clickOn("#nav-" + id);
            WaitForAsyncUtils.waitForFxEvents();
            if (id.equals("governance")) {
                WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                        () -> fx(() -> app.governance().map(g -> !g.proposals().proposals().isEmpty()).orElse(false)));
            }
            if (id.equals("map")) {
                // basemap tiles render on a background pool and arrive over a few pulses
                WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
            }
            assertThat(fx(() -> window.selectedProperty().get())).isEqualTo(id);
            Node view = fx(window::currentView);
            assertThat(view).as("view of " + id).isNotNull();
            assertThat(fx(view::isVisible)).isTrue();
            if (!id.equals("overview")) {
                Screenshots.save(window, String.format("%02d-%s", n++, id));
            }
        }

        // A video wall: a bigger window at display scale 1.5 (Ctrl + in the window, or --scale 1.5).
        robot.clickOn("#nav-overview");
        // Monocle's headless painter cannot follow a resize of a showing window: resize it hidden.
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.stage.Stage stage = (javafx.stage.Stage) window.getScene().getWindow();
            stage.hide();
            stage.setWidth(2160);
            stage.setHeight(1350);
            window.setUiScale(1.5);
            stage.show();
        }).get();
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        Screenshots.save(window, String.format("%02d-overview-video-wall-scale-1.5", n));
        WaitForAsyncUtils.asyncFx(() -> window.setUiScale(1.0)).get();
    }

    /**
     * An operator on the map: switch a layer off and on, search a substation, click a line and read its live flow in
     * the detail pane; screenshots at the supergrid, community-grid and street zoom levels.
     */
    @Test
    @Order(2)
    void mapTogglesLayersSearchesAndShowsALinesLiveFlow() throws Exception {
        MainWindow window = app.window();
        robot.clickOn("#nav-overview");
        WaitForAsyncUtils.waitForFxEvents();
        // every view-model takes every frame's changes, shown or not: the Overview keeps counting behind the map
        OverviewView overview = (OverviewView) fx(window::currentView);
        robot.clickOn("#nav-map");
        SupergridMapView view = (SupergridMapView) fx(window::currentView);
        SupergridMapViewModel vm = view.viewModel();
        // live EMS values arrive within a grid step or two of the devnet
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> vm.snapshotProperty().get() != null
                && vm.snapshotProperty().get().branches().stream().anyMatch(b -> vm.quality(b.id()) == Quality.GOOD)));

        // One set of numbers: the Overview's total load is the sum of the community grids the map shows (tens of MW)
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> {
            double areas = vm.snapshotProperty().get().substations().stream()
                    .filter(x -> x.areaId() != null).mapToDouble(GridSubstation::loadMw).sum();
            return Math.abs(overview.tileValue("tile-load") - areas) <= 0.01 * areas;
        }));
        assertThat(fx(() -> overview.tileValue("tile-load"))).as("Overview total load, MW").isBetween(5.0, 100.0);

        robot.clickOn("#layer-ders");
        assertThat(fx(() -> vm.dersVisibleProperty().get())).as("DER layer switched off").isFalse();
        robot.clickOn("#layer-ders");
        assertThat(fx(() -> vm.dersVisibleProperty().get())).isTrue();

        WaitForAsyncUtils.asyncFx(() -> {
            vm.zoomProperty().set(7.4);
            vm.centerLatProperty().set(52.3);
            vm.centerLonProperty().set(5.3);
        }).get();
        WaitForAsyncUtils.sleep(2500, TimeUnit.MILLISECONDS);
        Screenshots.save(window, "11-map-zoom-7-supergrid");

        robot.clickOn("#map-search").write("utrecht-sub-02").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "utrecht-sub-02".equals(fx(() -> vm.selectedIdProperty().get())));
        assertThat(fx(() -> vm.detailProperty().get().id())).isEqualTo("utrecht-sub-02");
        WaitForAsyncUtils.sleep(2500, TimeUnit.MILLISECONDS);
        Screenshots.save(window, "12-map-zoom-search-substation");

        // A loaded line inside Gelderland, clicked where the map draws it.
        GridBranch line = fx(() -> vm.snapshotProperty().get().branches().stream()
                .filter(b -> b.id().startsWith("gelderland-") && !b.interconnector() && b.hasPath()
                        && b.path().get(0).distanceKm(b.path().get(b.path().size() - 1)) > 3)
                .max(java.util.Comparator.comparingDouble(GridBranch::loadingPercent)).orElseThrow());
        GeoPoint a = line.path().get(0);
        GeoPoint b = line.path().get(line.path().size() - 1);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.clearSelection();
            vm.zoomProperty().set(12.5);
            vm.centerLatProperty().set((a.lat() + b.lat()) / 2);
            vm.centerLonProperty().set((a.lon() + b.lon()) / 2);
        }).get();
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        Point2D onScreen = fx(() -> view.layer().localToScreen(view.layer().screenPointOf(line.id()).orElseThrow()));
        robot.moveTo(onScreen).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> line.id().equals(fx(() -> vm.selectedIdProperty().get())));
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> vm.detailProperty().get() != null
                && vm.detailProperty().get().value("Active power").map(v -> v.endsWith("MW")).orElse(false)
                && vm.detailProperty().get().quality() == Quality.GOOD));
        WaitForAsyncUtils.sleep(2500, TimeUnit.MILLISECONDS);
        Screenshots.save(window, "13-map-zoom-12-line-flow");
    }

    /**
     * A governance participant's vote: unlock the devnet demo key with its password, open a proposal in its voting
     * period, vote yes, read exactly what will be signed, sign, and see it included and the tally move.
     */
    @Test
    @Order(3)
    void unlockVoteAndSeeItIncludedAndTheTallyChange() throws Exception {
        MainWindow window = app.window();
        robot.clickOn("#nav-governance");
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> app.governance().map(g -> !g.proposals().proposals().isEmpty()
                        && g.session().accounts().stream().anyMatch(a -> a.name().equals("alice"))).orElse(false)));
        GovernanceWiring gov = app.governance().orElseThrow();

        WaitForAsyncUtils.asyncFx(() -> gov.session().choose(gov.session().accounts().stream()
                .filter(a -> a.name().equals("alice")).findFirst().orElseThrow())).get();
        robot.clickOn("#session-password").write("not-the-password");
        robot.clickOn("#session-unlock");
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> gov.session().messageProperty().get()).toLowerCase().contains("wrong password"));
        assertThat(fx(() -> gov.session().stateProperty().get())).isEqualTo(SessionState.LOCKED);

        robot.clickOn("#session-password").write("devnet-demo");
        robot.clickOn("#session-unlock");
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> gov.session().stateProperty().get()) == SessionState.UNLOCKED);

        ProposalSummary open = fx(() -> gov.proposals().proposals().stream().filter(ProposalSummary::open)
                .findFirst().orElseThrow());
        BigInteger yesBefore = open.tally().yes();
        WaitForAsyncUtils.asyncFx(() -> gov.proposals().select(open)).get();
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> gov.proposals().canVoteProperty().get()));

        robot.clickOn("#vote-yes");
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> gov.proposals().pendingProperty().get()) != null);
        String shown = fx(() -> gov.proposals().confirmationProperty().get());
        assertThat(shown).as("what you see is what you sign").contains("plurigrid-devnet-1").contains("MsgVote").contains("Fee:");
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        Screenshots.save(window, "09-governance-confirm-vote");

        robot.clickOn("#confirm-sign");
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> gov.proposals().progressProperty().get()).contains("included at height"));
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> fx(() -> {
            gov.proposals().refresh();
            return gov.proposals().proposals().stream().filter(p -> p.id() == open.id()).findFirst()
                    .map(p -> p.tally().yes().compareTo(yesBefore) > 0).orElse(false);
        }));
        // The own vote as the chain has it, and the outcome in sight without scrolling.
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> gov.proposals().myVoteProperty().get()).equals("alice voted yes"));
        javafx.scene.Node outcome = robot.lookup("#vote-progress").query();
        assertThat(fx(() -> {
            javafx.geometry.Bounds b = outcome.localToScene(outcome.getBoundsInLocal());
            return outcome.isVisible() && b.getMinY() >= 0 && b.getMaxY() <= outcome.getScene().getHeight();
        })).as("inclusion outcome inside the window").isTrue();
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        Screenshots.save(window, "10-governance-vote-included");

        // the vote is in the recording with its hash and height (a chain marker on the replay timeline)
        WaitForAsyncUtils.waitFor(LIVE_WITHIN_SECONDS, TimeUnit.SECONDS, () -> {
            try (var reader = app.recording().open(app.recording().currentFile().orElseThrow())) {
                return reader.events(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60)).stream()
                        .anyMatch(e -> e.kind() == org.plurigrid.console.client.recording.RecordedEvent.EventKind.CHAIN_TX
                                && e.subject().equals("governance MsgVote") && e.detail().contains("\"proposal_id\":\"" + open.id() + "\"")
                                && e.txHash().length() == 64 && e.height() > 0);
            }
        });
    }

    /**
     * Last, because the platform does not come back after it exits (surefire forks a JVM per class): closing the
     * window the way an operator does returns at once and stops telemetry, devnet, chain and map off the FX thread.
     */
    @Test
    @Order(4)
    void closingTheWindowStopsEverythingOffTheFxThread() throws Exception {
        app.started().get(60, TimeUnit.SECONDS);
        Window window = fx(() -> app.window().getScene().getWindow());

        long t0 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST))).get();
        long fxBusyMs = (System.nanoTime() - t0) / 1_000_000;
        app.shutdown().get(30, TimeUnit.SECONDS);

        assertThat(fxBusyMs).as("the close request returns at once; stopping happens off the FX thread").isLessThan(1000);
        assertThat(window.isShowing()).isFalse();
    }

    private static List<Double> firstValues(TableView<PointRow> table) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < Math.min(20, table.getItems().size()); i++) {
            values.add(table.getItems().get(i).valueProperty().get());
        }
        return values;
    }

}
