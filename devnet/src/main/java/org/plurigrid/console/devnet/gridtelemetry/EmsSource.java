package org.plurigrid.console.devnet.gridtelemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridBus;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.devnet.fleet.MetricSpec;
import org.plurigrid.console.devnet.fleet.SparkplugSource;

/**
 * The EMS of one community grid as a Sparkplug source: a device per branch end, bus and substation in the area,
 * with the values of the latest solved power flow. Each EMS meters the branch ends inside its own area, so an
 * interconnector is published by both areas, each with the power entering at its own end. Devices are fixed at
 * construction (the topology); {@link #update} refreshes the values. Used on one thread.
 */
final class EmsSource implements SparkplugSource {

    private enum Kind { BRANCH_BOTH, BRANCH_1, BRANCH_2, BUS, SUBSTATION }

    private final String groupId;
    private final String nodeId;
    private final List<String> deviceIds = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final double[] node = new double[EmsMetrics.NODE.size()];
    private double[][] devices;

    EmsSource(String areaId, GridSnapshot topology) {
        this.groupId = Objects.requireNonNull(areaId, "areaId");
        this.nodeId = EmsMetrics.emsNodeId(areaId);
        Map<String, GridSubstation> subs = topology.substationsById();
        for (GridBranch b : topology.branches()) {
            boolean end1 = inArea(subs.get(b.substation1Id()));
            boolean end2 = inArea(subs.get(b.substation2Id()));
            if (end1 || end2) {
                add(b.id(), end1 && end2 ? Kind.BRANCH_BOTH : end1 ? Kind.BRANCH_1 : Kind.BRANCH_2);
            }
        }
        for (GridBus bus : topology.buses()) {
            if (inArea(subs.get(bus.substationId()))) {
                add(bus.id(), Kind.BUS);
            }
        }
        for (GridSubstation s : topology.substations()) {
            if (inArea(s)) {
                add(s.id(), Kind.SUBSTATION);
            }
        }
        devices = new double[deviceIds.size()][];
        for (int i = 0; i < devices.length; i++) {
            devices[i] = new double[deviceMetrics(i).size()];
            java.util.Arrays.fill(devices[i], Double.NaN);
        }
        java.util.Arrays.fill(node, Double.NaN);
    }

    private boolean inArea(GridSubstation s) {
        return s != null && groupId.equals(s.areaId());
    }

    private void add(String id, Kind kind) {
        deviceIds.add(id);
        kinds.add(kind);
    }

    /**
     * Takes the values of a solved step.
     *
     * @param p2Mw         active power entering each branch at side 2, by branch id (the snapshot has side 1 only)
     * @param derImportMw  net import of the DER side of each substation (DERs and fleet aggregate), by substation id
     * @param baseLoadMw   the non-DER base load of each substation, by substation id
     */
    void update(GridSnapshot s, Map<String, Double> p2Mw, Map<String, Double> derImportMw,
                Map<String, Double> baseLoadMw) {
        Map<String, GridSubstation> subs = s.substationsById();
        Map<String, GridBranch> branches = new java.util.HashMap<>(s.branches().size() * 2);
        s.branches().forEach(b -> branches.put(b.id(), b));
        Map<String, GridBus> buses = new java.util.HashMap<>(s.buses().size() * 2);
        s.buses().forEach(b -> buses.put(b.id(), b));
        double interchange = 0;
        double load = 0;
        double generation = 0;
        for (int i = 0; i < deviceIds.size(); i++) {
            String id = deviceIds.get(i);
            double[] v = devices[i];
            switch (kinds.get(i)) {
                case BRANCH_BOTH, BRANCH_1, BRANCH_2 -> {
                    GridBranch b = branches.get(id);
                    if (b == null) {
                        continue;
                    }
                    double p1 = b.p1Mw();
                    double p2 = p2Mw.getOrDefault(id, Double.NaN);
                    Kind k = kinds.get(i);
                    int m = 0;
                    if (k != Kind.BRANCH_2) {
                        v[m++] = p1;
                    }
                    if (k != Kind.BRANCH_1) {
                        v[m++] = p2;
                    }
                    v[m++] = b.currentA();
                    v[m] = b.loadingPercent();
                    if (k == Kind.BRANCH_1 && !Double.isNaN(p1)) {
                        interchange += p1;
                    } else if (k == Kind.BRANCH_2 && !Double.isNaN(p2)) {
                        interchange += p2;
                    }
                }
                case BUS -> {
                    GridBus b = buses.get(id);
                    if (b != null) {
                        v[0] = b.voltagePu();
                        v[1] = b.angleDeg();
                    }
                }
                case SUBSTATION -> {
                    GridSubstation sub = subs.get(id);
                    if (sub != null) {
                        v[0] = sub.loadMw();
                        v[1] = sub.generationMw();
                        v[2] = sub.voltagePu();
                        v[3] = derImportMw.getOrDefault(id, 0.0);
                        v[4] = baseLoadMw.getOrDefault(id, 0.0);
                        load += sub.loadMw();
                        generation += sub.generationMw();
                    }
                }
            }
        }
        node[0] = interchange;
        node[1] = load;
        node[2] = generation;
        boolean ok = s.powerFlow() != null && s.powerFlow().ok();
        node[3] = ok ? 1 : 0;
        node[4] = ok && s.powerFlow().mode() == org.plurigrid.console.client.grid.PowerFlowResult.Mode.AC ? 1 : 0;
        node[5] = s.powerFlow() == null ? 0 : s.powerFlow().iterations();
    }

    @Override
    public String groupId() {
        return groupId;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public List<MetricSpec> nodeMetrics() {
        return EmsMetrics.NODE;
    }

    @Override
    public double nodeValue(int metric) {
        return node[metric];
    }

    @Override
    public int deviceCount() {
        return deviceIds.size();
    }

    @Override
    public String deviceId(int device) {
        return deviceIds.get(device);
    }

    @Override
    public List<MetricSpec> deviceMetrics(int device) {
        return switch (kinds.get(device)) {
            case BRANCH_BOTH -> EmsMetrics.BRANCH_BOTH_ENDS;
            case BRANCH_1 -> EmsMetrics.BRANCH_END_1;
            case BRANCH_2 -> EmsMetrics.BRANCH_END_2;
            case BUS -> EmsMetrics.BUS;
            case SUBSTATION -> EmsMetrics.SUBSTATION;
        };
    }

    @Override
    public double deviceValue(int device, int metric) {
        return devices[device][metric];
    }
}
