package org.plurigrid.console.views.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.plurigrid.console.client.config.BrokerEntry;
import org.plurigrid.console.client.config.StoredSecret;

/**
 * The connection editor: the configured brokers, the one being edited, and the commands load, add, remove, test and
 * save. Work that touches files or the network goes through {@link ConnectionsBackend} on the {@code background}
 * executor; results come back on the {@code fx} executor.
 */
public final class ConnectionsViewModel {

    /** How the status line should read: information, success or a failure the operator must act on. */
    public enum StatusKind { INFO, OK, FAILED }

    private final ConnectionsBackend backend;
    private final Executor background;
    private final Executor fx;

    private final ObservableList<BrokerDraft> brokers = FXCollections.observableArrayList();
    private final ObservableList<BrokerDraft> readOnlyBrokers = FXCollections.unmodifiableObservableList(brokers);
    private final ObjectProperty<BrokerDraft> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<StatusKind> statusKind = new ReadOnlyObjectWrapper<>(this, "statusKind",
            StatusKind.INFO);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(this, "saved");
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper(this, "inUse", "");
    /** Brokers added or removed since the last load. */
    private boolean listChanged;

    public ConnectionsViewModel(ConnectionsBackend backend, Executor background, Executor fx) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** Reads the configured brokers (off the FX thread) and selects the first. */
    public void load() {
        load(true);
    }

    /** @param announce say how many brokers were read (not after a save, whose message stays) */
    private void load(boolean announce) {
        busy.set(true);
        if (announce) {
            say(StatusKind.INFO, "Reading the configuration…");
        }
        background.execute(() -> {
            List<BrokerEntry> entries;
            try {
                entries = backend.load();
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                fx.execute(() -> {
                    busy.set(false);
                    say(StatusKind.FAILED, "Cannot read the configuration: " + message);
                });
                return;
            }
            fx.execute(() -> {
                busy.set(false);
                String keep = selected.get() == null ? "" : selected.get().nameProperty().get().strip();
                brokers.forEach(BrokerDraft::clearSecrets);
                List<BrokerDraft> drafts = new ArrayList<>();
                entries.forEach(e -> drafts.add(watch(new BrokerDraft(e))));
                brokers.setAll(drafts);
                listChanged = false;
                revalidateNames();
                selected.set(brokers.stream().filter(d -> d.nameProperty().get().equals(keep)).findFirst()
                        .orElse(brokers.isEmpty() ? null : brokers.getFirst()));
                if (!announce) {
                    return;
                }
                say(StatusKind.INFO, brokers.isEmpty()
                        ? "No broker saved in the configuration yet" + (inUse.get().isEmpty() ? "; add one."
                                : ". The console is using " + inUse.get() + " now; brokers added here are saved for the next start.")
                        : brokers.size() + (brokers.size() == 1 ? " broker" : " brokers") + " configured.");
            });
        });
    }

    /** A new broker with default settings, selected for editing. */
    public BrokerDraft add() {
        int n = brokers.size() + 1;
        String name = "broker-" + n;
        while (nameUsed(name, null)) {
            name = "broker-" + ++n;
        }
        BrokerDraft d = watch(new BrokerDraft(name, "tcp://localhost:1883"));
        brokers.add(d);
        listChanged = true;
        revalidateNames();
        selected.set(d);
        return d;
    }

    /** Removes the selected broker from the list (the file changes on save). */
    public void removeSelected() {
        BrokerDraft d = selected.get();
        if (d == null) {
            return;
        }
        int i = brokers.indexOf(d);
        d.clearSecrets();
        brokers.remove(d);
        listChanged = true;
        revalidateNames();
        selected.set(brokers.isEmpty() ? null : brokers.get(Math.min(i, brokers.size() - 1)));
    }

    /** Tries the selected broker's settings as they are in the editor, without saving them. */
    public void testSelected() {
        BrokerDraft d = selected.get();
        if (d == null) {
            return;
        }
        if (!d.isValid()) {
            say(StatusKind.FAILED, "Cannot test \"" + d.nameProperty().get() + "\": " + d.problems().getFirst());
            return;
        }
        BrokerEntry entry = d.toEntry();
        busy.set(true);
        say(StatusKind.INFO, "Testing \"" + entry.name() + "\" at " + entry.uri() + "…");
        background.execute(() -> {
            ConnectionsBackend.Outcome outcome = run(() -> backend.test(entry));
            clear(List.of(entry));
            fx.execute(() -> {
                busy.set(false);
                report(outcome);
            });
        });
    }

    /** Saves every broker when all are valid; otherwise selects the first invalid one and says what is wrong. */
    public void save() {
        if (brokers.isEmpty()) {
            say(StatusKind.FAILED, "Cannot save: the console needs at least one broker.");
            return;
        }
        for (BrokerDraft d : brokers) {
            if (!d.isValid()) {
                selected.set(d);
                int n = d.problems().size();
                say(StatusKind.FAILED, "Cannot save: \"" + d.nameProperty().get() + "\" has " + n
                        + (n == 1 ? " problem" : " problems") + ". " + d.problems().getFirst());
                return;
            }
        }
        List<BrokerEntry> entries = brokers.stream().map(BrokerDraft::toEntry).toList();
        busy.set(true);
        say(StatusKind.INFO, "Saving…");
        background.execute(() -> {
            ConnectionsBackend.Outcome outcome = run(() -> backend.save(entries));
            clear(entries);
            fx.execute(() -> {
                busy.set(false);
                report(outcome);
                if (outcome instanceof ConnectionsBackend.Done) {
                    brokers.forEach(BrokerDraft::clearSecrets);
                    saved.set(true);
                    // Read back what was written: new passwords now show as stored, renamed brokers keep their keys.
                    load(false);
                }
            });
        });
    }

    /** What the console is connected to right now (e.g. "devnet at tcp://127.0.0.1:1883 (connected)"), shown above the list. */
    public void setInUse(String description) {
        inUse.set(description == null ? "" : description.strip());
    }

    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    /** True when closing now would drop edits: a broker added, removed or changed since the list was read or saved. */
    public boolean hasUnsavedChanges() {
        return listChanged || brokers.stream().anyMatch(BrokerDraft::isEdited);
    }

    /** Wipes typed passwords; call when the dialog closes without saving. */
    public void discard() {
        brokers.forEach(BrokerDraft::clearSecrets);
    }

    private interface Call {
        ConnectionsBackend.Outcome get() throws Exception;
    }

    private static ConnectionsBackend.Outcome run(Call call) {
        try {
            return Objects.requireNonNull(call.get(), "outcome");
        } catch (Exception e) {
            return new ConnectionsBackend.Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static void clear(List<BrokerEntry> entries) {
        for (BrokerEntry e : entries) {
            if (e.password() instanceof StoredSecret.Replaced r) {
                r.clear();
            }
            e.tls().ifPresent(t -> {
                if (t.keyPassword() instanceof StoredSecret.Replaced r) {
                    r.clear();
                }
            });
        }
    }

    private void report(ConnectionsBackend.Outcome outcome) {
        switch (outcome) {
            case ConnectionsBackend.Done done -> say(StatusKind.OK, done.message());
            case ConnectionsBackend.Failed failed -> say(StatusKind.FAILED, failed.message());
        }
    }

    private BrokerDraft watch(BrokerDraft d) {
        d.nameProperty().addListener((o, a, b) -> revalidateNames());
        return d;
    }

    private void revalidateNames() {
        for (BrokerDraft d : brokers) {
            d.nameTaken(n -> nameUsed(n, d));
        }
    }

    private boolean nameUsed(String name, BrokerDraft except) {
        return brokers.stream().anyMatch(o -> o != except && o.nameProperty().get().strip().equals(name.strip()));
    }

    private void say(StatusKind kind, String text) {
        statusKind.set(kind);
        status.set(text);
    }

    public ObservableList<BrokerDraft> brokers() {
        return readOnlyBrokers;
    }

    public ObjectProperty<BrokerDraft> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    /** True while loading, testing or saving: the view disables its commands. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Becomes true once the brokers are saved (and applied); the dialog stays open so its message is read. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
