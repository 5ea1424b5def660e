package org.plurigrid.console.client.recording;

import java.util.Objects;

/**
 * Something the console saw or did besides values and alarms: a connection change, an operator action, a chain
 * transaction (with its hash and height; {@code height} is 0 when not known or not a transaction).
 */
public record RecordedEvent(long sequence, long receivedMillis, EventKind kind, String subject, String detail,
                            String txHash, long height) implements RecordingEntry {

    /** What kind of event; stored by name. */
    public enum EventKind {
        /** A broker connection changed state (subject: connection name, detail: state and reason). */
        CONNECTION,
        /** An operator did something (subject: operator, detail: what). */
        OPERATOR_ACTION,
        /** A chain transaction (vote, DR event): subject says what, txHash and height where it landed. */
        CHAIN_TX,
        /** The recorder itself: started, recovered, rolled, dropped entries. */
        RECORDER
    }

    public RecordedEvent {
        Objects.requireNonNull(kind, "kind");
        subject = subject == null ? "" : subject;
        detail = detail == null ? "" : detail;
        txHash = txHash == null ? "" : txHash;
    }
}
