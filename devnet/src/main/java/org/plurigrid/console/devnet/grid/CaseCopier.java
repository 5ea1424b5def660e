package org.plurigrid.console.devnet.grid;

import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Line;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.MinMaxReactiveLimits;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.ShuntCompensator;
import com.powsybl.iidm.network.ShuntCompensatorLinearModel;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.Terminal;
import com.powsybl.iidm.network.TopologyKind;
import com.powsybl.iidm.network.TwoWindingsTransformer;
import com.powsybl.iidm.network.VoltageLevel;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Copies a bus-breaker case (as PowSyBl's IEEE-CDF importer builds them) into another network under new ids:
 * IIDM cannot rename, and copies of the same case must not collide. Substations get the edge-node id scheme of
 * the telemetry conventions ({@code groningen-sub-07}); everything else is prefixed with the grid's short name.
 */
final class CaseCopier {

    /** What a copy produced: old substation id to new substation, for placing them. */
    record Copy(Map<String, Substation> substations) {
    }

    Copy copy(Network source, Network target, String shortName, String displayName) {
        requireSupported(source);
        Function<String, String> id = old -> shortName + "-" + old;
        Map<String, Substation> subs = new HashMap<>();
        int n = 0;
        for (Substation s : source.getSubstations()) {
            n++;
            String newId = String.format("%s-sub-%02d", shortName, n);
            Substation copy = target.newSubstation().setId(newId).setName(displayName + " " + s.getId()).add();
            subs.put(s.getId(), copy);
            for (VoltageLevel vl : s.getVoltageLevels()) {
                copyVoltageLevel(vl, copy, id);
            }
        }
        for (Line l : source.getLines()) {
            Terminal t1 = l.getTerminal1();
            Terminal t2 = l.getTerminal2();
            target.newLine().setId(id.apply(l.getId())).setName(l.getNameOrId())
                    .setVoltageLevel1(id.apply(t1.getVoltageLevel().getId()))
                    .setConnectableBus1(id.apply(t1.getBusBreakerView().getConnectableBus().getId()))
                    .setBus1(busOrNull(t1, id))
                    .setVoltageLevel2(id.apply(t2.getVoltageLevel().getId()))
                    .setConnectableBus2(id.apply(t2.getBusBreakerView().getConnectableBus().getId()))
                    .setBus2(busOrNull(t2, id))
                    .setR(l.getR()).setX(l.getX()).setG1(l.getG1()).setB1(l.getB1()).setG2(l.getG2()).setB2(l.getB2())
                    .add();
        }
        for (TwoWindingsTransformer t : source.getTwoWindingsTransformers()) {
            Substation s = subs.get(t.getSubstation().orElseThrow().getId());
            Terminal t1 = t.getTerminal1();
            Terminal t2 = t.getTerminal2();
            s.newTwoWindingsTransformer().setId(id.apply(t.getId())).setName(t.getNameOrId())
                    .setVoltageLevel1(id.apply(t1.getVoltageLevel().getId()))
                    .setConnectableBus1(id.apply(t1.getBusBreakerView().getConnectableBus().getId()))
                    .setBus1(busOrNull(t1, id))
                    .setVoltageLevel2(id.apply(t2.getVoltageLevel().getId()))
                    .setConnectableBus2(id.apply(t2.getBusBreakerView().getConnectableBus().getId()))
                    .setBus2(busOrNull(t2, id))
                    .setR(t.getR()).setX(t.getX()).setG(t.getG()).setB(t.getB())
                    .setRatedU1(t.getRatedU1()).setRatedU2(t.getRatedU2())
                    .add();
        }
        return new Copy(subs);
    }

    private static void copyVoltageLevel(VoltageLevel vl, Substation target, Function<String, String> id) {
        VoltageLevel copy = target.newVoltageLevel().setId(id.apply(vl.getId())).setName(vl.getNameOrId())
                .setNominalV(vl.getNominalV()).setLowVoltageLimit(vl.getLowVoltageLimit())
                .setHighVoltageLimit(vl.getHighVoltageLimit()).setTopologyKind(TopologyKind.BUS_BREAKER).add();
        for (Bus b : vl.getBusBreakerView().getBuses()) {
            copy.getBusBreakerView().newBus().setId(id.apply(b.getId())).setName(b.getNameOrId()).add()
                    .setV(b.getV()).setAngle(b.getAngle());
        }
        for (Load l : vl.getLoads()) {
            copy.newLoad().setId(id.apply(l.getId())).setConnectableBus(connectable(l.getTerminal(), id))
                    .setBus(busOrNull(l.getTerminal(), id)).setP0(l.getP0()).setQ0(l.getQ0()).setLoadType(l.getLoadType()).add();
        }
        for (Generator g : vl.getGenerators()) {
            Generator c = copy.newGenerator().setId(id.apply(g.getId())).setConnectableBus(connectable(g.getTerminal(), id))
                    .setBus(busOrNull(g.getTerminal(), id)).setEnergySource(g.getEnergySource())
                    .setMinP(g.getMinP()).setMaxP(g.getMaxP()).setTargetP(g.getTargetP()).setTargetQ(g.getTargetQ())
                    .setTargetV(g.getTargetV()).setVoltageRegulatorOn(g.isVoltageRegulatorOn()).setRatedS(g.getRatedS())
                    .add();
            if (g.getReactiveLimits() instanceof MinMaxReactiveLimits mm) {
                c.newMinMaxReactiveLimits().setMinQ(mm.getMinQ()).setMaxQ(mm.getMaxQ()).add();
            }
        }
        for (ShuntCompensator s : vl.getShuntCompensators()) {
            ShuntCompensatorLinearModel m = s.getModel(ShuntCompensatorLinearModel.class);
            copy.newShuntCompensator().setId(id.apply(s.getId())).setConnectableBus(connectable(s.getTerminal(), id))
                    .setBus(busOrNull(s.getTerminal(), id)).setSectionCount(s.getSectionCount())
                    .newLinearModel().setBPerSection(m.getBPerSection()).setGPerSection(m.getGPerSection())
                    .setMaximumSectionCount(s.getMaximumSectionCount()).add()
                    .add();
        }
    }

    private static String connectable(Terminal t, Function<String, String> id) {
        return id.apply(t.getBusBreakerView().getConnectableBus().getId());
    }

    private static String busOrNull(Terminal t, Function<String, String> id) {
        Bus b = t.getBusBreakerView().getBus();
        return b == null ? null : id.apply(b.getId());
    }

    private static void requireSupported(Network n) {
        long unsupported = n.getThreeWindingsTransformerCount() + n.getHvdcLineCount() + n.getDanglingLineCount()
                + n.getStaticVarCompensatorCount() + n.getBatteryCount() + n.getSwitchCount()
                + n.getTwoWindingsTransformerStream().filter(t -> t.getRatioTapChanger() != null || t.getPhaseTapChanger() != null).count()
                + n.getShuntCompensatorStream().filter(s -> s.getModelType() != com.powsybl.iidm.network.ShuntCompensatorModelType.LINEAR).count();
        if (unsupported > 0) {
            throw new IllegalArgumentException("case " + n.getId() + " has elements the demo copier does not handle");
        }
    }
}
