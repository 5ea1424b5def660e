package org.plurigrid.console.client.recording;

import java.time.Instant;
import java.util.Optional;

/** What a recording holds: rows per kind and the receive-time span of its entries. */
public record RecordingSummary(String location, long values, long alarms, long events, long ruleSets,
                               long snapshots, int points, Optional<Instant> from, Optional<Instant> to,
                               long lastSequence) {

    public long rows() {
        return values + alarms + events + ruleSets;
    }
}
