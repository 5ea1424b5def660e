package org.plurigrid.console.client.dr;

import com.powsybl.contingency.Contingency;
import com.powsybl.contingency.ContingencyContext;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.TieLine;
import com.powsybl.sensitivity.SensitivityAnalysis;
import com.powsybl.sensitivity.SensitivityAnalysisParameters;
import com.powsybl.sensitivity.SensitivityAnalysisResult;
import com.powsybl.sensitivity.SensitivityFactor;
import com.powsybl.sensitivity.SensitivityFunctionType;
import com.powsybl.sensitivity.SensitivityVariableType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * From a congestion to a dispatch: how much each site's demand response relieves an overloaded branch (in the base
 * case or after an outage, N-1), from PowSyBl sensitivity analysis on OpenLoadFlow (AC, current on side 1 per MW of
 * injection at the site), and the smallest set of site events that brings its loading under a limit — checked by
 * solving the network again with the reductions applied, so "after" is a load flow, not an extrapolation.
 * Works on a variant of the network it is given and leaves the working variant as it found it; not thread-safe per
 * network (run it on one background thread).
 */
public final class CongestionRelief {

    private static final String PROVIDER = "OpenLoadFlow";
    private static final AtomicInteger VARIANTS = new AtomicInteger();

    /** A branch to relieve, in the base case ({@code contingency} empty) or after the outage of another branch. */
    public record Congestion(String branchId, Optional<String> contingency) {
        public Congestion {
            Objects.requireNonNull(branchId, "branchId");
            Objects.requireNonNull(contingency, "contingency");
        }

        public static Congestion baseCase(String branchId) {
            return new Congestion(branchId, Optional.empty());
        }

        public static Congestion afterOutage(String branchId, String outagedBranchId) {
            return new Congestion(branchId, Optional.of(outagedBranchId));
        }

        /** "line-3" or "line-3 after the loss of line-7", for the operator. */
        public String label() {
            return contingency.map(c -> branchId + " after the loss of " + c).orElse(branchId);
        }
    }

    /**
     * One site's effect: {@code amperesPerMw} is the change of the branch's current per MW of demand reduced at the
     * site (negative relieves); {@code flexibleKw} what the site can reduce now; {@code reliefA} the current it takes
     * off the branch when it reduces all of it.
     */
    public record SiteEffect(String site, double amperesPerMw, double flexibleKw, double reliefA) {
    }

    /** One proposed event: reduce the site's demand by {@code reduceKw}. */
    public record SiteDispatch(String site, double reduceKw, double expectedReliefA) {
    }

    /**
     * The proposal: loading before, the events, and the loading after as solved with them ({@code after} is NaN when
     * no event was proposed); {@code enough} tells whether the limit is met.
     */
    public record Proposal(Congestion congestion, double limitA, double currentBeforeA, double currentAfterA,
                           double targetPercent, List<SiteDispatch> events, List<SiteEffect> ranking) {
        public Proposal {
            events = List.copyOf(events);
            ranking = List.copyOf(ranking);
        }

        public double loadingBeforePercent() {
            return currentBeforeA / limitA * 100;
        }

        public double loadingAfterPercent() {
            return currentAfterA / limitA * 100;
        }

        public boolean enough() {
            return !Double.isNaN(currentAfterA) && loadingAfterPercent() <= targetPercent + 1e-6;
        }

        public double totalReduceKw() {
            return events.stream().mapToDouble(SiteDispatch::reduceKw).sum();
        }
    }

    /** A branch's current on side 1 and its permanent limit, A. */
    public record BranchLoading(String branchId, double currentA, double limitA) {
        public double loadingPercent() {
            return limitA > 0 ? currentA / limitA * 100 : Double.NaN;
        }
    }

    private final SensitivityAnalysisParameters parameters = new SensitivityAnalysisParameters();

    /**
     * Ranks the sites with flexibility by how much their response relieves {@code c}, most effective first; sites whose
     * response would load the branch more are left out.
     */
    public List<SiteEffect> rank(Network network, Congestion c, Map<String, Double> flexibleKwBySite) {
        Solved s = solve(network, c, flexibleKwBySite.keySet());
        List<SiteEffect> ranking = new ArrayList<>();
        for (Map.Entry<String, Double> site : flexibleKwBySite.entrySet()) {
            Double perMw = s.perMw.get(site.getKey());
            if (perMw == null || Double.isNaN(perMw) || site.getValue() <= 0) {
                continue;
            }
            // the current moves in the direction that lowers |I|: sensitivities are of the signed side-1 current
            double signed = Math.signum(s.currentA) * perMw;
            if (signed < -1e-9) {
                ranking.add(new SiteEffect(site.getKey(), signed, site.getValue(), -signed * site.getValue() / 1000));
            }
        }
        ranking.sort(Comparator.comparingDouble(SiteEffect::amperesPerMw));
        return ranking;
    }

    /**
     * The smallest set of site events (most effective sites first, the last one only as much as needed) that brings
     * {@code c} to {@code targetPercent} of its permanent limit, checked by a load flow with the reductions applied
     * (scaled up, up to three times, when the solved result falls short of the linear estimate).
     */
    public Proposal propose(Network network, Congestion c, Map<String, Double> flexibleKwBySite, double targetPercent) {
        if (!(targetPercent > 0)) {
            throw new IllegalArgumentException("The target loading must be a positive percentage, was " + targetPercent);
        }
        double limit = limitA(network, c.branchId());
        Solved before = solve(network, c, flexibleKwBySite.keySet());
        List<SiteEffect> ranking = rank(network, c, flexibleKwBySite);
        double currentBefore = Math.abs(before.currentA);
        double needA = currentBefore - targetPercent / 100 * limit;
        if (needA <= 0 || ranking.isEmpty()) {
            return new Proposal(c, limit, currentBefore, needA <= 0 ? currentBefore : Double.NaN, targetPercent, List.of(), ranking);
        }
        List<SiteDispatch> events = pick(ranking, needA);
        double after = solveWith(network, c, events);
        for (int i = 0; i < 3 && after / limit * 100 > targetPercent && events.stream().mapToDouble(SiteDispatch::reduceKw).sum()
                < ranking.stream().mapToDouble(SiteEffect::flexibleKw).sum(); i++) {
            double achieved = currentBefore - after;
            double scale = achieved <= 0 ? 2 : Math.min(4, needA / achieved * 1.02);
            events = pick(ranking, events.stream().mapToDouble(SiteDispatch::expectedReliefA).sum() * scale);
            after = solveWith(network, c, events);
        }
        return new Proposal(c, limit, currentBefore, after, targetPercent, events, ranking);
    }

    /** Every branch with a permanent current limit and its loading now (AC), most loaded first. */
    public List<BranchLoading> loadings(Network network) {
        new org.plurigrid.console.client.grid.PowerFlowRunner().run(network);
        List<BranchLoading> out = new ArrayList<>();
        network.getBranchStream().forEach(b -> {
            Optional<com.powsybl.iidm.network.CurrentLimits> limits = b.getCurrentLimits1();
            double limit = limits.map(com.powsybl.iidm.network.CurrentLimits::getPermanentLimit).orElse(Double.NaN);
            double i = b.getTerminal1().getI();
            if (!Double.isNaN(limit) && !Double.isNaN(i)) {
                out.add(new BranchLoading(b.getId(), Math.abs(i), limit));
            }
        });
        out.sort(Comparator.comparingDouble(BranchLoading::loadingPercent).reversed());
        return out;
    }

    private static List<SiteDispatch> pick(List<SiteEffect> ranking, double needA) {
        List<SiteDispatch> events = new ArrayList<>();
        double left = needA;
        for (SiteEffect e : ranking) {
            if (left <= 0) {
                break;
            }
            double kw = Math.min(e.flexibleKw(), left / -e.amperesPerMw() * 1000);
            kw = Math.ceil(kw);
            events.add(new SiteDispatch(e.site(), kw, -e.amperesPerMw() * kw / 1000));
            left -= -e.amperesPerMw() * kw / 1000;
        }
        return events;
    }

    private static double limitA(Network network, String branchId) {
        Branch<?> b = network.getBranch(branchId);
        if (b == null) {
            throw new IllegalArgumentException("No branch " + branchId + " in the grid model");
        }
        Optional<com.powsybl.iidm.network.CurrentLimits> limits = b.getCurrentLimits1();
        return limits.map(com.powsybl.iidm.network.CurrentLimits::getPermanentLimit)
                .orElseThrow(() -> new IllegalArgumentException("Branch " + branchId + " has no permanent current limit"));
    }

    private record Solved(double currentA, Map<String, Double> perMw) {
    }

    /** Current on side 1 of the branch in the congestion's case, and its sensitivity to one load of each site. */
    private Solved solve(Network network, Congestion c, java.util.Collection<String> sites) {
        limitA(network, c.branchId());
        List<Contingency> contingencies = c.contingency().map(id -> List.of(contingency(network, id))).orElse(List.of());
        ContingencyContext context = c.contingency().map(ContingencyContext::specificContingency).orElse(ContingencyContext.none());
        Map<String, String> variableBySite = new LinkedHashMap<>();
        for (String site : sites) {
            representativeLoad(network, site).ifPresent(l -> variableBySite.put(site, l.getId()));
        }
        if (variableBySite.isEmpty()) {
            // no load anywhere: still solve for the current, against the branch's own side-1 injection-free factor
            network.getLoadStream().findFirst().ifPresent(l -> variableBySite.put("", l.getId()));
        }
        List<SensitivityFactor> factors = new ArrayList<>();
        for (String load : variableBySite.values()) {
            factors.add(new SensitivityFactor(SensitivityFunctionType.BRANCH_CURRENT_1, c.branchId(),
                    SensitivityVariableType.INJECTION_ACTIVE_POWER, load, false, context));
        }
        SensitivityAnalysisResult r = SensitivityAnalysis.find(PROVIDER).run(network, factors, contingencies, List.of(), parameters);
        String ctg = c.contingency().orElse(null);
        double current = r.getBranchCurrent1FunctionReferenceValue(ctg, c.branchId());
        Map<String, Double> perMw = new LinkedHashMap<>();
        variableBySite.forEach((site, load) -> {
            if (!site.isEmpty()) {
                // INJECTION_ACTIVE_POWER on a load: +1 MW of injection is 1 MW less consumption, i.e. one MW of response
                perMw.put(site, r.getBranchCurrent1SensitivityValue(ctg, load, c.branchId(), SensitivityVariableType.INJECTION_ACTIVE_POWER));
            }
        });
        return new Solved(current, perMw);
    }

    /** The branch current (A, absolute) in the congestion's case with the events' reductions taken off the sites' loads. */
    private double solveWith(Network network, Congestion c, List<SiteDispatch> events) {
        String original = network.getVariantManager().getWorkingVariantId();
        String variant = "dr-proposal-" + VARIANTS.incrementAndGet();
        network.getVariantManager().cloneVariant(original, variant);
        try {
            network.getVariantManager().setWorkingVariant(variant);
            for (SiteDispatch e : events) {
                reduce(network, e.site(), e.reduceKw() / 1000);
            }
            return Math.abs(solve(network, c, events.stream().map(SiteDispatch::site).toList()).currentA);
        } finally {
            network.getVariantManager().setWorkingVariant(original);
            network.getVariantManager().removeVariant(variant);
        }
    }

    /** Takes {@code mw} off the site's loads in proportion to their consumption (none below zero). */
    private static void reduce(Network network, String site, double mw) {
        List<Load> loads = loads(network, site);
        double total = loads.stream().mapToDouble(l -> Math.max(0, l.getP0())).sum();
        if (total <= 0) {
            return;
        }
        double f = Math.min(1, mw / total);
        for (Load l : loads) {
            l.setP0(Math.max(0, l.getP0()) * (1 - f));
        }
    }

    private static List<Load> loads(Network network, String site) {
        Substation s = network.getSubstation(site);
        if (s == null) {
            return List.of();
        }
        List<Load> out = new ArrayList<>();
        s.getVoltageLevelStream().forEach(vl -> vl.getLoadStream().filter(l -> l.getTerminal().isConnected()).forEach(out::add));
        return out;
    }

    private static Optional<Load> representativeLoad(Network network, String site) {
        return loads(network, site).stream().max(Comparator.comparingDouble(Load::getP0));
    }

    private static Contingency contingency(Network network, String branchId) {
        Branch<?> b = network.getBranch(branchId);
        if (b == null) {
            throw new IllegalArgumentException("No branch " + branchId + " to take out in the grid model");
        }
        return b instanceof TieLine ? Contingency.tieLine(branchId) : Contingency.branch(branchId);
    }
}
