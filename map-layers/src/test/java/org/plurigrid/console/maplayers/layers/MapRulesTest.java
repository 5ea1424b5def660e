package org.plurigrid.console.maplayers.layers;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.DerType;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MapRulesTest {

    @Test
    void loadingBelow80IsCalm() {
        assertThat(LoadingBand.of(0, false)).isEqualTo(LoadingBand.CALM);
        assertThat(LoadingBand.of(79.99, false)).isEqualTo(LoadingBand.CALM);
    }

    @Test
    void loadingBandsEscalateAmberRedOverload() {
        assertThat(LoadingBand.of(80, false)).isEqualTo(LoadingBand.AMBER);
        assertThat(LoadingBand.of(89.9, false)).isEqualTo(LoadingBand.AMBER);
        assertThat(LoadingBand.of(90, false)).isEqualTo(LoadingBand.RED);
        assertThat(LoadingBand.of(100, false)).isEqualTo(LoadingBand.RED);
        assertThat(LoadingBand.of(100.1, false)).isEqualTo(LoadingBand.OVERLOAD);
    }

    @Test
    void staleWinsAndMissingLoadingIsUnknown() {
        assertThat(LoadingBand.of(130, true)).isEqualTo(LoadingBand.STALE);
        assertThat(LoadingBand.of(Double.NaN, false)).isEqualTo(LoadingBand.UNKNOWN);
        assertThat(LoadingBand.STALE.abnormal()).isFalse();
        assertThat(LoadingBand.OVERLOAD.abnormal()).isTrue();
    }

    @Test
    void onlyAbnormalBandsUseSaturatedColour() {
        for (LoadingBand b : LoadingBand.values()) {
            double saturation = MapPalette.branch(b, false).getSaturation();
            if (b.abnormal()) {
                assertThat(saturation).as(b.name()).isGreaterThan(0.6);
            } else {
                assertThat(saturation).as(b.name()).isLessThan(0.25);
            }
        }
    }

    @Test
    void zoomedOutShowsBackboneAndClustersOnly() {
        LevelOfDetail far = LevelOfDetail.forZoom(6);
        assertThat(far.minBranchKv()).isEqualTo(100);
        assertThat(far.derClusters()).isTrue();
        assertThat(far.individualDers()).isFalse();
        assertThat(far.substationLabels()).isFalse();
    }

    @Test
    void zoomedInShowsEverythingAndIndividualDers() {
        LevelOfDetail near = LevelOfDetail.forZoom(13);
        assertThat(near.minBranchKv()).isZero();
        assertThat(near.individualDers()).isTrue();
        assertThat(near.derClusters()).isFalse();
        assertThat(near.substationLabels()).isTrue();
        assertThat(LevelOfDetail.forZoom(11).substationLabels()).isTrue();
        assertThat(LevelOfDetail.forZoom(10).substationLabels()).isFalse();
    }

    @Test
    void higherVoltageDrawsWider() {
        assertThat(LevelOfDetail.branchWidth(345, 8)).isGreaterThan(LevelOfDetail.branchWidth(138, 8));
        assertThat(LevelOfDetail.branchWidth(138, 8)).isGreaterThan(LevelOfDetail.branchWidth(20, 8));
    }

    @Test
    void cullsPointsAndSegmentsOffScreen() {
        assertThat(Culling.pointVisible(-10, 50, 5, 800, 600)).isFalse();
        assertThat(Culling.pointVisible(-3, 50, 5, 800, 600)).isTrue();
        assertThat(Culling.segmentVisible(-100, -100, -50, -20, 4, 800, 600)).isFalse();
        // crosses the viewport although both ends are outside
        assertThat(Culling.segmentVisible(-100, 300, 900, 300, 4, 800, 600)).isTrue();
        assertThat(Culling.distanceToSegmentSquared(5, 3, 0, 0, 10, 0)).isEqualTo(9.0);
    }

    @Test
    void clustersDersPerScreenCellAndDropsOffScreenOnes() {
        List<DerClusters.Projected> pts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pts.add(new DerClusters.Projected(10 + i, 10 + i, i < 7 ? DerType.PV : DerType.BATTERY, 100));
        }
        pts.add(new DerClusters.Projected(300, 300, DerType.WIND, 2000));
        pts.add(new DerClusters.Projected(5000, 5000, DerType.WIND, 2000)); // far off screen

        List<DerClusters.Cluster> clusters = DerClusters.cluster(pts, 32, 800, 600);

        assertThat(clusters).hasSize(2);
        DerClusters.Cluster big = clusters.stream().filter(c -> c.count() == 10).findFirst().orElseThrow();
        assertThat(big.dominantType()).isEqualTo(DerType.PV);
        assertThat(big.capacityKw()).isEqualTo(1000.0);
        assertThat(big.x()).isEqualTo(14.5);
    }

    @Test
    void labelsThatWouldOverlapAreDropped() {
        LabelPlacer placer = new LabelPlacer();

        assertThat(placer.tryPlace(100, 100, 60, 12)).isTrue();
        assertThat(placer.tryPlace(120, 105, 60, 12)).isFalse();
        assertThat(placer.tryPlace(100, 113, 60, 12)).isTrue();
        assertThat(placer.tryPlace(-40, -200, 60, 12)).isTrue();
    }

    @Test
    void hullOfSquareWithInnerPointIsTheFourCorners() {
        List<double[]> hull = ConvexHull.of(List.of(new double[]{0, 0}, new double[]{10, 0}, new double[]{10, 10},
                new double[]{0, 10}, new double[]{5, 5}));

        assertThat(hull).hasSize(4);
        assertThat(hull).noneMatch(p -> p[0] == 5 && p[1] == 5);
    }
}
