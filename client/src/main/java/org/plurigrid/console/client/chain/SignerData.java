package org.plurigrid.console.client.chain;

import java.util.Objects;

/** What a SIGN_MODE_DIRECT signature binds besides the body: chain-id, account number and sequence. */
public record SignerData(String chainId, long accountNumber, long sequence) {
    public SignerData {
        Objects.requireNonNull(chainId, "chainId");
        if (accountNumber < 0 || sequence < 0) {
            throw new IllegalArgumentException("Account number and sequence must be 0 or more");
        }
    }
}
