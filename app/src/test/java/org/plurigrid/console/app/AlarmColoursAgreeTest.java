package org.plurigrid.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.maplayers.map.SupergridMapView;
import org.plurigrid.console.maplayers.map.SupergridMapViewModel;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;
import org.plurigrid.console.views.alarms.AlarmMark;
import org.plurigrid.console.views.common.Theme;

/**
 * Issue 10: one coding per alarm priority. The map canvas and the alarm list both take the theme's tokens; in the
 * console's scene they draw each priority in the same colour with the same number colour, and the tokens are pinned.
 */
@ExtendWith(FxPlatformExtension.class)
class AlarmColoursAgreeTest {

    private static final String[] PINNED = {"#d0021b", "#f07d00", "#f2c300", "#9b30b8"};
    private static final String[] PINNED_NUMBER = {"#ffffff", "#1f2326", "#1f2326", "#ffffff"};

    @Test
    void theMapAndTheAlarmListDrawEachPriorityAlike() throws Exception {
        onFx(() -> {
            SupergridMapView map = new SupergridMapView(new SupergridMapViewModel());
            HBox marks = new HBox();
            for (AlarmPriority p : AlarmPriority.values()) {
                marks.getChildren().add(new AlarmMark(p));
            }
            StackPane root = new StackPane(map, marks);
            Scene scene = new Scene(root, 800, 600);
            Theme.apply(scene);
            marks.getStylesheets().add("org/plurigrid/console/views/alarms/alarms.css");
            root.applyCss();
            root.layout();

            for (AlarmPriority p : AlarmPriority.values()) {
                int n = p.number();
                AlarmMark mark = (AlarmMark) marks.getChildren().get(n - 1);
                Color listColour = (Color) ((Region) mark.lookup(".alarm-mark-shape")).getBackground().getFills()
                        .getFirst().getFill();
                Color listNumber = (Color) ((Label) mark.lookup(".alarm-mark-number")).getTextFill();

                assertThat(map.layer().alarmColour(n)).as("priority %d on the map and in the list", n)
                        .isEqualTo(listColour).isEqualTo(Color.web(PINNED[n - 1]));
                assertThat(map.layer().alarmNumberColour(n)).as("priority %d's number on the map and in the list", n)
                        .isEqualTo(listNumber).isEqualTo(Color.web(PINNED_NUMBER[n - 1]));
            }
            return null;
        });
    }
}
