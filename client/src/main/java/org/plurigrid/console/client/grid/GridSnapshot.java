package org.plurigrid.console.client.grid;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable picture of the grid model for rendering: plain records, no PowSyBl types, safe to hand to the FX
 * thread. {@code powerFlow} is the result of the power flow the values come from, or null if none ran.
 */
public record GridSnapshot(String networkId, Instant time, List<GridArea> areas, List<GridSubstation> substations,
                           List<GridBus> buses, List<GridBranch> branches, List<GridDer> ders, PowerFlowResult powerFlow) {

    public GridSnapshot {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(time, "time");
        areas = List.copyOf(areas);
        substations = List.copyOf(substations);
        buses = List.copyOf(buses);
        branches = List.copyOf(branches);
        ders = List.copyOf(ders);
    }

    public static GridSnapshot empty(Instant time) {
        return new GridSnapshot("empty", time, List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    public Map<String, GridSubstation> substationsById() {
        return substations.stream().collect(Collectors.toMap(GridSubstation::id, Function.identity(), (a, b) -> a));
    }

    public Optional<GridSubstation> substation(String id) {
        return substations.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<GridBranch> branch(String id) {
        return branches.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public Optional<GridArea> area(String id) {
        return areas.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public List<GridDer> dersUnder(String substationId) {
        return ders.stream().filter(d -> d.substationId().equals(substationId)).toList();
    }

    public long interconnectorCount() {
        return branches.stream().filter(GridBranch::interconnector).count();
    }

    /** Branches sorted by loading, most loaded first (NaN last). */
    public List<GridBranch> mostLoaded(int limit) {
        return branches.stream()
                .filter(b -> !Double.isNaN(b.loadingPercent()))
                .sorted(Comparator.comparingDouble(GridBranch::loadingPercent).reversed())
                .limit(limit)
                .toList();
    }
}
