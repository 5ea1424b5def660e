package org.plurigrid.console.client.grid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DerPlacementTest {

    @Test
    void placesDerDeterministicallyWithinItsDisc() {
        GeoPoint sub = new GeoPoint(53.2, 6.5);
        GeoPoint a = DerPlacement.around(sub, "groningen-sub-01/pv-0001");
        GeoPoint b = DerPlacement.around(sub, "groningen-sub-01/pv-0001");
        GeoPoint c = DerPlacement.around(sub, "groningen-sub-01/pv-0002");

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(sub.distanceKm(a)).isBetween(0.3, DerPlacement.MAX_RADIUS_KM + 0.01);
    }
}
