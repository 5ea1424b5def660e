package org.plurigrid.console.views.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.plurigrid.console.client.governance.ProposalPhase;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.views.common.ShareBar;

/**
 * Proposals: a table (status, voting end, turnout against quorum) and the selected proposal's detail — live tally and
 * turnout as bars (ShareBar), the session account's vote, messages, metadata and deposit — with the vote buttons, the
 * weighted-vote editor (checked as it is typed), the confirmation of exactly what will be signed, and the progress.
 */
public final class ProposalsView extends BorderPane {

    private final ProposalsViewModel vm;
    private final DateTimeFormatter time;
    private final Label title = new Label();
    private final Label meta = new Label();
    private final Label vetoNote = new Label();
    private final Label summary = new Label();
    private final Label facts = new Label();
    private final TextArea messages = new TextArea();
    private final VBox tallyTile;
    private final VBox turnoutTile;
    private final ShareBar[] bars = new ShareBar[4];
    private final ShareBar turnout = new ShareBar("", 1);
    private final Label turnoutTitle = new Label("Turnout");
    private final Label turnoutNote = new Label();
    private final VBox detail;

    public ProposalsView(ProposalsViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        getStyleClass().add("proposals-view");
        tallyTile = tallyTile();
        turnoutTile = turnoutTile();
        TableView<ProposalSummary> table = table();
        detail = detail();
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        // The confirmation covers the whole screen below the session strip, so nothing else competes with what is about
        // to be signed and its facts (the signer's address) have the full width at any UI scale.
        ConfirmationPane confirmation = new ConfirmationPane(vm);
        confirmation.setMaxWidth(Region.USE_PREF_SIZE); // never narrower than its facts (the signer's address is not cut)
        confirmation.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(confirmation);
        overlay.getStyleClass().add("confirmation-overlay");
        StackPane.setAlignment(confirmation, Pos.TOP_CENTER);
        StackPane.setMargin(confirmation, new Insets(40, 20, 20, 20));
        overlay.visibleProperty().bind(vm.confirmationDetailsProperty().isNotNull());
        BorderPane right = new BorderPane(scroll);
        right.setTop(outcomeStrip());
        SplitPane split = new SplitPane(listPane(table), right);
        split.setDividerPositions(0.52);
        setCenter(new StackPane(split, overlay));
        vm.selectedProperty().addListener((obs, old, p) -> show(p));
        vm.tallyProperty().addListener((obs, old, t) -> showTally(t));
        show(vm.selectedProperty().get());
        showTally(vm.tallyProperty().get());
    }

    /** The status filter above the table. */
    private VBox listPane(TableView<ProposalSummary> table) {
        ComboBox<ProposalPhase> filter = new ComboBox<>();
        filter.getItems().add(null);
        filter.getItems().addAll(ProposalPhase.DEPOSIT_PERIOD, ProposalPhase.VOTING_PERIOD, ProposalPhase.PASSED,
                ProposalPhase.REJECTED, ProposalPhase.FAILED, ProposalPhase.REMOVED);
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProposalPhase p) {
                return p == null ? "All statuses" : p.text();
            }

            @Override
            public ProposalPhase fromString(String s) {
                return null;
            }
        });
        filter.setId("proposal-status-filter");
        filter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        filter.setValue(null);
        Label filterLabel = new Label("Show");
        HBox bar = new HBox(8, filterLabel, filter);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(bar, table);
    }

    /**
     * The vote's outcome (progress, or the chain's message) pinned above the scrolling detail, so it is in sight
     * without scrolling whatever the window size.
     */
    private VBox outcomeStrip() {
        Label progress = new Label();
        progress.getStyleClass().add("progress-text");
        progress.setId("vote-progress");
        progress.setWrapText(true);
        progress.textProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(Bindings.isNotEmpty(vm.progressProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setId("vote-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(vm.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        VBox strip = new VBox(4, progress, error);
        strip.getStyleClass().add("outcome-strip");
        strip.setPadding(new Insets(6, 10, 6, 10));
        strip.visibleProperty().bind(progress.visibleProperty().or(error.visibleProperty()));
        strip.managedProperty().bind(strip.visibleProperty());
        return strip;
    }

    private TableView<ProposalSummary> table() {
        TableView<ProposalSummary> table = new TableView<>(vm.proposals());
        TableColumn<ProposalSummary, String> id = column("#", p -> Long.toString(p.id()));
        TableColumn<ProposalSummary, String> title = column("Title", ProposalSummary::title);
        TableColumn<ProposalSummary, String> status = column("Status", ProposalSummary::statusText);
        TableColumn<ProposalSummary, String> ends = column("Voting ends", p -> p.votingEnd().map(time::format).orElse("—"));
        TableColumn<ProposalSummary, String> turnout = column("Turnout", p -> pct(p.turnout()) + (p.quorumReached() ? " ✓" : ""));
        table.getColumns().add(id);
        table.getColumns().add(title);
        table.getColumns().add(status);
        table.getColumns().add(ends);
        table.getColumns().add(turnout);
        // Key columns are as wide as their longest text in the current font (it follows the UI scale); the title takes
        // the rest and wraps, with the full text in a tooltip.
        DoubleBinding fixed = null;
        for (TableColumn<ProposalSummary, String> c : List.of(id, status, ends, turnout)) {
            sizeToContent(c, table);
            fixed = fixed == null ? c.widthProperty().add(0) : fixed.add(c.widthProperty());
        }
        DoubleBinding titleMin = Bindings.createDoubleBinding(() -> em() * 13, meta.fontProperty());
        DoubleBinding scrollBarRoom = Bindings.createDoubleBinding(() -> em() * 2, meta.fontProperty());
        DoubleBinding rest = table.widthProperty().subtract(fixed).subtract(scrollBarRoom);
        title.prefWidthProperty().bind(Bindings.max(rest, titleMin));
        // The split pane never squeezes the list below its key columns and a readable title: the detail gives way.
        table.minWidthProperty().bind(fixed.add(titleMin).add(scrollBarRoom));
        title.setCellFactory(c -> new TableCell<>() {
            private final Text wrapped = new Text();

            {
                wrapped.wrappingWidthProperty().bind(title.widthProperty().subtract(Bindings.createDoubleBinding(() -> em(), meta.fontProperty())));
                wrapped.getStyleClass().add("wrapped-title");
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                wrapped.setText(empty || text == null ? "" : text);
                wrapped.setFont(meta.getFont());
                setGraphic(empty ? null : wrapped);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> {
            if (p != null && p != vm.selectedProperty().get()) {
                vm.select(p);
            }
        });
        vm.selectedProperty().addListener((obs, old, p) -> {
            if (p != null && table.getSelectionModel().getSelectedItem() != p) {
                table.getSelectionModel().select(p);
            }
        });
        table.setPlaceholder(new Label("No proposals with this status"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setId("proposal-table");
        return table;
    }

    private double em() {
        return meta.getFont().getSize();
    }

    /** Binds the column's width to the widest of its header and cell texts in the current font, plus cell padding. */
    private void sizeToContent(TableColumn<ProposalSummary, String> c, TableView<ProposalSummary> table) {
        DoubleBinding w = Bindings.createDoubleBinding(() -> {
            Text probe = new Text();
            probe.setFont(meta.getFont());
            double max = width(probe, c.getText()) + em(); // the header's sort arrow room
            for (ProposalSummary p : table.getItems()) {
                max = Math.max(max, width(probe, c.getCellObservableValue(p) == null ? "" : c.getCellObservableValue(p).getValue()));
            }
            return Math.ceil(max + em() * 1.5);
        }, meta.fontProperty(), table.getItems());
        c.prefWidthProperty().bind(w);
        c.minWidthProperty().bind(w);
    }

    private static double width(Text probe, String text) {
        probe.setText(text == null ? "" : text);
        return probe.getLayoutBounds().getWidth();
    }

    private static TableColumn<ProposalSummary, String> column(String name, Function<ProposalSummary, String> f) {
        TableColumn<ProposalSummary, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        return c;
    }

    /** The tally: each option's share of the votes cast as a bar (no-with-veto coloured when at risk). */
    private VBox tallyTile() {
        String[] names = {"Yes", "No", "Abstain", "No with veto"};
        Label heading = new Label("Tally (% of votes cast)");
        heading.getStyleClass().add("gov-tile-title");
        GridPane rows = new GridPane();
        rows.getStyleClass().add("tally-rows");
        for (int i = 0; i < 4; i++) {
            bars[i] = new ShareBar("", 1);
            bars[i].setId("tally-" + names[i].toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            Label name = new Label(names[i]);
            name.getStyleClass().add("share-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setHgrow(bars[i], Priority.ALWAYS);
            rows.addRow(i, name, bars[i]);
        }
        VBox t = new VBox(heading, rows);
        t.getStyleClass().addAll("gov-tile", "tally-tile");
        return t;
    }

    /** Turnout as a bar with the quorum marked on it. */
    private VBox turnoutTile() {
        turnoutTitle.getStyleClass().add("gov-tile-title");
        turnoutTitle.setWrapText(true);
        turnout.setId("turnout-bar");
        turnout.markerProperty().set(33.4);
        turnoutNote.getStyleClass().add("muted");
        turnoutNote.setWrapText(true);
        VBox t = new VBox(turnoutTitle, turnout, turnoutNote);
        t.getStyleClass().addAll("gov-tile", "turnout-tile");
        return t;
    }

    private VBox detail() {
        title.getStyleClass().add("proposal-title");
        title.setWrapText(true);
        meta.getStyleClass().add("muted");
        vetoNote.getStyleClass().add("veto-note");
        vetoNote.managedProperty().bind(vetoNote.visibleProperty());
        summary.setWrapText(true);
        facts.getStyleClass().add("muted");
        facts.setWrapText(true);
        messages.setEditable(false);
        messages.setWrapText(true);
        messages.setPrefRowCount(4);
        messages.getStyleClass().add("json");

        // one above the other, each the detail's full width: the bars stay long enough to compare at any display scale
        VBox tiles = new VBox(10, tallyTile, turnoutTile);
        Label myVote = new Label();
        myVote.getStyleClass().add("my-vote");
        myVote.textProperty().bind(vm.myVoteProperty());

        Label voteTitle = new Label("Vote");
        voteTitle.getStyleClass().add("section-title");
        // Buttons and weight fields flow onto a second row rather than shrink to "No wit…" in a narrow detail pane.
        FlowPane buttons = new FlowPane(6, 6);
        for (VoteOption o : ProposalsViewModel.options()) {
            Button b = new Button(ProposalsViewModel.label(o));
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.disableProperty().bind(vm.canVoteProperty().not());
            b.setOnAction(e -> vm.requestVote(o));
            b.getStyleClass().add("vote-button");
            b.setId("vote-" + o.typedName().replace('_', '-'));
            buttons.getChildren().add(b);
        }
        Label blocked = new Label();
        blocked.getStyleClass().add("vote-blocked");
        blocked.textProperty().bind(vm.voteBlockedReasonProperty());
        blocked.visibleProperty().bind(Bindings.isNotEmpty(vm.voteBlockedReasonProperty()));
        blocked.managedProperty().bind(blocked.visibleProperty());

        FlowPane weights = new FlowPane(8, 4);
        weights.setAlignment(Pos.BOTTOM_LEFT);
        for (VoteOption o : ProposalsViewModel.options()) {
            TextField f = new TextField();
            f.setPromptText("0");
            f.setPrefColumnCount(5);
            f.textProperty().bindBidirectional(vm.weightProperty(o));
            f.disableProperty().bind(vm.canVoteProperty().not());
            Label name = new Label(ProposalsViewModel.label(o));
            name.setMinWidth(Region.USE_PREF_SIZE);
            weights.getChildren().add(new VBox(4, name, f));
        }
        Button weighted = new Button("Prepare weighted vote");
        weighted.setMinWidth(Region.USE_PREF_SIZE);
        weighted.disableProperty().bind(vm.canVoteProperty().not().or(vm.weightsValidProperty().not()));
        weighted.setOnAction(e -> vm.requestWeightedVote());
        weights.getChildren().add(weighted);
        Label weightsMessage = new Label();
        weightsMessage.textProperty().bind(vm.weightsMessageProperty());
        weightsMessage.getStyleClass().add("weights-message");
        vm.weightsValidProperty().addListener((obs, was, ok) -> weightsMessage.pseudoClassStateChanged(INVALID, !ok));
        weightsMessage.pseudoClassStateChanged(INVALID, !vm.weightsValidProperty().get());
        Label weightedTitle = new Label("Weighted vote (decimals summing to exactly 1)");
        weightedTitle.getStyleClass().add("muted");
        weightedTitle.setWrapText(true); // wraps rather than cut in a narrow detail at 150 %
        weightedTitle.setMinHeight(Region.USE_PREF_SIZE);

        VBox voteBox = new VBox(6, voteTitle, buttons, blocked, weightedTitle, weights, weightsMessage);
        voteBox.getStyleClass().add("vote-box");
        voteBox.setPadding(new Insets(8));

        Label messagesTitle = new Label("Messages");
        messagesTitle.getStyleClass().add("muted");
        myVote.setWrapText(true);
        myVote.setId("my-vote");
        VBox box = new VBox(8, title, meta, myVote, voteBox, tiles, vetoNote, summary, facts, messagesTitle, messages);
        box.setPadding(new Insets(10));
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("proposal-detail");
        return box;
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private void show(ProposalSummary p) {
        if (p == null) {
            title.setText("Select a proposal");
            meta.setText("");
            summary.setText("");
            facts.setText("");
            messages.setText("");
            return;
        }
        title.setText("#" + p.id() + "  " + p.title());
        meta.setText(p.statusText() + p.votingEnd().map(t -> " · voting ends " + time.format(t)).orElse(""));
        summary.setText(p.summary());
        facts.setText("Proposer " + (p.proposer().isEmpty() ? "—" : p.proposer()) + "\nDeposit "
                + (p.deposit().isEmpty() ? "—" : String.join(", ", p.deposit())) + " · bonded voting power " + p.bondedTokens());
        messages.setText(p.messages().isEmpty() ? "(no messages)" : String.join("\n", p.messages()));
    }

    private void showTally(TallyFigures t) {
        double[] v = t == null ? new double[4] : new double[] {t.yes(), t.no(), t.abstain(), t.noWithVeto()};
        for (int i = 0; i < 4; i++) {
            bars[i].percentProperty().set(v[i]);
        }
        bars[3].setSeverity(t != null && t.vetoAtRisk(), t != null && t.vetoReached());
        turnout.percentProperty().set(t == null ? 0 : t.turnout());
        turnout.markerProperty().set(t == null ? Double.NaN : t.quorum());
        turnoutTitle.setText(t == null ? "Turnout" : "Turnout · quorum " + t.quorum() + " %" + (t.quorumReached() ? " reached" : ""));
        turnoutNote.setText(t == null ? "" : "the mark on the bar is the quorum");
        vetoNote.setVisible(t != null && t.vetoAtRisk());
        vetoNote.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("reached"), t != null && t.vetoReached());
        if (t != null && t.vetoAtRisk()) {
            vetoNote.setText((t.vetoReached() ? "▲ Veto threshold reached: " : "▲ Veto at risk: ") + t.noWithVeto()
                    + " % no-with-veto of votes cast, threshold " + t.vetoThreshold() + " %");
        }
    }

    private static String num(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.DOWN).toPlainString();
    }

    private static String pct(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.DOWN).toPlainString() + " %";
    }
}
