package org.plurigrid.console.views.governance;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.plurigrid.console.views.common.BackgroundTask;
import org.plurigrid.console.views.common.BackgroundTask.Outcome;

/**
 * The accounts screen: the session account's balances and voting power (read again on {@link #refresh()} and when the
 * session account changes), and the history of the console's own transactions this session.
 */
public final class AccountsViewModel {

    private final GovernanceActions actions;
    private final SessionViewModel session;
    private final TxHistory history;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<AccountOverview> overview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public AccountsViewModel(GovernanceActions actions, SessionViewModel session, TxHistory history, Executor background, Executor fx) {
        this.actions = actions;
        this.session = session;
        this.history = history;
        this.background = background;
        this.fx = fx;
        session.activeProperty().addListener((obs, was, now) -> {
            // Never show one account's balances under another's name while the new ones load.
            overview.set(null);
            error.set("");
            refresh();
        });
        history.records().addListener((javafx.collections.ListChangeListener<TxRecord>) c -> refresh());
    }

    /** The session account, or null when locked. */
    public ReadOnlyObjectProperty<AccountEntry> accountProperty() {
        return session.activeProperty();
    }

    /** Balances and voting power of the session account, or null. */
    public ReadOnlyObjectProperty<AccountOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<TxRecord> history() {
        return history.records();
    }

    public void refresh() {
        AccountEntry a = session.activeProperty().get();
        if (a == null) {
            overview.set(null);
            error.set("");
            return;
        }
        BackgroundTask.run(background, fx, () -> actions.account(a.address()), outcome -> {
            if (!java.util.Objects.equals(session.activeProperty().get(), a)) {
                return; // switched meanwhile; the new account's read is under way
            }
            switch (outcome) {
                case Outcome.Done<AccountOverview> d -> {
                    overview.set(d.value());
                    error.set("");
                }
                case Outcome.Failed<AccountOverview> f -> error.set("Could not read " + a.name() + ": " + f.message());
            }
        });
    }
}
