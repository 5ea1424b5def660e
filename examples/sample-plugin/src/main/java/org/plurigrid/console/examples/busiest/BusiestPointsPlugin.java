package org.plurigrid.console.examples.busiest;

import java.time.Duration;
import java.time.InstantSource;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;
import org.plurigrid.console.plugins.spi.PluginView;

/** Sample plugin: the ten points that changed most often in the last minute (a quick look for chattering sources). */
public final class BusiestPointsPlugin implements ConsolePlugin {

    @Override
    public String id() {
        return "busiest-points";
    }

    @Override
    public String title() {
        return "Busiest Points";
    }

    @Override
    public String description() {
        return "The ten points that changed most often in the last minute.";
    }

    @Override
    public PluginView createView(PluginContext context) {
        return new View(context.clock());
    }

    private static final class View implements PluginView {
        private final InstantSource clock;
        private final ChangeCounter counter = new ChangeCounter(Duration.ofMinutes(1));
        private final ObservableList<String> rows = FXCollections.observableArrayList();
        private final BorderPane root = new BorderPane();
        private long frames;

        View(InstantSource clock) {
            this.clock = clock;
            Label title = new Label("Busiest points in the last minute");
            title.getStyleClass().add("view-title");
            BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
            ListView<String> list = new ListView<>(rows);
            list.setPlaceholder(new Label("Waiting for telemetry…"));
            root.setTop(title);
            root.setCenter(list);
            root.setPadding(new Insets(12));
            root.setId("busiest-points");
        }

        @Override
        public Node node() {
            return root;
        }

        @Override
        public void onFrame(ChangeSet changes) {
            counter.record(clock.instant(), changes.changed());
            if (frames++ % 30 == 0) { // twice a second is enough for a ranking
                rows.setAll(counter.top(10).stream().map(c -> c.changes() + "×  " + c.point().path()).toList());
            }
        }
    }
}
