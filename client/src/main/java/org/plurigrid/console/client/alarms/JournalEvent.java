package org.plurigrid.console.client.alarms;

/** What happened to an alarm (or to the alarm system, for floods). */
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
    FLOOD_ENDED
}
