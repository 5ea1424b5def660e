package org.plurigrid.console.views.governance;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The session account's balances and voting power, and the console's own transactions this session. */
public final class AccountsView extends VBox {

    public AccountsView(AccountsViewModel vm, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        getStyleClass().add("accounts-view");
        Label heading = new Label("Account");
        heading.getStyleClass().add("section-title");

        Label name = value();
        Label address = value();
        Label balances = value();
        Label power = value();
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            AccountEntry a = vm.accountProperty().get();
            return a == null ? "No account unlocked — choose one above" : a.name() + (a.watchOnly() ? " (watch-only)" : "");
        }, vm.accountProperty()));
        address.textProperty().bind(Bindings.createStringBinding(
                () -> vm.accountProperty().get() == null ? "—" : vm.accountProperty().get().address(), vm.accountProperty()));
        balances.textProperty().bind(Bindings.createStringBinding(() -> {
            AccountOverview o = vm.overviewProperty().get();
            return o == null ? "—" : o.balances().isEmpty() ? "no tokens" : String.join(", ", o.balances());
        }, vm.overviewProperty()));
        power.textProperty().bind(Bindings.createStringBinding(() -> {
            AccountOverview o = vm.overviewProperty().get();
            return o == null ? "—" : o.votingPower().map(p -> p.toString()).orElse("not served by this node");
        }, vm.overviewProperty()));
        GridPane facts = new GridPane();
        facts.setHgap(14);
        facts.setVgap(4);
        facts.addRow(0, key("Name"), name);
        facts.addRow(1, key("Address"), address);
        facts.addRow(2, key("Balances"), balances);
        facts.addRow(3, key("Voting power"), power);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());

        Label historyHeading = new Label("Transactions sent from this console (this session)");
        historyHeading.getStyleClass().add("section-title");
        TableView<TxRecord> table = new TableView<>(vm.history());
        table.getColumns().add(column("Time", r -> time.format(r.time()), 90));
        table.getColumns().add(column("Account", TxRecord::account, 100));
        table.getColumns().add(column("What", TxRecord::what, 190));
        table.getColumns().add(column("Height", r -> r.height() > 0 ? Long.toString(r.height()) : "—", 80));
        TableColumn<TxRecord, String> outcome = column("Outcome", r -> (r.ok() ? "" : "✗ ") + r.outcome(), 330);
        outcome.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("outcome-failed");
                if (!empty && text != null && text.startsWith("✗")) {
                    getStyleClass().add("outcome-failed");
                }
            }
        });
        table.getColumns().add(outcome);
        table.getColumns().add(column("Tx hash", TxRecord::txHash, 540));
        table.setPlaceholder(new Label("No transactions sent yet"));
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(heading, facts, new HBox(8, refresh, error), historyHeading, table);
        setSpacing(8);
        setPadding(new Insets(10));
    }

    private static TableColumn<TxRecord, String> column(String name, Function<TxRecord, String> f, double width) {
        TableColumn<TxRecord, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-key");
        return l;
    }

    private static Label value() {
        Label l = new Label();
        l.getStyleClass().add("fact-value");
        return l;
    }
}
