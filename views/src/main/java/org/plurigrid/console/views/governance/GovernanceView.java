package org.plurigrid.console.views.governance;

import java.time.ZoneId;
import java.util.Objects;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The governance screen as the shell shows it: the session strip (unlock/lock) above two tabs, Proposals and
 * Accounts. Brings its own stylesheet; colours come from the console theme's greys.
 */
public final class GovernanceView extends BorderPane {

    public GovernanceView(SessionViewModel session, ProposalsViewModel proposals, AccountsViewModel accounts, ZoneId zone) {
        getStyleClass().add("governance-view");
        getStylesheets().add(Objects.requireNonNull(GovernanceView.class.getResource("governance.css")).toExternalForm());
        setTop(new SessionBar(session));
        Tab p = new Tab("Proposals", new ProposalsView(proposals, zone));
        Tab a = new Tab("Accounts", new AccountsView(accounts, zone));
        TabPane tabs = new TabPane(p, a);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("governance-tabs");
        setCenter(tabs);
    }

    /** Selects the Accounts tab (for screenshots and keyboard shortcuts). */
    public void showAccounts() {
        ((TabPane) getCenter()).getSelectionModel().select(1);
    }

    public void showProposals() {
        ((TabPane) getCenter()).getSelectionModel().select(0);
    }
}
