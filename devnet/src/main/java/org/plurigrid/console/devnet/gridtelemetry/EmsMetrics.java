package org.plurigrid.console.devnet.gridtelemetry;

import java.util.List;
import org.plurigrid.console.client.grid.GridPoints;
import org.plurigrid.console.devnet.fleet.MetricSpec;

/**
 * The metrics an EMS edge node publishes, with units and resolution; the names are the console's {@link GridPoints}.
 */
public final class EmsMetrics {

    public static final String AREA_NET_INTERCHANGE = GridPoints.AREA_NET_INTERCHANGE;
    public static final String AREA_LOAD = GridPoints.AREA_LOAD;
    public static final String AREA_GENERATION = GridPoints.AREA_GENERATION;
    public static final String POWER_FLOW_CONVERGED = GridPoints.POWER_FLOW_CONVERGED;
    public static final String POWER_FLOW_AC = GridPoints.POWER_FLOW_AC;
    public static final String POWER_FLOW_ITERATIONS = GridPoints.POWER_FLOW_ITERATIONS;

    public static final String BRANCH_P1 = GridPoints.BRANCH_P1;
    public static final String BRANCH_P2 = GridPoints.BRANCH_P2;
    public static final String BRANCH_I = GridPoints.BRANCH_I;
    public static final String BRANCH_LOADING = GridPoints.BRANCH_LOADING;

    public static final String BUS_V = GridPoints.BUS_V;
    public static final String BUS_ANGLE = GridPoints.BUS_ANGLE;

    public static final String SUBSTATION_LOAD = GridPoints.SUBSTATION_LOAD;
    public static final String SUBSTATION_GENERATION = GridPoints.SUBSTATION_GENERATION;
    public static final String SUBSTATION_V = GridPoints.SUBSTATION_V;
    public static final String SUBSTATION_DER_IMPORT = GridPoints.SUBSTATION_DER_IMPORT;
    public static final String SUBSTATION_BASE_LOAD = GridPoints.SUBSTATION_BASE_LOAD;

    static final List<MetricSpec> NODE = List.of(
            analog(AREA_NET_INTERCHANGE, "MW", 0.001),
            analog(AREA_LOAD, "MW", 0.01),
            analog(AREA_GENERATION, "MW", 0.01),
            new MetricSpec(POWER_FLOW_CONVERGED, MetricSpec.Kind.BOOLEAN, "", 1),
            new MetricSpec(POWER_FLOW_AC, MetricSpec.Kind.BOOLEAN, "", 1),
            analog(POWER_FLOW_ITERATIONS, "", 1));

    static final List<MetricSpec> BRANCH_BOTH_ENDS = List.of(
            analog(BRANCH_P1, "MW", 0.001), analog(BRANCH_P2, "MW", 0.001),
            analog(BRANCH_I, "A", 0.1), analog(BRANCH_LOADING, "%", 0.01));
    static final List<MetricSpec> BRANCH_END_1 = List.of(
            analog(BRANCH_P1, "MW", 0.001), analog(BRANCH_I, "A", 0.1), analog(BRANCH_LOADING, "%", 0.01));
    static final List<MetricSpec> BRANCH_END_2 = List.of(
            analog(BRANCH_P2, "MW", 0.001), analog(BRANCH_I, "A", 0.1), analog(BRANCH_LOADING, "%", 0.01));
    static final List<MetricSpec> BUS = List.of(analog(BUS_V, "pu", 0.0001), analog(BUS_ANGLE, "deg", 0.001));
    static final List<MetricSpec> SUBSTATION = List.of(
            analog(SUBSTATION_LOAD, "MW", 0.001), analog(SUBSTATION_GENERATION, "MW", 0.001),
            analog(SUBSTATION_V, "pu", 0.0001), analog(SUBSTATION_DER_IMPORT, "MW", 0.0001),
            analog(SUBSTATION_BASE_LOAD, "MW", 0.0001));

    private EmsMetrics() {
    }

    /** The EMS edge node id of a community grid, e.g. {@code groningen-ems} for {@code cg-groningen}. */
    public static String emsNodeId(String groupId) {
        return GridPoints.emsNodeId(groupId);
    }

    private static MetricSpec analog(String name, String unit, double resolution) {
        return new MetricSpec(name, MetricSpec.Kind.DOUBLE, unit, resolution);
    }
}
