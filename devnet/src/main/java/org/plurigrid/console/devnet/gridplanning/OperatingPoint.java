package org.plurigrid.console.devnet.gridplanning;

import com.powsybl.iidm.network.Battery;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Injection;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import org.plurigrid.console.client.grid.DerType;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.devnet.fleet.FleetConfig;
import org.plurigrid.console.devnet.fleet.FleetSimulation;
import org.plurigrid.console.devnet.fleet.SimulatedDevice;
import org.plurigrid.console.devnet.fleet.Substation;
import org.plurigrid.console.devnet.grid.BaseLoad;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.devnet.gridtelemetry.DerProfile;
import org.plurigrid.console.devnet.gridtelemetry.GridEms;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One state of the EMS's operating range: the power of every DER (kW, telemetry convention, as
 * {@code SupergridPowerFlow.step} takes it) and the share of their peak the base loads draw. The range the demo grid
 * is planned for: the build set-points; the simulated fleet itself through a summer and a winter day (what the EMS
 * sees on the devnet); the EMS's own {@link DerProfile} through the day (for substations the fleet does not cover);
 * and two envelopes that bound what demand response and the weather can do: a sunny, windy midday with little demand
 * and batteries discharging (export), and a still evening peak with every battery charging and most EVs and flexible
 * loads drawing their rating (import).
 */
public record OperatingPoint(String name, ToDoubleFunction<GridDer> powerKw, double baseLoadFactor) {

    /** Local solar hours of the profile that the range samples (19.5 h is the EV evening peak). */
    static final double[] PROFILE_HOURS = {0, 3, 6, 9, 12, 15, 18, 19.5, 21};
    /** Days on which the fleet is simulated, and the UTC hours sampled (about 20 min before solar time). */
    static final LocalDate[] FLEET_DAYS = {LocalDate.of(2026, 6, 21), LocalDate.of(2026, 12, 21)};
    static final double[] FLEET_HOURS = {0, 3, 6, 9, 11.6, 12.6, 15, 17.6, 18.6, 19.6, 21};

    public OperatingPoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(powerKw, "powerKw");
        if (!(baseLoadFactor >= 0)) {
            throw new IllegalArgumentException("base load factor must be >= 0, was " + baseLoadFactor);
        }
    }

    /** A point without base loads (for networks that have none). */
    public OperatingPoint(String name, ToDoubleFunction<GridDer> powerKw) {
        this(name, powerKw, 0);
    }

    /** The DER powers of this point for {@code ders}. */
    public Map<String, Double> powers(List<GridDer> ders) {
        return powers(ders, Map.of());
    }

    /** The DER powers of this point for {@code ders} and the base loads' powers ({@code basePeakKw}: id to peak). */
    public Map<String, Double> powers(List<GridDer> ders, Map<String, Double> basePeakKw) {
        Map<String, Double> out = new HashMap<>(ders.size() * 2);
        ders.forEach(d -> out.put(d.id(), powerKw.applyAsDouble(d)));
        basePeakKw.forEach((id, peak) -> out.put(id, peak * baseLoadFactor));
        return out;
    }

    /** The operating range of the demo supergrid, the build set-points of {@code network} first. */
    public static List<OperatingPoint> demoRange(Network network) {
        List<OperatingPoint> out = new ArrayList<>();
        Map<String, Double> build = buildSetPoints(network);
        out.add(new OperatingPoint("build set-points", d -> build.getOrDefault(d.id(), 0.0),
                BaseLoad.factor(DemoSupergrid.PLANNING_HOUR)));
        out.addAll(fleetDays());
        DerProfile profile = new DerProfile();
        for (double h : PROFILE_HOURS) {
            out.add(new OperatingPoint(String.format(Locale.ROOT, "profile %04.1f h", h),
                    d -> profile.powerKw(d, h), BaseLoad.factor(h)));
        }
        out.add(envelope("export envelope", Map.of(DerType.PV, 1.0, DerType.WIND, 1.0, DerType.BATTERY, 1.0,
                DerType.EV_CHARGER, 0.0, DerType.FLEXIBLE_LOAD, 0.2), BaseLoad.minimumFactor()));
        out.add(envelope("import envelope", Map.of(DerType.PV, 0.0, DerType.WIND, 0.0, DerType.BATTERY, -1.0,
                DerType.EV_CHARGER, 0.7, DerType.FLEXIBLE_LOAD, 1.0), 1.0));
        return out;
    }

    /**
     * The default fleet stepped minute by minute through a summer and a winter day, sampled at {@link #FLEET_HOURS}:
     * each device drives the model DER of the same id.
     */
    static List<OperatingPoint> fleetDays() {
        List<OperatingPoint> out = new ArrayList<>();
        for (LocalDate day : FLEET_DAYS) {
            FleetSimulation fleet = FleetSimulation.create(FleetConfig.DEFAULT_DEVICES, FleetConfig.DEFAULT_SEED);
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofHours(1));
            fleet.step(start);
            Instant t = start;
            for (double h : FLEET_HOURS) {
                Instant sample = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(Math.round(h * 3600));
                while (t.isBefore(sample)) {
                    t = t.plusSeconds(60);
                    fleet.step(t);
                }
                Map<String, Double> kw = new HashMap<>();
                for (Substation s : fleet.substations()) {
                    for (SimulatedDevice d : s.devices()) {
                        kw.put(s.nodeId() + "/" + d.id(), d.activePowerKw());
                    }
                }
                double hour = GridEms.solarHour(sample);
                out.add(new OperatingPoint(String.format(Locale.ROOT, "fleet %s %05.2f h", day, hour),
                        d -> kw.getOrDefault(d.id(), 0.0), BaseLoad.factor(hour)));
            }
        }
        return out;
    }

    private static OperatingPoint envelope(String name, Map<DerType, Double> fractionOfCapacity, double baseFactor) {
        Map<DerType, Double> f = new EnumMap<>(fractionOfCapacity);
        return new OperatingPoint(name, d -> d.capacityKw() * f.get(d.type()), baseFactor);
    }

    /** The DER set-points {@code DemoSupergrid} built the network with, kW in the telemetry convention. */
    static Map<String, Double> buildSetPoints(Network network) {
        Map<String, Double> out = new HashMap<>();
        List<Injection<?>> all = new ArrayList<>();
        network.getGenerators().forEach(all::add);
        network.getBatteries().forEach(all::add);
        network.getLoads().forEach(all::add);
        for (Injection<?> inj : all) {
            if (inj.getProperty(GridSnapshotFactory.DER_TYPE_PROPERTY, null) == null) {
                continue;
            }
            double mw = switch (inj) {
                case Generator g -> g.getTargetP();
                case Battery b -> b.getTargetP();
                case Load l -> l.getP0();
                default -> 0;
            };
            out.put(inj.getId(), mw * 1000);
        }
        return out;
    }
}
