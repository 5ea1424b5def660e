package org.plurigrid.console.client.recording;

/**
 * One thing the recorder was handed, with its place in the recording: {@code sequence} orders every entry of every
 * kind (gap-free per recorder run), {@code receivedMillis} is the recorder clock when it arrived and never goes
 * backwards along the sequence, so "everything up to T" and "everything up to sequence n" agree.
 */
public sealed interface RecordingEntry permits RecordedValue, RecordedAlarm, RecordedEvent, RecordedRules {

    long sequence();

    long receivedMillis();
}
