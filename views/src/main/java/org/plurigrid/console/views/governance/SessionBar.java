package org.plurigrid.console.views.governance;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The session strip above the governance screens: account picker, password, Unlock and Lock, and what happened. The
 * password is copied into a {@code char[]} for the view-model (which clears it) and the field is emptied at once.
 */
final class SessionBar extends HBox {

    SessionBar(SessionViewModel vm) {
        getStyleClass().add("session-bar");
        Label accountLabel = new Label("Account");
        ComboBox<AccountEntry> picker = new ComboBox<>(vm.accounts());
        picker.setPrefWidth(220);
        picker.setId("session-account");
        picker.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.choose(now);
            }
        });
        vm.chosenProperty().addListener((obs, was, now) -> picker.setValue(now));
        picker.setValue(vm.chosenProperty().get());

        PasswordField password = new PasswordField();
        password.setPromptText("password");
        password.setId("session-password");
        password.setPrefColumnCount(14);
        Button unlock = new Button("Unlock");
        unlock.setId("session-unlock");
        Runnable doUnlock = () -> {
            CharSequence typed = password.getCharacters();
            char[] pw = new char[typed.length()];
            for (int i = 0; i < pw.length; i++) {
                pw[i] = typed.charAt(i);
            }
            password.clear();
            vm.unlock(pw);
        };
        unlock.setOnAction(e -> doUnlock.run());
        password.setOnAction(e -> doUnlock.run());
        unlock.disableProperty().bind(vm.busyProperty().or(vm.chosenProperty().isNull()));
        password.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.chosenProperty().get() != null && vm.chosenProperty().get().watchOnly(), vm.chosenProperty())));
        unlock.textProperty().bind(Bindings.createStringBinding(
                () -> vm.chosenProperty().get() != null && vm.chosenProperty().get().watchOnly() ? "Watch" : "Unlock", vm.chosenProperty()));
        Button lock = new Button("Lock");
        lock.setId("session-lock");
        lock.disableProperty().bind(vm.stateProperty().isEqualTo(SessionState.LOCKED));
        lock.setOnAction(e -> vm.lock());

        Label state = new Label();
        state.getStyleClass().add("session-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            AccountEntry a = vm.activeProperty().get();
            String name = a == null ? "" : a.name();
            return switch (vm.stateProperty().get()) {
                case LOCKED -> "Locked";
                case UNLOCKED -> "Unlocked: " + name;
                case WATCHING -> "Watching: " + name;
            };
        }, vm.stateProperty(), vm.activeProperty()));
        Label message = new Label();
        message.getStyleClass().add("session-message");
        message.textProperty().bind(vm.messageProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        getChildren().addAll(accountLabel, picker, password, unlock, lock, gap, message, state);
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
    }
}
