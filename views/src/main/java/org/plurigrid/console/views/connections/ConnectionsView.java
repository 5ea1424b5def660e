package org.plurigrid.console.views.connections;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.Property;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.plurigrid.console.client.telemetry.MqttVersion;

/**
 * The connection dialog's content: the brokers on the left, the selected one's settings in sections, and Test /
 * Close / Save below. Every field shows what is wrong with it as it is typed. Passwords are taken from the
 * password fields as {@code char[]} when the field is left, and the fields are cleared at once.
 */
public final class ConnectionsView extends BorderPane {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final String STYLESHEET = "org/plurigrid/console/views/connections/connections.css";

    private final ConnectionsViewModel vm;
    private final Map<Field, Label> errorLabels = new EnumMap<>(Field.class);
    private final Map<Field, Control> inputs = new EnumMap<>(Field.class);
    private final List<Runnable> unbind = new ArrayList<>();
    private final MapChangeListener<Field, String> errorListener = c -> showErrors();
    private BrokerDraft bound;
    private Runnable onClose = () -> { };

    private final TextField name = new TextField();
    private final TextField uri = new TextField();
    private final RadioButton v5 = new RadioButton("MQTT 5");
    private final RadioButton v311 = new RadioButton("MQTT 3.1.1");
    private final TextField clientId = new TextField();
    private final TextField keepAlive = new TextField();
    private final CheckBox persistent = new CheckBox("Persistent session (broker queues messages while away)");
    private final TextField sessionExpiry = new TextField();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label passwordState = new Label();
    private final Button removePassword = new Button("Remove");
    private final Button keepPassword = new Button("Keep stored");
    private final TextArea topicFilters = new TextArea();
    private final TextField hostId = new TextField();
    private final TextField caFile = new TextField();
    private final ChoiceBox<BrokerDraft.ClientIdentity> identity = new ChoiceBox<>();
    private final TextField clientCertificate = new TextField();
    private final TextField clientKey = new TextField();
    private final TextField pkcs12 = new TextField();
    private final PasswordField keyPassword = new PasswordField();
    private final Label keyPasswordState = new Label();
    private final CheckBox verifyHostname = new CheckBox("Verify that the certificate names the broker host");
    private final VBox editor = new VBox();

    public ConnectionsView(ConnectionsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("connections-view");
        setId("connections-view");
        getStylesheets().add(STYLESHEET);

        setLeft(brokerList());
        Label inUse = new Label();
        inUse.setId("connections-in-use");
        inUse.getStyleClass().add("connections-in-use");
        inUse.setWrapText(true);
        inUse.textProperty().bind(javafx.beans.binding.Bindings.concat("In use now: ", vm.inUseProperty()));
        inUse.visibleProperty().bind(vm.inUseProperty().isNotEmpty());
        inUse.managedProperty().bind(inUse.visibleProperty());
        setTop(inUse);
        editor.getStyleClass().add("connections-editor");
        editor.getChildren().addAll(
                section("Connection", grid(
                        row(Field.NAME, name, "Label in the status bar"),
                        row(Field.URI, uri, "tcp://host:1883 or ssl://host:8883"),
                        plainRow("MQTT version", new HBox(16, v5, v311)),
                        row(Field.CLIENT_ID, clientId, "Empty: a random id per start"),
                        row(Field.KEEP_ALIVE, keepAlive, "e.g. 30s"))),
                section("Session", grid(
                        plainRow("", persistent),
                        row(Field.SESSION_EXPIRY, sessionExpiry, "e.g. 1h; needs a fixed client id"))),
                section("Credentials", grid(
                        row(Field.USERNAME, username, ""),
                        row(Field.PASSWORD, password, "Type to replace"),
                        plainRow("", new HBox(8, passwordState, removePassword, keepPassword)))),
                section("TLS (ssl:// only)", tlsGrid()),
                section("Subscriptions and Sparkplug", grid(
                        row(Field.TOPIC_FILTERS, topicFilters, ""),
                        row(Field.HOST_ID, hostId, "Empty: the file's default host id"))));
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("connections-scroll");
        setCenter(scroll);
        setBottom(footer());

        ToggleGroup versions = new ToggleGroup();
        v5.setToggleGroup(versions);
        v311.setToggleGroup(versions);
        v5.setId("connection-v5");
        v311.setId("connection-v311");
        topicFilters.setPrefRowCount(3);
        topicFilters.setPromptText("One filter per line, e.g. spBv1.0/cg-utrecht/#");
        identity.getItems().setAll(BrokerDraft.ClientIdentity.values());
        passwordState.getStyleClass().add("secret-state");
        passwordState.setId("connection-password-state");
        keyPasswordState.getStyleClass().add("secret-state");
        password.focusedProperty().addListener((o, was, is) -> { if (!is) commitPasswords(); });
        keyPassword.focusedProperty().addListener((o, was, is) -> { if (!is) commitPasswords(); });
        password.setOnAction(e -> commitPasswords());
        keyPassword.setOnAction(e -> commitPasswords());
        removePassword.setOnAction(e -> { if (bound != null) { password.clear(); bound.removePassword(); } });
        keepPassword.setOnAction(e -> { if (bound != null) { password.clear(); bound.keepStoredPassword(); } });

        vm.selectedProperty().addListener((o, old, now) -> bind(now));
        bind(vm.selectedProperty().get());
    }

    /**
     * Close, as the Close button and the window's close box do: with unsaved edits the operator is asked first
     * (Discard / Keep editing). Returns whether the dialog closes.
     */
    public boolean requestClose() {
        commitPasswords();
        if (vm.hasUnsavedChanges() && !confirmDiscard()) {
            return false;
        }
        password.clear();
        keyPassword.clear();
        vm.discard();
        onClose.run();
        return true;
    }

    /** Asks before unsaved broker edits are dropped; replaceable in tests (no modal dialog under a robot). */
    private java.util.function.BooleanSupplier confirmDiscard = () -> {
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Discard changes",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType("Keep editing",
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The broker changes are not saved. Close and discard them?", discard, keep);
        ask.setHeaderText("Unsaved changes");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        return ask.showAndWait().filter(discard::equals).isPresent();
    };

    private boolean confirmDiscard() {
        return confirmDiscard.getAsBoolean();
    }

    /** Replaces the "discard unsaved changes?" question (tests). */
    public void setConfirmDiscard(java.util.function.BooleanSupplier confirm) {
        this.confirmDiscard = java.util.Objects.requireNonNull(confirm, "confirm");
    }

    /** Called when the dialog closes (after {@link #requestClose()}), e.g. to close the dialog window. */
    public void setOnClose(Runnable onClose) {
        this.onClose = onClose == null ? () -> { } : onClose;
    }

    private Node brokerList() {
        ListView<BrokerDraft> list = new ListView<>(vm.brokers());
        list.setId("connections-list");
        list.setPrefWidth(210);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                commitPasswords();
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> list.getSelectionModel().select(b));
        list.getSelectionModel().select(vm.selectedProperty().get());
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            private final javafx.beans.value.ChangeListener<String> rename = (ob, x, y) -> setText(y);
            private BrokerDraft shown;

            @Override
            protected void updateItem(BrokerDraft item, boolean empty) {
                super.updateItem(item, empty);
                if (shown != null) {
                    shown.nameProperty().removeListener(rename);
                }
                shown = empty ? null : item;
                if (shown != null) {
                    shown.nameProperty().addListener(rename);
                }
                setText(shown == null ? null : shown.nameProperty().get());
            }
        });
        Button add = new Button("Add");
        add.setId("connections-add");
        add.setOnAction(e -> { commitPasswords(); vm.add(); });
        Button remove = new Button("Remove");
        remove.setId("connections-remove");
        remove.setOnAction(e -> vm.removeSelected());
        remove.disableProperty().bind(vm.selectedProperty().isNull());
        HBox buttons = new HBox(8, add, remove);
        Label title = new Label("Brokers");
        title.getStyleClass().add("connections-section-title");
        VBox box = new VBox(8, title, list, buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("connections-list-pane");
        return box;
    }

    private Node footer() {
        Label status = new Label();
        status.setId("connections-status");
        status.getStyleClass().add("connections-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        vm.statusKindProperty().addListener((o, a, b) -> kind(status, b));
        kind(status, vm.statusKindProperty().get());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(status, Priority.SOMETIMES);
        Button test = new Button("Test connection");
        test.setId("connections-test");
        test.setOnAction(e -> { commitPasswords(); vm.testSelected(); });
        test.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
        Button cancel = new Button("Close");
        cancel.setId("connections-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> requestClose());
        Button save = new Button("Save and reconnect");
        save.setId("connections-save");
        save.getStyleClass().add("primary");
        save.setDefaultButton(true);
        save.setOnAction(e -> { commitPasswords(); vm.save(); });
        save.disableProperty().bind(vm.busyProperty());
        for (Button b : List.of(test, cancel, save)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, status, spacer, test, cancel, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("connections-footer");
        return bar;
    }

    private static void kind(Label status, ConnectionsViewModel.StatusKind k) {
        status.getStyleClass().removeAll("status-info", "status-ok", "status-failed");
        status.getStyleClass().add("status-" + k.name().toLowerCase(java.util.Locale.ROOT));
    }

    private Node tlsGrid() {
        GridPane g = grid(
                row(Field.CA_FILE, withBrowse(caFile, "CA certificates (PEM)"), "Empty: the JVM trust store"),
                plainRow("Client identity", identity),
                row(Field.CLIENT_CERTIFICATE, withBrowse(clientCertificate, "Client certificate (PEM)"), ""),
                row(Field.CLIENT_KEY, withBrowse(clientKey, "Private key (PEM)"), ""),
                row(Field.PKCS12, withBrowse(pkcs12, "PKCS#12 store"), ".p12 / .pfx"),
                row(Field.KEY_PASSWORD, keyPassword, "Type to replace"),
                plainRow("", keyPasswordState),
                plainRow("", verifyHostname));
        inputs.put(Field.CA_FILE, caFile);
        inputs.put(Field.CLIENT_CERTIFICATE, clientCertificate);
        inputs.put(Field.CLIENT_KEY, clientKey);
        inputs.put(Field.PKCS12, pkcs12);
        return g;
    }

    private Node withBrowse(TextField field, String what) {
        Button browse = new Button("Browse…");
        browse.disableProperty().bind(field.disableProperty());
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(what);
            File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                field.setText(f.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    private record Row(String label, Node input, Label error, String hint) {
    }

    private Row row(Field field, Node input, String hint) {
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setId("error-" + field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        errorLabels.put(field, error);
        if (input instanceof Control c) {
            inputs.put(field, c);
            c.setId("connection-" + field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (c instanceof TextField t && !hint.isEmpty()) {
                t.setPromptText(hint);
            }
        }
        return new Row(field.label(), input, error, hint);
    }

    private static Row plainRow(String label, Node input) {
        return new Row(label, input, null, "");
    }

    private static GridPane grid(Row... rows) {
        GridPane g = new GridPane();
        g.getStyleClass().add("connections-grid");
        g.setHgap(12);
        g.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints(150);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        g.getColumnConstraints().setAll(labels, inputs);
        int r = 0;
        for (Row row : rows) {
            Label l = new Label(row.label());
            l.getStyleClass().add("field-label");
            g.add(l, 0, r);
            g.add(row.input(), 1, r++);
            if (row.error() != null) {
                g.add(row.error(), 1, r++);
            }
        }
        return g;
    }

    private static Node section(String title, Node content) {
        Label t = new Label(title);
        t.getStyleClass().add("connections-section-title");
        VBox box = new VBox(6, t, content);
        box.getStyleClass().add("connections-section");
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }

    /** Hands typed passwords to the draft as char[] and clears the fields at once. */
    private void commitPasswords() {
        if (bound == null) {
            return;
        }
        if (!password.getText().isEmpty()) {
            char[] typed = chars(password.getCharacters());
            bound.replacePassword(typed);
            Arrays.fill(typed, '\0');
            password.clear();
        }
        if (!keyPassword.getText().isEmpty()) {
            char[] typed = chars(keyPassword.getCharacters());
            bound.replaceKeyPassword(typed);
            Arrays.fill(typed, '\0');
            keyPassword.clear();
        }
    }

    private static char[] chars(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.charAt(i);
        }
        return out;
    }

    private void bind(BrokerDraft d) {
        commitPasswords();
        unbind.forEach(Runnable::run);
        unbind.clear();
        if (bound != null) {
            bound.errors().removeListener(errorListener);
        }
        bound = d;
        editor.setDisable(d == null);
        if (d == null) {
            errorLabels.values().forEach(l -> { l.setVisible(false); l.setManaged(false); });
            return;
        }
        two(name.textProperty(), d.nameProperty());
        two(uri.textProperty(), d.uriProperty());
        two(clientId.textProperty(), d.clientIdProperty());
        two(keepAlive.textProperty(), d.keepAliveProperty());
        two(persistent.selectedProperty(), d.persistentSessionProperty());
        two(sessionExpiry.textProperty(), d.sessionExpiryProperty());
        two(username.textProperty(), d.usernameProperty());
        two(topicFilters.textProperty(), d.topicFiltersProperty());
        two(hostId.textProperty(), d.hostIdProperty());
        two(caFile.textProperty(), d.caFileProperty());
        two(identity.valueProperty(), d.identityProperty());
        two(clientCertificate.textProperty(), d.clientCertificateProperty());
        two(clientKey.textProperty(), d.clientKeyProperty());
        two(pkcs12.textProperty(), d.pkcs12Property());
        two(verifyHostname.selectedProperty(), d.verifyHostnameProperty());
        (d.versionProperty().get() == MqttVersion.V3_1_1 ? v311 : v5).setSelected(true);
        javafx.beans.value.ChangeListener<Boolean> v = (o, a, b) -> d.versionProperty().set(
                v311.isSelected() ? MqttVersion.V3_1_1 : MqttVersion.V5);
        v311.selectedProperty().addListener(v);
        unbind.add(() -> v311.selectedProperty().removeListener(v));
        passwordState.textProperty().bind(d.passwordStateProperty());
        keyPasswordState.textProperty().bind(d.keyPasswordStateProperty());
        // "Keep stored" only undoes a replacement or removal of a stored password.
        javafx.beans.value.ChangeListener<String> keepShown = (o, a, b) -> keepPassword.setVisible(
                d.hasStoredPassword() && !b.startsWith("stored") && !b.startsWith("from file"));
        d.passwordStateProperty().addListener(keepShown);
        keepShown.changed(null, null, d.passwordStateProperty().get());
        unbind.add(() -> d.passwordStateProperty().removeListener(keepShown));
        unbind.add(() -> { passwordState.textProperty().unbind(); keyPasswordState.textProperty().unbind(); });

        sessionExpiry.disableProperty().bind(d.persistentSessionProperty().not());
        var noTls = d.tlsProperty().not();
        caFile.disableProperty().bind(noTls);
        identity.disableProperty().bind(noTls);
        verifyHostname.disableProperty().bind(noTls);
        clientCertificate.disableProperty().bind(noTls.or(d.identityProperty().isNotEqualTo(BrokerDraft.ClientIdentity.PEM)));
        clientKey.disableProperty().bind(clientCertificate.disableProperty());
        pkcs12.disableProperty().bind(noTls.or(d.identityProperty().isNotEqualTo(BrokerDraft.ClientIdentity.PKCS12)));
        keyPassword.disableProperty().bind(noTls.or(d.identityProperty().isEqualTo(BrokerDraft.ClientIdentity.NONE)));
        unbind.add(() -> List.of(sessionExpiry, caFile, identity, verifyHostname, clientCertificate, clientKey, pkcs12,
                keyPassword).forEach(c -> c.disableProperty().unbind()));

        d.errors().addListener(errorListener);
        showErrors();
    }

    private <T> void two(Property<T> control, Property<T> model) {
        control.bindBidirectional(model);
        unbind.add(() -> control.unbindBidirectional(model));
    }

    private void showErrors() {
        Map<Field, String> errors = bound == null ? Map.of() : bound.errors();
        errorLabels.forEach((field, label) -> {
            String e = errors.get(field);
            boolean show = e != null;
            label.setText(show ? field.label() + ": " + e : "");
            label.setVisible(show);
            label.setManaged(show);
            Control c = inputs.get(field);
            if (c != null) {
                c.pseudoClassStateChanged(INVALID, show);
            }
        });
    }
}
