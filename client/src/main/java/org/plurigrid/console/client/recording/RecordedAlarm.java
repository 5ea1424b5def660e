package org.plurigrid.console.client.recording;

import java.util.Objects;

import org.plurigrid.console.client.alarms.JournalEntry;

/**
 * An alarm journal entry (raise, return, acknowledge, shelve, comment, rule change, …) with who did it and why.
 *
 * @param eventMillis the alarm engine's time of the transition
 * @param alarmKey    the alarm's key as text, empty for system events
 */
public record RecordedAlarm(long sequence, long receivedMillis, long eventMillis, long journalSequence, String event,
                            String alarmKey, String source, String priority, String state, String message,
                            String operator, String comment) implements RecordingEntry {

    public RecordedAlarm {
        Objects.requireNonNull(event, "event");
        alarmKey = alarmKey == null ? "" : alarmKey;
        source = source == null ? "" : source;
        priority = priority == null ? "" : priority;
        state = state == null ? "" : state;
        message = message == null ? "" : message;
        operator = operator == null ? "" : operator;
        comment = comment == null ? "" : comment;
    }

    static RecordedAlarm of(long sequence, long receivedMillis, JournalEntry e) {
        return new RecordedAlarm(sequence, receivedMillis, e.time().toEpochMilli(), e.sequence(), e.event().name(),
                e.key().map(Object::toString).orElse(""), e.source(),
                e.priority().map(Enum::name).orElse(""), e.state().map(Enum::name).orElse(""), e.message(),
                e.operator(), e.comment());
    }
}
