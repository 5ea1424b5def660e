package org.plurigrid.console.views.governance;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.plurigrid.console.views.common.BackgroundTask;
import org.plurigrid.console.views.common.BackgroundTask.Outcome;

/**
 * The session's account: pick one from the keystore, unlock it with its password (cleared after use), or watch a
 * watch-only account; lock again. Picking another account while one is active switches every screen to it at once
 * (its key is not unlocked: the session forgets the previous key and watches the new account until it is unlocked).
 * Decryption (scrypt, about a second) runs on {@code background}.
 */
public final class SessionViewModel {

    private final GovernanceActions actions;
    private final Executor background;
    private final Executor fx;

    private final ObservableList<AccountEntry> accounts = FXCollections.observableArrayList();
    private final ObservableList<AccountEntry> accountsReadOnly = FXCollections.unmodifiableObservableList(accounts);
    private final ReadOnlyObjectWrapper<AccountEntry> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AccountEntry> active = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>(SessionState.LOCKED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public SessionViewModel(GovernanceActions actions, Executor background, Executor fx) {
        this.actions = actions;
        this.background = background;
        this.fx = fx;
    }

    public ObservableList<AccountEntry> accounts() {
        return accountsReadOnly;
    }

    /** The account picked in the list (not yet unlocked). */
    public ReadOnlyObjectProperty<AccountEntry> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The account the session works with: unlocked, or watched; null when locked. */
    public ReadOnlyObjectProperty<AccountEntry> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What happened last, for the operator: "alice unlocked", "Wrong password for key 'alice'", … */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void refreshAccounts() {
        BackgroundTask.run(background, fx, actions::accounts, outcome -> {
            switch (outcome) {
                case Outcome.Done<List<AccountEntry>> d -> {
                    List<AccountEntry> loaded = d.value();
                    String keep = chosen.get() == null ? null : chosen.get().name();
                    accounts.setAll(loaded);
                    chosen.set(loaded.stream().filter(a -> a.name().equals(keep)).findFirst()
                            .orElse(loaded.isEmpty() ? null : loaded.get(0)));
                    if (loaded.isEmpty()) {
                        message.set("No accounts in the keystore: add one with 'keys add' or 'keys import'");
                    }
                }
                case Outcome.Failed<List<AccountEntry>> f -> message.set(f.message());
            }
        });
    }

    /**
     * Picks {@code account}. With another account active, the session switches to it now: the previous key is forgotten
     * and the new account is watched (proposals, its vote, balances) until it is unlocked.
     */
    public void choose(AccountEntry account) {
        chosen.set(account);
        AccountEntry was = active.get();
        if (account == null || was == null || account.equals(was) || busy.get()) {
            return;
        }
        background.execute(actions::lock);
        active.set(account);
        state.set(SessionState.WATCHING);
        message.set(account.watchOnly() ? account.name() + " is watch-only: you can view proposals and balances but cannot sign"
                : "Switched to " + account.name() + ": unlock it to vote");
    }

    /**
     * Unlocks the chosen account with {@code password}, which is cleared whatever happens. A watch-only account needs
     * no password and is only watched. A wrong password leaves the session locked.
     */
    public void unlock(char[] password) {
        AccountEntry a = chosen.get();
        if (a == null) {
            Arrays.fill(password, '\0');
            message.set("Choose an account first");
            return;
        }
        if (a.watchOnly()) {
            Arrays.fill(password, '\0');
            background.execute(actions::lock);
            active.set(a);
            state.set(SessionState.WATCHING);
            message.set(a.name() + " is watch-only: you can view proposals and balances but cannot sign");
            return;
        }
        busy.set(true);
        message.set("Unlocking " + a.name() + "…");
        BackgroundTask.run(background, fx, () -> {
            try {
                actions.unlock(a.name(), password);
                return a;
            } finally {
                Arrays.fill(password, '\0');
            }
        }, outcome -> {
            busy.set(false);
            switch (outcome) {
                case Outcome.Done<AccountEntry> d -> {
                    active.set(a);
                    state.set(SessionState.UNLOCKED);
                    message.set(a.name() + " unlocked for this session");
                }
                case Outcome.Failed<AccountEntry> f -> {
                    active.set(null);
                    state.set(SessionState.LOCKED);
                    message.set(f.message());
                }
            }
        });
    }

    /** Forgets the key; the session can only view again after unlocking. */
    public void lock() {
        AccountEntry was = active.get();
        background.execute(actions::lock);
        active.set(null);
        state.set(SessionState.LOCKED);
        message.set(was == null ? "" : was.name() + " locked");
    }

}
