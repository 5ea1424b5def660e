package org.plurigrid.console.maplayers.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

/**
 * The legend folds to its title (the map stays free) and says what the numbers in the circles are; a power flow that
 * is not an AC solution is said above it.
 */
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

    @Test
    void theLegendsTextAndWidthFollowTheDisplayScale() throws Exception {
        onFx(() -> {
            SupergridMapViewModel vm = new SupergridMapViewModel();
            SupergridMapView view = new SupergridMapView(vm);
            new Scene(view, 1600, 1000);
            view.applyCss();
            Label clusters = (Label) view.lookup("#map-legend-clusters");
            Node legend = view.lookup("#map-legend");
            double font = clusters.getFont().getSize();
            double width = legend.prefWidth(-1);

            vm.textScaleProperty().set(1.5);
            view.applyCss();
            assertThat(clusters.getFont().getSize()).isCloseTo(font * 1.5, org.assertj.core.data.Offset.offset(0.2));
            assertThat(legend.prefWidth(-1)).isCloseTo(width * 1.5, org.assertj.core.data.Offset.offset(1.0));

            vm.textScaleProperty().set(1.0);
            view.applyCss();
            assertThat(clusters.getFont().getSize()).isCloseTo(font, org.assertj.core.data.Offset.offset(0.01));
            return null;
        });
    }

    @Test
    void aDcFallbackSaysSoAboveTheLegendEvenWhenItIsFolded() throws Exception {
        onFx(() -> {
            SupergridMapViewModel vm = new SupergridMapViewModel();
            SupergridMapView view = new SupergridMapView(vm);
            new Scene(view, 1000, 700);
            view.applyCss();
            Label warning = (Label) view.lookup("#map-flow-warning");
            vm.legendExpandedProperty().set(false);

            vm.update(model(new PowerFlowResult(PowerFlowResult.Mode.AC, PowerFlowResult.Status.CONVERGED, 4,
                    Duration.ofMillis(10), "AC converged")));
            assertThat(warning.isVisible()).as("an AC solution needs no warning").isFalse();

            vm.update(model(new PowerFlowResult(PowerFlowResult.Mode.DC, PowerFlowResult.Status.FALLBACK_CONVERGED, 0,
                    Duration.ofMillis(10), "AC failed (MAX_ITERATION_REACHED); DC values")));
            assertThat(warning.isVisible()).isTrue();
            assertThat(warning.getText()).startsWith("DC approximation").contains("AC did not converge");

            vm.update(model(new PowerFlowResult(PowerFlowResult.Mode.DC, PowerFlowResult.Status.FAILED, 0,
                    Duration.ofMillis(10), "AC failed; DC failed")));
            assertThat(warning.getText()).contains("No power flow converged");
            return null;
        });
    }

    private static GridSnapshot model(PowerFlowResult flow) {
        GeoPoint a = new GeoPoint(52.0, 5.0);
        return new GridSnapshot("test", Instant.parse("2026-01-01T12:00:00Z"), List.of(new GridArea("cg-x", "X", "Co-op", a)),
                List.of(new GridSubstation("x-sub-01", "S1", "cg-x", a, 150, 10, 0, 1, Map.of())),
                List.of(), List.of(), List.of(), flow);
    }
}
