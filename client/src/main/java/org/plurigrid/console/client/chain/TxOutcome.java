package org.plurigrid.console.client.chain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How a submitted transaction ended. A {@code switch} over it makes every caller handle every case. */
public sealed interface TxOutcome {

    /** Included in a block and executed successfully. */
    record Included(String txHash, long height, long gasUsed, long gasWanted, List<TxEvent> events) implements TxOutcome {
        public Included {
            Objects.requireNonNull(txHash, "txHash");
            events = List.copyOf(events);
        }
    }

    /**
     * Refused at {@code step} with the chain's code, codespace and log (its own words). {@code txHash} is present when
     * the transaction reached the chain (a broadcast check failure or an execution failure in a block).
     */
    record Rejected(TxStep step, int code, String codespace, String log, Optional<String> txHash, long height) implements TxOutcome {
        public Rejected {
            Objects.requireNonNull(step, "step");
            codespace = codespace == null ? "" : codespace;
            log = log == null ? "" : log;
            Objects.requireNonNull(txHash, "txHash");
        }

        /** One line for the operator: which step and the chain's reason. */
        public String message() {
            String where = switch (step) {
                case CONNECT -> "Could not reach the chain";
                case ACCOUNT -> "Could not read the account";
                case SIMULATE -> "The chain refused the transaction when estimating gas";
                case SIGN -> "Could not sign";
                case BROADCAST -> "The node refused the transaction";
                case INCLUSION -> "The transaction failed in block " + height;
            };
            String c = code == 0 ? "" : " (" + (codespace.isEmpty() ? "" : codespace + " ") + "code " + code + ")";
            return where + c + ": " + log;
        }
    }

    /** Broadcast, but not seen in a block within the wait; it may still be included later. */
    record TimedOut(String txHash, Duration waited) implements TxOutcome {
        public TimedOut {
            Objects.requireNonNull(txHash, "txHash");
            Objects.requireNonNull(waited, "waited");
        }
    }
}
