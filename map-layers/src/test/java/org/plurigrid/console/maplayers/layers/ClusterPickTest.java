package org.plurigrid.console.maplayers.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.DerType;

/** A click on a DER cluster's circle is on the cluster, not on the line that passes a few pixels away. */
class ClusterPickTest {

    /** 100 DERs: radius 4 + 10 × 1.1 = 13 px, drawn at (200, 100). */
    private static final DerClusters.Cluster HUNDRED = new DerClusters.Cluster(200, 100, 100, Map.of(DerType.PV, 100), 500);

    @Test
    void aPointOnTheCircleIsOnTheCluster() {
        assertThat(SupergridLayer.onCluster(List.of(HUNDRED), 200, 100)).isTrue();
        assertThat(SupergridLayer.onCluster(List.of(HUNDRED), 211, 104)).as("near the rim, within the drawn circle")
                .isTrue();
    }

    @Test
    void aPointBesideTheCircleIsNot() {
        assertThat(SupergridLayer.onCluster(List.of(HUNDRED), 200, 116)).isFalse();
        assertThat(SupergridLayer.onCluster(List.of(), 200, 100)).isFalse();
    }
}
