package org.plurigrid.console.maplayers.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

/** The legend folds to its title (the map stays free) and says what the numbers in the circles are. */
@ExtendWith(FxPlatformExtension.class)
class SupergridMapLegendTest {

    @Test
    void theLegendFoldsAndUnfoldsAndExplainsClusters() throws Exception {
        onFx(() -> {
            SupergridMapViewModel vm = new SupergridMapViewModel();
            SupergridMapView view = new SupergridMapView(vm);
            new Scene(view, 1000, 700);
            view.applyCss();
            Button fold = (Button) view.lookup("#map-legend-toggle");
            Node content = view.lookup("#map-legend-content");
            assertThat(content.isVisible()).isTrue();
            assertThat(((Label) view.lookup("#map-legend-clusters")).getText()).contains("that many DERs");

            fold.fire();
            assertThat(vm.legendExpandedProperty().get()).isFalse();
            assertThat(content.isVisible()).isFalse();
            assertThat(content.isManaged()).as("a folded legend takes no room").isFalse();
            assertThat(fold.getText()).isEqualTo("Show legend");

            fold.fire();
            assertThat(content.isVisible()).isTrue();
            assertThat(fold.getText()).isEqualTo("Hide legend");
            return null;
        });
    }
}
