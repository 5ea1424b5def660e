package org.plurigrid.console.devnet.gridplanning;

import com.powsybl.iidm.network.Battery;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Injection;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import org.plurigrid.console.client.grid.DerType;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.devnet.gridtelemetry.DerProfile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One state of the EMS's operating range: the power of every DER (kW, telemetry convention, as
 * {@code SupergridPowerFlow.step} takes it). The range the demo grid is planned for: the build set-points, the EMS's
 * own {@link DerProfile} through the day (night, morning, PV peak, EV evening peak), and two envelopes that bound what
 * the simulated fleet can inject where it replaces the profile: a sunny, windy midday with little demand (export),
 * and a still evening with every EV charger, flexible load and battery drawing its full rating (import).
 */
public record OperatingPoint(String name, ToDoubleFunction<GridDer> powerKw) {

    /** Local solar hours of the profile that the range samples (19.5 h is the EV evening peak). */
    static final double[] PROFILE_HOURS = {0, 3, 6, 9, 12, 15, 18, 19.5, 21};

    public OperatingPoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(powerKw, "powerKw");
    }

    /** The DER powers of this point for {@code ders}. */
    public Map<String, Double> powers(List<GridDer> ders) {
        Map<String, Double> out = new HashMap<>(ders.size() * 2);
        ders.forEach(d -> out.put(d.id(), powerKw.applyAsDouble(d)));
        return out;
    }

    /** The operating range of the demo supergrid, the build set-points of {@code network} first. */
    public static List<OperatingPoint> demoRange(Network network) {
        List<OperatingPoint> out = new ArrayList<>();
        Map<String, Double> build = buildSetPoints(network);
        out.add(new OperatingPoint("build set-points", d -> build.getOrDefault(d.id(), 0.0)));
        DerProfile profile = new DerProfile();
        for (double h : PROFILE_HOURS) {
            out.add(new OperatingPoint(String.format(java.util.Locale.ROOT, "profile %04.1f h", h),
                    d -> profile.powerKw(d, h)));
        }
        out.add(envelope("export envelope", Map.of(DerType.PV, 1.0, DerType.WIND, 0.8, DerType.BATTERY, 1.0,
                DerType.EV_CHARGER, 0.1, DerType.FLEXIBLE_LOAD, 0.3)));
        out.add(envelope("import envelope", Map.of(DerType.PV, 0.0, DerType.WIND, 0.1, DerType.BATTERY, -1.0,
                DerType.EV_CHARGER, 1.0, DerType.FLEXIBLE_LOAD, 1.0)));
        return out;
    }

    private static OperatingPoint envelope(String name, Map<DerType, Double> fractionOfCapacity) {
        Map<DerType, Double> f = new EnumMap<>(fractionOfCapacity);
        return new OperatingPoint(name, d -> d.capacityKw() * f.get(d.type()));
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
