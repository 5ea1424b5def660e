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

/**
 * Maps the simulated fleet onto the grid model's DERs. The fleet's edge nodes carry the model's substation ids
 * ({@code groningen-sub-03}), but its devices are numbered across the fleet, not per substation, so they do not match
 * the model's DER ids one by one. Instead, for every substation the fleet covers:
 * <ol>
 *   <li>each DER type's summed fleet power is shared over the model's DERs of that type under the substation, in
 *       proportion to capacity (clamped to each DER's rating);</li>
 *   <li>whatever the model's DERs cannot carry (a type the model lacks there, power above rating, or a substation
 *       without DERs in the model) goes into one aggregate load {@code {substation}/fleet}, which may be negative.</li>
 * </ol>
 * The DER side of a covered substation therefore draws exactly the fleet's net import. Substations the fleet does
 * not cover follow the model's own {@link DerProfile}; fleet edge nodes the model does not have are ignored.
 */
public final class FleetInjections {

    /** Suffix of the aggregate load added under every covered substation. */
    public static final String AGGREGATE_SUFFIX = "/fleet";

    private final List<GridDer> ders;
    private final Map<String, Map<DerType, List<GridDer>>> bySubstation = new HashMap<>();
    private final Set<String> substations = new HashSet<>();
    private final DerProfile profile;

    public FleetInjections(GridSnapshot model, DerProfile profile) {
        this.ders = model.ders();
        this.profile = profile;
        for (GridDer d : ders) {
            bySubstation.computeIfAbsent(d.substationId(), k -> new EnumMap<>(DerType.class))
                    .computeIfAbsent(d.type(), k -> new ArrayList<>()).add(d);
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
        Set<String> covered = new HashSet<>(covered(reading));
        for (GridDer d : ders) {
            if (!covered.contains(d.substationId())) {
                out.put(d.id(), profile.powerKw(d, hour));
            }
        }
        for (String sub : covered) {
            FleetReading.SubstationReading r = reading.bySubstation().get(sub);
            Map<DerType, List<GridDer>> model = bySubstation.getOrDefault(sub, Map.of());
            double modelImportKw = 0;
            for (DerType type : DerType.values()) {
                double wanted = r.powerKw(type);
                List<GridDer> list = model.getOrDefault(type, List.of());
                double capacity = list.stream().mapToDouble(GridDer::capacityKw).sum();
                for (GridDer d : list) {
                    double share = capacity > 0 ? wanted * d.capacityKw() / capacity : 0;
                    double kw = switch (type) {
                        case PV, WIND -> Math.max(0, Math.min(share, d.capacityKw()));
                        case BATTERY -> Math.max(-d.capacityKw(), Math.min(share, d.capacityKw()));
                        case EV_CHARGER, FLEXIBLE_LOAD -> Math.max(0, share);
                    };
                    out.put(d.id(), kw);
                    modelImportKw += DerProfile.isGeneration(type) ? -kw : kw;
                }
            }
            out.put(aggregateId(sub), r.netImportKw() - modelImportKw);
        }
        return out;
    }
}
