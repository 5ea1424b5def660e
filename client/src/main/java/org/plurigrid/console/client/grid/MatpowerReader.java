package org.plurigrid.console.client.grid;

import com.powsybl.commons.PowsyblException;
import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.Terminal;
import com.powsybl.iidm.network.TopologyKind;
import com.powsybl.iidm.network.TwoWindingsTransformer;
import com.powsybl.iidm.network.VoltageLevel;
import com.powsybl.iidm.network.extensions.SlackTerminal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a MATPOWER case file ({@code .m}, format version 2) into IIDM so that OpenLoadFlow, with the settings of
 * {@link PowerFlowRunner.Settings#MATPOWER}, gives MATPOWER's {@code runpf} answer (see ADR 0010 and
 * {@code client/src/test/matpower/README.md}). PowSyBl's MATPOWER converter reads only binary {@code .mat} files.
 *
 * <p>Mapping: a bus is a voltage level with one bus; buses joined by transformers share a substation (IIDM requires
 * it). Demand is a constant-power load, {@code GS}/{@code BS} a fixed shunt. A branch is a transformer when it has a
 * tap ratio other than 0 or 1, a phase shift, or joins buses of different base kV; {@code SHIFT} becomes a fixed
 * phase tap changer. {@code RATE_A} (MVA) becomes a permanent current limit at each end at that end's base voltage.
 * Generators regulate voltage at PV and reference buses; a reference bus carries the slack terminal. Isolated buses
 * (type 4) keep nothing connected. An in-service dc line becomes a pair of generators (the sending end drawing
 * {@code PF}, the receiving end injecting {@code PF} less the losses), as MATPOWER's own dc-line model does.
 * {@code Inf} limits are unbounded ({@link Double#MAX_VALUE}).
 */
final class MatpowerReader {

    private static final double UNBOUNDED = Double.MAX_VALUE;

    // Plausibility bounds: MATPOWER's own cases stay well inside them (voltages 0.5-1.6 pu, base kV 0.4-765, taps
    // 0.55-1.6); outside them a file is broken or hostile, and the per-unit conversion would overflow or make the
    // solver's matrix singular. Refused with the file and line like any other invalid value.
    static final double MAX_VOLTAGE_PU = 10;
    static final double MIN_BASE_KV = 0.001;
    static final double MAX_BASE_KV = 10_000;
    static final double MIN_TAP = 0.001;
    static final double MAX_TAP = 1000;
    static final double MIN_BASE_MVA = 0.001;

    Network read(Path file) throws GridImportException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file, in);
        } catch (IOException e) {
            throw new GridImportException(file, "Cannot read MATPOWER file " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Parses and maps {@code text} as if read from {@code file}; for tests and fuzzing. */
    Network read(Path file, Reader text) throws GridImportException, IOException {
        MatpowerTables tables = MatpowerParser.parse(file, text);
        try {
            return build(tables);
        } catch (PowsyblException e) {
            // IIDM's own validation, for a combination of values the checks above do not cover.
            throw new GridImportException(file, file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Network build(MatpowerTables mp) throws GridImportException {
        Path file = mp.file();
        String fileName = String.valueOf(file.getFileName());
        if (mp.baseMva() < MIN_BASE_MVA) {
            throw new GridImportException(file, fileName + ", line " + mp.baseMvaLine() + ": mpc.baseMVA is "
                    + mp.baseMva() + " (expected at least " + MIN_BASE_MVA + " MVA)", null);
        }
        Map<Integer, MatpowerTables.Row> busById = new LinkedHashMap<>();
        for (MatpowerTables.Row b : mp.bus()) {
            int id = busNumber(mp, b, MatpowerTables.BUS_I, "bus number");
            MatpowerTables.Row earlier = busById.putIfAbsent(id, b);
            if (earlier != null) {
                throw error(mp, b, "bus " + id + " is defined twice (first on line " + earlier.line() + ")");
            }
            double type = b.get(MatpowerTables.BUS_TYPE);
            if (type != MatpowerTables.PQ && type != MatpowerTables.PV && type != MatpowerTables.REF
                    && type != MatpowerTables.NONE) {
                throw error(mp, b, "bus " + id + " has type " + format(type) + " (expected 1 PQ, 2 PV, 3 reference or 4 isolated)");
            }
            if (b.get(MatpowerTables.VM) < 0 || b.get(MatpowerTables.VM) > MAX_VOLTAGE_PU) {
                throw error(mp, b, "bus " + id + " has voltage magnitude " + format(b.get(MatpowerTables.VM))
                        + " (expected 0 to " + format(MAX_VOLTAGE_PU) + " pu)");
            }
            double kv = b.get(MatpowerTables.BASE_KV);
            if (kv != 0 && !(kv >= MIN_BASE_KV && kv <= MAX_BASE_KV)) {
                throw error(mp, b, "bus " + id + " has base kV " + format(kv) + " (expected 0 for unknown, or "
                        + MIN_BASE_KV + " to " + format(MAX_BASE_KV) + " kV)");
            }
        }
        for (MatpowerTables.Row g : mp.gen()) {
            int busId = busNumber(mp, g, MatpowerTables.GEN_BUS, "generator bus");
            requireBus(mp, busById, g, busId, "generator");
            if (!(g.get(MatpowerTables.VG) > 0 && g.get(MatpowerTables.VG) <= MAX_VOLTAGE_PU)) {
                throw error(mp, g, "generator at bus " + busId + " has voltage set-point " + format(g.get(MatpowerTables.VG))
                        + " (expected above 0 and at most " + format(MAX_VOLTAGE_PU) + " pu)");
            }
        }
        for (MatpowerTables.Row br : mp.branch()) {
            int from = busNumber(mp, br, MatpowerTables.F_BUS, "branch from-bus");
            int to = busNumber(mp, br, MatpowerTables.T_BUS, "branch to-bus");
            requireBus(mp, busById, br, from, "branch");
            requireBus(mp, busById, br, to, "branch");
            if (from == to) {
                throw error(mp, br, "branch connects bus " + from + " to itself");
            }
            double tap = br.get(MatpowerTables.TAP);
            if (tap != 0 && !(tap >= MIN_TAP && tap <= MAX_TAP)) {
                throw error(mp, br, "branch " + from + "-" + to + " has tap ratio " + format(tap) + " (expected 0 for none, or "
                        + MIN_TAP + " to " + format(MAX_TAP) + ")");
            }
            if (Math.abs(br.get(MatpowerTables.SHIFT)) > 360) {
                throw error(mp, br, "branch " + from + "-" + to + " has phase shift " + format(br.get(MatpowerTables.SHIFT))
                        + " (expected -360 to 360 degrees)");
            }
        }
        for (MatpowerTables.Row dc : mp.dcline()) {
            requireBus(mp, busById, dc, busNumber(mp, dc, MatpowerTables.DC_F_BUS, "dc line from-bus"), "dc line");
            requireBus(mp, busById, dc, busNumber(mp, dc, MatpowerTables.DC_T_BUS, "dc line to-bus"), "dc line");
            for (int column : new int[] {MatpowerTables.DC_VF, MatpowerTables.DC_VT}) {
                if (!(dc.get(column) > 0 && dc.get(column) <= MAX_VOLTAGE_PU)) {
                    throw error(mp, dc, "dc line has voltage set-point " + format(dc.get(column))
                            + " (expected above 0 and at most " + format(MAX_VOLTAGE_PU) + " pu)");
                }
            }
        }

        // Buses tied by a transformer must share a substation: group them first (union-find).
        Map<Integer, Integer> parent = new HashMap<>();
        busById.keySet().forEach(id -> parent.put(id, id));
        for (MatpowerTables.Row br : mp.branch()) {
            if (isTransformer(br, busById)) {
                union(parent, (int) br.get(MatpowerTables.F_BUS), (int) br.get(MatpowerTables.T_BUS));
            }
        }
        String name = mp.caseName() != null ? mp.caseName() : fileName.replaceFirst("\\.m$", "");
        Network network = Network.create(name, "MATPOWER");
        Map<Integer, Substation> substations = new HashMap<>();
        Map<Integer, VoltageLevel> levels = new HashMap<>();
        for (MatpowerTables.Row b : busById.values()) {
            int id = (int) b.get(MatpowerTables.BUS_I);
            boolean live = b.get(MatpowerTables.BUS_TYPE) != MatpowerTables.NONE;
            Substation s = substations.computeIfAbsent(find(parent, id), r -> network.newSubstation().setId("S" + r).add());
            double kv = baseKv(b);
            VoltageLevel vl = s.newVoltageLevel().setId("VL" + id).setNominalV(kv)
                    .setTopologyKind(TopologyKind.BUS_BREAKER).add();
            Bus bus = vl.getBusBreakerView().newBus().setId("B" + id).add();
            bus.setV(b.get(MatpowerTables.VM) * kv).setAngle(b.get(MatpowerTables.VA));
            levels.put(id, vl);
            String connected = live ? bus.getId() : null;
            if (b.get(MatpowerTables.PD) != 0 || b.get(MatpowerTables.QD) != 0) {
                vl.newLoad().setId("L" + id).setConnectableBus(bus.getId()).setBus(connected)
                        .setP0(b.get(MatpowerTables.PD)).setQ0(b.get(MatpowerTables.QD)).add();
            }
            if (b.get(MatpowerTables.GS) != 0 || b.get(MatpowerTables.BS) != 0) {
                // GS and BS are MW and MVAr consumed and injected at 1 pu: siemens = MW / kV².
                vl.newShuntCompensator().setId("SH" + id).setConnectableBus(bus.getId()).setBus(connected)
                        .setSectionCount(1).setVoltageRegulatorOn(false)
                        .newLinearModel().setGPerSection(b.get(MatpowerTables.GS) / (kv * kv))
                        .setBPerSection(b.get(MatpowerTables.BS) / (kv * kv)).setMaximumSectionCount(1).add().add();
            }
        }

        // MATPOWER sets a PV bus's voltage from its in-service generators' VG, the last one winning.
        Map<Integer, Double> busTargetV = new HashMap<>();
        for (MatpowerTables.Row g : mp.gen()) {
            if (g.get(MatpowerTables.GEN_STATUS) > 0) {
                busTargetV.put((int) g.get(MatpowerTables.GEN_BUS), g.get(MatpowerTables.VG));
            }
        }
        for (MatpowerTables.Row dc : mp.dcline()) {  // MATPOWER appends a dc line's generators after the others
            if (dc.get(MatpowerTables.DC_STATUS) > 0) {
                busTargetV.put((int) dc.get(MatpowerTables.DC_F_BUS), dc.get(MatpowerTables.DC_VF));
                busTargetV.put((int) dc.get(MatpowerTables.DC_T_BUS), dc.get(MatpowerTables.DC_VT));
            }
        }
        Map<Integer, Integer> genCount = new HashMap<>();
        Map<Integer, Terminal> slackTerminal = new HashMap<>();
        for (MatpowerTables.Row g : mp.gen()) {
            int busId = (int) g.get(MatpowerTables.GEN_BUS);
            int k = genCount.merge(busId, 1, Integer::sum);
            Generator gen = addGenerator(levels.get(busId), busById.get(busId), "G" + busId + "-" + k,
                    g.get(MatpowerTables.GEN_STATUS) > 0, g.get(MatpowerTables.PG), g.get(MatpowerTables.QG),
                    busTargetV.getOrDefault(busId, g.get(MatpowerTables.VG)),
                    g.get(MatpowerTables.PMIN), g.get(MatpowerTables.PMAX), g.get(MatpowerTables.QMIN), g.get(MatpowerTables.QMAX));
            if (gen.getTerminal().isConnected() && busById.get(busId).get(MatpowerTables.BUS_TYPE) == MatpowerTables.REF) {
                slackTerminal.putIfAbsent(busId, gen.getTerminal());
            }
        }
        Map<String, Integer> dcCount = new HashMap<>();
        for (MatpowerTables.Row dc : mp.dcline()) {
            int from = (int) dc.get(MatpowerTables.DC_F_BUS);
            int to = (int) dc.get(MatpowerTables.DC_T_BUS);
            int k = dcCount.merge(from + "-" + to, 1, Integer::sum);
            boolean on = dc.get(MatpowerTables.DC_STATUS) > 0;
            double pf = dc.get(MatpowerTables.DC_PF);
            double pt = pf - (dc.get(MatpowerTables.DC_LOSS0) + dc.get(MatpowerTables.DC_LOSS1) * pf);
            String id = "DC" + from + "-" + to + "-" + k;
            addGenerator(levels.get(from), busById.get(from), id + "-1", on, -pf, dc.get(MatpowerTables.DC_QF),
                    busTargetV.getOrDefault(from, dc.get(MatpowerTables.DC_VF)), -pf, -pf,
                    dc.get(MatpowerTables.DC_QMINF), dc.get(MatpowerTables.DC_QMAXF));
            addGenerator(levels.get(to), busById.get(to), id + "-2", on, pt, dc.get(MatpowerTables.DC_QT),
                    busTargetV.getOrDefault(to, dc.get(MatpowerTables.DC_VT)), pt, pt,
                    dc.get(MatpowerTables.DC_QMINT), dc.get(MatpowerTables.DC_QMAXT));
        }
        for (Map.Entry<Integer, MatpowerTables.Row> e : busById.entrySet()) {
            if (e.getValue().get(MatpowerTables.BUS_TYPE) == MatpowerTables.REF) {
                Terminal t = slackTerminal.get(e.getKey());
                if (t == null) {
                    VoltageLevel vl = levels.get(e.getKey());
                    Load load = vl.getLoadStream().filter(l -> l.getTerminal().isConnected()).findFirst().orElse(null);
                    t = load == null ? null : load.getTerminal();
                }
                if (t != null) {
                    SlackTerminal.reset(levels.get(e.getKey()), t);
                }
            }
        }

        Map<String, Integer> branchCount = new HashMap<>();
        for (MatpowerTables.Row br : mp.branch()) {
            int from = (int) br.get(MatpowerTables.F_BUS);
            int to = (int) br.get(MatpowerTables.T_BUS);
            VoltageLevel vl1 = levels.get(from);
            VoltageLevel vl2 = levels.get(to);
            boolean inService = br.get(MatpowerTables.BR_STATUS) > 0
                    && busById.get(from).get(MatpowerTables.BUS_TYPE) != MatpowerTables.NONE
                    && busById.get(to).get(MatpowerTables.BUS_TYPE) != MatpowerTables.NONE;
            String key = from + "-" + to;
            int k = branchCount.merge(key, 1, Integer::sum);
            double kv1 = vl1.getNominalV();
            double kv2 = vl2.getNominalV();
            double zb = kv2 * kv2 / mp.baseMva();
            double r = br.get(MatpowerTables.BR_R);
            double x = br.get(MatpowerTables.BR_X);
            double b = br.get(MatpowerTables.BR_B);
            com.powsybl.iidm.network.Branch<?> branch;
            if (isTransformer(br, busById)) {
                double tap = br.get(MatpowerTables.TAP);
                double ratio = tap == 0 ? 1 : tap;
                TwoWindingsTransformer t = substations.get(find(parent, from)).newTwoWindingsTransformer()
                        .setId("T" + key + "-" + k)
                        .setVoltageLevel1(vl1.getId()).setConnectableBus1("B" + from).setBus1(inService ? "B" + from : null)
                        .setVoltageLevel2(vl2.getId()).setConnectableBus2("B" + to).setBus2(inService ? "B" + to : null)
                        .setRatedU1(kv1 * ratio).setRatedU2(kv2)
                        .setR(r * zb).setX(x * zb).setG(0).setB(b / zb).add();
                double shift = br.get(MatpowerTables.SHIFT);
                if (shift != 0) {
                    // MATPOWER: positive SHIFT delays side 2; IIDM's alpha advances it.
                    t.newPhaseTapChanger().setTapPosition(0).setLowTapPosition(0)
                            .beginStep().setRho(1).setAlpha(-shift).setR(0).setX(0).setG(0).setB(0).endStep()
                            .add();
                }
                branch = t;
            } else {
                branch = network.newLine().setId("L" + key + "-" + k)
                        .setVoltageLevel1(vl1.getId()).setConnectableBus1("B" + from).setBus1(inService ? "B" + from : null)
                        .setVoltageLevel2(vl2.getId()).setConnectableBus2("B" + to).setBus2(inService ? "B" + to : null)
                        .setR(r * zb).setX(x * zb).setG1(0).setG2(0).setB1(b / zb / 2).setB2(b / zb / 2).add();
            }
            double rateA = br.get(MatpowerTables.RATE_A);
            if (rateA > 0 && Double.isFinite(rateA)) {
                branch.getOrCreateSelectedOperationalLimitsGroup1().newCurrentLimits()
                        .setPermanentLimit(rateA * 1000 / (Math.sqrt(3) * kv1)).add();
                branch.getOrCreateSelectedOperationalLimitsGroup2().newCurrentLimits()
                        .setPermanentLimit(rateA * 1000 / (Math.sqrt(3) * kv2)).add();
            }
        }
        return network;
    }

    private static Generator addGenerator(VoltageLevel vl, MatpowerTables.Row bus, String id, boolean inService,
                                          double p, double q, double vg, double pmin, double pmax,
                                          double qmin, double qmax) {
        int type = (int) bus.get(MatpowerTables.BUS_TYPE);
        boolean on = inService && type != MatpowerTables.NONE;
        String busId = vl.getBusBreakerView().getBuses().iterator().next().getId();
        Generator gen = vl.newGenerator().setId(id).setConnectableBus(busId).setBus(on ? busId : null)
                .setTargetP(p).setTargetQ(q).setTargetV(vg * vl.getNominalV())
                .setVoltageRegulatorOn(type == MatpowerTables.PV || type == MatpowerTables.REF)
                .setMinP(bounded(Math.min(pmin, pmax))).setMaxP(bounded(Math.max(pmin, pmax)))
                .add();
        gen.newMinMaxReactiveLimits().setMinQ(bounded(Math.min(qmin, qmax))).setMaxQ(bounded(Math.max(qmin, qmax))).add();
        return gen;
    }

    private static double bounded(double v) {
        return Double.isInfinite(v) ? Math.copySign(UNBOUNDED, v) : v;
    }

    /** MATPOWER's base kV; 0 (unknown) becomes 1 kV so that per-unit values stay as given. */
    private static double baseKv(MatpowerTables.Row bus) {
        double kv = bus.get(MatpowerTables.BASE_KV);
        return kv > 0 ? kv : 1.0;
    }

    private static boolean isTransformer(MatpowerTables.Row br, Map<Integer, MatpowerTables.Row> busById) {
        double tap = br.get(MatpowerTables.TAP);
        double kv1 = baseKv(busById.get((int) br.get(MatpowerTables.F_BUS)));
        double kv2 = baseKv(busById.get((int) br.get(MatpowerTables.T_BUS)));
        return (tap != 0 && tap != 1) || br.get(MatpowerTables.SHIFT) != 0 || kv1 != kv2;
    }

    /** A bus number: a whole number from 1 to 2,147,483,647 (MATPOWER requires positive integers). */
    private static int busNumber(MatpowerTables mp, MatpowerTables.Row row, int column, String what)
            throws GridImportException {
        double v = row.get(column);
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
            throw error(mp, row, what + " " + format(v) + " is not a whole number from 1 to " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    private static void requireBus(MatpowerTables mp, Map<Integer, MatpowerTables.Row> busById, MatpowerTables.Row row,
                                   int id, String what) throws GridImportException {
        if (!busById.containsKey(id)) {
            throw error(mp, row, what + " refers to bus " + id + ", which mpc.bus does not define");
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static GridImportException error(MatpowerTables mp, MatpowerTables.Row row, String message) {
        return new GridImportException(mp.file(), mp.file().getFileName() + ", line " + row.line() + ": " + message, null);
    }

    private static int find(Map<Integer, Integer> parent, int x) {
        int r = x;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        // Path compression keeps later finds short.
        int y = x;
        while (parent.get(y) != r) {
            int next = parent.get(y);
            parent.put(y, r);
            y = next;
        }
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
