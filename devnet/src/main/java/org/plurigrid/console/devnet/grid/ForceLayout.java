package org.plurigrid.console.devnet.grid;

import java.util.List;

/**
 * Deterministic force-directed layout (Fruchterman-Reingold) of a case's substation graph in the unit disc:
 * neighbours end up close, the drawing looks like a grid rather than a hairball. Same input, same output.
 */
final class ForceLayout {

    private static final int ITERATIONS = 300;

    /**
     * @param nodes number of nodes
     * @param edges pairs of node indices
     * @return x,y per node in [-1, 1], scaled so the farthest node sits on the unit circle
     */
    /**
     * The layout of a network's substations, connected by its branches (a substation's own transformers left out),
     * in the order of {@code substationIds}.
     */
    static double[][] ofSubstations(com.powsybl.iidm.network.Network source, List<String> substationIds) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < substationIds.size(); i++) {
            index.put(substationIds.get(i), i);
        }
        List<int[]> edges = new java.util.ArrayList<>();
        source.getBranchStream().forEach(b -> {
            int a = index.get(b.getTerminal1().getVoltageLevel().getSubstation().orElseThrow().getId());
            int c = index.get(b.getTerminal2().getVoltageLevel().getSubstation().orElseThrow().getId());
            if (a != c) {
                edges.add(new int[]{a, c});
            }
        });
        return layout(substationIds.size(), edges);
    }

    static double[][] layout(int nodes, List<int[]> edges) {
        double[][] p = new double[nodes][2];
        // Sunflower (Vogel) spiral start: evenly spread and deterministic.
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < nodes; i++) {
            double r = Math.sqrt((i + 0.5) / nodes);
            p[i][0] = r * Math.cos(i * golden);
            p[i][1] = r * Math.sin(i * golden);
        }
        double k = Math.sqrt(Math.PI / Math.max(1, nodes)) * 0.9;
        double temperature = 0.12;
        double[][] d = new double[nodes][2];
        for (int it = 0; it < ITERATIONS; it++) {
            for (double[] row : d) {
                row[0] = 0;
                row[1] = 0;
            }
            for (int i = 0; i < nodes; i++) {
                for (int j = i + 1; j < nodes; j++) {
                    double dx = p[i][0] - p[j][0];
                    double dy = p[i][1] - p[j][1];
                    double dist2 = Math.max(1e-6, dx * dx + dy * dy);
                    double f = k * k / dist2;
                    d[i][0] += dx * f;
                    d[i][1] += dy * f;
                    d[j][0] -= dx * f;
                    d[j][1] -= dy * f;
                }
            }
            for (int[] e : edges) {
                double dx = p[e[0]][0] - p[e[1]][0];
                double dy = p[e[0]][1] - p[e[1]][1];
                double dist = Math.max(1e-3, Math.sqrt(dx * dx + dy * dy));
                double f = dist / k;
                d[e[0]][0] -= dx * f;
                d[e[0]][1] -= dy * f;
                d[e[1]][0] += dx * f;
                d[e[1]][1] += dy * f;
            }
            for (int i = 0; i < nodes; i++) {
                // gentle pull to the centre keeps loosely connected parts from drifting away
                d[i][0] -= p[i][0] * 0.5;
                d[i][1] -= p[i][1] * 0.5;
                double len = Math.max(1e-9, Math.hypot(d[i][0], d[i][1]));
                double step = Math.min(len, temperature);
                p[i][0] += d[i][0] / len * step;
                p[i][1] += d[i][1] / len * step;
            }
            temperature *= 0.985;
        }
        double max = 1e-9;
        double cx = 0;
        double cy = 0;
        for (double[] q : p) {
            cx += q[0] / nodes;
            cy += q[1] / nodes;
        }
        for (double[] q : p) {
            q[0] -= cx;
            q[1] -= cy;
            max = Math.max(max, Math.hypot(q[0], q[1]));
        }
        for (double[] q : p) {
            q[0] /= max;
            q[1] /= max;
        }
        return p;
    }

    private ForceLayout() {
    }
}
