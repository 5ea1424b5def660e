package org.plurigrid.console.maplayers.layers;

import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridSubstation;

/**
 * Which substations and areas the static canvases show as stale: the only live state they draw. Compared exactly (by
 * index set, not by a hash), so a change of which assets are stale always repaints them: a fingerprint that can
 * collide would leave a grey mark on a healthy substation, or none on a stale one.
 *
 * @param substations indexes into the geometry's ordered substations that are shown and stale
 * @param areas       indexes into the snapshot's areas that are stale
 */
record StaleMarks(BitSet substations, BitSet areas) {

    static final StaleMarks NONE = new StaleMarks(new BitSet(), new BitSet());

    StaleMarks {
        substations = (BitSet) substations.clone();
        areas = (BitSet) areas.clone();
    }

    /**
     * @param substations the geometry's substations, in drawing order; {@code null} when they are not shown
     * @param minKv       substations below this voltage are not drawn at this zoom, so not marked
     * @param areas       the snapshot's areas; {@code null} when they are not shown
     */
    static StaleMarks of(GridSubstation[] substations, double minKv, List<GridArea> areas, Predicate<String> stale) {
        BitSet subs = new BitSet();
        if (substations != null) {
            for (int i = 0; i < substations.length; i++) {
                if (substations[i].nominalKv() >= minKv && stale.test(substations[i].id())) {
                    subs.set(i);
                }
            }
        }
        BitSet tints = new BitSet();
        if (areas != null) {
            for (int i = 0; i < areas.size(); i++) {
                if (stale.test(areas.get(i).id())) {
                    tints.set(i);
                }
            }
        }
        return new StaleMarks(subs, tints);
    }

    @Override
    public BitSet substations() {
        return (BitSet) substations.clone();
    }

    @Override
    public BitSet areas() {
        return (BitSet) areas.clone();
    }
}
