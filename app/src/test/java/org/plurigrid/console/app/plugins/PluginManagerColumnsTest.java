package org.plurigrid.console.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.plugins.host.PluginInfo;
import org.plurigrid.console.plugins.host.PluginState;
import org.plurigrid.console.plugins.manager.PluginManagerView;
import org.plurigrid.console.plugins.manager.PluginManagerViewModel;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;
import org.plurigrid.console.views.common.ColumnFit;

/** The plugin manager's key columns follow the display scale as every other table's do, so a version is never cut. */
@ExtendWith(FxThreadExtension.class)
class PluginManagerColumnsTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    @Test
    void versionAndStateColumnsGrowWithTheFontAndNeverCutTheirText() {
        PluginManagerViewModel model = new PluginManagerViewModel(List.of(
                new PluginInfo("json-topics", "JSON topics", "", VERSION, "bundled", PluginState.ENABLED, Optional.empty()),
                new PluginInfo("acme", "ACME site meters", "", "2.3.4", "/opt/plugins/acme.jar", PluginState.REFUSED,
                        Optional.of("built for plugin API 9.0"))),
                ids -> CompletableFuture.completedFuture(null), Runnable::run);
        PluginManagerView view = new PluginManagerView(model, ColumnFit::key);
        StackPane root = new StackPane(view);
        new Scene(root, 1400, 600);

        double at12 = layOutAt(root, 12);
        TableColumn<?, ?> version = column(view, "Version");
        assertThat(version.getWidth()).isGreaterThanOrEqualTo(ColumnFit.textWidth(VERSION, Font.font(12)));

        double at18 = layOutAt(root, 18);
        assertThat(at18).as("Version column at 150 %").isGreaterThan(at12 * 1.3);
        assertThat(version.getWidth()).isGreaterThanOrEqualTo(ColumnFit.textWidth(VERSION, Font.font(18)));
        assertThat(column(view, "State").getWidth())
                .isGreaterThanOrEqualTo(ColumnFit.textWidth(PluginState.DISABLED.label(), Font.font(18)));
    }

    private static double layOutAt(StackPane root, double fontPx) {
        root.setStyle("-fx-font-size: " + fontPx + "px;");
        root.applyCss();
        root.layout();
        root.applyCss();
        root.layout();
        return column((PluginManagerView) root.getChildren().getFirst(), "Version").getMinWidth();
    }

    private static TableColumn<?, ?> column(PluginManagerView view, String title) {
        TableView<?> table = (TableView<?>) view.lookup(".table-view");
        return table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }
}
