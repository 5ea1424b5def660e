package org.plurigrid.console.client.alarms;

/**
 * The ISA-18.2 alarm state machine (condition × acknowledgement). Every transition is one of the methods below; a
 * method returns the same state when the event does not apply, so the engine can tell "nothing happened".
 *
 * <pre>
 * CLEARED ──activate──► UNACKNOWLEDGED ──ack──► ACKNOWLEDGED ──return──► CLEARED
 *                         │    ▲                                        ▲
 *                      return  activate                                ack
 *                         ▼    │                                        │
 *                     RETURNED_UNACKNOWLEDGED ──────────────────────────┘
 * </pre>
 */
public enum AlarmState {
    /** Condition active, not yet acknowledged: annunciated and flashing. */
    UNACKNOWLEDGED,
    /** Condition active, acknowledged by an operator. */
    ACKNOWLEDGED,
    /** Condition gone, but nobody acknowledged the alarm yet: it stays in the list until acknowledged. */
    RETURNED_UNACKNOWLEDGED,
    /** Normal: the alarm leaves the list. */
    CLEARED;

    /** The condition became active (after its on-delay). */
    public AlarmState activate() {
        return switch (this) {
            case CLEARED, RETURNED_UNACKNOWLEDGED -> UNACKNOWLEDGED;
            case UNACKNOWLEDGED, ACKNOWLEDGED -> this;
        };
    }

    /** The condition returned to normal (after its off-delay and deadband). */
    public AlarmState returnToNormal() {
        return switch (this) {
            case UNACKNOWLEDGED -> RETURNED_UNACKNOWLEDGED;
            case ACKNOWLEDGED -> CLEARED;
            case RETURNED_UNACKNOWLEDGED, CLEARED -> this;
        };
    }

    /** An operator acknowledged the alarm (allowed while active or after return to normal). */
    public AlarmState acknowledge() {
        return switch (this) {
            case UNACKNOWLEDGED -> ACKNOWLEDGED;
            case RETURNED_UNACKNOWLEDGED -> CLEARED;
            case ACKNOWLEDGED, CLEARED -> this;
        };
    }

    /**
     * The condition returned to normal while the alarm was hidden (shelved, suppressed, out of service): nobody saw it,
     * so nobody has to acknowledge it.
     */
    public AlarmState returnToNormalUnseen() {
        return switch (this) {
            case UNACKNOWLEDGED, ACKNOWLEDGED, RETURNED_UNACKNOWLEDGED -> CLEARED;
            case CLEARED -> this;
        };
    }

    public boolean isUnacknowledged() {
        return this == UNACKNOWLEDGED || this == RETURNED_UNACKNOWLEDGED;
    }

    public boolean isConditionActive() {
        return this == UNACKNOWLEDGED || this == ACKNOWLEDGED;
    }
}
