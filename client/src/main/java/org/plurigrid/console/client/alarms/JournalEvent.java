package org.plurigrid.console.client.alarms;

/** What happened to an alarm (or to the alarm system: floods, rule changes). */
public enum JournalEvent {
    RAISED,
    RETURNED_TO_NORMAL,
    ACKNOWLEDGED,
    SHELVED,
    UNSHELVED,
    SHELVING_EXPIRED,
    SUPPRESSED,
    UNSUPPRESSED,
    REMOVED_FROM_SERVICE,
    RETURNED_TO_SERVICE,
    CHATTERING,
    CHATTERING_ENDED,
    COMMENT,
    FLOOD_STARTED,
    FLOOD_ENDED,
    /** An operator added an alarm rule (management of change). */
    RULE_ADDED,
    /** An operator changed one field of an alarm rule; the message says which, from what to what. */
    RULE_CHANGED,
    /** An operator removed an alarm rule; its alarms return to normal. */
    RULE_REMOVED
}
