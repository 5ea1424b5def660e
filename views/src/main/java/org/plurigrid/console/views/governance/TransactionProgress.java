package org.plurigrid.console.views.governance;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxStep;

/**
 * One transaction's way to the chain as the operator reads it: "signed → broadcast → included at height 7", or the
 * step that failed with the chain's message. FX thread only.
 */
public final class TransactionProgress {

    private static final String WAITING = "waiting for a block";

    private final List<String> steps = new ArrayList<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** "signed → broadcast → included at height 7", or "". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Why the last step failed (the chain's message), or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Forgets the previous transaction. */
    public void start() {
        steps.clear();
        text.set("");
        error.set("");
    }

    public void step(TxStep step) {
        String word = switch (step) {
            case SIGN -> "signed";
            case BROADCAST -> "broadcast";
            case INCLUSION -> WAITING;
            default -> null;
        };
        if (word != null && (steps.isEmpty() || !steps.get(steps.size() - 1).equals(word))) {
            steps.add(word);
            text.set(String.join(" → ", steps));
        }
    }

    /** Shows how it ended; returns the outcome's line for the session history. */
    public String finish(TxOutcome outcome) {
        steps.remove(WAITING);
        return switch (outcome) {
            case TxOutcome.Included inc -> {
                steps.add("included at height " + inc.height());
                text.set(String.join(" → ", steps));
                yield "included";
            }
            case TxOutcome.Rejected r -> {
                steps.add("failed at " + stepName(r.step()));
                text.set(String.join(" → ", steps));
                error.set(r.message());
                yield "failed at " + stepName(r.step()) + ": " + r.log();
            }
            case TxOutcome.TimedOut t -> {
                error.set("Broadcast as " + t.txHash() + " but not in a block after " + t.waited().toSeconds()
                        + " s; it may still be included");
                yield "not yet in a block";
            }
        };
    }

    /** A problem before anything was sent (preparing, reading the account). */
    public void fail(String message) {
        error.set(message);
    }

    public void clearError() {
        error.set("");
    }

    static String stepName(TxStep step) {
        return switch (step) {
            case CONNECT -> "connect";
            case ACCOUNT -> "account";
            case SIMULATE -> "gas estimate";
            case SIGN -> "signing";
            case BROADCAST -> "broadcast";
            case INCLUSION -> "inclusion";
        };
    }
}
