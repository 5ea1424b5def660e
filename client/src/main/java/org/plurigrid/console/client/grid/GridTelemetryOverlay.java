package org.plurigrid.console.client.grid;

import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lays live telemetry over a grid model: the topology (positions, ids, ratings) comes from the model the console
 * loaded; branch flows, currents, loadings, bus voltages, substation powers and DER powers come from the EMS and
 * fleet points ({@link GridPoints}). Feed it the coalesced changes of each frame with {@link #apply}, then take at
 * most one {@link #frame()}: only assets that changed are rebuilt, so a frame costs O(changes + assets copied).
 * Not thread-safe: use it on one thread (the FX thread, once per pulse).
 */
public final class GridTelemetryOverlay {

    /** A new picture for the map and the per-asset quality that changed since the previous frame. */
    public record Frame(GridSnapshot snapshot, Map<String, Quality> qualityChanges) {
        public Frame {
            Objects.requireNonNull(snapshot, "snapshot");
            qualityChanges = Map.copyOf(qualityChanges);
        }
    }

    private final GridSnapshot topology;
    private final Map<String, Integer> branchIndex = new HashMap<>();
    private final Map<String, Integer> busIndex = new HashMap<>();
    private final Map<String, Integer> substationIndex = new HashMap<>();
    private final Map<String, Integer> derIndex = new HashMap<>();
    private final Map<String, Integer> areaIndex = new HashMap<>();

    private final GridBranch[] branches;
    private final GridBus[] buses;
    private final GridSubstation[] substations;
    private final GridDer[] ders;
    private final double[][] branchValues; // p1, p2, i, loading
    private final double[][] busValues; // v, angle
    private final double[][] substationValues; // load, generation, v
    private final double[] derImportMw;
    private final double[] fleetImportKw;
    private final double[] derPowerKw;
    private final double[] interchangeMw;

    private final BitSet dirtyBranches = new BitSet();
    private final BitSet dirtyBuses = new BitSet();
    private final BitSet dirtySubstations = new BitSet();
    private final BitSet dirtyDers = new BitSet();
    private final Map<String, Quality> quality = new HashMap<>();
    private final Map<String, Quality> qualityChanges = new HashMap<>();
    private Instant latest;
    private GridSnapshot current;
    private boolean dirty;

    public GridTelemetryOverlay(GridSnapshot topology) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.current = topology;
        this.latest = topology.time();
        branches = topology.branches().toArray(GridBranch[]::new);
        buses = topology.buses().toArray(GridBus[]::new);
        substations = topology.substations().toArray(GridSubstation[]::new);
        ders = topology.ders().toArray(GridDer[]::new);
        branchValues = new double[branches.length][];
        for (int i = 0; i < branches.length; i++) {
            GridBranch b = branches[i];
            branchIndex.put(b.id(), i);
            branchValues[i] = new double[]{Double.NaN, Double.NaN, b.currentA(), b.loadingPercent()};
        }
        busValues = new double[buses.length][];
        for (int i = 0; i < buses.length; i++) {
            busIndex.put(buses[i].id(), i);
            busValues[i] = new double[]{buses[i].voltagePu(), buses[i].angleDeg()};
        }
        substationValues = new double[substations.length][];
        for (int i = 0; i < substations.length; i++) {
            GridSubstation s = substations[i];
            substationIndex.put(s.id(), i);
            substationValues[i] = new double[]{s.loadMw(), s.generationMw(), s.voltagePu()};
        }
        derImportMw = new double[substations.length];
        fleetImportKw = new double[substations.length];
        Arrays.fill(derImportMw, Double.NaN);
        Arrays.fill(fleetImportKw, Double.NaN);
        derPowerKw = new double[ders.length];
        for (int i = 0; i < ders.length; i++) {
            derIndex.put(ders[i].id(), i);
            derPowerKw[i] = ders[i].powerKw();
        }
        interchangeMw = new double[topology.areas().size()];
        Arrays.fill(interchangeMw, Double.NaN);
        for (int i = 0; i < topology.areas().size(); i++) {
            areaIndex.put(topology.areas().get(i).id(), i);
        }
    }

    /** The model the overlay started from. */
    public GridSnapshot topology() {
        return topology;
    }

    /**
     * Applies measurements (e.g. a frame's {@code ChangeSet.changed()}); points that name nothing in the model are
     * skipped. Returns how many were applied.
     */
    public int apply(Collection<Measurement> changed) {
        int applied = 0;
        for (Measurement m : changed) {
            if (apply(m)) {
                applied++;
            }
        }
        return applied;
    }

    /** Applies one measurement; false if it names nothing in the model. */
    public boolean apply(Measurement m) {
        PointId id = m.id();
        String metric = id.metric();
        double v = m.value();
        String asset;
        switch (metric) {
            case GridPoints.BRANCH_P1, GridPoints.BRANCH_P2, GridPoints.BRANCH_I, GridPoints.BRANCH_LOADING -> {
                Integer i = branchIndex.get(id.device());
                if (i == null) {
                    return false;
                }
                int slot = switch (metric) {
                    case GridPoints.BRANCH_P1 -> 0;
                    case GridPoints.BRANCH_P2 -> 1;
                    case GridPoints.BRANCH_I -> 2;
                    default -> 3;
                };
                branchValues[i][slot] = v;
                dirtyBranches.set(i);
                asset = id.device();
            }
            case GridPoints.BUS_V, GridPoints.BUS_ANGLE -> {
                Integer i = busIndex.get(id.device());
                if (i == null) {
                    return false;
                }
                busValues[i][metric.equals(GridPoints.BUS_V) ? 0 : 1] = v;
                dirtyBuses.set(i);
                asset = id.device();
            }
            case GridPoints.SUBSTATION_LOAD, GridPoints.SUBSTATION_GENERATION, GridPoints.SUBSTATION_V,
                 GridPoints.SUBSTATION_DER_IMPORT -> {
                Integer i = substationIndex.get(id.device());
                if (i == null) {
                    return false;
                }
                switch (metric) {
                    case GridPoints.SUBSTATION_LOAD -> substationValues[i][0] = v;
                    case GridPoints.SUBSTATION_GENERATION -> substationValues[i][1] = v;
                    case GridPoints.SUBSTATION_V -> substationValues[i][2] = v;
                    default -> derImportMw[i] = v;
                }
                dirtySubstations.set(i);
                asset = id.device();
            }
            case GridPoints.FLEET_SUBSTATION_POWER -> {
                Integer i = id.device().isEmpty() ? substationIndex.get(id.node()) : null;
                if (i == null) {
                    return false;
                }
                fleetImportKw[i] = v;
                asset = id.node();
            }
            case GridPoints.DER_POWER -> {
                if (id.device().isEmpty()) {
                    return false;
                }
                asset = id.node() + "/" + id.device();
                Integer i = derIndex.get(asset);
                if (i == null) {
                    return false;
                }
                derPowerKw[i] = v;
                dirtyDers.set(i);
            }
            case GridPoints.AREA_NET_INTERCHANGE -> {
                Integer i = id.device().isEmpty() ? areaIndex.get(id.group()) : null;
                if (i == null) {
                    return false;
                }
                interchangeMw[i] = v;
                asset = id.group();
            }
            default -> {
                return false;
            }
        }
        if (quality.put(asset, m.quality()) != m.quality()) {
            qualityChanges.put(asset, m.quality());
        }
        if (m.time().isAfter(latest)) {
            latest = m.time();
        }
        dirty = true;
        return true;
    }

    /**
     * The picture after everything applied since the previous frame, or empty when nothing changed. Rebuilds only
     * the records of assets that changed.
     */
    public Optional<Frame> frame() {
        if (!dirty) {
            return Optional.empty();
        }
        dirty = false;
        for (int i = dirtyBranches.nextSetBit(0); i >= 0; i = dirtyBranches.nextSetBit(i + 1)) {
            GridBranch b = branches[i];
            double[] v = branchValues[i];
            double p1 = !Double.isNaN(v[0]) ? v[0] : !Double.isNaN(v[1]) ? -v[1] : b.p1Mw();
            branches[i] = new GridBranch(b.id(), b.name(), b.kind(), b.substation1Id(), b.substation2Id(), b.path(),
                    b.nominalKv(), p1, b.q1Mvar(), v[2], b.limitA(), v[3], b.interconnector(), b.connected());
        }
        for (int i = dirtyBuses.nextSetBit(0); i >= 0; i = dirtyBuses.nextSetBit(i + 1)) {
            GridBus b = buses[i];
            buses[i] = new GridBus(b.id(), b.substationId(), b.nominalKv(), busValues[i][0], busValues[i][1]);
        }
        for (int i = dirtySubstations.nextSetBit(0); i >= 0; i = dirtySubstations.nextSetBit(i + 1)) {
            GridSubstation s = substations[i];
            double[] v = substationValues[i];
            substations[i] = new GridSubstation(s.id(), s.name(), s.areaId(), s.position(), s.nominalKv(), v[0], v[1],
                    v[2], s.derCounts());
        }
        for (int i = dirtyDers.nextSetBit(0); i >= 0; i = dirtyDers.nextSetBit(i + 1)) {
            GridDer d = ders[i];
            ders[i] = new GridDer(d.id(), d.type(), d.substationId(), d.position(), d.capacityKw(), derPowerKw[i]);
        }
        dirtyBranches.clear();
        dirtyBuses.clear();
        dirtySubstations.clear();
        dirtyDers.clear();
        current = new GridSnapshot(topology.networkId(), latest, topology.areas(), Arrays.asList(substations),
                Arrays.asList(buses), Arrays.asList(branches), Arrays.asList(ders), topology.powerFlow());
        Frame f = new Frame(current, qualityChanges);
        qualityChanges.clear();
        return Optional.of(f);
    }

    /** The latest picture (the topology until the first frame). */
    public GridSnapshot snapshot() {
        return current;
    }

    /** Quality of every asset that has received telemetry, by asset id (branch, bus, substation, DER, area). */
    public Map<String, Quality> quality() {
        return Map.copyOf(quality);
    }

    /**
     * STALE for every branch, substation and area that has not received telemetry yet: seed the map with it so the
     * model's offline values are greyed until live values arrive (and stay greyed where none ever come).
     */
    public Map<String, Quality> unmeasuredQuality() {
        Map<String, Quality> out = new HashMap<>();
        for (GridBranch b : branches) {
            out.put(b.id(), Quality.STALE);
        }
        for (GridSubstation s : substations) {
            out.put(s.id(), Quality.STALE);
        }
        topology.areas().forEach(a -> out.put(a.id(), Quality.STALE));
        out.keySet().removeAll(quality.keySet());
        return out;
    }

    /** Net import of the DER side of a substation as the EMS measured it, MW; NaN if not received. */
    public double derImportMw(String substationId) {
        Integer i = substationIndex.get(substationId);
        return i == null ? Double.NaN : derImportMw[i];
    }

    /** The substation gateway's own {@code Substation/ActivePower}, kW; NaN if not received. */
    public double fleetImportKw(String substationId) {
        Integer i = substationIndex.get(substationId);
        return i == null ? Double.NaN : fleetImportKw[i];
    }

    /** Active power entering a branch at side 1 and side 2 as metered (MW, NaN where not received). */
    public double[] branchEndsMw(String branchId) {
        Integer i = branchIndex.get(branchId);
        return i == null ? new double[]{Double.NaN, Double.NaN} : new double[]{branchValues[i][0], branchValues[i][1]};
    }

    /** An area's net interchange (export +), MW; NaN if not received. */
    public double netInterchangeMw(String areaId) {
        Integer i = areaIndex.get(areaId);
        return i == null ? Double.NaN : interchangeMw[i];
    }

    /** Ids of the areas in the model, for callers that sum interchanges. */
    public List<String> areaIds() {
        return new ArrayList<>(areaIndex.keySet());
    }
}
