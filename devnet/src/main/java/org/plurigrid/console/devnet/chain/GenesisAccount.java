package org.plurigrid.console.devnet.chain;

import java.util.Objects;

/** An account funded at genesis: its address, liquid balance in the fee denom, and bonded stake (its voting power). */
public record GenesisAccount(String address, long balance, long bonded) {
    public GenesisAccount {
        Objects.requireNonNull(address, "address");
        if (balance < 0 || bonded < 0) {
            throw new IllegalArgumentException("Genesis balances cannot be negative");
        }
    }
}
