package org.plurigrid.console.client.chain;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plurigrid.console.client.chain.proto.cosmos.base.v1beta1.Coin;

/** An integer amount of one denom, written like the SDK does: {@code 5000ucosm}. */
public record CoinAmount(BigInteger amount, String denom) {

    private static final Pattern TEXT = Pattern.compile("([0-9]+)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})");

    public CoinAmount {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(denom, "denom");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("A coin amount cannot be negative: " + amount + denom);
        }
    }

    public static CoinAmount of(long amount, String denom) {
        return new CoinAmount(BigInteger.valueOf(amount), denom);
    }

    /** Parses {@code 5000ucosm}. */
    public static CoinAmount parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an amount: expected digits then a denom, e.g. 5000ucosm");
        }
        return new CoinAmount(new BigInteger(m.group(1)), m.group(2));
    }

    public static CoinAmount of(Coin coin) {
        return new CoinAmount(coin.getAmount().isEmpty() ? BigInteger.ZERO : new BigInteger(coin.getAmount()), coin.getDenom());
    }

    public Coin toProto() {
        return Coin.newBuilder().setDenom(denom).setAmount(amount.toString()).build();
    }

    @Override
    public String toString() {
        return amount + denom;
    }
}
