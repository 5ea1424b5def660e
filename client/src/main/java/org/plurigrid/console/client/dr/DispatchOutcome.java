package org.plurigrid.console.client.dr;

import org.plurigrid.console.client.chain.TxOutcome;

/** How a dispatch ended; a {@code switch} makes every caller handle every case. Only {@link Dispatched} commanded devices. */
public sealed interface DispatchOutcome {

    /** Included on chain and devices commanded; the live event tracks their acknowledgements. */
    record Dispatched(LiveEvent event) implements DispatchOutcome {
    }

    /** Refused before anything was signed: a limit, an overlap, no devices. The message says which. */
    record Refused(String reason) implements DispatchOutcome {
    }

    /** The chain refused the transaction (its code and words); no device was commanded. */
    record Rejected(TxOutcome.Rejected rejection) implements DispatchOutcome {
    }

    /** Broadcast but not seen in a block in time; no device was commanded (it may still be included). */
    record Unconfirmed(TxOutcome.TimedOut timedOut) implements DispatchOutcome {
    }
}
