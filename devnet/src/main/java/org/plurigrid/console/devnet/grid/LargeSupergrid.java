package org.plurigrid.console.devnet.grid;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Area;
import com.powsybl.iidm.network.Line;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.VoltageLevel;
import com.powsybl.iidm.network.extensions.Coordinate;
import com.powsybl.iidm.network.extensions.SubstationPosition;
import com.powsybl.iidm.network.extensions.SubstationPositionAdder;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowRunner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A large generated supergrid for benchmarks: {@code copies} copies of IEEE 118 laid out on a grid of tiles over the
 * Netherlands (each copy an area with the same force layout as the demo's), neighbouring tiles tied by two 138 kV
 * lines, and current limits from the base case as in the demo. 85 copies give about 10,000 buses and 15,900 branches.
 * No DERs in the network (a benchmark adds them to the snapshot), so the power flow is timed on the grid itself.
 */
public final class LargeSupergrid {

    private static final double SOUTH = 50.9;
    private static final double NORTH = 53.6;
    private static final double WEST = 3.3;
    private static final double EAST = 7.3;
    /** The voltage class of the ties between copies (IEEE 118's sub-transmission level). */
    private static final double TIE_KV = 138.0;

    private LargeSupergrid() {
    }

    public static Network build(int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("need at least one copy, was " + copies);
        }
        Network source = IeeeCdfNetworkFactory.create118();
        List<String> ids = source.getSubstationStream().map(Substation::getId).toList();
        double[][] xy = ForceLayout.ofSubstations(source, ids);

        Network network = Network.create("plurigrid-large-supergrid", "plurigrid-bench");
        CaseCopier copier = new CaseCopier();
        int cols = (int) Math.ceil(Math.sqrt(copies));
        int rows = (int) Math.ceil(copies / (double) cols);
        double tileLat = (NORTH - SOUTH) / rows;
        double tileLon = (EAST - WEST) / cols;
        List<List<Substation>> byCopy = new ArrayList<>();
        List<GeoPoint> centres = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            String shortName = String.format("lg%03d", k);
            CaseCopier.Copy copy = copier.copy(source, network, shortName, "Large " + k);
            GeoPoint centre = new GeoPoint(SOUTH + (k / cols + 0.5) * tileLat, WEST + (k % cols + 0.5) * tileLon);
            centres.add(centre);
            for (int i = 0; i < ids.size(); i++) {
                double lat = centre.lat() + xy[i][1] * tileLat * 0.42;
                double lon = centre.lon() + xy[i][0] * tileLon * 0.42;
                copy.substations().get(ids.get(i)).newExtension(SubstationPositionAdder.class)
                        .withCoordinate(new Coordinate(lat, lon)).add();
            }
            Area area = network.newArea().setId("cg-" + shortName).setName("Large " + k).setAreaType("CommunityGrid")
                    .add();
            area.setProperty(GridSnapshotFactory.OWNER_PROPERTY, "Co-op " + k);
            List<Substation> subs = new ArrayList<>(copy.substations().values());
            subs.sort(Comparator.comparing(Substation::getId));
            subs.forEach(s -> s.getVoltageLevels().forEach(area::addVoltageLevel));
            byCopy.add(subs);
        }
        for (int k = 0; k < copies; k++) {
            int right = k % cols < cols - 1 ? k + 1 : -1;
            int below = k + cols;
            for (int other : new int[]{right, below}) {
                if (other > k && other < copies) {
                    tie(network, k, other, byCopy, centres);
                }
            }
        }
        if (!new PowerFlowRunner().run(network).ok()) {
            throw new IllegalStateException("large supergrid base case did not solve");
        }
        DemoSupergrid.setSyntheticCurrentLimits(network);
        return network;
    }

    private static void tie(Network network, int a, int b, List<List<Substation>> byCopy, List<GeoPoint> centres) {
        List<VoltageLevel> sideA = nearest(byCopy.get(a), centres.get(b));
        List<VoltageLevel> sideB = nearest(byCopy.get(b), centres.get(a));
        for (int c = 0; c < 2 && c < sideA.size() && c < sideB.size(); c++) {
            VoltageLevel v1 = sideA.get(c);
            VoltageLevel v2 = sideB.get(c);
            double km = Math.max(1, position(v1).distanceKm(position(v2)));
            String bus1 = v1.getBusBreakerView().getBuses().iterator().next().getId();
            String bus2 = v2.getBusBreakerView().getBuses().iterator().next().getId();
            Line line = network.newLine().setId(String.format("ic-lg%03d-lg%03d-%d", a, b, c + 1))
                    .setVoltageLevel1(v1.getId()).setBus1(bus1).setConnectableBus1(bus1)
                    .setVoltageLevel2(v2.getId()).setBus2(bus2).setConnectableBus2(bus2)
                    .setR(0.06 * km).setX(0.40 * km).setG1(0).setG2(0).setB1(1.4e-6 * km).setB2(1.4e-6 * km).add();
            network.getArea(String.format("cg-lg%03d", a)).newAreaBoundary().setTerminal(line.getTerminal1()).setAc(true)
                    .add();
            network.getArea(String.format("cg-lg%03d", b)).newAreaBoundary().setTerminal(line.getTerminal2()).setAc(true)
                    .add();
        }
    }

    private static List<VoltageLevel> nearest(List<Substation> subs, GeoPoint towards) {
        List<VoltageLevel> out = new ArrayList<>();
        for (Substation s : subs) {
            // Ties join like voltages only: a line between a 138 kV and a 161 kV bus would act as a 17 % tap and
            // drive reactive flows that kept AC from converging (the grid then fell back to DC).
            s.getVoltageLevelStream().filter(vl -> vl.getNominalV() == TIE_KV).findFirst().ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble((VoltageLevel vl) -> position(vl).distanceKm(towards))
                .thenComparing(VoltageLevel::getId));
        return out;
    }

    private static GeoPoint position(VoltageLevel vl) {
        Coordinate c = vl.getSubstation().orElseThrow().getExtension(SubstationPosition.class).getCoordinate();
        return new GeoPoint(c.getLatitude(), c.getLongitude());
    }
}
