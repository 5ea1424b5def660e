package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Area;
import com.powsybl.iidm.network.Battery;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.EnergySource;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Identifiable;
import com.powsybl.iidm.network.Injection;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.Terminal;
import com.powsybl.iidm.network.TieLine;
import com.powsybl.iidm.network.TwoWindingsTransformer;
import com.powsybl.iidm.network.VoltageLevel;
import com.powsybl.iidm.network.extensions.Coordinate;
import com.powsybl.iidm.network.extensions.LinePosition;
import com.powsybl.iidm.network.extensions.SubstationPosition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a PowSyBl network (after a power flow, or without one) into a {@link GridSnapshot} of plain records.
 * Call it on the thread that owns the network; the snapshot may then go anywhere.
 */
public final class GridSnapshotFactory {

    /** Identifiable property naming the co-op that owns an area (community grid). */
    public static final String OWNER_PROPERTY = "owner";
    /** Injection property marking a DER, with a {@link DerType#prefix()} value. */
    public static final String DER_TYPE_PROPERTY = "der.type";
    /** Injection property with the DER's nameplate in kW (kWh for batteries is not modelled here). */
    public static final String DER_CAPACITY_PROPERTY = "der.capacityKw";

    /** Generators at or below this size with a renewable source count as DERs in models without our properties. */
    private static final double SMALL_GENERATOR_MW = 10.0;

    public GridSnapshot snapshot(Network network, PowerFlowResult powerFlow, Instant time) {
        Map<String, GeoPoint> positions = new HashMap<>();
        Map<String, String> areaOfSubstation = new HashMap<>();
        for (Substation s : network.getSubstations()) {
            SubstationPosition pos = s.getExtension(SubstationPosition.class);
            if (pos != null) {
                positions.put(s.getId(), toGeo(pos.getCoordinate()));
            }
            s.getVoltageLevelStream().flatMap(VoltageLevel::getAreasStream).findFirst()
                    .ifPresent(a -> areaOfSubstation.put(s.getId(), a.getId()));
        }

        List<GridDer> ders = new ArrayList<>();
        Map<String, Map<DerType, Integer>> derCounts = new HashMap<>();
        collectDers(network, positions, ders, derCounts);

        List<GridSubstation> substations = new ArrayList<>();
        for (Substation s : network.getSubstations()) {
            substations.add(substation(s, positions.get(s.getId()), areaOfSubstation.get(s.getId()),
                    derCounts.getOrDefault(s.getId(), Map.of())));
        }

        List<GridArea> areas = new ArrayList<>();
        for (Area a : network.getAreas()) {
            areas.add(new GridArea(a.getId(), a.getNameOrId(), a.getProperty(OWNER_PROPERTY, ""),
                    centreOf(a.getId(), areaOfSubstation, positions)));
        }

        List<GridBus> buses = new ArrayList<>();
        for (Bus b : network.getBusView().getBuses()) {
            VoltageLevel vl = b.getVoltageLevel();
            String subId = vl.getSubstation().map(Identifiable::getId).orElse(vl.getId());
            buses.add(new GridBus(b.getId(), subId, vl.getNominalV(), b.getV() / vl.getNominalV(), b.getAngle()));
        }

        List<GridBranch> branches = new ArrayList<>();
        network.getBranchStream().forEach(br -> branches.add(branch(br, positions, areaOfSubstation)));

        return new GridSnapshot(network.getId(), time, areas, substations, buses, branches, ders, powerFlow);
    }

    private static GridSubstation substation(Substation s, GeoPoint position, String areaId, Map<DerType, Integer> ders) {
        double kv = 0;
        double load = 0;
        double gen = 0;
        double vPu = Double.NaN;
        for (VoltageLevel vl : s.getVoltageLevels()) {
            if (vl.getNominalV() >= kv) {
                kv = vl.getNominalV();
                vPu = vl.getBusView().getBusStream().mapToDouble(b -> b.getV() / vl.getNominalV())
                        .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
            }
            for (Load l : vl.getLoads()) {
                if (!l.isFictitious()) { // a fictitious load is part of an equivalent of an upstream grid
                    load += valueOr(l.getTerminal().getP(), l.getP0());
                }
            }
            for (Generator g : vl.getGenerators()) {
                if (!g.isFictitious()) { // a fictitious generator is an equivalent of an upstream grid: import
                    gen += valueOr(-g.getTerminal().getP(), g.getTargetP());
                }
            }
            for (Battery b : vl.getBatteries()) {
                // as in the Overview totals: a discharging battery generates, a charging one is load
                double out = valueOr(-b.getTerminal().getP(), b.getTargetP());
                if (out >= 0) {
                    gen += out;
                } else {
                    load -= out;
                }
            }
        }
        return new GridSubstation(s.getId(), s.getNameOrId(), areaId, position, kv, load, gen, vPu, ders);
    }

    private static GridBranch branch(Branch<?> br, Map<String, GeoPoint> positions, Map<String, String> areaOf) {
        Terminal t1 = br.getTerminal1();
        Terminal t2 = br.getTerminal2();
        String s1 = substationId(t1);
        String s2 = substationId(t2);
        GridBranch.Kind kind = br instanceof TieLine ? GridBranch.Kind.TIE_LINE
                : br instanceof TwoWindingsTransformer ? GridBranch.Kind.TRANSFORMER : GridBranch.Kind.LINE;
        List<GeoPoint> path = new ArrayList<>();
        List<Coordinate> coords = linePath(br);
        if (coords.size() >= 2) {
            coords.forEach(c -> path.add(toGeo(c)));
        } else if (positions.containsKey(s1) && positions.containsKey(s2)) {
            path.add(positions.get(s1));
            path.add(positions.get(s2));
        }
        double kv = Math.max(t1.getVoltageLevel().getNominalV(), t2.getVoltageLevel().getNominalV());
        double i1 = current(t1);
        double i2 = current(t2);
        double limit1 = br.getCurrentLimits1().map(l -> l.getPermanentLimit()).orElse(Double.NaN);
        double limit2 = br.getCurrentLimits2().map(l -> l.getPermanentLimit()).orElse(Double.NaN);
        double loading = maxIgnoringNaN(ratio(i1, limit1), ratio(i2, limit2)) * 100;
        double current = Double.isNaN(i1) ? i2 : Double.isNaN(i2) ? i1 : Math.max(i1, i2);
        double limit = Double.isNaN(limit1) ? limit2 : limit1;
        String a1 = areaOf.get(s1);
        String a2 = areaOf.get(s2);
        boolean interconnector = kind == GridBranch.Kind.TIE_LINE || (a1 != null && a2 != null && !a1.equals(a2));
        return new GridBranch(br.getId(), br.getNameOrId(), kind, s1, s2, path, kv, t1.getP(), t1.getQ(), current,
                limit, loading, interconnector, t1.isConnected() && t2.isConnected());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Coordinate> linePath(Branch<?> br) {
        // LinePosition is generic in its holder; the raw lookup is the one PowSyBl's own serializers use.
        Object ext = ((Identifiable) br).getExtension(LinePosition.class);
        return ext instanceof LinePosition<?> lp ? lp.getCoordinates() : List.of();
    }

    /** Current in A; after a DC power flow only P is known, so I is estimated from P at nominal voltage. */
    private static double current(Terminal t) {
        double i = t.getI();
        if (!Double.isNaN(i)) {
            return i;
        }
        double p = t.getP();
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        return Math.abs(p) * 1000 / (Math.sqrt(3) * t.getVoltageLevel().getNominalV());
    }

    private static double maxIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private static double ratio(double value, double limit) {
        if (Double.isNaN(value) || Double.isNaN(limit) || limit <= 0) {
            return Double.NaN;
        }
        return value / limit;
    }

    private static void collectDers(Network network, Map<String, GeoPoint> positions, List<GridDer> ders,
                                    Map<String, Map<DerType, Integer>> counts) {
        List<Injection<?>> candidates = new ArrayList<>();
        network.getGenerators().forEach(candidates::add);
        network.getBatteries().forEach(candidates::add);
        network.getLoads().forEach(candidates::add);
        for (Injection<?> inj : candidates) {
            Optional<DerType> type = derType(inj);
            if (type.isEmpty()) {
                continue;
            }
            String subId = substationId(inj.getTerminal());
            double capacityKw = capacityKw(inj);
            GeoPoint at = DerPlacement.around(positions.get(subId), inj.getId());
            ders.add(new GridDer(inj.getId(), type.get(), subId, at, capacityKw, powerKw(inj, type.get())));
            counts.computeIfAbsent(subId, k -> new EnumMap<>(DerType.class)).merge(type.get(), 1, Integer::sum);
        }
    }

    private static Optional<DerType> derType(Injection<?> inj) {
        String tagged = inj.getProperty(DER_TYPE_PROPERTY, null);
        if (tagged != null) {
            return DerType.fromDeviceId(tagged);
        }
        if (inj instanceof Generator g && g.getMaxP() <= SMALL_GENERATOR_MW) {
            if (g.getEnergySource() == EnergySource.SOLAR) {
                return Optional.of(DerType.PV);
            }
            if (g.getEnergySource() == EnergySource.WIND) {
                return Optional.of(DerType.WIND);
            }
        }
        if (inj instanceof Battery b && b.getMaxP() <= SMALL_GENERATOR_MW) {
            return Optional.of(DerType.BATTERY);
        }
        return Optional.empty();
    }

    private static double capacityKw(Injection<?> inj) {
        String tagged = inj.getProperty(DER_CAPACITY_PROPERTY, null);
        if (tagged != null) {
            try {
                return Math.max(0, Double.parseDouble(tagged));
            } catch (NumberFormatException ignored) {
                // fall through to the electrical rating
            }
        }
        if (inj instanceof Generator g) {
            return Math.max(0, g.getMaxP() * 1000);
        }
        if (inj instanceof Battery b) {
            return Math.max(0, b.getMaxP() * 1000);
        }
        if (inj instanceof Load l) {
            return Math.max(0, Math.abs(l.getP0()) * 1000);
        }
        return 0;
    }

    /** Power in the telemetry convention: generation and battery discharge positive, consumption positive for loads. */
    private static double powerKw(Injection<?> inj, DerType type) {
        double p = inj.getTerminal().getP();
        if (inj instanceof Generator g) {
            return valueOr(-p, g.getTargetP()) * 1000;
        }
        if (inj instanceof Battery b) {
            return valueOr(-p, b.getTargetP()) * 1000;
        }
        if (inj instanceof Load l) {
            return valueOr(p, l.getP0()) * 1000;
        }
        return Double.NaN;
    }

    private static String substationId(Terminal t) {
        VoltageLevel vl = t.getVoltageLevel();
        return vl.getSubstation().map(Identifiable::getId).orElse(vl.getId());
    }

    private static GeoPoint centreOf(String areaId, Map<String, String> areaOf, Map<String, GeoPoint> positions) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (Map.Entry<String, String> e : areaOf.entrySet()) {
            GeoPoint p = positions.get(e.getKey());
            if (e.getValue().equals(areaId) && p != null) {
                lat += p.lat();
                lon += p.lon();
                n++;
            }
        }
        return n == 0 ? null : new GeoPoint(lat / n, lon / n);
    }

    private static GeoPoint toGeo(Coordinate c) {
        return new GeoPoint(c.getLatitude(), c.getLongitude());
    }

    private static double valueOr(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }
}
