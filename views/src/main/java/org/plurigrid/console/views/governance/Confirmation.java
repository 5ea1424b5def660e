package org.plurigrid.console.views.governance;

import java.util.Objects;
import org.plurigrid.console.client.chain.UnsignedTx;

/**
 * Exactly what will be signed, field by field, taken from the {@link UnsignedTx} that is then signed unchanged:
 * chain-id, account (with number and sequence), the messages as JSON, fee, gas limit and memo.
 */
public record Confirmation(String chainId, String account, long accountNumber, long sequence, String messagesJson, String fee,
        long gasLimit, long simulatedGas, String memo) {

    public Confirmation {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(messagesJson, "messagesJson");
        Objects.requireNonNull(fee, "fee");
        memo = memo == null ? "" : memo;
    }

    public static Confirmation of(UnsignedTx tx) {
        return new Confirmation(tx.chainId(), tx.signer().bech32(), tx.accountNumber(), tx.sequence(),
                tx.messagesJson(), tx.fee().amount().toString(),
                tx.fee().gasLimit(), tx.gasUsedInSimulation(), tx.memo());
    }

    /** One fact per line, for copying and for tests. */
    public String text() {
        return "Chain ID:  " + chainId + "\n"
                + "Account:   " + account + " (number " + accountNumber + ", sequence " + sequence + ")\n"
                + "Message:   " + messagesJson.replace("\n", "\n           ") + "\n"
                + "Fee:       " + fee + "\n"
                + "Gas limit: " + gasLimit + " (simulated " + simulatedGas + ")\n"
                + "Memo:      " + (memo.isEmpty() ? "(none)" : memo) + "\n";
    }
}
