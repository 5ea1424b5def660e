package org.plurigrid.console.client.governance;

import java.math.BigInteger;
import java.util.Objects;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.TallyResult;

/** Voting power counted per option (integers, as the chain reports them). */
public record Tally(BigInteger yes, BigInteger no, BigInteger abstain, BigInteger noWithVeto) {

    public static final Tally EMPTY = new Tally(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

    public Tally {
        Objects.requireNonNull(yes, "yes");
        Objects.requireNonNull(no, "no");
        Objects.requireNonNull(abstain, "abstain");
        Objects.requireNonNull(noWithVeto, "noWithVeto");
    }

    public static Tally of(TallyResult t) {
        return new Tally(num(t.getYesCount()), num(t.getNoCount()), num(t.getAbstainCount()), num(t.getNoWithVetoCount()));
    }

    private static BigInteger num(String s) {
        return s.isEmpty() ? BigInteger.ZERO : new BigInteger(s);
    }

    public BigInteger total() {
        return yes.add(no).add(abstain).add(noWithVeto);
    }
}
