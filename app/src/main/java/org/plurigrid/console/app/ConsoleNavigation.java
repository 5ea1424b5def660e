package org.plurigrid.console.app;

import java.util.List;
import java.util.function.Supplier;

import javafx.scene.Node;

import org.plurigrid.console.views.overview.OverviewView;
import org.plurigrid.console.views.overview.OverviewViewModel;
import org.plurigrid.console.views.shell.NavigationEntry;

/**
 * What each entry of the navigation rail shows. To plug a finished view in, replace its placeholder with
 * {@code new NavigationEntry("map", "Map", () -> new MapView(mapViewModel))}; keep the ids (tests and screenshots
 * find the rail buttons as {@code #nav-<id>}).
 */
final class ConsoleNavigation {

    private ConsoleNavigation() {
    }

    /** The built-in entries, in rail order. */
    static List<NavigationEntry> entries(OverviewViewModel overview, Supplier<Node> map, Supplier<Node> alarms,
                                         Supplier<Node> governance, Supplier<Node> demandResponse,
                                         Supplier<Node> replay) {
        return List.of(
                new NavigationEntry("overview", "Overview", () -> new OverviewView(overview)),
                map == null
                        ? NavigationEntry.placeholder("map", "Map",
                                "No grid model is configured for these brokers yet; on the devnet the map shows the demo supergrid.")
                        : new NavigationEntry("map", "Map", map),
                new NavigationEntry("alarms", "Alarms", alarms),
                demandResponse == null
                        ? NavigationEntry.placeholder("demand-response", "Demand Response",
                                "No devnet or DR program is configured; on the devnet this dispatches demand-response events signed on chain.")
                        : new NavigationEntry("demand-response", "Demand Response", demandResponse),
                governance == null
                        ? NavigationEntry.placeholder("governance", "Governance",
                                "No chain node is configured; on the devnet this shows the proposals of the devnet chain.")
                        : new NavigationEntry("governance", "Governance", governance),
                new NavigationEntry("replay", "Replay", replay));
    }
}
