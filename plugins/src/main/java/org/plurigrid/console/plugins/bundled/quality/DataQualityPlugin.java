package org.plurigrid.console.plugins.bundled.quality;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;
import org.plurigrid.console.plugins.spi.PluginView;

import java.util.Locale;
import java.util.function.Function;

/** Bundled plugin: how much of each community grid's telemetry is good, stale, bad or lost. */
public final class DataQualityPlugin implements ConsolePlugin {

    @Override
    public String id() {
        return "data-quality";
    }

    @Override
    public String title() {
        return "Data Quality";
    }

    @Override
    public PluginView createView(PluginContext context) {
        return new View();
    }

    private static final class View implements PluginView {
        private final QualityTally tally = new QualityTally();
        private final ObservableList<QualityTally.GridQuality> rows = FXCollections.observableArrayList();
        private final BorderPane root = new BorderPane();

        View() {
            TableView<QualityTally.GridQuality> table = new TableView<>(rows);
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.getColumns().add(column("Community grid", QualityTally.GridQuality::grid));
            table.getColumns().add(column("Points", r -> Integer.toString(r.total())));
            for (Quality q : Quality.values()) {
                table.getColumns().add(column(q.name().replace('_', ' '), r -> Integer.toString(r.count(q))));
            }
            table.getColumns().add(column("Good %", r -> String.format(Locale.ROOT, "%.1f", 100 * r.goodShare())));
            table.setPlaceholder(new Label("Waiting for telemetry…"));
            Label title = new Label("Telemetry quality by community grid");
            title.getStyleClass().add("view-title");
            BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
            root.setTop(title);
            root.setCenter(table);
            root.setPadding(new Insets(12));
            root.getStyleClass().add("plugin-data-quality");
        }

        private static TableColumn<QualityTally.GridQuality, String> column(
                String title, Function<QualityTally.GridQuality, String> value) {
            TableColumn<QualityTally.GridQuality, String> c = new TableColumn<>(title);
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
            return c;
        }

        @Override
        public Node node() {
            return root;
        }

        @Override
        public void onFrame(ChangeSet changes) {
            if (changes.isEmpty()) {
                return;
            }
            if (changes.replacesAll()) {
                tally.replaceWith(changes.changed());
            } else {
                tally.accept(changes.changed());
            }
            rows.setAll(tally.rows());
        }
    }
}
