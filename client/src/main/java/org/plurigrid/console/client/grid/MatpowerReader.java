package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.TopologyKind;
import com.powsybl.iidm.network.VoltageLevel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MATPOWER case file ({@code .m}, format version 2: {@code mpc.baseMVA}, {@code mpc.bus}, {@code mpc.gen},
 * {@code mpc.branch}) into IIDM. PowSyBl's own MATPOWER converter is not available from our registry, so this
 * covers the columns a power flow needs. Buses joined by transformers share a substation (IIDM requires it).
 */
final class MatpowerReader {

    private static final Pattern MATRIX = Pattern.compile("mpc\\.(\\w+)\\s*=\\s*\\[(.*?)]\\s*;", Pattern.DOTALL);
    private static final Pattern SCALAR = Pattern.compile("mpc\\.baseMVA\\s*=\\s*([0-9.eE+-]+)\\s*;");
    private static final Pattern NAME = Pattern.compile("function\\s+mpc\\s*=\\s*(\\w+)");

    Network read(Path file) throws GridImportException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GridImportException(file, "Cannot read MATPOWER file " + file + ": " + e.getMessage(), e);
        }
        String code = stripComments(text);
        Map<String, List<double[]>> matrices = new HashMap<>();
        Matcher m = MATRIX.matcher(code);
        while (m.find()) {
            matrices.put(m.group(1), parseRows(file, m.group(1), m.group(2)));
        }
        Matcher base = SCALAR.matcher(code);
        if (!base.find() || !matrices.containsKey("bus") || !matrices.containsKey("branch")) {
            throw new GridImportException(file, "Cannot read MATPOWER file " + file.getFileName()
                    + ": expected mpc.baseMVA, mpc.bus and mpc.branch", null);
        }
        double baseMva = Double.parseDouble(base.group(1));
        Matcher nm = NAME.matcher(code);
        String caseName = nm.find() ? nm.group(1) : file.getFileName().toString().replaceFirst("\\.m$", "");
        return build(file, caseName, baseMva, matrices);
    }

    private static Network build(Path file, String caseName, double baseMva, Map<String, List<double[]>> mx)
            throws GridImportException {
        List<double[]> buses = mx.get("bus");
        List<double[]> branches = mx.get("branch");
        List<double[]> gens = mx.getOrDefault("gen", List.of());
        Map<Integer, double[]> busById = new LinkedHashMap<>();
        for (double[] b : buses) {
            require(file, b, 13, "bus");
            busById.put((int) b[0], b);
        }
        // Buses tied by a transformer must share a substation: group them first (union-find).
        Map<Integer, Integer> parent = new HashMap<>();
        busById.keySet().forEach(id -> parent.put(id, id));
        for (double[] br : branches) {
            require(file, br, 11, "branch");
            if (isTransformer(br, busById)) {
                union(parent, (int) br[0], (int) br[1]);
            }
        }
        Network network = Network.create(caseName, "MATPOWER");
        Map<Integer, Substation> substations = new HashMap<>();
        Map<Integer, VoltageLevel> levels = new HashMap<>();
        for (double[] b : busById.values()) {
            int id = (int) b[0];
            int root = find(parent, id);
            Substation s = substations.computeIfAbsent(root, r -> network.newSubstation().setId("S" + r).add());
            double kv = b[9] > 0 ? b[9] : 1.0;
            VoltageLevel vl = s.newVoltageLevel().setId("VL" + id).setNominalV(kv)
                    .setTopologyKind(TopologyKind.BUS_BREAKER).add();
            Bus bus = vl.getBusBreakerView().newBus().setId("B" + id).add();
            bus.setV(b[7] * kv).setAngle(b[8]);
            levels.put(id, vl);
            if (b[2] != 0 || b[3] != 0) {
                vl.newLoad().setId("L" + id).setBus(bus.getId()).setConnectableBus(bus.getId()).setP0(b[2]).setQ0(b[3]).add();
            }
            if (b[5] != 0) {
                vl.newShuntCompensator().setId("SH" + id).setBus(bus.getId()).setConnectableBus(bus.getId()).setSectionCount(1)
                        .newLinearModel().setBPerSection(b[5] / (kv * kv)).setMaximumSectionCount(1).add().add();
            }
        }
        Map<Integer, Integer> genCount = new HashMap<>();
        for (double[] g : gens) {
            require(file, g, 10, "gen");
            int busId = (int) g[0];
            VoltageLevel vl = levels.get(busId);
            if (vl == null) {
                throw new GridImportException(file, "MATPOWER gen refers to unknown bus " + busId, null);
            }
            int k = genCount.merge(busId, 1, Integer::sum);
            boolean inService = g[7] > 0;
            int type = (int) busById.get(busId)[1];
            var gen = vl.newGenerator().setId("G" + busId + "-" + k).setConnectableBus("B" + busId)
                    .setBus(inService ? "B" + busId : null)
                    .setTargetP(g[1]).setTargetQ(g[2]).setTargetV(g[5] * vl.getNominalV())
                    .setVoltageRegulatorOn(type == 2 || type == 3)
                    .setMaxP(Math.max(g[8], g[1])).setMinP(Math.min(g[9], Math.min(0, g[1])))
                    .add();
            gen.newMinMaxReactiveLimits().setMinQ(Math.min(g[4], g[3])).setMaxQ(Math.max(g[4], g[3])).add();
        }
        Map<String, Integer> branchCount = new HashMap<>();
        for (double[] br : branches) {
            int from = (int) br[0];
            int to = (int) br[1];
            VoltageLevel vl1 = levels.get(from);
            VoltageLevel vl2 = levels.get(to);
            if (vl1 == null || vl2 == null) {
                throw new GridImportException(file, "MATPOWER branch refers to unknown bus " + (vl1 == null ? from : to), null);
            }
            boolean inService = br[10] > 0;
            String key = from + "-" + to;
            int k = branchCount.merge(key, 1, Integer::sum);
            double kv2 = vl2.getNominalV();
            double zb = kv2 * kv2 / baseMva;
            double limitA = br[5] > 0 ? br[5] * 1000 / (Math.sqrt(3) * kv2) : Double.NaN;
            if (isTransformer(br, busById)) {
                double ratio = br[8] == 0 ? 1 : br[8];
                var t = substations.get(find(parent, from)).newTwoWindingsTransformer().setId("T" + key + "-" + k)
                        .setVoltageLevel1(vl1.getId()).setConnectableBus1("B" + from).setBus1(inService ? "B" + from : null)
                        .setVoltageLevel2(vl2.getId()).setConnectableBus2("B" + to).setBus2(inService ? "B" + to : null)
                        .setRatedU1(vl1.getNominalV() * ratio).setRatedU2(kv2)
                        .setR(br[2] * zb).setX(br[3] * zb).setG(0).setB(br[4] / zb).add();
                if (!Double.isNaN(limitA)) {
                    t.getOrCreateSelectedOperationalLimitsGroup2().newCurrentLimits().setPermanentLimit(limitA).add();
                }
            } else {
                var l = network.newLine().setId("L" + key + "-" + k)
                        .setVoltageLevel1(vl1.getId()).setConnectableBus1("B" + from).setBus1(inService ? "B" + from : null)
                        .setVoltageLevel2(vl2.getId()).setConnectableBus2("B" + to).setBus2(inService ? "B" + to : null)
                        .setR(br[2] * zb).setX(br[3] * zb).setG1(0).setG2(0).setB1(br[4] / zb / 2).setB2(br[4] / zb / 2).add();
                if (!Double.isNaN(limitA)) {
                    l.getOrCreateSelectedOperationalLimitsGroup1().newCurrentLimits().setPermanentLimit(limitA).add();
                    l.getOrCreateSelectedOperationalLimitsGroup2().newCurrentLimits().setPermanentLimit(limitA).add();
                }
            }
        }
        return network;
    }

    private static boolean isTransformer(double[] br, Map<Integer, double[]> busById) {
        double[] b1 = busById.get((int) br[0]);
        double[] b2 = busById.get((int) br[1]);
        boolean sameKv = b1 != null && b2 != null && b1[9] == b2[9];
        return (br[8] != 0 && br[8] != 1) || br[9] != 0 || !sameKv;
    }

    private static void require(Path file, double[] row, int columns, String matrix) throws GridImportException {
        if (row.length < columns) {
            throw new GridImportException(file, "MATPOWER mpc." + matrix + " row has " + row.length
                    + " columns, expected at least " + columns, null);
        }
    }

    private static List<double[]> parseRows(Path file, String name, String body) throws GridImportException {
        List<double[]> rows = new ArrayList<>();
        for (String line : body.split("[;\\n]")) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] cells = t.split("[\\s,]+");
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                try {
                    row[i] = Double.parseDouble(cells[i]);
                } catch (NumberFormatException e) {
                    if (!name.equals("bus") && !name.equals("gen") && !name.equals("branch")) {
                        return List.of(); // e.g. mpc.bus_name = { 'a'; 'b' } or cost tables we do not need
                    }
                    throw new GridImportException(file, "MATPOWER mpc." + name + ": not a number '" + cells[i] + "'", e);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static String stripComments(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            int pct = line.indexOf('%');
            sb.append(pct < 0 ? line : line.substring(0, pct)).append('\n');
        }
        return sb.toString();
    }

    private static int find(Map<Integer, Integer> parent, int x) {
        int r = x;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        parent.put(x, r);
        return r;
    }

    private static void union(Map<Integer, Integer> parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }
}
