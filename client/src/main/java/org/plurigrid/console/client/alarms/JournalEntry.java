package org.plurigrid.console.client.alarms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the alarm journal.
 *
 * @param sequence increasing number, gap-free since start (lets a reader ask for "everything after n")
 * @param time     engine clock time of the event
 * @param event    what happened
 * @param key      the alarm, empty for system events (floods, out-of-service of a whole asset)
 * @param source   the alarm source or asset path
 * @param priority the alarm priority, empty for system events
 * @param state    the alarm state after the event, empty for system events
 * @param message  the alarm message or a description of the system event
 * @param operator the user name that caused it, {@value AlarmJournal#SYSTEM} for the engine itself
 * @param comment  the operator's comment or reason, empty if none
 */
public record JournalEntry(long sequence, Instant time, JournalEvent event, Optional<AlarmKey> key, String source,
                           Optional<AlarmPriority> priority, Optional<AlarmState> state, String message,
                           String operator, String comment) {

    public JournalEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(operator, "operator");
        comment = comment == null ? "" : comment;
    }
}
