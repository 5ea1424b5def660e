package org.plurigrid.console.client.recording;

import java.util.Objects;

/** The alarm rule set in force from this point of the recording on, as the rules file text (JSON). */
public record RecordedRules(long sequence, long receivedMillis, String origin, String json)
        implements RecordingEntry {

    public RecordedRules {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(json, "json");
    }
}
