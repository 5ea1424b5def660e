package org.plurigrid.console.client.governance;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.WeightedVoteOption;

/**
 * A split vote: each option with a decimal weight in (0, 1], the weights summing to exactly 1 (as the gov module
 * demands; no rounding is done for the operator). At most 18 decimals, the chain's precision.
 */
public record WeightedVote(Map<VoteOption, BigDecimal> weights) {

    public WeightedVote {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("A weighted vote needs at least one option");
        }
        EnumMap<VoteOption, BigDecimal> copy = new EnumMap<>(VoteOption.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<VoteOption, BigDecimal> e : weights.entrySet()) {
            VoteOption o = e.getKey();
            BigDecimal w = e.getValue();
            java.util.Objects.requireNonNull(o, "option");
            if (w.signum() <= 0 || w.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("Weight of " + o.typedName() + " must be more than 0 and at most 1, not " + w.toPlainString());
            }
            if (w.stripTrailingZeros().scale() > 18) {
                throw new IllegalArgumentException("Weight of " + o.typedName() + " has more than 18 decimals: " + w.toPlainString());
            }
            copy.put(o, w);
            sum = sum.add(w);
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("Vote weights must sum to exactly 1, but they sum to " + sum.stripTrailingZeros().toPlainString());
        }
        weights = Collections.unmodifiableMap(copy);
    }

    /** Parses {@code yes=0.7,no=0.3}. */
    public static WeightedVote parse(String text) {
        Map<VoteOption, BigDecimal> m = new EnumMap<>(VoteOption.class);
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not OPTION=WEIGHT (e.g. yes=0.7,no=0.3)");
            }
            VoteOption o = VoteOption.parse(kv[0]);
            BigDecimal w;
            try {
                w = new BigDecimal(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Weight '" + kv[1].strip() + "' of " + kv[0].strip().toLowerCase(Locale.ROOT) + " is not a decimal number", e);
            }
            if (m.put(o, w) != null) {
                throw new IllegalArgumentException("Option " + o.typedName() + " appears twice in the weighted vote");
            }
        }
        return new WeightedVote(m);
    }

    /** As the chain takes them: weights with 18 decimals, e.g. "0.700000000000000000". */
    public java.util.List<WeightedVoteOption> toProto() {
        return weights.entrySet().stream()
                .map(e -> WeightedVoteOption.newBuilder().setOption(e.getKey().toProto())
                        .setWeight(e.getValue().setScale(18).toPlainString()).build())
                .toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((o, w) -> sb.append(sb.isEmpty() ? "" : ",").append(o.typedName()).append('=').append(w.stripTrailingZeros().toPlainString()));
        return sb.toString();
    }
}
