package org.plurigrid.console.devnet.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The physics of the whole fleet: weather per community grid, substations and their devices. Built from a device
 * count and a seed; stepping it through the same simulated instants always gives the same values. A step costs
 * O(devices).
 */
public final class FleetSimulation {

    /** Device types in the order they are laid out behind a substation: about 45 % loads, 25 % PV, 15 % EV. */
    private static final DeviceType[] MIX = {
            DeviceType.LOAD, DeviceType.PV, DeviceType.LOAD, DeviceType.EV, DeviceType.PV,
            DeviceType.LOAD, DeviceType.BAT, DeviceType.LOAD, DeviceType.PV, DeviceType.EV,
            DeviceType.LOAD, DeviceType.WIND, DeviceType.LOAD, DeviceType.PV, DeviceType.BAT,
            DeviceType.LOAD, DeviceType.EV, DeviceType.PV, DeviceType.LOAD, DeviceType.LOAD};
    /** Aim for about this many devices behind one edge node before adding substations. */
    private static final int DEVICES_PER_SUBSTATION = 60;
    private static final int MIN_SUBSTATIONS_PER_GRID = 4;
    /** Caps the number of MQTT connections (one per edge node) for very large fleets. */
    private static final int MAX_SUBSTATIONS_PER_GRID = 16;

    private final List<GridWeather> weather;
    private final List<List<Substation>> substationsByGrid;
    private final List<Substation> substations;
    private final int deviceCount;
    private Instant lastStep;

    private FleetSimulation(List<GridWeather> weather, List<List<Substation>> substationsByGrid) {
        this.weather = weather;
        this.substationsByGrid = substationsByGrid;
        this.substations = substationsByGrid.stream().flatMap(List::stream).toList();
        this.deviceCount = substations.stream().mapToInt(s -> s.devices().size()).sum();
    }

    /** A fleet of {@code devices} devices spread over the six devnet grids. */
    public static FleetSimulation create(int devices, long seed) {
        return create(CommunityGrid.DEVNET_GRIDS, devices, seed);
    }

    public static FleetSimulation create(List<CommunityGrid> grids, int devices, long seed) {
        Objects.requireNonNull(grids, "grids");
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("A fleet needs at least one community grid");
        }
        if (devices < grids.size()) {
            throw new IllegalArgumentException(
                    "A fleet needs at least one device per community grid (" + grids.size() + "), was " + devices);
        }
        SplittableRandom root = new SplittableRandom(seed);
        Map<DeviceType, Integer> numbers = new EnumMap<>(DeviceType.class);
        List<GridWeather> weather = new ArrayList<>();
        List<List<Substation>> byGrid = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            CommunityGrid grid = grids.get(g);
            int gridDevices = devices / grids.size() + (g < devices % grids.size() ? 1 : 0);
            int substationCount = substationsFor(gridDevices);
            weather.add(new GridWeather(grid, root.split()));
            List<Substation> subs = new ArrayList<>();
            for (int s = 0; s < substationCount; s++) {
                int subDevices = gridDevices / substationCount + (s < gridDevices % substationCount ? 1 : 0);
                List<SimulatedDevice> list = new ArrayList<>(subDevices);
                for (int i = 0; i < subDevices; i++) {
                    DeviceType type = MIX[i % MIX.length];
                    int n = numbers.merge(type, 1, Integer::sum);
                    list.add(newDevice(type, type.deviceId(n), root.split()));
                }
                subs.add(new Substation(grid, grid.substationNodeId(s + 1), list, root.split()));
            }
            byGrid.add(List.copyOf(subs));
        }
        return new FleetSimulation(List.copyOf(weather), List.copyOf(byGrid));
    }

    static int substationsFor(int gridDevices) {
        int wanted = (gridDevices + DEVICES_PER_SUBSTATION - 1) / DEVICES_PER_SUBSTATION;
        int clamped = Math.max(MIN_SUBSTATIONS_PER_GRID, Math.min(MAX_SUBSTATIONS_PER_GRID, wanted));
        return Math.max(1, Math.min(gridDevices, clamped));
    }

    private static SimulatedDevice newDevice(DeviceType type, String id, SplittableRandom r) {
        double pick = r.nextDouble();
        return switch (type) {
            case PV -> new PvSystem(id, pick < 0.6 ? SimulatedDevice.uniform(r, 3.5, 12)
                    : pick < 0.95 ? SimulatedDevice.uniform(r, 25, 300) : SimulatedDevice.uniform(r, 400, 1500), r);
            // Farm-sized turbines (150-600 kW) keep wind from drowning out the rest of a community grid's mix.
            case WIND -> new WindTurbine(id, pick < 0.5 ? 150 : pick < 0.85 ? 300 : 600, r);
            case LOAD -> pick < 0.6 ? new FlexibleLoad(id, SimulatedDevice.uniform(r, 20, 120),
                    FlexibleLoad.Profile.HOUSEHOLDS, r)
                    : pick < 0.9 ? new FlexibleLoad(id, SimulatedDevice.uniform(r, 30, 250),
                    FlexibleLoad.Profile.BUSINESS, r)
                    : new FlexibleLoad(id, SimulatedDevice.uniform(r, 15, 90), FlexibleLoad.Profile.FARM, r);
            case EV -> pick < 0.5 ? new EvCharger(id, 11, EvCharger.Site.HOME, r)
                    : pick < 0.88 ? new EvCharger(id, 22, EvCharger.Site.WORK, r)
                    : new EvCharger(id, 50, EvCharger.Site.FAST, r);
            case BAT -> new Battery(id, pick < 0.6 ? SimulatedDevice.uniform(r, 5, 15)
                    : SimulatedDevice.uniform(r, 50, 500), r);
        };
    }

    /**
     * Advances the fleet to {@code simTime}. The first call only settles the initial state; later calls integrate
     * over the time since the previous one (a step back in time counts as no time passing).
     */
    public void step(Instant simTime) {
        Objects.requireNonNull(simTime, "simTime");
        double dt = lastStep == null ? 0 : Math.max(0, Duration.between(lastStep, simTime).toNanos() / 1e9);
        if (lastStep == null || simTime.isAfter(lastStep)) {
            lastStep = simTime;
        }
        for (int g = 0; g < weather.size(); g++) {
            GridWeather w = weather.get(g);
            w.advance(simTime, dt);
            for (Substation s : substationsByGrid.get(g)) {
                s.step(w, dt);
            }
        }
    }

    public List<Substation> substations() {
        return substations;
    }

    public int deviceCount() {
        return deviceCount;
    }

    /** The simulated instant of the last step, or null before the first. */
    public Instant lastStep() {
        return lastStep;
    }
}
