package org.plurigrid.console.views.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.plurigrid.console.client.assets.AssetActions;
import org.plurigrid.console.client.assets.AssetRef;

/** Context-menu items for the extra actions on one asset: a separator and one item per offer, or nothing. */
public final class AssetMenus {

    /** Style class of the items added here (and how they are found again). */
    public static final String STYLE = "asset-action";

    private AssetMenus() {
    }

    /** Each time {@code menu} opens, replaces its extra-action items with those offered for the asset now. */
    public static void addWhenShown(javafx.scene.control.ContextMenu menu, AssetActionRunner runner,
                                    java.util.function.Supplier<AssetRef> asset) {
        menu.setOnShowing(e -> {
            menu.getItems().removeIf(i -> i.getStyleClass().contains(STYLE));
            AssetRef a = asset.get();
            if (a != null) {
                menu.getItems().addAll(items(runner, a));
            }
        });
    }

    public static List<MenuItem> items(AssetActionRunner runner, AssetRef asset) {
        List<AssetActions.Offer> offers = runner.offersFor(asset);
        if (offers.isEmpty()) {
            return List.of();
        }
        List<MenuItem> items = new ArrayList<>();
        SeparatorMenuItem separator = new SeparatorMenuItem();
        separator.getStyleClass().add(STYLE);
        items.add(separator);
        for (AssetActions.Offer offer : offers) {
            MenuItem item = new MenuItem(offer.label());
            item.getStyleClass().add(STYLE);
            item.setOnAction(e -> runner.run(offer));
            items.add(item);
        }
        return items;
    }
}
