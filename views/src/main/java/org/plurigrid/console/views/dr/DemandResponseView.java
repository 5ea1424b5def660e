package org.plurigrid.console.views.dr;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.plurigrid.console.client.dr.ChainEvent;
import org.plurigrid.console.client.dr.CongestionRelief;
import org.plurigrid.console.client.dr.DeviceState;
import org.plurigrid.console.client.dr.Flexibility;
import org.plurigrid.console.client.dr.PayloadType;
import org.plurigrid.console.views.common.ColumnFit;

/**
 * The operator's demand-response screen: Dispatch (sites and their flexibility, the request with the program's limits
 * and overlaps), Congestion (an overloaded branch or N-1 violation to a proposed dispatch, loading before and after),
 * Live (states, requested vs delivered, cancel) and Events (history, filters). A confirmation over everything shows
 * exactly what will be signed. Binds {@link DemandResponseViewModel}; a one-second timeline drives its {@code tick}.
 */
public final class DemandResponseView extends StackPane {

    private static final String STYLESHEET = "org/plurigrid/console/views/dr/dr.css";

    private final DemandResponseViewModel vm;
    private final ZoneId zone;
    private final TabPane tabs = new TabPane();
    private final Tab live = new Tab("Live event");
    private final Timeline ticker;

    public DemandResponseView(DemandResponseViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        getStyleClass().add("dr-view");
        getStylesheets().add(STYLESHEET);
        setId("dr-view");

        Tab dispatch = new Tab("Dispatch", dispatchPane());
        Tab congestion = new Tab("Congestion", congestionPane());
        live.setContent(livePane());
        Tab history = new Tab("Events", eventsPane());
        tabs.getTabs().setAll(dispatch, congestion, live, history);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("dr-tabs");

        Label message = new Label();
        message.getStyleClass().add("dr-error");
        message.setId("dr-error");
        message.textProperty().bind(vm.errorProperty());
        message.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setWrapText(true);
        Label progress = new Label();
        progress.getStyleClass().add("dr-progress");
        progress.setId("dr-progress");
        progress.textProperty().bind(vm.progressProperty());
        VBox main = new VBox(6, tabs, message, progress);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        main.setPadding(new Insets(4));

        Node confirm = confirmationOverlay();
        getChildren().addAll(main, confirm);

        vm.followed().addListener((ListChangeListener<String>) c -> {
            if (!vm.followed().isEmpty()) {
                tabs.getSelectionModel().select(live);
            }
        });
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                vm.refresh(); // what the sites have now, not what they had when the view was last shown
                ticker.play();
            }
        });
        vm.refresh();
    }

    // ---- dispatch ------------------------------------------------------------------------------------------------

    private Node dispatchPane() {
        TableView<Flexibility> sites = new TableView<>(vm.sites());
        sites.setId("dr-sites");
        sites.getColumns().add(key(text("Site", Flexibility::target), "gelderland-sub-04"));
        // the total next to the site, so it stays in view when a narrow table scrolls; its parts follow
        sites.getColumns().add(key(numeric("Flexible", f -> kw(f.reductionKw())), "9999"));
        sites.getColumns().add(key(numeric("Devices", f -> Integer.toString(f.devices())), "999"));
        sites.getColumns().add(key(numeric("Import", f -> kw(f.importKw())), "-9999"));
        sites.getColumns().add(key(numeric("Load", f -> kw(f.curtailableLoadKw())), "9999"));
        sites.getColumns().add(key(numeric("EV", f -> kw(f.deferrableEvKw())), "9999"));
        sites.getColumns().add(key(numeric("Battery", f -> kw(f.batteryDischargeKw())), "9999"));
        // devices of kinds the console has no rule for, as plugins estimate them: shown only when there are any, so
        // the parts always add up to the Flexible total
        TableColumn<Flexibility, String> other = key(numeric("Other", f -> kw(f.otherKw())), "9999");
        other.setId("dr-sites-other");
        Runnable showOther = () -> other.setVisible(vm.sites().stream().anyMatch(f -> f.otherKw() > 0));
        showOther.run();
        vm.sites().addListener((javafx.collections.ListChangeListener<Flexibility>) c -> showOther.run());
        sites.getColumns().add(other);
        sites.getColumns().add(key(numeric("PV", f -> kw(f.curtailablePvKw())), "9999"));
        ColumnFit.scrollWhenNarrow(sites); // at 150 % on 1920 px the eight columns need more than the table has
        sites.setPlaceholder(wrapped("No site with controllable devices yet (waiting for births)"));
        sites.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        sites.getSelectionModel().selectedItemProperty().addListener((o, was, f) -> {
            if (f != null) {
                vm.targetProperty().set(f.target());
            }
        });
        // Ctrl/Shift-click several sites: a DER group, dispatched together (one event per site)
        // The operator's own selection (click, Ctrl/Shift-click, keys) makes the group; the table's selection is lost
        // whenever the sites refresh, so the group lives in the view-model and is shown again as selected rows.
        Runnable fromSelection = () -> {
            List<String> selected = sites.getSelectionModel().getSelectedItems().stream().map(Flexibility::target).toList();
            if (selected.size() >= 2 || vm.group().size() >= 2 && !selected.equals(vm.group())) {
                vm.setGroup(selected);
            }
        };
        sites.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> fromSelection.run());
        sites.addEventHandler(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> fromSelection.run());
        Runnable showGroup = () -> {
            if (vm.group().size() < 2) {
                return;
            }
            List<String> selected = sites.getSelectionModel().getSelectedItems().stream().map(Flexibility::target).toList();
            if (!selected.equals(vm.group())) {
                sites.getSelectionModel().clearSelection();
                for (int i = 0; i < sites.getItems().size(); i++) {
                    if (vm.group().contains(sites.getItems().get(i).target())) {
                        sites.getSelectionModel().select(i);
                    }
                }
            }
        };
        vm.group().addListener((ListChangeListener<String>) c -> showGroup.run());
        vm.sites().addListener((ListChangeListener<Flexibility>) c -> javafx.application.Platform.runLater(showGroup));

        GridPane form = new GridPane();
        form.getStyleClass().add("dr-form");
        form.setHgap(10);
        form.setVgap(6);
        TextField target = field("dr-target", vm.targetProperty());
        target.setPrefColumnCount(12); // a site or group id, e.g. gelderland-sub-04
        ComboBox<PayloadType> type = new ComboBox<>();
        type.getItems().setAll(PayloadType.values());
        type.valueProperty().bindBidirectional(vm.payloadTypeProperty());
        type.setId("dr-payload-type");
        type.setMinWidth(Region.USE_PREF_SIZE); // an OpenADR payload type is read whole
        int row = 0;
        form.addRow(row++, key("Target"), target);
        form.addRow(row++, key("Payload"), type);
        form.addRow(row++, valueKey(), field("dr-value", vm.valueProperty()));
        form.addRow(row++, key("Start in (min)"), field("dr-start", vm.startInMinutesProperty()));
        form.addRow(row++, key("Duration (min)"), field("dr-duration", vm.durationMinutesProperty()));
        form.addRow(row++, key("Ramp (s)"), field("dr-ramp", vm.rampSecondsProperty()));
        form.addRow(row++, key("Randomised start (s)"), field("dr-randomize", vm.randomizeSecondsProperty()));
        TextField prio = field("dr-priority", vm.priorityProperty());
        prio.setPromptText("none");
        form.addRow(row++, key("Priority (0 = highest)"), prio);
        CheckBox overlap = new CheckBox("Allow overlapping events");
        overlap.selectedProperty().bindBidirectional(vm.allowOverlapProperty());
        overlap.setId("dr-allow-overlap");
        form.add(overlap, 1, row++);

        Label limits = new Label();
        limits.getStyleClass().add("muted");
        limits.textProperty().bind(Bindings.createStringBinding(() -> vm.programProperty().get() == null ? "Program: loading…"
                : "Program " + vm.programProperty().get().programId() + ": up to "
                + vm.programProperty().get().maxKw().map(k -> kw(k) + " kW").orElse("any power") + " for up to "
                + vm.programProperty().get().maxDuration().map(d -> d.toMinutes() + " min").orElse("any time"), vm.programProperty()));
        Label refusal = new Label();
        refusal.setId("dr-refusal");
        refusal.getStyleClass().add("dr-refusal");
        refusal.textProperty().bind(vm.refusalProperty());
        refusal.setWrapText(true);
        Label overlapNote = new Label();
        overlapNote.setId("dr-overlap");
        overlapNote.getStyleClass().add("dr-overlap");
        overlapNote.textProperty().bind(Bindings.createStringBinding(() -> vm.overlapProperty().get().isEmpty() ? ""
                : "▲ " + vm.overlapProperty().get(), vm.overlapProperty()));
        overlapNote.visibleProperty().bind(vm.overlapProperty().isNotEmpty());
        overlapNote.setWrapText(true);
        Button review = new Button("Review…");
        review.setId("dr-review");
        review.getStyleClass().add("primary");
        review.disableProperty().bind(vm.canReviewProperty().not().or(vm.busyProperty()));
        review.setOnAction(e -> vm.review());

        Label groupNote = new Label();
        groupNote.setId("dr-group");
        groupNote.textProperty().bind(vm.groupTextProperty());
        groupNote.setWrapText(true);
        Button reviewGroup = new Button("Review for the group…");
        reviewGroup.setId("dr-review-group");
        reviewGroup.setTooltip(new javafx.scene.control.Tooltip("The value is the group's reduction, shared by the selected "
                + "sites in proportion to their flexibility now: one event per site"));
        reviewGroup.disableProperty().bind(Bindings.size(vm.group()).lessThan(2).or(vm.busyProperty()));
        reviewGroup.setOnAction(e -> vm.reviewGroup());
        groupNote.visibleProperty().bind(Bindings.size(vm.group()).greaterThanOrEqualTo(2));
        groupNote.managedProperty().bind(groupNote.visibleProperty());
        reviewGroup.visibleProperty().bind(groupNote.visibleProperty());
        reviewGroup.managedProperty().bind(groupNote.visibleProperty());

        Label title = new Label("Request");
        title.getStyleClass().add("section-title");
        VBox right = new VBox(8, title, limits, form, refusal, overlapNote, review, groupNote, reviewGroup);
        right.getStyleClass().add("dr-panel");
        right.setPadding(new Insets(10));
        right.setMinWidth(Region.USE_PREF_SIZE); // the form is read whole; the sites table gives way (and scrolls)
        Label sitesTitle = new Label("Sites and the flexibility they have now (kW)");
        sitesTitle.getStyleClass().add("section-title");
        VBox left = new VBox(6, sitesTitle, sites);
        VBox.setVgrow(sites, Priority.ALWAYS);
        HBox box = new HBox(10, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /** "Value (unit)": the unit follows the payload type; in the key column it costs the sites table no width. */
    private Label valueKey() {
        Label l = key("Value");
        l.setId("dr-value-key");
        l.textProperty().bind(Bindings.createStringBinding(() -> "Value (" + switch (vm.payloadTypeProperty().get()) {
            case CHARGE_STATE_SETPOINT -> "% state of charge";
            case SIMPLE -> "level 0–3";
            case DISPATCH_SETPOINT_RELATIVE -> "kW, − reduces";
            case null -> "—";
            default -> "kW";
        } + ")", vm.payloadTypeProperty()));
        return l;
    }

    // ---- congestion ----------------------------------------------------------------------------------------------

    private Node congestionPane() {
        TableView<CongestionRow> table = new TableView<>(vm.congestions());
        table.setId("dr-congestions");
        TableColumn<CongestionRow, String> branch = text("Branch", r -> r.congestion().branchId());
        ColumnFit.tooltipWhenCut(branch);
        table.getColumns().add(key(branch, "gelderland-mv-r2-07"));
        TableColumn<CongestionRow, String> when = text("Case", r -> r.congestion().contingency().map(c -> "N-1: loss of " + c).orElse("now"));
        ColumnFit.tooltipWhenCut(when);
        table.getColumns().add(when);
        TableColumn<CongestionRow, String> loading = numeric("Loading %", r -> String.format(Locale.ROOT, "%.1f", r.loadingPercent()));
        loading.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                CongestionRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || item == null ? null : (r != null && r.overloaded() ? "■ " : "") + item);
                getStyleClass().remove("overloaded");
                if (r != null && r.overloaded()) {
                    getStyleClass().add("overloaded");
                }
            }
        });
        table.getColumns().add(key(loading, "■ 999.9"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(wrapped("Press Find congestions: the loadings now and the N-1 violations"));

        Button find = new Button("Find congestions");
        find.setId("dr-find-congestions");
        find.disableProperty().bind(vm.busyProperty());
        find.setOnAction(e -> vm.refreshCongestions());
        TextField targetLoading = field("dr-target-loading", vm.targetLoadingProperty());
        targetLoading.setPrefColumnCount(5);
        Button propose = new Button("Rank DERs and propose");
        propose.setId("dr-propose");
        propose.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        propose.setOnAction(e -> vm.propose(table.getSelectionModel().getSelectedItem()));
        for (Button b : new Button[] {find, propose}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label under = new Label("Bring under (%)");
        under.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, find, under, targetLoading, propose);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<CongestionRelief.SiteEffect> ranking = new TableView<>();
        ranking.setId("dr-ranking");
        ranking.getColumns().add(key(text("Site", CongestionRelief.SiteEffect::site), "gelderland-sub-04"));
        ranking.getColumns().add(key(numeric("A per MW", s -> String.format(Locale.ROOT, "%.2f", s.amperesPerMw())), "-999.99"));
        ranking.getColumns().add(key(numeric("Flexible kW", s -> kw(s.flexibleKw())), "9999"));
        ranking.getColumns().add(key(numeric("Relief A", s -> String.format(Locale.ROOT, "%.2f", s.reliefA())), "999.99"));
        ranking.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ranking.setPlaceholder(wrapped("Sites ranked by their effect on the selected branch"));
        TableView<CongestionRelief.SiteDispatch> proposed = new TableView<>();
        proposed.setId("dr-proposed");
        proposed.getColumns().add(key(text("Event at site", CongestionRelief.SiteDispatch::site), "gelderland-sub-04"));
        proposed.getColumns().add(key(numeric("Reduce kW", s -> kw(s.reduceKw())), "9999"));
        proposed.getColumns().add(key(numeric("Expected relief A", s -> String.format(Locale.ROOT, "%.2f", s.expectedReliefA())), "999.99"));
        proposed.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        proposed.setPlaceholder(new Label("The smallest set of events"));
        Label summary = new Label();
        summary.setId("dr-proposal-summary");
        summary.getStyleClass().add("dr-proposal-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        vm.proposalProperty().addListener((o, was, p) -> {
            ranking.getItems().setAll(p == null ? java.util.List.of() : p.ranking());
            proposed.getItems().setAll(p == null ? java.util.List.of() : p.events());
            summary.setText(p == null ? "" : summaryOf(p));
        });
        Button dispatch = new Button("Review dispatch…");
        dispatch.setId("dr-review-proposal");
        dispatch.getStyleClass().add("primary");
        dispatch.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.proposalProperty().get() == null
                || vm.proposalProperty().get().events().isEmpty(), vm.proposalProperty()).or(vm.busyProperty()));
        dispatch.setOnAction(e -> vm.reviewProposal());

        Label t1 = new Label("Branches to relieve");
        t1.getStyleClass().add("section-title");
        VBox left = new VBox(6, t1, bar, table);
        left.setMinWidth(Region.USE_PREF_SIZE);
        left.setPrefWidth(640);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label t2 = new Label("Ranked sites and the proposed dispatch");
        t2.getStyleClass().add("section-title");
        VBox right = new VBox(6, t2, ranking, proposed, summary, dispatch);
        VBox.setVgrow(ranking, Priority.ALWAYS);
        HBox box = new HBox(10, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    static String summaryOf(CongestionRelief.Proposal p) {
        String before = String.format(Locale.ROOT, "%.1f %%", p.loadingBeforePercent());
        if (p.events().isEmpty()) {
            return p.congestion().label() + ": " + before + " of " + Math.round(p.limitA()) + " A; no event proposed.";
        }
        return String.format(Locale.ROOT, "%s: %s → %.1f %% of %d A (load flow with the events) — %d event%s, %s kW in all%s",
                p.congestion().label(), before, p.loadingAfterPercent(), Math.round(p.limitA()), p.events().size(),
                p.events().size() == 1 ? "" : "s", kw(p.totalReduceKw()), p.enough() ? "" : "; NOT enough: all the flexibility does not reach the target");
    }

    // ---- live ----------------------------------------------------------------------------------------------------

    private Node livePane() {
        Label header = new Label("No event followed: dispatch one, or follow one from Events");
        header.setId("dr-live-header");
        header.getStyleClass().add("section-title");
        header.setWrapText(true);
        HBox counts = new HBox(14);
        counts.setId("dr-live-counts");
        Label figures = new Label();
        figures.setId("dr-live-figures");
        figures.getStyleClass().add("dr-figures");

        NumberAxis x = new NumberAxis();
        x.setLabel("s since dispatch");
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis();
        y.setLabel("kW");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("dr-trend");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("dr-trend");
        XYChart.Series<Number, Number> requested = new XYChart.Series<>();
        requested.setName("requested");
        XYChart.Series<Number, Number> delivered = new XYChart.Series<>();
        delivered.setName("delivered");
        chart.getData().setAll(java.util.List.of(requested, delivered));
        chart.setMinHeight(200);
        vm.trend().addListener((ListChangeListener<TrendPoint>) c -> {
            requested.getData().setAll(vm.trend().stream().map(p -> new XYChart.Data<Number, Number>(p.seconds(), p.requestedKw())).toList());
            delivered.getData().setAll(vm.trend().stream().map(p -> new XYChart.Data<Number, Number>(p.seconds(), p.deliveredKw())).toList());
        });

        TableView<EventSnapshot.DeviceRow> devices = new TableView<>(vm.liveDevices());
        devices.setId("dr-live-devices");
        devices.getColumns().add(text("Site", EventSnapshot.DeviceRow::site));
        devices.getColumns().add(text("Device", EventSnapshot.DeviceRow::device));
        TableColumn<EventSnapshot.DeviceRow, String> state = text("State", r -> stateText(r.state()));
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("state-failed", "state-offline", "state-commanded");
                EventSnapshot.DeviceRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (r != null) {
                    switch (r.state()) {
                        case FAILED -> getStyleClass().add("state-failed");
                        case OFFLINE -> getStyleClass().add("state-offline");
                        case COMMANDED -> getStyleClass().add("state-commanded");
                        default -> { }
                    }
                }
            }
        });
        devices.getColumns().add(state);
        devices.getColumns().add(numeric("Baseline kW", r -> kw(r.baselineKw())));
        devices.getColumns().add(numeric("Mean kW since start", r -> kw(r.measuredKw())));
        devices.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        vm.liveProperty().addListener((o, was, s) -> {
            if (s == null) {
                header.setText("Waiting for the first reading of " + String.join(", ", vm.followed()));
                counts.getChildren().clear();
                figures.setText("");
                return;
            }
            header.setText("Event " + s.eventId() + " on " + s.target() + " — included at height " + s.height()
                    + ", " + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(s.start()) + " to "
                    + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(s.end()));
            counts.getChildren().clear();
            for (DeviceState d : DeviceState.values()) {
                Label l = new Label(stateText(d) + " " + s.count(d));
                l.getStyleClass().add("dr-count");
                l.setId("dr-count-" + d.name().toLowerCase(Locale.ROOT));
                if ((d == DeviceState.FAILED || d == DeviceState.OFFLINE) && s.count(d) > 0) {
                    l.getStyleClass().add(d == DeviceState.FAILED ? "state-failed" : "state-offline");
                }
                counts.getChildren().add(l);
            }
            figures.setText(String.format(Locale.ROOT, "requested %s kW, delivered %s kW (%s)", kw(s.requestedKw()), kw(s.deliveredKw()),
                    s.requestedKw() == 0 ? "—" : String.format(Locale.ROOT, "%.0f %%", s.deliveredKw() / s.requestedKw() * 100)));
        });
        vm.followed().addListener((ListChangeListener<String>) c -> {
            if (vm.followed().isEmpty()) {
                header.setText("No event followed");
            }
        });

        Button cancel = new Button("Cancel event");
        cancel.setId("dr-live-cancel");
        cancel.disableProperty().bind(Bindings.isEmpty(vm.followed()).or(vm.busyProperty()));
        cancel.setOnAction(e -> vm.cancelLive());
        Button settle = new Button("Report delivery & settle");
        settle.setId("dr-live-settle");
        settle.setTooltip(new javafx.scene.control.Tooltip("Once the event is over (ended or cancelled): reports each device's "
                + "delivered energy on chain and settles, paying the participants from the program's pool"));
        settle.disableProperty().bind(vm.canSettleFollowedProperty().not().or(vm.busyProperty()));
        settle.setOnAction(e -> vm.settleFollowed());
        HBox top = new HBox(14, figures, cancel, settle);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, header, counts, top, chart, devices);
        VBox.setVgrow(devices, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    static String stateText(DeviceState s) {
        return switch (s) {
            case COMMANDED -> "commanded";
            case ACKNOWLEDGED -> "acknowledged";
            case RESPONDING -> "responding";
            case RESTORED -> "restored";
            case FAILED -> "✕ failed";
            case OFFLINE -> "◆ offline";
        };
    }

    // ---- events --------------------------------------------------------------------------------------------------

    private Node eventsPane() {
        ComboBox<ChainEvent.State> state = new ComboBox<>();
        state.getItems().add(null);
        state.getItems().addAll(ChainEvent.State.values());
        state.setPromptText("any state");
        state.setButtonCell(stateCell());
        state.setCellFactory(l -> stateCell());
        state.valueProperty().bindBidirectional(vm.stateFilterProperty());
        state.setId("dr-filter-state");
        TextField text = field("dr-filter-text", vm.textFilterProperty());
        text.setPromptText("event id or target");
        TableView<ChainEvent> table = new TableView<>(vm.events());
        table.setId("dr-events");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(zone);
        // what the operator settles and audits first; the payload, longest, takes the rest of the width
        table.getColumns().add(key(text("Event", ChainEvent::eventId), "ev-1764800000-ffff"));
        table.getColumns().add(key(text("Target", ChainEvent::target), "gelderland-sub-04"));
        table.getColumns().add(key(text("State", e -> e.state().name().toLowerCase(Locale.ROOT)), "cancelled"));
        table.getColumns().add(key(numeric("Delivered kWh", e -> e.deliveries().isEmpty() ? "" : String.format(Locale.ROOT, "%.2f",
                e.deliveries().stream().mapToDouble(d -> d.deliveredWh().doubleValue()).sum() / 1000)), "9999.99"));
        table.getColumns().add(key(numeric("Paid", e -> e.payouts().isEmpty() ? "" : String.format(Locale.ROOT, "%,d · %d owner%s",
                e.payouts().stream().map(ChainEvent.Payout::amount).reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add),
                e.payouts().size(), e.payouts().size() == 1 ? "" : "s")), "9,999,999 · 24 owners"));
        table.getColumns().add(key(text("Start", e -> time.format(e.start())), "12-03 23:20:20"));
        table.getColumns().add(key(numeric("Min", e -> Long.toString(e.duration().toMinutes())), "240"));
        table.getColumns().add(key(numeric("Height", e -> Long.toString(e.height())), "999999"));
        TableColumn<ChainEvent, String> payload = key(text("Payload", e -> e.payloadType() + " " + e.value() + " " + e.units()),
                "DISPATCH_SETPOINT_RELATIVE"); // its header is never cut; a longer value has its tooltip
        ColumnFit.tooltipWhenCut(payload);
        table.getColumns().add(payload);
        ColumnFit.scrollWhenNarrow(table);
        table.setPlaceholder(new Label("No event on the program yet"));
        Button follow = new Button("Follow");
        follow.setId("dr-follow");
        follow.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        follow.setOnAction(e -> vm.follow(java.util.List.of(table.getSelectionModel().getSelectedItem().eventId())));
        Button settle = new Button("Report & settle");
        settle.setId("dr-settle");
        settle.setTooltip(new javafx.scene.control.Tooltip("Reports the selected event's delivered energy and settles it "
                + "(only once it has ended or was cancelled)"));
        settle.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canSettle(table.getSelectionModel().getSelectedItem()),
                table.getSelectionModel().selectedItemProperty(), vm.events()).or(vm.busyProperty()));
        settle.setOnAction(e -> vm.settle(java.util.List.of(table.getSelectionModel().getSelectedItem().eventId())));
        HBox bar = new HBox(10, new Label("State"), state, new Label("Find"), text, follow, settle);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, bar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static javafx.scene.control.ListCell<ChainEvent.State> stateCell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ChainEvent.State item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "any state" : item.name().toLowerCase(Locale.ROOT));
            }
        };
    }

    // ---- confirmation --------------------------------------------------------------------------------------------

    private Node confirmationOverlay() {
        Label heading = new Label("Check before signing — this is exactly what will be signed and sent");
        heading.getStyleClass().add("section-title");
        TextArea what = new TextArea();
        what.setId("dr-confirmation");
        what.setEditable(false);
        what.setWrapText(true);
        what.getStyleClass().add("json");
        what.textProperty().bind(vm.confirmationProperty());
        what.setPrefRowCount(12);
        Button sign = new Button("Sign and send");
        sign.setId("dr-confirm-sign");
        sign.getStyleClass().add("primary");
        sign.setDefaultButton(true);
        sign.disableProperty().bind(vm.busyProperty());
        sign.setOnAction(e -> vm.confirm());
        Button back = new Button("Back");
        back.setId("dr-confirm-back");
        back.setCancelButton(true);
        back.disableProperty().bind(vm.busyProperty());
        back.setOnAction(e -> vm.back());
        Label progress = new Label();
        progress.getStyleClass().add("dr-progress");
        progress.textProperty().bind(vm.progressProperty());
        HBox buttons = new HBox(12, sign, back, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(8, heading, what, buttons);
        pane.getStyleClass().add("dr-confirmation-pane");
        pane.setPadding(new Insets(12));
        pane.setMaxWidth(900);
        pane.setMaxHeight(Region.USE_PREF_SIZE);
        BorderPane overlay = new BorderPane();
        overlay.setCenter(pane);
        overlay.getStyleClass().add("dr-confirmation-overlay");
        overlay.visibleProperty().bind(vm.stepProperty().isNotEqualTo(DemandResponseViewModel.Step.EDIT));
        return overlay;
    }

    // ---- cells ---------------------------------------------------------------------------------------------------

    private static <S> TableColumn<S, String> text(String title, Function<S, String> f) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    private static <S> TableColumn<S, String> numeric(String title, Function<S, String> f) {
        TableColumn<S, String> c = text(title, f);
        c.getStyleClass().add("numeric");
        return c;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(8);
        return t;
    }

    private static <S> TableColumn<S, String> key(TableColumn<S, String> column, String widest) {
        ColumnFit.key(column, widest);
        return column;
    }

    /** A table's placeholder that wraps instead of being cut when the table is narrow. */
    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        l.setPadding(new Insets(0, 12, 0, 12));
        return l;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-key");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static String kw(double kw) {
        if (Double.isNaN(kw)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, Math.abs(kw) >= 100 ? "%.0f" : "%.1f", kw);
        return s.equals("-0.0") || s.equals("-0") ? s.substring(1) : s;
    }
}
