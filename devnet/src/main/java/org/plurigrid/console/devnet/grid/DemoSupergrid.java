package org.plurigrid.console.devnet.grid;

import com.powsybl.iidm.network.Area;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.EnergySource;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Injection;
import com.powsybl.iidm.network.Line;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.TopologyKind;
import com.powsybl.iidm.network.TwoSides;
import com.powsybl.iidm.network.VoltageLevel;
import com.powsybl.iidm.network.extensions.ActivePowerControlAdder;
import com.powsybl.iidm.network.extensions.Coordinate;
import com.powsybl.iidm.network.extensions.SubstationPositionAdder;
import org.plurigrid.console.client.grid.DerType;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.fleet.Battery;
import org.plurigrid.console.devnet.fleet.DeviceType;
import org.plurigrid.console.devnet.fleet.FleetConfig;
import org.plurigrid.console.devnet.fleet.FleetSimulation;
import org.plurigrid.console.devnet.fleet.SimulatedDevice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The devnet's demo supergrid at the fleet's scale: six community grids in the Netherlands
 * (docs/telemetry-conventions.md), each a medium-voltage network (10 or 20 kV cable rings) under one 150 kV/MV
 * substation, whose community substations are exactly the fleet's edge nodes ({@code groningen-sub-01}) and whose DERs
 * are exactly the fleet's devices ({@code groningen-sub-01/pv-0001}), plus a documented non-DER {@link BaseLoad} per
 * substation. The 150 kV substations are tied by 150 kV interconnectors and fed from the transmission grid (a
 * fictitious grid-equivalent generator at each, which is import, not generation). Built with PowSyBl's adder API;
 * deterministic: the same network for the same fleet every time. See demo-supergrid.md in this package's folder.
 */
public final class DemoSupergrid {

    public static final String NETWORK_ID = "plurigrid-demo-supergrid";
    /** Area type of the community grids. */
    public static final String AREA_TYPE = "CommunityGrid";
    /** Nominal voltage of the regional transmission level the community grids hang from, kV. */
    public static final double HV_KV = 150;

    private static final long SEED = 20_240_601L;
    /** Cable route length over the straight line between two stations. */
    private static final double ROUTE_FACTOR = 1.3;
    /** Substations per medium-voltage ring, at most. */
    private static final int RING_SIZE = 3;

    private static final List<CommunityGrid> GRIDS = List.of(
            new CommunityGrid("cg-groningen", "groningen", "Groningen", "Noorderlicht Energie Coöperatie",
                    new GeoPoint(53.219, 6.567), 10, 8, false),
            new CommunityGrid("cg-friesland", "friesland", "Friesland", "Fryske Enerzjy Koöperaasje",
                    new GeoPoint(53.164, 5.781), 20, 14, false),
            new CommunityGrid("cg-gelderland", "gelderland", "Gelderland", "Gelderse Stroom Coöperatie",
                    new GeoPoint(51.985, 5.899), 10, 9, false),
            new CommunityGrid("cg-utrecht", "utrecht", "Utrecht", "Utrechtse Energie Coöperatie",
                    new GeoPoint(52.091, 5.122), 10, 7, false),
            new CommunityGrid("cg-zeeland", "zeeland", "Zeeland", "Zeeuwse Zon en Wind",
                    new GeoPoint(51.499, 3.611), 20, 14, true),
            new CommunityGrid("cg-brabant", "brabant", "Brabant", "Brabantse Buurtstroom",
                    new GeoPoint(51.441, 5.470), 10, 9, false));

    /** 150 kV interconnectors: pairs (by short name) and the number of parallel circuits between them. */
    private record Tie(String a, String b, int circuits) {
    }

    private static final List<Tie> TIES = List.of(
            new Tie("groningen", "friesland", 1),
            new Tie("groningen", "gelderland", 1),
            new Tie("friesland", "utrecht", 1),
            new Tie("utrecht", "gelderland", 2),
            new Tie("utrecht", "brabant", 1),
            new Tie("gelderland", "brabant", 1),
            new Tie("brabant", "zeeland", 1),
            new Tie("utrecht", "zeeland", 1));

    /** 150 kV overhead line per km: r, x in Ω, b in S. */
    private static final double[] HV_LINE = {0.06, 0.40, 2.8e-6};
    /** MV XLPE cable 3×1×240 mm² Al per km at 10 and 20 kV: r, x in Ω, b in S. */
    private static final double[] MV10_CABLE = {0.125, 0.10, 94e-6};
    private static final double[] MV20_CABLE = {0.125, 0.11, 63e-6};
    /** HV/MV transformer impedance base and short-circuit voltage. */
    private static final double TRANSFORMER_MVA = 25;
    private static final double TRANSFORMER_UK = 0.12;
    private static final double TRANSFORMER_UR = 0.005;
    /** Scheduled import of each grid equivalent (a generator with 0 MW target would not regulate voltage), MW. */
    private static final double GRID_EQUIVALENT_TARGET_MW = 5;
    /** How much each grid equivalent can export: its generator's fixed offset load, MW. */
    private static final double GRID_EQUIVALENT_OFFSET_MW = 50;
    /** Local solar hour of the build state: the evening peak a planner checks first (base loads at their peak). */
    public static final double PLANNING_HOUR = 18.5;

    private DemoSupergrid() {
    }

    public static List<CommunityGrid> communityGrids() {
        return GRIDS;
    }

    /**
     * The demo supergrid for the devnet's default fleet ({@link FleetConfig#defaults()}), its base case solved and the
     * planned current limits set ({@link BranchRatings#demo()}: N-1-secure over the EMS's operating range except a few
     * documented weak spots). The console and the devnet's EMS both build this one.
     */
    public static Network build() {
        Network network = buildUnrated();
        BranchRatings.demo().applyTo(network);
        return network;
    }

    /**
     * The demo supergrid for a fleet of {@code devices} devices from {@code seed}. The default fleet gets the planned
     * ratings; any other fleet gets {@link #setSyntheticCurrentLimits quick ratings} from its own base case.
     */
    public static Network build(int devices, long seed) {
        if (devices == FleetConfig.DEFAULT_DEVICES && seed == FleetConfig.DEFAULT_SEED) {
            return build();
        }
        Network network = buildUnrated(FleetSimulation.create(devices, seed));
        setSyntheticCurrentLimits(network);
        return network;
    }

    /**
     * The supergrid of the default fleet with its base-case power flow solved but no current limits: the input of the
     * rating planner ({@code gridplanning.RatingPlanner}), which derives the limits {@link #build()} applies.
     */
    public static Network buildUnrated() {
        return buildUnrated(FleetSimulation.create(FleetConfig.DEFAULT_DEVICES, FleetConfig.DEFAULT_SEED));
    }

    private static Network buildUnrated(FleetSimulation fleet) {
        Network network = Network.create(NETWORK_ID, "plurigrid-demo");
        SplittableRandom rnd = new SplittableRandom(SEED);
        Map<String, VoltageLevel> hvBuses = new HashMap<>();
        Map<String, Area> areas = new HashMap<>();
        for (CommunityGrid g : GRIDS) {
            List<org.plurigrid.console.devnet.fleet.Substation> subs = fleet.substations().stream()
                    .filter(s -> s.grid().id().equals(g.groupId())).toList();
            Area area = network.newArea().setId(g.groupId()).setName(g.name()).setAreaType(AREA_TYPE).add();
            area.setProperty(GridSnapshotFactory.OWNER_PROPERTY, g.owner());
            areas.put(g.shortName(), area);
            hvBuses.put(g.shortName(), buildCommunityGrid(network, g, subs, area, rnd));
        }
        for (Tie tie : TIES) {
            for (int k = 1; k <= tie.circuits(); k++) {
                interconnect(network, tie, k, hvBuses, areas);
            }
        }
        PowerFlowResult base = new PowerFlowRunner().run(network);
        if (!base.ok()) {
            throw new IllegalStateException("demo supergrid base case did not solve: " + base.message());
        }
        return network;
    }

    /** One community grid: its HV/MV substation, its community substations with DERs and base loads, the rings. */
    private static VoltageLevel buildCommunityGrid(Network network, CommunityGrid g,
                                                   List<org.plurigrid.console.devnet.fleet.Substation> fleetSubs,
                                                   Area area, SplittableRandom rnd) {
        String kv = String.format(Locale.ROOT, "%.0f", g.mvKv());
        Substation hv = network.newSubstation().setId(g.hvSubstationId())
                .setName(g.name() + " 150/" + kv + " kV").add();
        position(hv, g.centre());
        VoltageLevel hv150 = voltageLevel(hv, g.hvSubstationId() + "-150", HV_KV);
        VoltageLevel hvMv = voltageLevel(hv, g.hvSubstationId() + "-mv", g.mvKv());
        area.addVoltageLevel(hv150);
        area.addVoltageLevel(hvMv);
        double ratedU2 = g.mvKv() * 1.05; // no-load tap a little high: room for the feeders' voltage drop
        double zBase = ratedU2 * ratedU2 / TRANSFORMER_MVA;
        for (int t = 1; t <= 2; t++) {
            hv.newTwoWindingsTransformer().setId(g.hvSubstationId() + "-T" + t)
                    .setName(g.name() + " 150/" + kv + " kV transformer " + t)
                    .setVoltageLevel1(hv150.getId()).setBus1(bus(hv150)).setConnectableBus1(bus(hv150))
                    .setVoltageLevel2(hvMv.getId()).setBus2(bus(hvMv)).setConnectableBus2(bus(hvMv))
                    .setRatedU1(HV_KV).setRatedU2(ratedU2)
                    .setR(TRANSFORMER_UR * zBase).setX(TRANSFORMER_UK * zBase).setG(0).setB(0).add();
        }
        // The 150 kV grid behind the substation: a voltage-regulating generator that takes the slack, offset by a
        // fixed load so that the pair can export as well as import (OpenLoadFlow does not move a generator's output
        // through zero). Both fictitious: import and export, not generation or load of the community grid.
        Generator grid = hv150.newGenerator().setId(g.hvSubstationId() + "/grid")
                .setName("150 kV grid equivalent at " + g.name())
                .setBus(bus(hv150)).setConnectableBus(bus(hv150)).setEnergySource(EnergySource.OTHER)
                .setMinP(0).setMaxP(GRID_EQUIVALENT_OFFSET_MW + 200)
                .setTargetP(GRID_EQUIVALENT_OFFSET_MW + GRID_EQUIVALENT_TARGET_MW).setTargetQ(0)
                .setTargetV(HV_KV).setVoltageRegulatorOn(true).add();
        grid.newMinMaxReactiveLimits().setMinQ(-200).setMaxQ(200).add();
        grid.setFictitious(true);
        hv150.newLoad().setId(g.hvSubstationId() + "/grid-offset").setName("150 kV grid equivalent offset")
                .setBus(bus(hv150)).setConnectableBus(bus(hv150)).setP0(GRID_EQUIVALENT_OFFSET_MW).setQ0(0).add()
                .setFictitious(true);

        // community substations around the centre (sunflower spiral), then in clockwise order for the cable rings
        double phase = rnd.nextDouble() * 2 * Math.PI;
        int n = fleetSubs.size();
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            org.plurigrid.console.devnet.fleet.Substation fs = fleetSubs.get(i);
            double angle = phase + i * Math.toRadians(137.508);
            double r = g.radiusKm() * Math.sqrt((i + 0.6) / n);
            GeoPoint at = offset(g.centre(), r * Math.cos(angle), r * Math.sin(angle));
            Substation s = network.newSubstation().setId(fs.nodeId())
                    .setName(g.name() + " " + kv + " kV station " + fs.nodeId().substring(fs.nodeId().lastIndexOf('-') + 1))
                    .add();
            position(s, at);
            VoltageLevel mv = voltageLevel(s, fs.nodeId() + "-mv", g.mvKv());
            area.addVoltageLevel(mv);
            double peakKw = Math.round(400 + 1600 * rnd.nextDouble());
            double p0 = BaseLoad.powerKw(peakKw, PLANNING_HOUR) / 1000;
            mv.newLoad().setId(BaseLoad.id(fs.nodeId())).setName("Base load behind " + fs.nodeId())
                    .setBus(bus(mv)).setConnectableBus(bus(mv)).setP0(p0).setQ0(p0 * BaseLoad.Q_PER_P).add()
                    .setProperty(BaseLoad.PEAK_PROPERTY, Double.toString(peakKw));
            for (SimulatedDevice d : fs.devices()) {
                addDer(mv, fs.nodeId() + "/" + d.id(), d);
            }
            placed.add(new Placed(mv, at, Math.atan2(at.lat() - g.centre().lat(), at.lon() - g.centre().lon())));
        }
        placed.sort(Comparator.comparingDouble(Placed::angle).reversed()); // clockwise
        feeders(network, g, hvMv, placed);
        return hv150;
    }

    private record Placed(VoltageLevel mv, GeoPoint at, double angle) {
    }

    /**
     * Cable rings from the HV/MV busbar through up to {@value #RING_SIZE} neighbouring substations and back (operated
     * closed, so every substation is fed from two sides); with {@code spur}, the last substation hangs on one radial
     * cable from its neighbour.
     */
    private static void feeders(Network network, CommunityGrid g, VoltageLevel hvMv, List<Placed> subs) {
        List<Placed> ringed = g.spur() && subs.size() >= 2 ? subs.subList(0, subs.size() - 1) : subs;
        int rings = (ringed.size() + RING_SIZE - 1) / RING_SIZE;
        int from = 0;
        for (int r = 0; r < rings; r++) {
            int size = ringed.size() / rings + (r < ringed.size() % rings ? 1 : 0);
            List<Placed> ring = ringed.subList(from, from + size);
            from += size;
            Placed prev = null;
            for (Placed p : ring) {
                cable(network, g, prev == null ? null : prev, p, hvMv);
                prev = p;
            }
            if (ring.size() == 1) {
                // a ring through one station is two parallel cables
                cable(network, g, null, ring.getFirst(), hvMv, "-2");
            } else {
                cable(network, g, ring.getLast(), null, hvMv);
            }
        }
        if (ringed.size() < subs.size()) {
            cable(network, g, subs.get(subs.size() - 2), subs.getLast(), hvMv);
        }
    }

    private static void cable(Network network, CommunityGrid g, Placed a, Placed b, VoltageLevel hvMv) {
        cable(network, g, a, b, hvMv, "");
    }

    /** A cable between two stations; null stands for the HV/MV substation's busbar. */
    private static void cable(Network network, CommunityGrid g, Placed a, Placed b, VoltageLevel hvMv, String suffix) {
        VoltageLevel v1 = a == null ? hvMv : a.mv();
        VoltageLevel v2 = b == null ? hvMv : b.mv();
        GeoPoint p1 = a == null ? g.centre() : a.at();
        GeoPoint p2 = b == null ? g.centre() : b.at();
        double km = Math.max(0.5, p1.distanceKm(p2) * ROUTE_FACTOR);
        double[] c = g.mvKv() > 15 ? MV20_CABLE : MV10_CABLE;
        String id = String.format("%s-mv-%s-%s%s", g.shortName(), stationNo(a), stationNo(b), suffix);
        network.newLine().setId(id)
                .setName(String.format(Locale.ROOT, "%s %.0f kV %s – %s (%.1f km)", g.name(), g.mvKv(), stationNo(a),
                        stationNo(b), km))
                .setVoltageLevel1(v1.getId()).setBus1(bus(v1)).setConnectableBus1(bus(v1))
                .setVoltageLevel2(v2.getId()).setBus2(bus(v2)).setConnectableBus2(bus(v2))
                .setR(c[0] * km).setX(c[1] * km).setG1(0).setG2(0).setB1(c[2] * km / 2).setB2(c[2] * km / 2).add();
    }

    private static String stationNo(Placed p) {
        if (p == null) {
            return "hv";
        }
        String sub = p.mv().getSubstation().orElseThrow().getId();
        return sub.substring(sub.lastIndexOf('-') + 1);
    }

    private static void interconnect(Network network, Tie tie, int k, Map<String, VoltageLevel> hv,
                                     Map<String, Area> areas) {
        VoltageLevel v1 = hv.get(tie.a());
        VoltageLevel v2 = hv.get(tie.b());
        double km = centre(tie.a()).distanceKm(centre(tie.b())) * 1.15;
        Line line = network.newLine().setId(String.format("ic-%s-%s-%d", tie.a(), tie.b(), k))
                .setName(String.format(Locale.ROOT, "%s – %s 150 kV %d (%.0f km)", name(tie.a()), name(tie.b()), k, km))
                .setVoltageLevel1(v1.getId()).setBus1(bus(v1)).setConnectableBus1(bus(v1))
                .setVoltageLevel2(v2.getId()).setBus2(bus(v2)).setConnectableBus2(bus(v2))
                .setR(HV_LINE[0] * km).setX(HV_LINE[1] * km).setG1(0).setG2(0)
                .setB1(HV_LINE[2] * km / 2).setB2(HV_LINE[2] * km / 2).add();
        areas.get(tie.a()).newAreaBoundary().setTerminal(line.getTerminal1()).setAc(true).add();
        areas.get(tie.b()).newAreaBoundary().setTerminal(line.getTerminal2()).setAc(true).add();
    }

    private static VoltageLevel voltageLevel(Substation s, String id, double kv) {
        VoltageLevel vl = s.newVoltageLevel().setId(id).setNominalV(kv).setLowVoltageLimit(kv * 0.9)
                .setHighVoltageLimit(kv * 1.1).setTopologyKind(TopologyKind.BUS_BREAKER).add();
        vl.getBusBreakerView().newBus().setId(id + "-bus").add();
        return vl;
    }

    private static String bus(VoltageLevel vl) {
        return vl.getId() + "-bus";
    }

    private static void position(Substation s, GeoPoint at) {
        s.newExtension(SubstationPositionAdder.class).withCoordinate(new Coordinate(at.lat(), at.lon())).add();
    }

    /** The point {@code eastKm} east and {@code northKm} north of {@code from}. */
    private static GeoPoint offset(GeoPoint from, double eastKm, double northKm) {
        double kmPerDegLat = 111.2;
        double kmPerDegLon = 111.2 * Math.cos(Math.toRadians(from.lat()));
        return new GeoPoint(from.lat() + northKm / kmPerDegLat, from.lon() + eastKm / kmPerDegLon);
    }

    /** The grid model's DER type of a fleet device type. */
    public static DerType derType(DeviceType type) {
        return switch (type) {
            case PV -> DerType.PV;
            case WIND -> DerType.WIND;
            case BAT -> DerType.BATTERY;
            case EV -> DerType.EV_CHARGER;
            case LOAD -> DerType.FLEXIBLE_LOAD;
        };
    }

    /**
     * One fleet device as a model DER with the same id ({@code {edge node}/{device}}) and nameplate (a battery's power
     * rating, not its energy). Build set-points, the evening-peak planning case: PV 0, wind 35 %, EV 50 %, loads 60 % of
     * nameplate, batteries idle.
     */
    @SuppressWarnings("unchecked") // Injection<?>: PowSyBl's extension adders are generic in the holder type
    private static void addDer(VoltageLevel vl, String id, SimulatedDevice device) {
        DerType type = derType(device.type());
        double capacityKw = device instanceof Battery b ? b.maxPowerKw() : device.capacity();
        capacityKw = Math.round(capacityKw * 10) / 10.0;
        double mw = capacityKw / 1000;
        String bus = bus(vl);
        Injection<?> der = switch (type) {
            case PV, WIND -> vl.newGenerator().setId(id).setBus(bus).setConnectableBus(bus)
                    .setEnergySource(type == DerType.PV ? EnergySource.SOLAR : EnergySource.WIND)
                    .setMinP(0).setMaxP(mw).setTargetP(type == DerType.PV ? 0 : mw * 0.35).setTargetQ(0)
                    .setVoltageRegulatorOn(false).add();
            case BATTERY -> vl.newBattery().setId(id).setBus(bus).setConnectableBus(bus)
                    .setMinP(-mw).setMaxP(mw).setTargetP(0).setTargetQ(0).add();
            case EV_CHARGER -> vl.newLoad().setId(id).setBus(bus).setConnectableBus(bus).setP0(mw * 0.5).setQ0(0).add();
            case FLEXIBLE_LOAD -> vl.newLoad().setId(id).setBus(bus).setConnectableBus(bus).setP0(mw * 0.6)
                    .setQ0(0).add();
        };
        if (der instanceof Generator || der instanceof com.powsybl.iidm.network.Battery) {
            // DERs follow their own set-points; the slack is taken by the grid equivalents.
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
