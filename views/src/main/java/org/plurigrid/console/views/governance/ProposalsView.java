package org.plurigrid.console.views.governance;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.Tally;

/**
 * Proposals: a table (status, voting end, turnout) and the selected proposal's detail with its live tally, messages,
 * deposit, the vote buttons, a weighted-vote field, and the confirmation of exactly what will be signed.
 */
public final class ProposalsView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ProposalsViewModel vm;
    private final Label title = new Label();
    private final Label meta = new Label();
    private final TextArea details = new TextArea();
    private final GridPane tally = new GridPane();

    public ProposalsView(ProposalsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("proposals-view");
        TableView<ProposalSummary> table = table();
        SplitPane split = new SplitPane(table, detail());
        split.setDividerPositions(0.5);
        setCenter(split);
        vm.selectedProperty().addListener((obs, old, p) -> show(p));
    }

    private TableView<ProposalSummary> table() {
        TableView<ProposalSummary> table = new TableView<>(vm.proposals());
        table.getColumns().add(column("#", p -> Long.toString(p.id()), 50));
        table.getColumns().add(column("Title", ProposalSummary::title, 320));
        table.getColumns().add(column("Status", ProposalSummary::statusText, 110));
        table.getColumns().add(column("Voting ends", p -> p.votingEnd().map(TIME::format).orElse("—"), 130));
        table.getColumns().add(column("Turnout / quorum", p -> pct(p.turnout()) + " / " + pct(p.quorum())
                + (p.quorumReached() ? " ✓" : ""), 130));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> {
            if (p != null) {
                vm.select(p);
            }
        });
        table.setPlaceholder(new Label("No proposals"));
        return table;
    }

    private static TableColumn<ProposalSummary, String> column(String name, java.util.function.Function<ProposalSummary, String> f, double width) {
        TableColumn<ProposalSummary, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private VBox detail() {
        title.getStyleClass().add("proposal-title");
        title.setWrapText(true);
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(8);
        tally.setHgap(8);
        tally.setVgap(4);

        HBox buttons = new HBox(6);
        for (VoteOption o : new VoteOption[] {VoteOption.VOTE_OPTION_YES, VoteOption.VOTE_OPTION_NO, VoteOption.VOTE_OPTION_ABSTAIN,
                VoteOption.VOTE_OPTION_NO_WITH_VETO}) {
            Button b = new Button(ProposalsViewModel.label(o));
            b.disableProperty().bind(vm.canVoteProperty().not());
            b.setOnAction(e -> vm.requestVote(o));
            buttons.getChildren().add(b);
        }
        TextField weights = new TextField();
        weights.setPromptText("yes=0.7,no=0.3");
        Button weighted = new Button("Weighted vote");
        weighted.disableProperty().bind(vm.canVoteProperty().not());
        weighted.setOnAction(e -> vm.requestWeightedVote(weights.getText()));
        HBox weightedRow = new HBox(6, weights, weighted);

        TextArea confirmation = new TextArea();
        confirmation.setEditable(false);
        confirmation.setPrefRowCount(6);
        confirmation.textProperty().bind(vm.confirmationProperty());
        Button confirm = new Button("Sign and send");
        confirm.setDefaultButton(true);
        confirm.setOnAction(e -> vm.confirm());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox confirmRow = new HBox(6, confirm, cancel);
        VBox confirmBox = new VBox(4, new Label("You are about to sign:"), confirmation, confirmRow);
        confirmBox.visibleProperty().bind(vm.pendingProperty().isNotNull());
        confirmBox.managedProperty().bind(confirmBox.visibleProperty());
        confirm.disableProperty().bind(vm.busyProperty());

        Label progress = new Label();
        progress.textProperty().bind(vm.progressProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(vm.errorProperty()));

        VBox box = new VBox(8, title, meta, tally, details, buttons, weightedRow, confirmBox, progress, error);
        box.setPadding(new Insets(10));
        return box;
    }

    private void show(ProposalSummary p) {
        tally.getChildren().clear();
        if (p == null) {
            title.setText("");
            meta.setText("");
            details.setText("");
            return;
        }
        title.setText("#" + p.id() + "  " + p.title());
        meta.setText(p.statusText() + (p.votingEnd().map(t -> ", voting ends " + TIME.format(t)).orElse(""))
                + " · turnout " + pct(p.turnout()) + " of quorum " + pct(p.quorum()));
        Tally t = p.tally();
        java.math.BigDecimal total = new java.math.BigDecimal(t.total());
        String[] names = {"Yes", "No", "Abstain", "No with veto"};
        java.math.BigInteger[] counts = {t.yes(), t.no(), t.abstain(), t.noWithVeto()};
        for (int i = 0; i < 4; i++) {
            ProgressBar bar = new ProgressBar(total.signum() == 0 ? 0 : new java.math.BigDecimal(counts[i]).divide(total, 4,
                    java.math.RoundingMode.HALF_UP).doubleValue());
            bar.setPrefWidth(220);
            tally.addRow(i, new Label(names[i]), bar, new Label(counts[i].toString()));
        }
        details.setText(p.summary() + "\n\nProposer: " + p.proposer() + "\nDeposit: " + String.join(", ", p.deposit())
                + "\n\nMessages:\n" + String.join("\n", p.messages()));
    }

    private static String pct(java.math.BigDecimal share) {
        return share.movePointRight(2).setScale(1, java.math.RoundingMode.DOWN).toPlainString() + " %";
    }
}
