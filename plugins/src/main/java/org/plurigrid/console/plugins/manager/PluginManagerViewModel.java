package org.plurigrid.console.plugins.manager;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.plurigrid.console.plugins.host.PluginInfo;
import org.plurigrid.console.plugins.host.PluginState;

/**
 * The plugin manager's state: every plugin found with its version, source, state and problem, and whether it should
 * run at the next start. Saving goes through a backend off the FX thread; the result comes back as a message.
 */
public final class PluginManagerViewModel {

    /** A row: the plugin as found, and the operator's choice for the next start. */
    public static final class Row {
        private final PluginInfo info;
        private final BooleanProperty enabled;

        Row(PluginInfo info) {
            this.info = info;
            // A refused plugin cannot run, so its box is never shown ticked.
            this.enabled = new SimpleBooleanProperty(info.state() != PluginState.DISABLED && info.state() != PluginState.REFUSED);
        }

        public PluginInfo info() {
            return info;
        }

        /** Whether the plugin runs at the next start; refused plugins cannot be switched on. */
        public BooleanProperty enabledProperty() {
            return enabled;
        }

        public boolean switchable() {
            return info.state() != PluginState.REFUSED;
        }

        /** "bundled", or the jar as it sits in the plugins folder ({@code plugins/NAME.jar}); the full path is the source. */
        public String shortSource() {
            if (info.source().equals("bundled")) {
                return "bundled";
            }
            java.nio.file.Path name = java.nio.file.Path.of(info.source()).getFileName();
            return "plugins/" + (name == null ? info.source() : name);
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Function<Set<String>, CompletableFuture<Void>> save;
    private final Executor fx;

    /**
     * @param save writes the disabled ids (runs wherever the backend runs it, never on the FX thread)
     * @param fx   the FX thread (Platform::runLater), where results come back
     */
    public PluginManagerViewModel(List<PluginInfo> plugins, Function<Set<String>, CompletableFuture<Void>> save,
                                  Executor fx) {
        this.save = save;
        this.fx = fx;
        plugins.forEach(p -> rows.add(new Row(p)));
        long failed = plugins.stream().filter(p -> p.state() == PluginState.FAILED || p.state() == PluginState.REFUSED).count();
        message.set(plugins.size() + " plugin" + (plugins.size() == 1 ? "" : "s")
                + (failed == 0 ? "" : ", " + failed + " not running (see Problem)"));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Replaces a row's plugin info (a plugin disabled while running). */
    public void update(PluginInfo info) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).info().id().equals(info.id()) && rows.get(i).info().source().equals(info.source())) {
                Row row = new Row(info);
                row.enabledProperty().set(rows.get(i).enabledProperty().get());
                rows.set(i, row);
                message.set("Plugin '" + info.title() + "' was disabled: it " + info.problem().orElse("failed"));
            }
        }
    }

    /** Saves the choices; they take effect at the next start. */
    public void apply() {
        Set<String> disabled = new TreeSet<>();
        rows.stream().filter(r -> r.switchable() && !r.enabledProperty().get()).forEach(r -> disabled.add(r.info().id()));
        message.set("Saving…");
        save.apply(disabled).whenComplete((ok, error) -> fx.execute(() -> message.set(error == null
                ? "Saved: " + (disabled.isEmpty() ? "every plugin runs" : disabled.size() + " switched off")
                        + " from the next start."
                : "Not saved: " + (error.getCause() != null ? error.getCause().getMessage() : error.getMessage()))));
    }
}
