package org.plurigrid.console.devnet.gridplanning;

import com.powsybl.contingency.Contingency;
import com.powsybl.contingency.ContingencyContext;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.TwoSides;
import com.powsybl.iidm.network.TwoWindingsTransformer;
import com.powsybl.loadflow.LoadFlowParameters;
import com.powsybl.security.PostContingencyComputationStatus;
import com.powsybl.security.SecurityAnalysis;
import com.powsybl.security.SecurityAnalysisParameters;
import com.powsybl.security.SecurityAnalysisReport;
import com.powsybl.security.SecurityAnalysisRunParameters;
import com.powsybl.security.monitor.StateMonitor;
import com.powsybl.security.results.BranchResult;
import com.powsybl.security.results.PostContingencyResult;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.grid.BaseLoad;
import org.plurigrid.console.devnet.grid.BranchRatings;
import org.plurigrid.console.devnet.grid.BranchRatings.Basis;
import org.plurigrid.console.devnet.grid.BranchRatings.Rating;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.devnet.grid.StandardRatings;
import org.plurigrid.console.devnet.grid.SupergridPowerFlow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives the demo supergrid's branch ratings the way a network planner would, by computation from the model:
 * <ol>
 *   <li>sweep the EMS's operating range ({@link OperatingPoint#demoRange}): for every point solve the AC power flow and
 *       an AC N-1 security analysis (every branch out in turn, OpenLoadFlow, currents of all branches monitored);</li>
 *   <li>per branch and side take the highest base-case current and the highest current after any single outage;</li>
 *   <li>require base-case loading ≤ {@value #BASE_LOADING} and post-outage loading ≤ {@value #N1_LOADING} of the
 *       rating, and at least the smallest rating of the voltage class; round up to the next standard rating
 *       ({@link StandardRatings}: A for lines, MVA for transformers, converted to each side's current);</li>
 *   <li>except the documented {@link #WEAK_SPOTS}: a corridor rated one standard step below its worst post-outage
 *       current (calm normally, overloaded by the outage that hits it), radial feeders rated for the base case
 *       only (≤ {@value #WEAK_SPOT_LOADING} at the heaviest point, so amber at peak) and parallel pairs whose members
 *       are each rated for their own base case only (no firm capacity: losing one overloads the other at peak).</li>
 * </ol>
 * Writes the table {@link BranchRatings} reads and prints the before/after figures. Run offline (about a minute),
 * never at build time; see docs/demo-supergrid.md next to {@code DemoSupergrid} for the command.
 */
public final class RatingPlanner {

    static final double BASE_LOADING = 0.65;
    static final double N1_LOADING = 0.95;
    static final double WEAK_SPOT_LOADING = 0.95;

    /** How a weak spot is rated. */
    enum Weakness {
        /** one standard step below its worst post-outage current: calm in the base case, overloaded by an outage */
        CORRIDOR,
        /** for the base case only (≤ {@value RatingPlanner#WEAK_SPOT_LOADING} at the heaviest point): amber at peak */
        FEEDER,
        /**
         * each of a parallel pair rated for its own base case only: losing one overloads the other whenever the pair
         * carries more than one can (no firm capacity)
         */
        PAIR
    }

    /** The weak spots left on purpose (see docs/demo-supergrid.md for the story of each). */
    static final Map<String, Weakness> WEAK_SPOTS = weakSpots();

    private static Map<String, Weakness> weakSpots() {
        Map<String, Weakness> m = new LinkedHashMap<>();
        // Zeeland's pair of old 150/20 kV transformers: each alone cannot carry the grid's peak, so losing one at
        // the evening peak overloads the other.
        m.put("zeeland-hv-T1", Weakness.PAIR);
        m.put("zeeland-hv-T2", Weakness.PAIR);
        // Zeeland's radial 20 kV spur (its outage islands the station it feeds, so N-1 cannot blame it on anything),
        // rated close to its peak.
        m.put("zeeland-mv-02-04", Weakness.FEEDER);
        return Map.copyOf(m);
    }

    private final List<String> branchIds;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Sweep> sweeps = new ArrayList<>();

    /** One operating point's currents: base[branch][side] and post[outage][branch][side] (NaN if not solved). */
    record Sweep(String point, double[][] base, float[][][] post, int failed, long millis) {
    }

    RatingPlanner(Network network) {
        this.branchIds = network.getBranchStream().map(Branch::getId).sorted().toList();
        for (int i = 0; i < branchIds.size(); i++) {
            index.put(branchIds.get(i), i);
        }
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Network network = DemoSupergrid.buildUnrated();
        out.printf("unrated demo grid built in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        DemoSupergrid.setSyntheticCurrentLimits(network); // the old limits, for the before figures
        double[][] before = limits(network);

        RatingPlanner planner = new RatingPlanner(network);
        SupergridPowerFlow flow = new SupergridPowerFlow(network, new PowerFlowRunner(), new GridSnapshotFactory(),
                () -> Instant.EPOCH);
        List<GridDer> ders = flow.current().ders();
        for (OperatingPoint p : OperatingPoint.demoRange(network)) {
            Sweep s = planner.sweep(network, flow, p, ders);
            out.printf("%-18s N-1 swept in %5d ms (%d outages not solved)%n", p.name(), s.millis(), s.failed());
        }
        BranchRatings ratings = planner.plan(network);
        ratings.applyTo(network);
        double[][] after = limits(network);

        out.println();
        out.println("| operating point | before: ≥ 80 % / > 100 % / outages overloading | after: ≥ 80 % / > 100 % / outages overloading |");
        out.println("| --- | --- | --- |");
        for (Sweep s : planner.sweeps) {
            Stats b = planner.stats(s, before);
            Stats a = planner.stats(s, after);
            out.printf("| %s | %d / %d / %d | %d / %d / %d |%n", s.point(), b.amber(), b.over(), b.outages(),
                    a.amber(), a.over(), a.outages());
        }
        out.println();
        out.println("| base-case loading of the branches | < 50 % | 50–70 % | 70–80 % | 80–90 % | 90–100 % | > 100 % |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        out.println("| before, build set-points | " + planner.histogram(List.of(planner.sweeps.get(0)), before) + " |");
        out.println("| before, highest over the range | " + planner.histogram(planner.sweeps, before) + " |");
        out.println("| after, build set-points | " + planner.histogram(List.of(planner.sweeps.get(0)), after) + " |");
        out.println("| after, highest over the range | " + planner.histogram(planner.sweeps, after) + " |");
        Map<Basis, Integer> byBasis = new java.util.EnumMap<>(Basis.class);
        ratings.all().forEach(r -> byBasis.merge(r.basis(), 1, Integer::sum));
        out.println();
        out.println("ratings by basis: " + byBasis);
        Sweep buildPoint = planner.sweeps.get(0);
        out.println("build set-points, outages overloading (after): " + planner.overloadingOutages(buildPoint, after));
        if (List.of(args).contains("--candidates")) {
            planner.printCandidates(out, network);
        }
        if (args.length > 0 && !args[0].startsWith("--")) {
            Path file = Path.of(args[0]);
            Files.writeString(file, ratings.toCsv(List.of(
                    "Planned permanent current limits of the demo supergrid (DemoSupergrid.build applies them).",
                    "Generated by org.plurigrid.console.devnet.gridplanning.RatingPlanner - do not edit by hand;",
                    "regenerate as docs/demo-supergrid.md (next to DemoSupergrid) says when the grid or the EMS changes.",
                    String.format(Locale.ROOT, "Rule: base <= %.0f %%, worst single outage <= %.0f %% over %d operating points,",
                            BASE_LOADING * 100, N1_LOADING * 100, planner.sweeps.size()),
                    "rounded up to IEC R10 ratings (A for lines, MVA for transformers). WEAK_SPOT rows are left weak on purpose:",
                    "corridors one standard step below their worst post-outage current, radial feeders and parallel pairs for the base case only.",
                    "Currents in A: baseMaxA / n1MaxA are the highest over the range, either side.")), StandardCharsets.UTF_8);
            out.println("wrote " + file.toAbsolutePath());
        }
    }

    Sweep sweep(Network network, SupergridPowerFlow flow, OperatingPoint p, List<GridDer> ders) {
        long t0 = System.nanoTime();
        flow.step(p.powers(ders, BaseLoad.peaksKw(network)));
        List<Contingency> contingencies = branchIds.stream().map(Contingency::branch).toList();
        SecurityAnalysisRunParameters params = new SecurityAnalysisRunParameters()
                .setSecurityAnalysisParameters(new SecurityAnalysisParameters().setLoadFlowParameters(new LoadFlowParameters()))
                .addMonitor(new StateMonitor(ContingencyContext.all(), Set.copyOf(branchIds), Set.of(), Set.of()));
        SecurityAnalysisReport report = SecurityAnalysis.find("OpenLoadFlow").run(network, contingencies, params);
        int n = branchIds.size();
        double[][] base = new double[n][2];
        for (double[] row : base) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (BranchResult r : report.getResult().getPreContingencyResult().getNetworkResult().getBranchResults()) {
            Integer i = index.get(r.getBranchId());
            if (i != null) {
                base[i][0] = r.getI1();
                base[i][1] = r.getI2();
            }
        }
        float[][][] post = new float[n][n][2];
        for (float[][] m : post) {
            for (float[] row : m) {
                java.util.Arrays.fill(row, Float.NaN);
            }
        }
        int failed = 0;
        for (PostContingencyResult r : report.getResult().getPostContingencyResults()) {
            int c = index.get(r.getContingency().getId());
            if (r.getStatus() != PostContingencyComputationStatus.CONVERGED) {
                failed++;
                continue;
            }
            for (BranchResult b : r.getNetworkResult().getBranchResults()) {
                Integer i = index.get(b.getBranchId());
                if (i != null && i != c) {
                    post[c][i][0] = (float) b.getI1();
                    post[c][i][1] = (float) b.getI2();
                }
            }
        }
        Sweep s = new Sweep(p.name(), base, post, failed, (System.nanoTime() - t0) / 1_000_000);
        sweeps.add(s);
        return s;
    }

    /** The ratings of every branch from the sweeps so far. */
    BranchRatings plan(Network network) {
        int n = branchIds.size();
        List<Rating> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Branch<?> br = network.getBranch(branchIds.get(i));
            double[] baseMax = new double[2];
            double[] n1Max = new double[2];
            String[] worst = {"-", "-"};
            for (Sweep s : sweeps) {
                for (int side = 0; side < 2; side++) {
                    baseMax[side] = Math.max(baseMax[side], nz(s.base()[i][side]));
                    for (int c = 0; c < n; c++) {
                        double v = nz(s.post()[c][i][side]);
                        if (v > n1Max[side]) {
                            n1Max[side] = v;
                            worst[side] = branchIds.get(c);
                        }
                    }
                }
            }
            double kv1 = br.getTerminal1().getVoltageLevel().getNominalV();
            double kv2 = br.getTerminal2().getVoltageLevel().getNominalV();
            Weakness weak = WEAK_SPOTS.get(br.getId());
            String worstOutage = n1Max[0] >= n1Max[1] ? worst[0] : worst[1];
            double baseA = Math.max(baseMax[0], baseMax[1]);
            double n1A = Math.max(n1Max[0], n1Max[1]);
            if (br instanceof TwoWindingsTransformer) {
                double baseMva = Math.max(mva(baseMax[0], kv1), mva(baseMax[1], kv2));
                double n1Mva = Math.max(mva(n1Max[0], kv1), mva(n1Max[1], kv2));
                Choice c = choose(baseMva, n1Mva, StandardRatings.MINIMUM_TRANSFORMER_MVA, weak);
                out.add(new Rating(br.getId(), "transformer", c.rating(), "MVA", amps(c.rating(), kv1),
                        amps(c.rating(), kv2), round1(baseA), round1(n1A), worstOutage, c.basis()));
            } else {
                Choice c = choose(baseA, n1A, StandardRatings.minimumLineAmps(Math.min(kv1, kv2)), weak);
                out.add(new Rating(br.getId(), "line", c.rating(), "A", c.rating(), c.rating(), round1(baseA),
                        round1(n1A), worstOutage, c.basis()));
            }
        }
        return new BranchRatings(out);
    }

    record Choice(double rating, Basis basis) {
    }

    /** The planning rule for one branch, in the unit of its rating (A or MVA). */
    static Choice choose(double baseMax, double n1Max, double minimum, Weakness weakness) {
        if (weakness != null) {
            double forBase = StandardRatings.roundUp(baseMax / WEAK_SPOT_LOADING);
            double r = weakness == Weakness.CORRIDOR ? Math.max(forBase, StandardRatings.stepBelow(n1Max)) : forBase;
            return new Choice(r, Basis.WEAK_SPOT);
        }
        double forBase = baseMax / BASE_LOADING;
        double forN1 = n1Max / N1_LOADING;
        double need = Math.max(forBase, forN1);
        if (need <= minimum) {
            return new Choice(StandardRatings.roundUp(minimum), Basis.MINIMUM);
        }
        return new Choice(StandardRatings.roundUp(need), forN1 > forBase ? Basis.N_MINUS_1 : Basis.BASE_CASE);
    }

    record Stats(int amber, int over, int outages) {
    }

    Stats stats(Sweep s, double[][] limits) {
        int amber = 0;
        int over = 0;
        for (int i = 0; i < branchIds.size(); i++) {
            double l = loading(s.base()[i], limits[i]);
            if (l >= 0.8) {
                amber++;
            }
            if (l > 1.0) {
                over++;
            }
        }
        return new Stats(amber, over, overloadingOutages(s, limits).size());
    }

    /** Branch counts per loading band of the highest base-case loading over {@code points}, table cells. */
    String histogram(List<Sweep> points, double[][] limits) {
        double[] edges = {0.5, 0.7, 0.8, 0.9, 1.0};
        int[] counts = new int[edges.length + 1];
        for (int i = 0; i < branchIds.size(); i++) {
            double l = 0;
            for (Sweep s : points) {
                l = Math.max(l, loading(s.base()[i], limits[i]));
            }
            int band = 0;
            while (band < edges.length && l >= edges[band] && !(band == edges.length - 1 && l <= 1.0)) {
                band++;
            }
            counts[band]++;
        }
        return String.join(" | ", java.util.Arrays.stream(counts).mapToObj(Integer::toString).toList());
    }

    /** Outages after which some branch not already overloaded in the base case runs above its limit. */
    List<String> overloadingOutages(Sweep s, double[][] limits) {
        int n = branchIds.size();
        boolean[] already = new boolean[n];
        for (int i = 0; i < n; i++) {
            already[i] = loading(s.base()[i], limits[i]) > 1.0;
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                if (!already[i] && (s.post()[c][i][0] > limits[i][0] || s.post()[c][i][1] > limits[i][1])) {
                    out.add(branchIds.get(c));
                    break;
                }
            }
        }
        return out;
    }

    /** Candidates for weak spots: branches whose worst outage raises their current the most. */
    void printCandidates(PrintStream out, Network network) {
        int n = branchIds.size();
        record Cand(String id, double kv, double base, double n1, String outage) {
        }
        List<Cand> cands = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double base = 0;
            double n1 = 0;
            String worst = "-";
            for (Sweep s : sweeps) {
                base = Math.max(base, nz(s.base()[i][0]));
                for (int c = 0; c < n; c++) {
                    if (nz(s.post()[c][i][0]) > n1) {
                        n1 = s.post()[c][i][0];
                        worst = branchIds.get(c);
                    }
                }
            }
            Branch<?> br = network.getBranch(branchIds.get(i));
            cands.add(new Cand(br.getId(), br.getTerminal1().getVoltageLevel().getNominalV(), base, n1, worst));
        }
        cands.sort(java.util.Comparator.comparingDouble((Cand c) -> -(c.n1() / Math.max(c.base(), 1))));
        out.println("weak-spot candidates (branch, kV, base max A, N-1 max A, worst outage):");
        cands.stream().filter(c -> c.base() > 50).limit(40).forEach(c -> out.printf(Locale.ROOT,
                "  %-34s %5.0f %7.1f %7.1f %s%n", c.id(), c.kv(), c.base(), c.n1(), c.outage()));
    }

    private static double[][] limits(Network network) {
        List<String> ids = network.getBranchStream().map(Branch::getId).sorted().toList();
        double[][] out = new double[ids.size()][2];
        for (int i = 0; i < ids.size(); i++) {
            Branch<?> b = network.getBranch(ids.get(i));
            out[i][0] = b.getCurrentLimits(TwoSides.ONE).orElseThrow().getPermanentLimit();
            out[i][1] = b.getCurrentLimits(TwoSides.TWO).orElseThrow().getPermanentLimit();
        }
        return out;
    }

    private static double loading(double[] currents, double[] limits) {
        return Math.max(nz(currents[0]) / limits[0], nz(currents[1]) / limits[1]);
    }

    private static double mva(double amps, double kv) {
        return Math.sqrt(3) * kv * amps / 1000;
    }

    private static double amps(double mva, double kv) {
        return round1(mva * 1000 / (Math.sqrt(3) * kv));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
