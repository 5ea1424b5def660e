package org.plurigrid.console.client.grid;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Result of an N-1 analysis: how many single outages were simulated, and those that would overload something,
 * worst first. {@code dc} tells whether the analysis ran in DC (AC did not converge on the base case);
 * {@code screenedOut} how many outages a DC pass showed could not overload anything, so AC did not solve them.
 */
public record ContingencyReport(int contingencies, List<Outcome> overloading, boolean dc, Duration elapsed,
                                int screenedOut) {

    /** A report without screening. */
    public ContingencyReport(int contingencies, List<Outcome> overloading, boolean dc, Duration elapsed) {
        this(contingencies, overloading, dc, elapsed, 0);
    }

    /** A branch that would run above its permanent limit after the outage. */
    public record Overload(String branchId, double currentA, double limitA) {
        public Overload {
            Objects.requireNonNull(branchId, "branchId");
        }

        public double loadingPercent() {
            return limitA > 0 ? currentA / limitA * 100 : Double.NaN;
        }
    }

    /** One outage (the branch taken out) and what it would overload; {@code status} is PowSyBl's computation status. */
    public record Outcome(String outagedBranchId, String status, List<Overload> overloads) {
        public Outcome {
            Objects.requireNonNull(outagedBranchId, "outagedBranchId");
            overloads = overloads.stream().sorted(Comparator.comparingDouble(Overload::loadingPercent).reversed()).toList();
        }

        public double worstLoadingPercent() {
            return overloads.isEmpty() ? 0 : overloads.get(0).loadingPercent();
        }
    }

    public ContingencyReport {
        overloading = overloading.stream()
                .sorted(Comparator.comparingDouble(Outcome::worstLoadingPercent).reversed()).toList();
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The outage that would do the most harm, for showing on the map. */
    public Optional<Outcome> worst() {
        return overloading.stream().findFirst();
    }
}
