package org.plurigrid.console.devnet.gridtelemetry;

import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.VoltageLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plurigrid.console.client.grid.DerType;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.devnet.grid.BaseLoad;

/**
 * Maps the simulated fleet onto the grid model's DERs and sets the base loads. The demo model's DERs are the fleet's
 * devices under the same ids ({@code {edge node}/{device}}, see {@code DemoSupergrid}), so for every substation the
 * fleet covers:
 * <ol>
 *   <li>each device with a model DER of the same id drives that DER with its own power (clamped to its rating);</li>
 *   <li>the devices without one (a fleet built differently from the model): each type's summed power is shared over
 *       the model's remaining DERs of that type in proportion to capacity (clamped to each DER's rating);</li>
 *   <li>whatever the model's DERs cannot carry goes into one aggregate load {@code {substation}/fleet}, which may be
 *       negative.</li>
 * </ol>
 * The DER side of a covered substation therefore draws exactly the fleet's net import. Substations the fleet does
 * not cover follow the model's own {@link DerProfile}; fleet edge nodes the model does not have are ignored. Every
 * base load ({@link BaseLoad}) follows its daily shape.
 */
public final class FleetInjections {

    /** Suffix of the aggregate load added under every covered substation. */
    public static final String AGGREGATE_SUFFIX = "/fleet";

    private final List<GridDer> ders;
    private final Map<String, Map<DerType, List<GridDer>>> bySubstation = new HashMap<>();
    private final Map<String, GridDer> byId = new HashMap<>();
    private final Set<String> substations = new HashSet<>();
    private final Map<String, Double> basePeakKw;
    private final DerProfile profile;

    public FleetInjections(GridSnapshot model, DerProfile profile) {
        this(model, profile, Map.of());
    }

    /** @param basePeakKw the model's base loads, id to peak in kW ({@link BaseLoad#peaksKw}) */
    public FleetInjections(GridSnapshot model, DerProfile profile, Map<String, Double> basePeakKw) {
        this.ders = model.ders();
        this.profile = profile;
        this.basePeakKw = Map.copyOf(basePeakKw);
        for (GridDer d : ders) {
            bySubstation.computeIfAbsent(d.substationId(), k -> new EnumMap<>(DerType.class))
                    .computeIfAbsent(d.type(), k -> new ArrayList<>()).add(d);
            byId.put(d.id(), d);
        }
        model.substations().stream().map(GridSubstation::id).forEach(substations::add);
    }

    public static String aggregateId(String substationId) {
        return substationId + AGGREGATE_SUFFIX;
    }

    /** The fleet edge nodes that are substations of the model, sorted. */
    public List<String> covered(FleetReading reading) {
        return reading.bySubstation().keySet().stream().filter(substations::contains).sorted().toList();
    }

    /**
     * Adds the aggregate load (0 MW) under each covered substation, on the bus of its lowest-voltage level (the
     * distribution side). Call once, before the first step.
     */
    public static void addAggregateLoads(Network network, List<String> substationIds) {
        for (String id : substationIds) {
            Substation s = network.getSubstation(id);
            if (s == null || network.getLoad(aggregateId(id)) != null) {
                continue;
            }
            VoltageLevel vl = s.getVoltageLevelStream().min(Comparator.comparingDouble(VoltageLevel::getNominalV))
                    .orElseThrow();
            String bus = vl.getBusBreakerView().getBuses().iterator().next().getId();
            vl.newLoad().setId(aggregateId(id)).setName("Fleet behind " + id).setBus(bus).setConnectableBus(bus)
                    .setP0(0).setQ0(0).add();
        }
    }

    /**
     * DER powers (kW, telemetry convention) for {@code SupergridPowerFlow.step}: every model DER, plus the aggregate
     * load of each covered substation.
     *
     * @param hour local solar hour for the model's profile
     */
    public Map<String, Double> powers(FleetReading reading, double hour) {
        Map<String, Double> out = new HashMap<>(ders.size() * 2);
        basePeakKw.forEach((id, peak) -> out.put(id, BaseLoad.powerKw(peak, hour)));
        Set<String> covered = new HashSet<>(covered(reading));
        for (GridDer d : ders) {
            if (!covered.contains(d.substationId())) {
                out.put(d.id(), profile.powerKw(d, hour));
            }
        }
        for (String sub : covered) {
            FleetReading.SubstationReading r = reading.bySubstation().get(sub);
            double modelImportKw = 0;
            Map<DerType, Double> unmatched = new EnumMap<>(r.powerKw());
            for (Map.Entry<String, Double> e : r.deviceKw().entrySet()) {
                GridDer d = byId.get(sub + "/" + e.getKey());
                if (d != null) {
                    double kw = clamp(d, e.getValue());
                    out.put(d.id(), kw);
                    modelImportKw += DerProfile.isGeneration(d.type()) ? -kw : kw;
                    unmatched.merge(d.type(), -e.getValue(), Double::sum);
                }
            }
            Map<DerType, List<GridDer>> model = bySubstation.getOrDefault(sub, Map.of());
            for (DerType type : DerType.values()) {
                double wanted = unmatched.getOrDefault(type, 0.0);
                List<GridDer> list = model.getOrDefault(type, List.of()).stream()
                        .filter(d -> !out.containsKey(d.id())).toList();
                double capacity = list.stream().mapToDouble(GridDer::capacityKw).sum();
                for (GridDer d : list) {
                    double kw = clamp(d, capacity > 0 ? wanted * d.capacityKw() / capacity : 0);
                    out.put(d.id(), kw);
                    modelImportKw += DerProfile.isGeneration(type) ? -kw : kw;
                }
            }
            out.put(aggregateId(sub), r.netImportKw() - modelImportKw);
        }
        return out;
    }

    private static double clamp(GridDer d, double kw) {
        return switch (d.type()) {
            case PV, WIND -> Math.max(0, Math.min(kw, d.capacityKw()));
            case BATTERY -> Math.max(-d.capacityKw(), Math.min(kw, d.capacityKw()));
            case EV_CHARGER, FLEXIBLE_LOAD -> Math.max(0, kw);
        };
    }
}
