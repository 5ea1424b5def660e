package org.plurigrid.console.views.governance;

import java.time.ZoneId;
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
        getStylesheets().add(stylesheet());
        setTop(new SessionBar(session));
        Tab p = new Tab("Proposals", new ProposalsView(proposals, zone));
        Tab a = new Tab("Accounts", new AccountsView(accounts, zone));
        TabPane tabs = new TabPane(p, a);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("governance-tabs");
        setCenter(tabs);
    }

    /** The screen's stylesheet as a class-path resource name (JavaFX resolves it; views stay free of java.net). */
    public static String stylesheet() {
        return "org/plurigrid/console/views/governance/governance.css";
    }

    /** Selects the Accounts tab (for screenshots and keyboard shortcuts). */
    public void showAccounts() {
        ((TabPane) getCenter()).getSelectionModel().select(1);
    }

    public void showProposals() {
        ((TabPane) getCenter()).getSelectionModel().select(0);
    }
}
