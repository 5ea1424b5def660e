package org.plurigrid.console.devnet.gridtelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.powsybl.iidm.network.Network;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.fleet.FleetConfig;
import org.plurigrid.console.devnet.fleet.FleetSimulation;
import org.plurigrid.console.devnet.fleet.SimulatedDevice;
import org.plurigrid.console.devnet.fleet.Substation;
import org.plurigrid.console.devnet.grid.BaseLoad;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.devnet.grid.SupergridPowerFlow;

/**
 * One set of numbers that add up: the EMS steps the demo supergrid with the simulated fleet through a day (the fleet's
 * own clock, minute by minute) and what its nodes would publish is checked against the fleet's devices at several
 * times of day: each substation's load is its devices' consumption plus its base load, area figures are the sums of
 * their substations, and a demand response of a few hundred kW at one substation moves its flows.
 */
class EmsSumsTest {

    /** Sums must agree within 1 %, or within the metrics' resolution (1 kW) where a figure is near zero. */
    private static final double SHARE = 0.01;
    private static final double FLOOR_MW = 0.002;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 20);
    /** UTC hours sampled: night, morning, PV noon, evening peak, late evening (solar time is about 20 min later). */
    private static final double[] HOURS = {2.6, 7.6, 12.0, 18.1, 21.6};

    private static Network network;
    private static SupergridPowerFlow powerFlow;
    private static FleetInjections injections;
    private static List<EmsSource> sources;
    private static FleetSimulation fleet;
    private static Instant clock;

    @BeforeAll
    static void buildTheEms() {
        network = DemoSupergrid.build();
        powerFlow = new SupergridPowerFlow(network, new PowerFlowRunner(), new GridSnapshotFactory(),
                () -> Instant.EPOCH);
        GridSnapshot topology = powerFlow.current();
        injections = new FleetInjections(topology, new DerProfile(), BaseLoad.peaksKw(network));
        fleet = FleetSimulation.create(FleetConfig.DEFAULT_DEVICES, FleetConfig.DEFAULT_SEED);
        fleet.step(DAY.atStartOfDay(ZoneOffset.UTC).toInstant());
        FleetInjections.addAggregateLoads(network, injections.covered(FleetReading.of(fleet)));
        sources = new ArrayList<>();
        for (GridArea a : topology.areas()) {
            sources.add(new EmsSource(a.id(), topology));
        }
    }

    /** Every test starts the fleet afresh at midnight of {@link #DAY}. */
    @BeforeEach
    void newDay() {
        fleet = FleetSimulation.create(FleetConfig.DEFAULT_DEVICES, FleetConfig.DEFAULT_SEED);
        clock = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        fleet.step(clock);
    }

    private static void runFleetUntil(Instant t) {
        while (clock.isBefore(t)) {
            clock = clock.plusSeconds(60);
            fleet.step(clock);
        }
    }

    private static GridSnapshot emsStep(FleetReading reading) {
        GridSnapshot s = GridEms.step(powerFlow, injections, sources, reading, GridEms.solarHour(clock));
        assertThat(s.powerFlow().mode()).isEqualTo(PowerFlowResult.Mode.AC);
        return s;
    }

    private static void assertAddsUp(String what, double actual, double expected) {
        assertThat(actual).as(what).isCloseTo(expected, within(Math.max(FLOOR_MW, SHARE * Math.abs(expected))));
    }

    @Test
    void substationAreaAndSupergridFiguresAddUpAtEveryTimeOfDay() {
        for (double h : HOURS) {
            runFleetUntil(DAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(Math.round(h * 3600)));
            double hour = GridEms.solarHour(clock);
            FleetReading reading = FleetReading.of(fleet);
            emsStep(reading);
            Map<String, double[]> published = substationValues();
            double totalLoad = 0;
            double totalGeneration = 0;
            double devicesNet = 0;
            double baseTotal = 0;
            for (Substation fs : fleet.substations()) {
                double[] v = published.get(fs.nodeId());
                assertThat(v).as(fs.nodeId() + " published").isNotNull();
                double consumption = 0;
                double generation = 0;
                for (SimulatedDevice d : fs.devices()) {
                    double kw = d.activePowerKw();
                    switch (d.type()) {
                        case LOAD, EV -> consumption += kw;
                        case PV, WIND -> generation += kw;
                        case BAT -> {
                            if (kw >= 0) {
                                generation += kw;
                            } else {
                                consumption -= kw;
                            }
                        }
                    }
                }
                double base = BaseLoad.powerKw(Double.parseDouble(network.getLoad(BaseLoad.id(fs.nodeId()))
                        .getProperty(BaseLoad.PEAK_PROPERTY)), hour) / 1000;
                String at = String.format(Locale.ROOT, "%s at %.2f h: ", fs.nodeId(), hour);
                assertAddsUp(at + "base load", v[4], base);
                assertAddsUp(at + "device net import = the fleet's own Substation/ActivePower", v[3],
                        fs.activePowerKw() / 1000);
                assertAddsUp(at + "load = devices' consumption + base load", v[0], consumption / 1000 + base);
                assertAddsUp(at + "generation = devices' generation", v[1], generation / 1000);
                assertAddsUp(at + "load - generation = base load + devices' net", v[0] - v[1], v[4] + v[3]);
                devicesNet += fs.activePowerKw() / 1000;
                baseTotal += base;
            }
            for (EmsSource src : sources) {
                double load = 0;
                double generation = 0;
                for (Map.Entry<String, double[]> e : published.entrySet()) {
                    if (powerFlow.current().substation(e.getKey()).orElseThrow().areaId().equals(src.groupId())) {
                        load += e.getValue()[0];
                        generation += e.getValue()[1];
                    }
                }
                assertAddsUp(src.groupId() + " Area/Load_MW = Σ its substations", src.nodeValue(1), load);
                assertAddsUp(src.groupId() + " Area/Generation_MW = Σ its substations", src.nodeValue(2), generation);
                totalLoad += src.nodeValue(1);
                totalGeneration += src.nodeValue(2);
            }
            assertAddsUp("supergrid load - generation = base loads + devices' net", totalLoad - totalGeneration,
                    baseTotal + devicesNet);
            System.out.printf(Locale.ROOT, "EMS sums at %05.2f h solar: load %.3f MW (base %.3f), generation %.3f MW,"
                    + " devices' net %.3f MW%n", hour, totalLoad, baseTotal, totalGeneration, devicesNet);
        }
    }

    @Test
    void aDemandResponseOfAFewHundredKilowattsMovesTheSubstationAndTheLinesFeedingIt() {
        runFleetUntil(DAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(18 * 3600 + 1800));
        FleetReading before = FleetReading.of(fleet);
        // the substation with the most flexible consumption (loads and EV charging) right now
        String sub = before.bySubstation().entrySet().stream()
                .max(java.util.Comparator.comparingDouble(e -> flexibleKw(e.getValue()))).orElseThrow().getKey();
        GridSnapshot a = emsStep(before);
        double loadBefore = substationValues().get(sub)[0];

        // the event: every flexible load and EV charger at the substation curtailed by the same share, 300 kW in all
        FleetReading.SubstationReading r = before.bySubstation().get(sub);
        double flexible = flexibleKw(r);
        double cutKw = 300;
        assertThat(flexible).isGreaterThan(cutKw);
        Map<String, Double> devices = new HashMap<>(r.deviceKw());
        devices.replaceAll((id, kw) -> id.startsWith("load-") || id.startsWith("ev-") ? kw * (1 - cutKw / flexible) : kw);
        Map<String, FleetReading.SubstationReading> subs = new HashMap<>(before.bySubstation());
        subs.put(sub, new FleetReading.SubstationReading(r.netImportKw() - cutKw, r.powerKw(), devices));
        GridSnapshot b = emsStep(new FleetReading(subs));
        double loadAfter = substationValues().get(sub)[0];

        assertAddsUp(sub + " load drops by the response", loadBefore - loadAfter, cutKw / 1000);
        double movedMw = 0;
        double mostLoadingDrop = 0;
        for (GridBranch line : a.branches()) {
            if (!line.substation1Id().equals(sub) && !line.substation2Id().equals(sub)) {
                continue;
            }
            GridBranch after = b.branches().stream().filter(x -> x.id().equals(line.id())).findFirst().orElseThrow();
            movedMw += Math.abs(line.p1Mw() - after.p1Mw());
            mostLoadingDrop = Math.max(mostLoadingDrop, line.loadingPercent() - after.loadingPercent());
            System.out.printf(Locale.ROOT, "DR 300 kW at %s: %s %.3f -> %.3f MW, loading %.1f -> %.1f %%%n", sub,
                    line.id(), line.p1Mw(), after.p1Mw(), line.loadingPercent(), after.loadingPercent());
        }
        // the cables into the station carry the whole change, and at least one shows it in its loading
        assertThat(movedMw).isCloseTo(cutKw / 1000, within(0.03));
        assertThat(mostLoadingDrop).isGreaterThan(3.0);
        String hv = sub.substring(0, sub.indexOf("-sub-")) + "-hv";
        double transformersBefore = transformerFlow(a, hv);
        double transformersAfter = transformerFlow(b, hv);
        assertThat(transformersBefore - transformersAfter).isCloseTo(cutKw / 1000, within(0.05));
    }

    private static double flexibleKw(FleetReading.SubstationReading r) {
        return r.deviceKw().entrySet().stream()
                .filter(e -> e.getKey().startsWith("load-") || e.getKey().startsWith("ev-"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static double transformerFlow(GridSnapshot s, String hv) {
        return s.branches().stream().filter(x -> x.kind() == GridBranch.Kind.TRANSFORMER && x.substation1Id().equals(hv))
                .mapToDouble(GridBranch::p1Mw).sum();
    }

    /** What the EMS nodes publish per substation: load, generation, V, DER import, base load. */
    private static Map<String, double[]> substationValues() {
        Map<String, double[]> out = new HashMap<>();
        for (EmsSource src : sources) {
            for (int i = 0; i < src.deviceCount(); i++) {
                if (src.deviceMetrics(i) == EmsMetrics.SUBSTATION) {
                    double[] v = new double[EmsMetrics.SUBSTATION.size()];
                    for (int m = 0; m < v.length; m++) {
                        v[m] = src.deviceValue(i, m);
                    }
                    out.put(src.deviceId(i), v);
                }
            }
        }
        return out;
    }
}
