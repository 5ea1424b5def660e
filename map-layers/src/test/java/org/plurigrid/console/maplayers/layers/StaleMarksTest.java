package org.plurigrid.console.maplayers.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridSubstation;

/**
 * The static canvases are repainted when their key changes; the stale part of that key used to be an int hash
 * ({@code sig = sig * 31 + i + 1} per stale substation, {@code sig * 31 - i - 1} per stale area), which collides: two
 * different stale sets then looked alike and the grey marks stayed where they were.
 */
class StaleMarksTest {

    private static final GeoPoint AT = new GeoPoint(52, 5);
    private static final GridSubstation[] SUBS = IntStream.range(0, 30)
            .mapToObj(i -> new GridSubstation("sub-" + i, "S" + i, "area-0", AT, 150, 10, 0, 1, Map.of()))
            .toArray(GridSubstation[]::new);
    private static final List<GridArea> AREAS = List.of(new GridArea("area-0", "A", "Co-op", AT),
            new GridArea("area-1", "B", "Co-op", AT));

    /** Substation 1 and area 0 stale, versus substations 0 and 29: the same old fingerprint (1022). */
    private static final Predicate<String> FIRST = Set.of("sub-1", "area-0")::contains;
    private static final Predicate<String> SECOND = Set.of("sub-0", "sub-29")::contains;

    @Test
    void setsThatCollidedUnderTheOldFingerprintAreToldApart() {
        assertThat(oldFingerprint(FIRST)).as("the collision this test is about").isEqualTo(oldFingerprint(SECOND));

        StaleMarks first = StaleMarks.of(SUBS, 0, AREAS, FIRST);
        StaleMarks second = StaleMarks.of(SUBS, 0, AREAS, SECOND);

        assertThat(first).isNotEqualTo(second);
        assertThat(second.substations().stream().toArray()).containsExactly(0, 29);
        assertThat(second.areas().isEmpty()).isTrue();
    }

    @Test
    void equalSetsAreEqualAndHiddenLayersMarkNothing() {
        assertThat(StaleMarks.of(SUBS, 0, AREAS, FIRST)).isEqualTo(StaleMarks.of(SUBS, 0, AREAS, FIRST));
        assertThat(StaleMarks.of(null, 0, null, FIRST)).isEqualTo(StaleMarks.NONE);
        assertThat(StaleMarks.of(SUBS, 200, AREAS, SECOND).substations().isEmpty())
                .as("150 kV substations are not drawn where the zoom shows only 200 kV and up").isTrue();
    }

    @Test
    void marksCannotBeChangedFromOutside() {
        StaleMarks marks = StaleMarks.of(SUBS, 0, AREAS, FIRST);
        marks.substations().set(7);
        assertThat(marks).isEqualTo(StaleMarks.of(SUBS, 0, AREAS, FIRST));
    }

    /** The former SupergridLayer.staleSignature, kept here to show the collision. */
    private static int oldFingerprint(Predicate<String> stale) {
        int sig = 1;
        for (int i = 0; i < SUBS.length; i++) {
            if (stale.test(SUBS[i].id())) {
                sig = sig * 31 + i + 1;
            }
        }
        for (int i = 0; i < AREAS.size(); i++) {
            if (stale.test(AREAS.get(i).id())) {
                sig = sig * 31 - i - 1;
            }
        }
        return sig;
    }
}
