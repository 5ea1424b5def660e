package org.plurigrid.console.views.replay;

import java.io.File;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.plurigrid.console.client.recording.AlarmReplay;

/**
 * The Replay page: open a recording (a file, or the one this console writes now), the timeline with its markers,
 * play / pause / step / jump to alarms at 1–1000×, back to live, and "what would the current rules have raised".
 * Binds to {@link ReplayViewModel}; the file chooser only hands a path over.
 */
public final class ReplayView extends VBox {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    public ReplayView(ReplayViewModel vm) {
        getStyleClass().add("replay-view");
        getStylesheets().add("org/plurigrid/console/views/replay/replay.css");
        setId("replay-view");

        Label title = new Label("Replay");
        title.getStyleClass().add("section-title");
        Button open = new Button("Open recording…");
        open.setId("replay-open");
        open.setOnAction(e -> chooseFile(vm));
        Button current = new Button("Replay this console's recording");
        current.setId("replay-open-current");
        current.setOnAction(e -> vm.openCurrent());
        current.disableProperty().bind(vm.currentRecordingProperty().isEmpty().or(vm.busyProperty()));
        Tooltip currentTip = new Tooltip();
        currentTip.textProperty().bind(vm.currentRecordingProperty());
        current.setTooltip(currentTip);
        open.disableProperty().bind(vm.busyProperty());
        Button live = new Button("Back to live");
        live.setId("replay-back-to-live");
        live.setOnAction(e -> vm.backToLive());
        live.disableProperty().bind(vm.replayingProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = row(title, spacer, open, current, live);

        Label message = new Label();
        message.setId("replay-message");
        message.getStyleClass().add("replay-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Label where = new Label();
        where.setId("replay-recording");
        where.getStyleClass().add("muted");
        where.textProperty().bind(vm.recordingTextProperty());
        where.setWrapText(true);

        TimelineView timeline = new TimelineView(vm);
        Label start = new Label();
        Label end = new Label();
        start.getStyleClass().add("muted");
        end.getStyleClass().add("muted");
        vm.recordingProperty().addListener((o, a, r) -> {
            start.setText(r == null ? "" : TIME.format(r.from()));
            end.setText(r == null ? "" : TIME.format(r.to()));
        });
        Region between = new Region();
        HBox.setHgrow(between, Priority.ALWAYS);
        HBox ends = row(start, between, end);

        BooleanBinding idle = vm.replayingProperty().not().or(vm.busyProperty());
        Button previous = button("replay-previous-alarm", "◀◀ Previous alarm", vm::previousAlarm, idle);
        Button back = button("replay-step-back", "◀ 1 s", vm::stepBack, idle);
        Button play = button("replay-play", "▶ Play", vm::togglePlay, idle);
        play.textProperty().bind(javafx.beans.binding.Bindings.when(vm.playingProperty())
                .then("‖ Pause").otherwise("▶ Play"));
        Button forward = button("replay-step-forward", "1 s ▶", vm::stepForward, idle);
        Button next = button("replay-next-alarm", "Next alarm ▶▶", vm::nextAlarm, idle);
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId("replay-speed");
        speed.getItems().setAll(ReplayViewModel.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : String.format(Locale.ROOT, "%.0f×", d);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        });
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.speedProperty().set(b);
            }
        });
        speed.disableProperty().bind(vm.replayingProperty().not());
        Label speedLabel = new Label("Speed");
        Label head = new Label();
        head.setId("replay-play-head");
        head.getStyleClass().add("replay-play-head");
        head.textProperty().bind(vm.playHeadTextProperty());
        head.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox transport = row(previous, back, play, forward, next, speedLabel, speed, gap, head);

        Label whatIf = new Label("What would the current rules have raised?");
        whatIf.getStyleClass().add("section-title");
        Button compare = new Button("Compare with current rules");
        compare.setId("replay-compare");
        compare.setOnAction(e -> vm.compareRules());
        compare.disableProperty().bind(idle);
        Label comparison = new Label();
        comparison.setId("replay-comparison");
        comparison.textProperty().bind(vm.comparisonTextProperty());
        comparison.setWrapText(true);
        HBox compareRow = row(compare, comparison);
        HBox.setHgrow(comparison, Priority.ALWAYS);

        TableView<AlarmReplay.Difference> table = new TableView<>(vm.differences());
        table.setId("replay-differences");
        table.setPlaceholder(new Label("No differences shown yet."));
        table.getColumns().add(column("Alarm source", d -> d.source()));
        table.getColumns().add(column("Recorded rules", d -> raised(d.raisedRecorded(), d.firstRecorded(),
                d.priorityRecorded())));
        table.getColumns().add(column("Current rules", d -> raised(d.raisedEdited(), d.firstEdited(),
                d.priorityEdited())));
        table.getColumns().add(column("Difference", AlarmReplay.Difference::verdict));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label exportTitle = new Label("Export a period");
        exportTitle.getStyleClass().add("section-title");
        javafx.scene.control.TextField from = new javafx.scene.control.TextField();
        from.setId("replay-export-from");
        from.textProperty().bindBidirectional(vm.exportFromProperty());
        from.setPrefColumnCount(15);
        javafx.scene.control.TextField to = new javafx.scene.control.TextField();
        to.setId("replay-export-to");
        to.textProperty().bindBidirectional(vm.exportToProperty());
        to.setPrefColumnCount(15);
        from.disableProperty().bind(vm.replayingProperty().not());
        to.disableProperty().bind(vm.replayingProperty().not());
        Button export = button("replay-export", "Export…", () -> chooseExportFile(vm), idle);
        HBox exportRow = row(new Label("From"), from, new Label("to"), to, new Label("UTC"), export);

        VBox rules = new VBox(8, whatIf, compareRow, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        rules.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        javafx.scene.control.Tab rulesTab = new javafx.scene.control.Tab("Rules: recorded vs current", rules);
        javafx.scene.control.Tab trendsTab = new javafx.scene.control.Tab("Trends: two periods", trendsPane(vm, idle));
        trendsTab.setId("replay-trends-tab");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(rulesTab, trendsTab);
        tabs.setId("replay-tabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(header, message, where, timeline, ends, transport, exportTitle, exportRow, tabs);
    }

    private static String raised(int count, Optional<Instant> first, String priority) {
        if (count == 0) {
            return "not raised";
        }
        return String.format(Locale.ROOT, "%d× %s, first %s", count, priority.toLowerCase(Locale.ROOT),
                TIME.format(first.orElseThrow()));
    }

    private static TableColumn<AlarmReplay.Difference, String> column(String title,
            java.util.function.Function<AlarmReplay.Difference, String> text) {
        TableColumn<AlarmReplay.Difference, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())).getReadOnlyProperty());
        c.setSortable(true);
        return c;
    }

    private static Button button(String id, String text, Runnable action, BooleanBinding disabled) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        return b;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(nodes);
        row.getStyleClass().add("replay-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Two periods of one point over each other: A from the open recording, B from it or another one. */
    private javafx.scene.Node trendsPane(ReplayViewModel replay, BooleanBinding idle) {
        TrendComparisonViewModel vm = replay.trends();
        javafx.scene.control.ComboBox<String> point = new javafx.scene.control.ComboBox<>(vm.points());
        point.setId("replay-trend-point");
        point.setEditable(true);
        point.setPrefWidth(340);
        point.valueProperty().bindBidirectional(vm.pointProperty());
        javafx.scene.control.TextField a = field("replay-trend-from-a", vm.fromAProperty(), 15);
        javafx.scene.control.TextField b = field("replay-trend-from-b", vm.fromBProperty(), 15);
        javafx.scene.control.TextField minutes = field("replay-trend-minutes", vm.minutesProperty(), 4);
        javafx.scene.control.TextField other = field("replay-trend-other", vm.otherRecordingProperty(), 18);
        other.setPromptText("this recording");
        Button browse = new Button("…");
        browse.setTooltip(new javafx.scene.control.Tooltip("Period B from another recording"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Recording for period B");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Recordings (*.duckdb)", "*.duckdb"));
            File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                vm.otherRecordingProperty().set(chosen.getAbsolutePath());
            }
        });
        Button compare = button("replay-trend-compare", "Compare", vm::compare, idle.or(vm.busyProperty()));
        HBox row1 = row(new Label("Point"), point, new Label("Minutes"), minutes, compare);
        HBox row2 = row(new Label("A from"), a, new Label("B from"), b, new Label("UTC, B in"), other, browse);

        javafx.scene.chart.NumberAxis x = new javafx.scene.chart.NumberAxis();
        x.setLabel("s since each period's start");
        javafx.scene.chart.NumberAxis y = new javafx.scene.chart.NumberAxis();
        y.setForceZeroInRange(false);
        javafx.scene.chart.LineChart<Number, Number> chart = new javafx.scene.chart.LineChart<>(x, y);
        chart.setId("replay-trend-chart");
        chart.getStyleClass().add("replay-trend");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        javafx.scene.chart.XYChart.Series<Number, Number> sa = new javafx.scene.chart.XYChart.Series<>();
        sa.setName("A");
        javafx.scene.chart.XYChart.Series<Number, Number> sb = new javafx.scene.chart.XYChart.Series<>();
        sb.setName("B");
        chart.getData().addAll(List.of(sa, sb));
        vm.seriesA().addListener((javafx.collections.ListChangeListener<TrendComparisonViewModel.Sample>) c -> steps(sa, vm.seriesA()));
        vm.seriesB().addListener((javafx.collections.ListChangeListener<TrendComparisonViewModel.Sample>) c -> steps(sb, vm.seriesB()));
        Label said = new Label();
        said.setId("replay-trend-message");
        said.setWrapText(true);
        said.textProperty().bind(vm.messageProperty());
        said.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, row1, row2, said, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        return box;
    }

    /** A held value draws as a step: each sample's value runs flat to the next sample's time. NaN (not GOOD) is left out. */
    private static void steps(javafx.scene.chart.XYChart.Series<Number, Number> series, List<TrendComparisonViewModel.Sample> samples) {
        List<javafx.scene.chart.XYChart.Data<Number, Number>> data = new java.util.ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            TrendComparisonViewModel.Sample s = samples.get(i);
            if (Double.isNaN(s.value())) {
                continue;
            }
            data.add(new javafx.scene.chart.XYChart.Data<>(s.seconds(), s.value()));
            if (i + 1 < samples.size()) {
                data.add(new javafx.scene.chart.XYChart.Data<>(samples.get(i + 1).seconds(), s.value()));
            }
        }
        series.getData().setAll(data);
    }

    private static javafx.scene.control.TextField field(String id, javafx.beans.property.StringProperty p, int columns) {
        javafx.scene.control.TextField t = new javafx.scene.control.TextField();
        t.setId(id);
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private void chooseExportFile(ReplayViewModel vm) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the period's values");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Parquet, zstd (*.parquet)", "*.parquet"),
                new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        chooser.setInitialFileName("values.parquet");
        File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            String path = chosen.getAbsolutePath();
            boolean csv = chooser.getSelectedExtensionFilter() != null
                    && chooser.getSelectedExtensionFilter().getExtensions().contains("*.csv");
            if (path.indexOf('.', path.lastIndexOf(File.separatorChar) + 1) < 0) {
                path += csv ? ".csv" : ".parquet";
            }
            vm.export(path);
        }
    }

    private void chooseFile(ReplayViewModel vm) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a recording");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Recordings (*.duckdb)", "*.duckdb"),
                new FileChooser.ExtensionFilter("All files", "*"));
        String current = vm.currentRecordingProperty().get();
        if (!current.isEmpty()) {
            File folder = new File(current).getParentFile();
            if (folder != null) {
                chooser.setInitialDirectory(folder);
            }
        }
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            vm.open(chosen.getAbsolutePath());
        }
    }
}
