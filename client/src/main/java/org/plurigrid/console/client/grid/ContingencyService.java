package org.plurigrid.console.client.grid;

import com.powsybl.contingency.Contingency;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.TieLine;
import com.powsybl.loadflow.LoadFlowParameters;
import com.powsybl.security.LimitViolation;
import com.powsybl.security.LimitViolationType;
import com.powsybl.security.SecurityAnalysis;
import com.powsybl.security.SecurityAnalysisParameters;
import com.powsybl.security.SecurityAnalysisReport;
import com.powsybl.security.SecurityAnalysisRunParameters;
import com.powsybl.security.results.PostContingencyResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * N-1 security analysis with PowSyBl on OpenLoadFlow: every in-service line, transformer and tie line is taken out
 * in turn, and the outages that would push another branch above its permanent current limit are reported.
 * Overloads already present in the base case are not blamed on the outage. AC, or DC if AC fails on the base case.
 * Run it on a background executor; the network must not change meanwhile.
 */
public final class ContingencyService {

    private static final String PROVIDER = "OpenLoadFlow";

    public ContingencyReport runN1(Network network) {
        long start = System.nanoTime();
        List<Contingency> contingencies = new ArrayList<>();
        network.getBranchStream()
                .filter(b -> b.getTerminal1().isConnected() && b.getTerminal2().isConnected())
                .forEach(b -> contingencies.add(b instanceof TieLine ? Contingency.tieLine(b.getId()) : Contingency.branch(b.getId())));

        boolean dc = !new PowerFlowRunner().run(network).mode().equals(PowerFlowResult.Mode.AC);
        LoadFlowParameters lf = new LoadFlowParameters().setDc(dc);
        SecurityAnalysisRunParameters params = new SecurityAnalysisRunParameters()
                .setSecurityAnalysisParameters(new SecurityAnalysisParameters().setLoadFlowParameters(lf));
        SecurityAnalysisReport report = SecurityAnalysis.find(PROVIDER).run(network, contingencies, params);

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
        return new ContingencyReport(contingencies.size(), overloading, dc, Duration.ofNanos(System.nanoTime() - start));
    }

    public CompletableFuture<ContingencyReport> runN1Async(Network network, Executor executor) {
        return CompletableFuture.supplyAsync(() -> runN1(network), executor);
    }

    /** A permanent-limit current violation (not a temporary one, which PowSyBl reports with a duration). */
    private static boolean isCurrentOverload(LimitViolation v) {
        return v.getLimitType() == LimitViolationType.CURRENT && v.getValue() > v.getLimit();
    }

    /** Keeps the worse side when both sides of a branch are reported. */
    private static List<ContingencyReport.Overload> dedupe(List<ContingencyReport.Overload> in) {
        java.util.Map<String, ContingencyReport.Overload> worst = new java.util.LinkedHashMap<>();
        for (ContingencyReport.Overload o : in) {
            worst.merge(o.branchId(), o, (a, b) -> a.loadingPercent() >= b.loadingPercent() ? a : b);
        }
        return new ArrayList<>(worst.values());
    }

}
