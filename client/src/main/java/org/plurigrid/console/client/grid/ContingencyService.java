package org.plurigrid.console.client.grid;

import com.powsybl.contingency.Contingency;
import com.powsybl.contingency.ContingencyContext;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Identifiable;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Terminal;
import com.powsybl.iidm.network.TieLine;
import com.powsybl.loadflow.LoadFlowParameters;
import com.powsybl.openloadflow.sa.OpenSecurityAnalysisParameters;
import com.powsybl.security.LimitViolation;
import com.powsybl.security.LimitViolationType;
import com.powsybl.security.SecurityAnalysis;
import com.powsybl.security.SecurityAnalysisParameters;
import com.powsybl.security.SecurityAnalysisReport;
import com.powsybl.security.SecurityAnalysisRunParameters;
import com.powsybl.security.results.PostContingencyResult;
import com.powsybl.sensitivity.SensitivityAnalysis;
import com.powsybl.sensitivity.SensitivityAnalysisParameters;
import com.powsybl.sensitivity.SensitivityAnalysisResult;
import com.powsybl.sensitivity.SensitivityAnalysisRunParameters;
import com.powsybl.sensitivity.SensitivityFactorReader;
import com.powsybl.sensitivity.SensitivityFunctionType;
import com.powsybl.sensitivity.SensitivityResultWriter;
import com.powsybl.sensitivity.SensitivityVariableType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * N-1 security analysis with PowSyBl on OpenLoadFlow: every in-service line, transformer and tie line is taken out
 * in turn, and the outages that would push another branch above its permanent current limit are reported.
 * Overloads already present in the base case are not blamed on the outage. AC, or DC if AC fails on the base case.
 *
 * <p>Screening: a DC pass over all outages first (OpenLoadFlow's DC sensitivity analysis, one factorisation for
 * all of them) keeps only the outages after which some branch's current, the AC base case plus three times the
 * increase DC predicts, comes within {@link #DEFAULT_SCREEN_MARGIN} of its limit; the AC analysis runs on those only.
 * Each outage's AC result does not depend on which others are analysed, so the report is the full AC run's as long as the screen keeps every outage that overloads something in AC —
 * the margin is wide (DC currents ignore reactive flow and voltage), and {@code ContingencyScreeningTest} checks it
 * against the unscreened run. Run it on a background executor; the network must not change meanwhile.
 */
public final class ContingencyService {

    private static final String PROVIDER = "OpenLoadFlow";

    /** Default screening margin: an outage is analysed in AC when its estimated current comes within 10 % of a limit. */
    public static final double DEFAULT_SCREEN_MARGIN = 0.10;

    /**
     * How much the DC estimate of an outage's current increase is trusted: the increase is tripled before it is
     * compared with the remaining headroom (AC adds reactive flow and voltage drop to what DC sees).
     */
    static final double INCREASE_SAFETY_FACTOR = 3.0;

    /**
     * A rise of current up to this share of the limit is not counted as the outage's doing. Zero: a looser value
     * (0.1 %) missed outages that overload in AC (see docs/benchmarks.md).
     */
    static final double NEGLIGIBLE_SHARE = 0.0;

    private final double screenMargin;

    /** The service with DC screening at {@link #DEFAULT_SCREEN_MARGIN}. */
    public ContingencyService() {
        this(DEFAULT_SCREEN_MARGIN);
    }

    /** {@code screenMargin} in [0, 1): share of a limit below which an estimated post-outage current is ignored. */
    public ContingencyService(double screenMargin) {
        if (!(screenMargin >= 0 && screenMargin < 1) && !Double.isNaN(screenMargin)) {
            throw new IllegalArgumentException("screenMargin must be in [0, 1), was " + screenMargin);
        }
        this.screenMargin = screenMargin;
    }

    /** The service that solves every outage in AC (no DC screen): the reference the screen is tested against. */
    public static ContingencyService unscreened() {
        return new ContingencyService(Double.NaN);
    }

    public ContingencyReport runN1(Network network) {
        long start = System.nanoTime();
        List<Contingency> contingencies = new ArrayList<>();
        network.getBranchStream()
                .filter(b -> b.getTerminal1().isConnected() && b.getTerminal2().isConnected())
                .forEach(b -> contingencies.add(b instanceof TieLine ? Contingency.tieLine(b.getId()) : Contingency.branch(b.getId())));

        boolean dc = !new PowerFlowRunner().run(network).mode().equals(PowerFlowResult.Mode.AC);
        List<Contingency> analysed = dc || Double.isNaN(screenMargin) ? contingencies : screen(network, contingencies);

        // The base case was just solved: start the analysis from it (fewer iterations, same converged state).
        LoadFlowParameters lf = new LoadFlowParameters().setDc(dc)
                .setVoltageInitMode(LoadFlowParameters.VoltageInitMode.PREVIOUS_VALUES);
        SecurityAnalysisReport report = SecurityAnalysis.find(PROVIDER).run(network, analysed, run(lf, dc));

        Set<String> alreadyOverloaded = new HashSet<>();
        for (LimitViolation v : report.getResult().getPreContingencyLimitViolationsResult().getLimitViolations()) {
            if (isCurrentOverload(v)) {
                alreadyOverloaded.add(v.getSubjectId());
            }
        }
        List<ContingencyReport.Outcome> overloading = new ArrayList<>();
        for (PostContingencyResult r : report.getResult().getPostContingencyResults()) {
            List<ContingencyReport.Overload> overloads = new ArrayList<>();
            for (LimitViolation v : r.getLimitViolationsResult().getLimitViolations()) {
                if (isCurrentOverload(v) && !alreadyOverloaded.contains(v.getSubjectId())) {
                    overloads.add(new ContingencyReport.Overload(v.getSubjectId(), v.getValue(), v.getLimit()));
                }
            }
            if (!overloads.isEmpty()) {
                overloading.add(new ContingencyReport.Outcome(r.getContingency().getId(), r.getStatus().name(), dedupe(overloads)));
            }
        }
        return new ContingencyReport(contingencies.size(), overloading, dc, Duration.ofNanos(System.nanoTime() - start),
                contingencies.size() - analysed.size());
    }

    public CompletableFuture<ContingencyReport> runN1Async(Network network, Executor executor) {
        return CompletableFuture.supplyAsync(() -> runN1(network), executor);
    }

    /**
     * The outages after which some rated branch may come within {@code screenMargin} of its limit. Estimate per
     * branch and outage: the AC base-case flow plus the change of active flow that DC predicts for the outage
     * (OpenLoadFlow's DC sensitivity analysis, one factorisation for all outages, results streamed), with the base
     * reactive flow and voltage kept: {@code I ≈ √((P + ΔP)² + Q²) / (√3 V)} at each end. Branches already above
     * their limit in the base case are left out (the report does not blame outages for them). An outage DC cannot
     * solve is kept. A branch already near its limit makes an outage suspect only if the outage raises its current
     * by more than {@link #NEGLIGIBLE_SHARE} of the limit.
     */
    private List<Contingency> screen(Network network, List<Contingency> contingencies) {
        List<Branch<?>> rated = network.getBranchStream()
                .filter(b -> b.getTerminal1().isConnected() && b.getTerminal2().isConnected())
                .filter(b -> b.getCurrentLimits1().isPresent() || b.getCurrentLimits2().isPresent())
                .filter(b -> !overloaded(b))
                .<Branch<?>>map(b -> b)
                .toList();
        String variable = network.getGeneratorStream().filter(g -> g.getTerminal().isConnected())
                .map(Identifiable::getId).findFirst().orElse(null);
        if (rated.isEmpty() || variable == null) {
            return contingencies;
        }
        int n = rated.size();
        double[] p1 = new double[n], q1 = new double[n], v1 = new double[n], lim1 = new double[n];
        double[] p2 = new double[n], q2 = new double[n], v2 = new double[n], lim2 = new double[n];
        for (int i = 0; i < n; i++) {
            Branch<?> b = rated.get(i);
            p1[i] = b.getTerminal1().getP();
            q1[i] = b.getTerminal1().getQ();
            v1[i] = voltage(b.getTerminal1());
            lim1[i] = b.getCurrentLimits1().map(l -> l.getPermanentLimit()).orElse(Double.NaN);
            p2[i] = b.getTerminal2().getP();
            q2[i] = b.getTerminal2().getQ();
            v2[i] = voltage(b.getTerminal2());
            lim2[i] = b.getCurrentLimits2().map(l -> l.getPermanentLimit()).orElse(Double.NaN);
        }
        double[] dcBefore = new double[n];
        SensitivityAnalysisParameters dc = new SensitivityAnalysisParameters()
                .setLoadFlowParameters(new LoadFlowParameters().setDc(true));
        sensitivity(network, rated, variable, ContingencyContext.none(), List.of(), dc,
                (factor, contingency, value, reference) -> dcBefore[factor] = reference);
        boolean[] suspect = new boolean[contingencies.size()];
        double reach = 1 - screenMargin;
        sensitivity(network, rated, variable, ContingencyContext.all(), contingencies, dc,
                (factor, contingency, value, reference) -> {
                    if (contingency < 0 || suspect[contingency] || Double.isNaN(reference)) {
                        return;
                    }
                    double delta = reference - dcBefore[factor];
                    if (reaches(p1[factor], p1[factor] + delta, q1[factor], v1[factor], reach * lim1[factor])
                            || reaches(p2[factor], p2[factor] - delta, q2[factor], v2[factor], reach * lim2[factor])) {
                        suspect[contingency] = true;
                    }
                }, failed -> suspect[failed] = true);
        List<Contingency> kept = new ArrayList<>();
        for (int c = 0; c < suspect.length; c++) {
            if (suspect[c]) {
                kept.add(contingencies.get(c));
            }
        }
        return kept;
    }

    /** One value of a streamed sensitivity run: factor index, contingency index (-1 for the base case), reference flow. */
    private interface FlowSink {
        void accept(int factor, int contingency, double value, double reference);
    }

    private static void sensitivity(Network network, List<Branch<?>> branches, String variable, ContingencyContext context,
                                    List<Contingency> contingencies, SensitivityAnalysisParameters params, FlowSink sink) {
        sensitivity(network, branches, variable, context, contingencies, params, sink, failed -> { });
    }

    private static void sensitivity(Network network, List<Branch<?>> branches, String variable, ContingencyContext context,
                                    List<Contingency> contingencies, SensitivityAnalysisParameters params, FlowSink sink,
                                    java.util.function.IntConsumer failedContingency) {
        SensitivityFactorReader factors = handler -> {
            for (Branch<?> b : branches) {
                handler.onFactor(SensitivityFunctionType.BRANCH_ACTIVE_POWER_1, b.getId(),
                        SensitivityVariableType.INJECTION_ACTIVE_POWER, variable, false, context);
            }
        };
        SensitivityResultWriter writer = new SensitivityResultWriter() {
            @Override
            public void writeSensitivityValue(int factor, int contingency, double value, double reference) {
                sink.accept(factor, contingency, value, reference);
            }

            @Override
            public void writeContingencyStatus(int contingency, SensitivityAnalysisResult.Status status) {
                if (status == SensitivityAnalysisResult.Status.FAILURE) {
                    failedContingency.accept(contingency);
                }
            }
        };
        SensitivityAnalysis.find(PROVIDER).run(network, network.getVariantManager().getWorkingVariantId(), factors, writer,
                new SensitivityAnalysisRunParameters().setParameters(params).setContingencies(contingencies));
    }

    /**
     * Whether the current after the outage may reach {@code limitA}: the base current plus three times the estimated
     * increase (base active flow {@code pBefore} becoming {@code pAfter}, reactive flow and voltage as in the base
     * case). False without a limit.
     */
    private static boolean reaches(double pBefore, double pAfter, double qMvar, double kv, double limitA) {
        if (Double.isNaN(limitA)) {
            return false;
        }
        double before = Math.hypot(pBefore, qMvar) * 1000 / (Math.sqrt(3) * kv);
        double after = Math.hypot(pAfter, qMvar) * 1000 / (Math.sqrt(3) * kv);
        // An outage that does not raise a branch's current is not what overloads it, even when the branch is
        // already close to its limit in the base case.
        double increase = after - before;
        return increase > NEGLIGIBLE_SHARE * limitA && before + INCREASE_SAFETY_FACTOR * increase >= limitA;
    }

    private static double voltage(Terminal t) {
        double v = t.getBusView().getBus() == null ? Double.NaN : t.getBusView().getBus().getV();
        return Double.isNaN(v) || v <= 0 ? t.getVoltageLevel().getNominalV() : v;
    }

    private static boolean overloaded(Branch<?> b) {
        return over(b.getTerminal1().getI(), b.getCurrentLimits1()) || over(b.getTerminal2().getI(), b.getCurrentLimits2());
    }

    private static boolean over(double i, java.util.Optional<com.powsybl.iidm.network.CurrentLimits> limits) {
        return limits.isPresent() && !Double.isNaN(i) && i > limits.get().getPermanentLimit();
    }

    private static SecurityAnalysisRunParameters run(LoadFlowParameters lf, boolean dc) {
        SecurityAnalysisParameters sa = new SecurityAnalysisParameters().setLoadFlowParameters(lf);
        sa.addExtension(OpenSecurityAnalysisParameters.class, new OpenSecurityAnalysisParameters()
                .setDcFastMode(dc)
                .setCreateResultExtension(false));
        return new SecurityAnalysisRunParameters().setSecurityAnalysisParameters(sa);
    }

    /** A permanent-limit current violation (not a temporary one, which PowSyBl reports with a duration). */
    private static boolean isCurrentOverload(LimitViolation v) {
        return v.getLimitType() == LimitViolationType.CURRENT && v.getValue() > v.getLimit();
    }

    /** Keeps the worse side when both sides of a branch are reported. */
    private static List<ContingencyReport.Overload> dedupe(List<ContingencyReport.Overload> in) {
        Map<String, ContingencyReport.Overload> worst = new LinkedHashMap<>();
        for (ContingencyReport.Overload o : in) {
            worst.merge(o.branchId(), o, (a, b) -> a.loadingPercent() >= b.loadingPercent() ? a : b);
        }
        return new ArrayList<>(worst.values());
    }
}
