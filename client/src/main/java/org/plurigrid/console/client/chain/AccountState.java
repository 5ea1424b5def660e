package org.plurigrid.console.client.chain;

import java.util.Objects;

/** An account's number and next sequence, as the auth module reports them. */
public record AccountState(String address, long accountNumber, long sequence) {
    public AccountState {
        Objects.requireNonNull(address, "address");
    }
}
