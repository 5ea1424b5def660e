package org.plurigrid.console.views.governance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.Tally;

/**
 * A proposal's tally as the screen draws it: each option's share of the votes cast (percent), turnout and quorum
 * (percent of bonded voting power), and whether the no-with-veto share is near or past the veto threshold — the one
 * abnormal condition the tally shows in colour.
 */
public record TallyFigures(double yes, double no, double abstain, double noWithVeto, double turnout, double quorum,
        double vetoThreshold, boolean quorumReached, boolean vetoAtRisk, boolean vetoReached) {

    /** Warn once the veto share reaches this part of the threshold, before it is crossed. */
    static final BigDecimal AT_RISK_PART = new BigDecimal("0.75");

    public static TallyFigures of(ProposalSummary p, BigDecimal vetoThreshold) {
        Tally t = p.tally();
        BigInteger total = t.total();
        BigDecimal veto = share(t.noWithVeto(), total);
        return new TallyFigures(pct(share(t.yes(), total)), pct(share(t.no(), total)), pct(share(t.abstain(), total)), pct(veto),
                pct(p.turnout()), pct(p.quorum()), pct(vetoThreshold), p.quorumReached(),
                total.signum() > 0 && veto.compareTo(vetoThreshold.multiply(AT_RISK_PART)) >= 0,
                total.signum() > 0 && veto.compareTo(vetoThreshold) >= 0);
    }

    private static BigDecimal share(BigInteger part, BigInteger total) {
        return total.signum() == 0 ? BigDecimal.ZERO : new BigDecimal(part).divide(new BigDecimal(total), 6, RoundingMode.HALF_UP);
    }

    private static double pct(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
