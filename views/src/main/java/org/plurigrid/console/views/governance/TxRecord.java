package org.plurigrid.console.views.governance;

import java.time.Instant;
import java.util.Objects;

/** One transaction the console sent this session: when, from which account, what, its hash, height and outcome. */
public record TxRecord(Instant time, String account, String what, String txHash, long height, String outcome, boolean ok) {

    public TxRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(what, "what");
        txHash = txHash == null ? "" : txHash;
        Objects.requireNonNull(outcome, "outcome");
    }
}
