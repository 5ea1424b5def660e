package org.plurigrid.console.client.grid;

/**
 * Metric names of the grid telemetry an EMS publishes (docs/telemetry-conventions.md, "Grid EMS"): one Sparkplug
 * device per branch, bus and substation, named by the model's id. The devnet's EMS and the console's
 * {@link GridTelemetryOverlay} share these strings.
 */
public final class GridPoints {

    /** Node metrics of an EMS edge node ({@code {grid}-ems}). */
    public static final String AREA_NET_INTERCHANGE = "Area/NetInterchange_MW";
    public static final String AREA_LOAD = org.plurigrid.console.client.telemetry.SupergridSummary.AREA_LOAD_METRIC;
    public static final String AREA_GENERATION =
            org.plurigrid.console.client.telemetry.SupergridSummary.AREA_GENERATION_METRIC;
    public static final String POWER_FLOW_CONVERGED = "PowerFlow/Converged";
    public static final String POWER_FLOW_AC = "PowerFlow/AC";
    public static final String POWER_FLOW_ITERATIONS = "PowerFlow/Iterations";

    /** Active power entering the branch at side 1 / side 2, MW (the end in the publishing EMS's area). */
    public static final String BRANCH_P1 = "Branch/P1_MW";
    public static final String BRANCH_P2 = "Branch/P2_MW";
    public static final String BRANCH_I = "Branch/I_A";
    public static final String BRANCH_LOADING = "Branch/Loading";

    public static final String BUS_V = "Bus/V_pu";
    public static final String BUS_ANGLE = "Bus/Angle";

    public static final String SUBSTATION_LOAD = "Substation/Load_MW";
    public static final String SUBSTATION_GENERATION = "Substation/Generation_MW";
    public static final String SUBSTATION_V = "Substation/V_pu";
    /** Net import of the DERs (and the fleet aggregate) under the substation, MW. */
    public static final String SUBSTATION_DER_IMPORT = "Substation/DerImport_MW";
    /** The substation's non-DER base load, MW: Load_MW − Generation_MW = BaseLoad_MW + DerImport_MW. */
    public static final String SUBSTATION_BASE_LOAD = "Substation/BaseLoad_MW";

    /** Edge-node metric of a fleet substation gateway: net DER import, kW (see the fleet conventions). */
    public static final String FLEET_SUBSTATION_POWER = "Substation/ActivePower";
    /** Device metric of a DER, kW. */
    public static final String DER_POWER = "ActivePower";

    private GridPoints() {
    }

    /** The EMS edge node id of a community grid, e.g. {@code groningen-ems} for {@code cg-groningen}. */
    public static String emsNodeId(String groupId) {
        return (groupId.startsWith("cg-") ? groupId.substring(3) : groupId) + "-ems";
    }
}
