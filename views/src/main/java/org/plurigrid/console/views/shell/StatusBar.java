package org.plurigrid.console.views.shell;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.plurigrid.console.views.common.ColumnFit;

/** The always-visible bar: console name, connections, chain, recording and clocks (UTC, and local where it differs). */
public final class StatusBar extends HBox {

    private static final PseudoClass ABNORMAL = PseudoClass.getPseudoClass("abnormal");

    private final HBox connectionBox = new HBox();

    public StatusBar(StatusBarViewModel vm) {
        getStyleClass().add("status-bar");
        setId("status-bar");
        setAlignment(Pos.CENTER_LEFT);

        Label product = new Label("PLURIGRID CONSOLE");
        product.getStyleClass().add("product-name");
        product.setMinWidth(Region.USE_PREF_SIZE);

        connectionBox.getStyleClass().add("status-group");
        connectionBox.setId("status-connections");
        connectionBox.setAlignment(Pos.CENTER_LEFT);
        vm.connections().addListener((ListChangeListener<ConnectionItem>) c -> rebuildConnections(vm));
        rebuildConnections(vm);

        Label chain = statusLabel("status-chain");
        chain.textProperty().bind(vm.chainStatusProperty());
        vm.chainAbnormalProperty().addListener((o, a, b) -> chain.pseudoClassStateChanged(ABNORMAL, b));
        chain.pseudoClassStateChanged(ABNORMAL, vm.chainAbnormalProperty().get());

        Label recording = statusLabel("status-recording");
        recording.textProperty().bind(vm.recordingStatusProperty());
        vm.recordingAbnormalProperty().addListener((o, a, b) -> recording.pseudoClassStateChanged(ABNORMAL, b));
        recording.pseudoClassStateChanged(ABNORMAL, vm.recordingAbnormalProperty().get());
        // Chain and recording give way first when the bar is narrow; cut, they show their whole text in a tooltip.
        ColumnFit.wholeTextTooltip(chain);
        // The recording's tooltip says everything: where, how much, what went wrong.
        Tooltip recordingTip = new Tooltip();
        recordingTip.textProperty().bind(javafx.beans.binding.Bindings.concat(vm.recordingStatusProperty(), "\n",
                vm.recordingDetailProperty()));
        recording.setTooltip(recordingTip);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        // Alarm counts live in the alarm banner right below (unacknowledged / active per priority), not twice.
        // Connections and clocks are never cut; chain and recording text may shorten first.
        Label utc = statusLabel("status-utc");
        utc.setMinWidth(Region.USE_PREF_SIZE);
        utc.getStyleClass().add("clock");
        utc.textProperty().bind(vm.utcClockProperty());
        Label local = statusLabel("status-local");
        local.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip date = new Tooltip();
        date.textProperty().bind(vm.dateProperty());
        utc.setTooltip(date);
        local.getStyleClass().add("clock");
        local.textProperty().bind(vm.localClockProperty());
        // where local time is UTC, one clock is enough
        local.visibleProperty().bind(local.textProperty().isNotEmpty());
        local.managedProperty().bind(local.visibleProperty());

        getChildren().addAll(product, separator(), connectionBox, separator(), chain, separator(), recording, spacer,
                utc, local);
    }

    /** Adds a small command right after the connection items, e.g. "Connections…" to edit them. */
    public javafx.scene.control.Button addCommand(String id, String text, Runnable action) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(text);
        b.setId(id);
        b.getStyleClass().add("status-command");
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        getChildren().add(getChildren().indexOf(connectionBox) + 1, b);
        return b;
    }

    private void rebuildConnections(StatusBarViewModel vm) {
        connectionBox.getChildren().clear();
        if (vm.connections().isEmpty()) {
            Label none = new Label("no broker connection");
            none.getStyleClass().addAll("status-item", "connection");
            none.pseudoClassStateChanged(ABNORMAL, true);
            connectionBox.getChildren().add(none);
            return;
        }
        for (ConnectionItem item : vm.connections()) {
            Label label = new Label(item.text());
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.getStyleClass().addAll("status-item", "connection", "connection-" + item.state().name().toLowerCase(java.util.Locale.ROOT));
            label.pseudoClassStateChanged(ABNORMAL, item.abnormal());
            if (!item.tooltip().isEmpty()) {
                label.setTooltip(new Tooltip(item.tooltip()));
            }
            connectionBox.getChildren().add(label);
        }
    }

    private static Label statusLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-item");
        return label;
    }

    private static Region separator() {
        Region r = new Region();
        r.getStyleClass().add("status-separator");
        return r;
    }
}
