package org.plurigrid.console.devnet.gridtelemetry;

import java.util.List;
import org.plurigrid.console.devnet.fleet.MetricSpec;

/**
 * The metric names an EMS edge node publishes (docs/telemetry-conventions.md, "Grid EMS"). Public so the console's
 * overlay and the tests use the same strings.
 */
public final class EmsMetrics {

    public static final String AREA_NET_INTERCHANGE = "Area/NetInterchange_MW";
    public static final String AREA_LOAD = "Area/Load_MW";
    public static final String AREA_GENERATION = "Area/Generation_MW";
    public static final String POWER_FLOW_CONVERGED = "PowerFlow/Converged";
    public static final String POWER_FLOW_AC = "PowerFlow/AC";
    public static final String POWER_FLOW_ITERATIONS = "PowerFlow/Iterations";

    public static final String BRANCH_P1 = "Branch/P1_MW";
    public static final String BRANCH_P2 = "Branch/P2_MW";
    public static final String BRANCH_I = "Branch/I_A";
    public static final String BRANCH_LOADING = "Branch/Loading";

    public static final String BUS_V = "Bus/V_pu";
    public static final String BUS_ANGLE = "Bus/Angle";

    public static final String SUBSTATION_LOAD = "Substation/Load_MW";
    public static final String SUBSTATION_GENERATION = "Substation/Generation_MW";
    public static final String SUBSTATION_V = "Substation/V_pu";
    public static final String SUBSTATION_DER_IMPORT = "Substation/DerImport_MW";

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
            analog(SUBSTATION_V, "pu", 0.0001), analog(SUBSTATION_DER_IMPORT, "MW", 0.0001));

    private EmsMetrics() {
    }

    /** The EMS edge node id of a community grid, e.g. {@code groningen-ems} for {@code cg-groningen}. */
    public static String emsNodeId(String groupId) {
        return (groupId.startsWith("cg-") ? groupId.substring(3) : groupId) + "-ems";
    }

    private static MetricSpec analog(String name, String unit, double resolution) {
        return new MetricSpec(name, MetricSpec.Kind.DOUBLE, unit, resolution);
    }
}
