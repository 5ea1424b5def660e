package org.plurigrid.console.views.governance;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Shows, field by field, exactly the transaction that "Sign and send" signs: chain-id, account, message JSON, fee,
 * gas and memo. Nothing here is editable; to change anything the operator cancels and prepares again.
 */
final class ConfirmationPane extends VBox {

    private final Label chain = value();
    private final Label account = value();
    private final Label numbers = value();
    private final TextArea message = new TextArea();
    private final Label fee = value();
    private final Label gas = value();
    private final Label memo = value();

    ConfirmationPane(ProposalsViewModel vm) {
        getStyleClass().add("confirmation-pane");
        Label heading = new Label("Check before signing — this is exactly what will be signed");
        heading.getStyleClass().add("section-title");
        message.setEditable(false);
        message.setWrapText(false);
        message.setPrefRowCount(7);
        message.getStyleClass().add("json");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("facts");
        grid.setHgap(12);
        grid.setVgap(4);
        int row = 0;
        grid.addRow(row++, key("Chain ID"), chain);
        grid.addRow(row++, key("Account"), account);
        grid.addRow(row++, key("Number / sequence"), numbers);
        grid.addRow(row++, key("Message"), message);
        grid.addRow(row++, key("Fee"), fee);
        grid.addRow(row++, key("Gas limit"), gas);
        grid.addRow(row, key("Memo"), memo);
        GridPane.setHgrow(message, Priority.ALWAYS);
        for (javafx.scene.Node n : grid.getChildren()) {
            GridPane.setValignment(n, javafx.geometry.VPos.TOP);
        }

        Button sign = new Button("Sign and send");
        sign.setDefaultButton(true);
        sign.setId("confirm-sign");
        sign.getStyleClass().add("primary");
        sign.disableProperty().bind(vm.busyProperty());
        sign.setOnAction(e -> vm.confirm());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setId("confirm-cancel");
        cancel.disableProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        Label progress = new Label();
        progress.getStyleClass().add("progress-text");
        progress.textProperty().bind(vm.progressProperty());
        HBox buttons = new HBox(12, sign, cancel, progress);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        getChildren().addAll(heading, grid, buttons);
        setSpacing(8);
        setPadding(new Insets(10));
        vm.confirmationDetailsProperty().addListener((obs, was, c) -> show(c));
        show(vm.confirmationDetailsProperty().get());
    }

    private void show(Confirmation c) {
        if (c == null) {
            for (Label l : new Label[] {chain, account, numbers, fee, gas, memo}) {
                l.setText("");
            }
            message.setText("");
            return;
        }
        chain.setText(c.chainId());
        account.setText(c.account());
        numbers.setText("account number " + c.accountNumber() + ", sequence " + c.sequence());
        message.setText(c.messagesJson());
        fee.setText(c.fee());
        gas.setText(c.gasLimit() + " (simulated " + c.simulatedGas() + ")");
        memo.setText(c.memo().isEmpty() ? "(none)" : c.memo());
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-key");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    /** Facts are never cut: an address has no space to wrap at, so the label keeps its full width (and a tooltip). */
    private static Label value() {
        Label l = new Label();
        l.getStyleClass().add("fact-value");
        l.setMinWidth(Label.USE_PREF_SIZE);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(l.textProperty());
        l.setTooltip(tip);
        return l;
    }
}
