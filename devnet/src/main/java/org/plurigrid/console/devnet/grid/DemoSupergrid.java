package org.plurigrid.console.devnet.grid;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Area;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.EnergySource;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Injection;
import com.powsybl.iidm.network.Line;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.TwoSides;
import com.powsybl.iidm.network.VoltageLevel;
import com.powsybl.iidm.network.extensions.ActivePowerControlAdder;
import com.powsybl.iidm.network.extensions.Coordinate;
import com.powsybl.iidm.network.extensions.SubstationPosition;
import com.powsybl.iidm.network.extensions.SubstationPositionAdder;
import org.plurigrid.console.client.grid.DerType;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The devnet's demo supergrid: six community grids in the Netherlands (docs/telemetry-conventions.md), each a copy
 * of a PowSyBl IEEE case laid out around the grid's real centre, tied by 138 kV-class interconnectors, with
 * thousands of DERs hung under the load buses and current limits that make loading and N-1 meaningful.
 * Deterministic: the same network every time. See docs/demo-supergrid.md in this package's folder.
 */
public final class DemoSupergrid {

    public static final String NETWORK_ID = "plurigrid-demo-supergrid";
    /** Area type of the community grids. */
    public static final String AREA_TYPE = "CommunityGrid";

    private static final long SEED = 20_240_601L;

    private static final List<CommunityGrid> GRIDS = List.of(
            new CommunityGrid("cg-groningen", "groningen", "Groningen", "Noorderlicht Energie Coöperatie",
                    new GeoPoint(53.219, 6.567), CommunityGrid.IeeeCase.IEEE_118, 27),
            new CommunityGrid("cg-friesland", "friesland", "Friesland", "Fryske Enerzjy Koöperaasje",
                    new GeoPoint(53.164, 5.781), CommunityGrid.IeeeCase.IEEE_30, 20),
            new CommunityGrid("cg-gelderland", "gelderland", "Gelderland", "Gelderse Stroom Coöperatie",
                    new GeoPoint(51.985, 5.899), CommunityGrid.IeeeCase.IEEE_118, 30),
            new CommunityGrid("cg-utrecht", "utrecht", "Utrecht", "Utrechtse Energie Coöperatie",
                    new GeoPoint(52.091, 5.122), CommunityGrid.IeeeCase.IEEE_30, 20),
            new CommunityGrid("cg-zeeland", "zeeland", "Zeeland", "Zeeuwse Zon en Wind",
                    new GeoPoint(51.499, 3.611), CommunityGrid.IeeeCase.IEEE_14, 18),
            new CommunityGrid("cg-brabant", "brabant", "Brabant", "Brabantse Buurtstroom",
                    new GeoPoint(51.441, 5.470), CommunityGrid.IeeeCase.IEEE_118, 30));

    /** Interconnected pairs (by short name) and the number of parallel circuits between them. */
    private static final List<Object[]> TIES = List.of(
            new Object[]{"groningen", "friesland", 2},
            new Object[]{"groningen", "gelderland", 2},
            new Object[]{"friesland", "utrecht", 2},
            new Object[]{"utrecht", "gelderland", 3},
            new Object[]{"utrecht", "brabant", 2},
            new Object[]{"gelderland", "brabant", 3},
            new Object[]{"brabant", "zeeland", 2},
            new Object[]{"utrecht", "zeeland", 1});

    private DemoSupergrid() {
    }

    public static List<CommunityGrid> communityGrids() {
        return GRIDS;
    }

    /**
     * Builds the supergrid, solves its power flow and sets the planned current limits ({@link BranchRatings#demo()}:
     * N-1-secure over the EMS's operating range except a few documented weak spots).
     */
    public static Network build() {
        Network network = buildUnrated();
        BranchRatings.demo().applyTo(network);
        return network;
    }

    /**
     * The supergrid with its base-case power flow solved but no current limits: the input of the rating planner
     * ({@code gridplanning.RatingPlanner}), which derives the limits {@link #build()} applies.
     */
    public static Network buildUnrated() {
        Network network = Network.create(NETWORK_ID, "plurigrid-demo");
        CaseCopier copier = new CaseCopier();
        Map<String, Area> areas = new HashMap<>();
        Map<String, List<Substation>> substationsByGrid = new HashMap<>();
        for (CommunityGrid g : GRIDS) {
            Network source = load(g.source());
            CaseCopier.Copy copy = copier.copy(source, network, g.shortName(), g.name());
            place(source, copy, g);
            Area area = network.newArea().setId(g.groupId()).setName(g.name()).setAreaType(AREA_TYPE).add();
            area.setProperty(GridSnapshotFactory.OWNER_PROPERTY, g.owner());
            List<Substation> subs = new ArrayList<>(copy.substations().values());
            subs.sort(Comparator.comparing(Substation::getId));
            subs.forEach(s -> s.getVoltageLevels().forEach(area::addVoltageLevel));
            areas.put(g.shortName(), area);
            substationsByGrid.put(g.shortName(), subs);
        }
        for (Object[] tie : TIES) {
            interconnect(network, (String) tie[0], (String) tie[1], (Integer) tie[2], substationsByGrid, areas);
        }
        hangDers(network, new SplittableRandom(SEED));
        PowerFlowResult base = new PowerFlowRunner().run(network);
        if (!base.ok()) {
            throw new IllegalStateException("demo supergrid base case did not solve: " + base.message());
        }
        return network;
    }

    private static Network load(CommunityGrid.IeeeCase c) {
        return switch (c) {
            case IEEE_14 -> IeeeCdfNetworkFactory.create14();
            case IEEE_30 -> IeeeCdfNetworkFactory.create30();
            case IEEE_118 -> IeeeCdfNetworkFactory.create118();
        };
    }

    /** Lays the case's substations out around the grid centre (force layout of the case's own topology). */
    private static void place(Network source, CaseCopier.Copy copy, CommunityGrid g) {
        List<String> ids = source.getSubstationStream().map(Substation::getId).toList();
        double[][] xy = ForceLayout.ofSubstations(source, ids);
        double kmPerDegLat = 111.2;
        double kmPerDegLon = 111.2 * Math.cos(Math.toRadians(g.centre().lat()));
        for (int i = 0; i < ids.size(); i++) {
            double lat = g.centre().lat() + xy[i][1] * g.radiusKm() / kmPerDegLat;
            double lon = g.centre().lon() + xy[i][0] * g.radiusKm() / kmPerDegLon;
            copy.substations().get(ids.get(i)).newExtension(SubstationPositionAdder.class)
                    .withCoordinate(new Coordinate(lat, lon)).add();
        }
    }

    private static void interconnect(Network network, String a, String b, int circuits,
                                     Map<String, List<Substation>> subsByGrid, Map<String, Area> areas) {
        GeoPoint centreA = centre(a);
        GeoPoint centreB = centre(b);
        List<VoltageLevel> sideA = tieCandidates(subsByGrid.get(a), centreB);
        List<VoltageLevel> sideB = tieCandidates(subsByGrid.get(b), centreA);
        for (int k = 0; k < circuits && k < sideA.size() && k < sideB.size(); k++) {
            VoltageLevel vl1 = sideA.get(k);
            VoltageLevel vl2 = sideB.get(k);
            double km = position(vl1).distanceKm(position(vl2));
            String bus1 = vl1.getBusBreakerView().getBuses().iterator().next().getId();
            String bus2 = vl2.getBusBreakerView().getBuses().iterator().next().getId();
            Line line = network.newLine().setId(String.format("ic-%s-%s-%d", a, b, k + 1))
                    .setName(String.format("%s – %s %d", name(a), name(b), k + 1))
                    .setVoltageLevel1(vl1.getId()).setBus1(bus1).setConnectableBus1(bus1)
                    .setVoltageLevel2(vl2.getId()).setBus2(bus2).setConnectableBus2(bus2)
                    // typical 150 kV overhead line per km: r 0.06 Ω, x 0.40 Ω, b 2.8 µS
                    .setR(0.06 * km).setX(0.40 * km).setG1(0).setG2(0).setB1(1.4e-6 * km).setB2(1.4e-6 * km)
                    .add();
            areas.get(a).newAreaBoundary().setTerminal(line.getTerminal1()).setAc(true).add();
            areas.get(b).newAreaBoundary().setTerminal(line.getTerminal2()).setAc(true).add();
        }
    }

    /** 100–200 kV voltage levels of a grid, nearest to the neighbour first, one per substation. */
    private static List<VoltageLevel> tieCandidates(List<Substation> subs, GeoPoint towards) {
        List<VoltageLevel> out = new ArrayList<>();
        for (Substation s : subs) {
            s.getVoltageLevelStream().filter(vl -> vl.getNominalV() >= 100 && vl.getNominalV() <= 200)
                    .findFirst().ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble((VoltageLevel vl) -> position(vl).distanceKm(towards))
                .thenComparing(VoltageLevel::getId));
        return out;
    }

    /** Hangs 8–16 DERs under every load (a mix of PV, wind, batteries, EV chargers and flexible loads). */
    private static void hangDers(Network network, SplittableRandom rnd) {
        List<Load> loads = network.getLoadStream().sorted(Comparator.comparing(Load::getId)).toList();
        Map<String, Map<DerType, Integer>> numbering = new HashMap<>();
        for (Load load : loads) {
            VoltageLevel vl = load.getTerminal().getVoltageLevel();
            String sub = vl.getSubstation().orElseThrow().getId();
            String bus = load.getTerminal().getBusBreakerView().getConnectableBus().getId();
            int count = 8 + rnd.nextInt(9);
            for (int i = 0; i < count; i++) {
                DerType type = pick(rnd.nextDouble());
                int nr = numbering.computeIfAbsent(sub, k -> new EnumMap<>(DerType.class)).merge(type, 1, Integer::sum);
                String id = String.format("%s/%s-%04d", sub, type.prefix(), nr);
                addDer(vl, bus, id, type, rnd);
            }
        }
    }

    private static DerType pick(double u) {
        if (u < 0.40) {
            return DerType.PV;
        }
        if (u < 0.60) {
            return DerType.EV_CHARGER;
        }
        if (u < 0.75) {
            return DerType.BATTERY;
        }
        if (u < 0.95) {
            return DerType.FLEXIBLE_LOAD;
        }
        return DerType.WIND;
    }

    @SuppressWarnings("unchecked") // Injection<?>: PowSyBl's extension adders are generic in the holder type
    private static void addDer(VoltageLevel vl, String bus, String id, DerType type, SplittableRandom rnd) {
        double capacityKw = switch (type) {
            case PV -> 5 + rnd.nextDouble() * 395;
            case WIND -> 1500 + rnd.nextDouble() * 1500;
            case BATTERY -> 10 + rnd.nextDouble() * 490;
            case EV_CHARGER -> 11 + rnd.nextDouble() * 139;
            case FLEXIBLE_LOAD -> 20 + rnd.nextDouble() * 280;
        };
        capacityKw = Math.round(capacityKw);
        double mw = capacityKw / 1000;
        Injection<?> der = switch (type) {
            case PV, WIND -> vl.newGenerator().setId(id).setBus(bus).setConnectableBus(bus)
                    .setEnergySource(type == DerType.PV ? EnergySource.SOLAR : EnergySource.WIND)
                    .setMinP(0).setMaxP(mw).setTargetP(mw * (type == DerType.PV ? 0.45 : 0.35)).setTargetQ(0)
                    .setVoltageRegulatorOn(false).add();
            case BATTERY -> vl.newBattery().setId(id).setBus(bus).setConnectableBus(bus)
                    .setMinP(-mw).setMaxP(mw).setTargetP(mw * 0.1).setTargetQ(0).add();
            case EV_CHARGER -> vl.newLoad().setId(id).setBus(bus).setConnectableBus(bus).setP0(mw * 0.5).setQ0(0).add();
            case FLEXIBLE_LOAD -> vl.newLoad().setId(id).setBus(bus).setConnectableBus(bus).setP0(mw * 0.6).setQ0(mw * 0.1).add();
        };
        if (der instanceof Generator || der instanceof com.powsybl.iidm.network.Battery) {
            // DERs follow their own set-points; the slack is taken by the transmission generators.
            der.newExtension(ActivePowerControlAdder.class).withParticipate(false).withDroop(4).add();
        }
        der.setProperty(GridSnapshotFactory.DER_TYPE_PROPERTY, type.prefix());
        der.setProperty(GridSnapshotFactory.DER_CAPACITY_PROPERTY, Double.toString(capacityKw));
    }

    /**
     * Quick synthetic limits from one solved base case, for grids too big for an N-1 sweep (the benchmark's
     * {@link LargeSupergrid}; the demo grid used them until its ratings were planned): most branches run at 30–65 %
     * of their limit, about one in ten at 80–90 % and a few at 90–98 %. Not N-1 planned: many outages overload
     * something. Lightly used branches get a floor of a typical rating for their voltage.
     */
    public static void setSyntheticCurrentLimits(Network network) {
        network.getBranchStream().forEach(br -> {
            double i = Math.max(nanToZero(br.getTerminal1().getI()), nanToZero(br.getTerminal2().getI()));
            double u = unit(br.getId());
            double loading = u < 0.03 ? 0.90 + u / 0.03 * 0.08
                    : u < 0.13 ? 0.80 + (u - 0.03) / 0.10 * 0.10
                    : 0.30 + (u - 0.13) / 0.87 * 0.35;
            double kv = Math.min(br.getTerminal1().getVoltageLevel().getNominalV(), br.getTerminal2().getVoltageLevel().getNominalV());
            double floor = typicalRatingA(kv) * 0.25;
            double limit = Math.max(i / loading, floor);
            limit = Math.round(limit);
            for (TwoSides side : TwoSides.values()) {
                double nominal = br.getTerminal(side).getVoltageLevel().getNominalV();
                double sideLimit = br instanceof com.powsybl.iidm.network.TwoWindingsTransformer && nominal != kv
                        ? Math.round(limit * kv / nominal) : limit;
                (side == TwoSides.ONE ? br.getOrCreateSelectedOperationalLimitsGroup1() : br.getOrCreateSelectedOperationalLimitsGroup2()).newCurrentLimits().setPermanentLimit(sideLimit).add();
            }
        });
    }

    private static double typicalRatingA(double kv) {
        if (kv >= 300) {
            return 2000;
        }
        if (kv >= 100) {
            return 900;
        }
        return 600;
    }

    /** A stable pseudo-random number in [0, 1) from an id. */
    private static double unit(String id) {
        long x = id.hashCode() * 0x9E3779B97F4A7C15L;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return (x >>> 11) / (double) (1L << 53);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static GeoPoint position(VoltageLevel vl) {
        Coordinate c = vl.getSubstation().orElseThrow().getExtension(SubstationPosition.class).getCoordinate();
        return new GeoPoint(c.getLatitude(), c.getLongitude());
    }

    private static GeoPoint centre(String shortName) {
        return GRIDS.stream().filter(g -> g.shortName().equals(shortName)).findFirst().orElseThrow().centre();
    }

    private static String name(String shortName) {
        return GRIDS.stream().filter(g -> g.shortName().equals(shortName)).findFirst().orElseThrow().name();
    }

    static boolean isInterconnector(Branch<?> b) {
        return b.getId().startsWith("ic-");
    }
}
