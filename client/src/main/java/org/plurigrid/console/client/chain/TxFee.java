package org.plurigrid.console.client.chain;

import java.util.Objects;

/** The fee and gas limit a transaction offers. */
public record TxFee(CoinAmount amount, long gasLimit) {

    public TxFee {
        Objects.requireNonNull(amount, "amount");
        if (gasLimit <= 0) {
            throw new IllegalArgumentException("Gas limit must be positive, not " + gasLimit);
        }
    }

    @Override
    public String toString() {
        return amount + " for up to " + gasLimit + " gas";
    }
}
