package org.plurigrid.console.client.grid;

import java.nio.file.Path;
import java.util.List;

/**
 * The numeric tables of a MATPOWER case (format version 2) as read by {@link MatpowerParser}, each row with the line
 * it came from. Column indexes follow MATPOWER's {@code idx_bus}, {@code idx_gen}, {@code idx_brch} and
 * {@code idx_dcline}, counted from 0.
 */
record MatpowerTables(Path file, String caseName, double baseMva, int baseMvaLine, List<Row> bus, List<Row> gen,
                      List<Row> branch, List<Row> dcline) {

    /** One row of a matrix and the line of the file it was on. */
    record Row(int line, double[] values) {
        double get(int column) {
            return column < values.length ? values[column] : 0;
        }
    }

    // mpc.bus
    static final int BUS_I = 0, BUS_TYPE = 1, PD = 2, QD = 3, GS = 4, BS = 5, VM = 7, VA = 8, BASE_KV = 9;
    static final int VMAX = 11, VMIN = 12;
    static final int PQ = 1, PV = 2, REF = 3, NONE = 4;
    // mpc.gen
    static final int GEN_BUS = 0, PG = 1, QG = 2, QMAX = 3, QMIN = 4, VG = 5, GEN_STATUS = 7, PMAX = 8, PMIN = 9;
    // mpc.branch
    static final int F_BUS = 0, T_BUS = 1, BR_R = 2, BR_X = 3, BR_B = 4, RATE_A = 5, RATE_C = 7, TAP = 8, SHIFT = 9;
    static final int BR_STATUS = 10, ANGMIN = 11, ANGMAX = 12;
    // mpc.dcline
    static final int DC_F_BUS = 0, DC_T_BUS = 1, DC_STATUS = 2, DC_PF = 3, DC_PT = 4, DC_QF = 5, DC_QT = 6;
    static final int DC_VF = 7, DC_VT = 8, DC_PMIN = 9, DC_QMINF = 11, DC_QMAXF = 12, DC_QMINT = 13, DC_QMAXT = 14, DC_LOSS0 = 15, DC_LOSS1 = 16;

    static int minColumns(String matrix) {
        return switch (matrix) {
            case "bus" -> 13;
            case "gen" -> 10;
            case "branch" -> 11;
            case "dcline" -> 17;
            default -> 0;
        };
    }

    /** Where MATPOWER's own files write {@code Inf}: limits (voltage, reactive, active, ratings, angles, ramps). */
    static boolean allowsInfinity(String matrix, int column) {
        return switch (matrix) {
            case "bus" -> column == VMAX || column == VMIN;
            case "gen" -> column == QMAX || column == QMIN || column == PMAX || column == PMIN || column >= 10;
            case "branch" -> (column >= RATE_A && column <= RATE_C) || column == ANGMIN || column == ANGMAX;
            case "dcline" -> column >= DC_PMIN && column <= DC_QMAXT;
            default -> false;
        };
    }
}
