package org.plurigrid.console.client.alarms;

import java.time.Instant;
import java.util.Objects;

/** Who shelved an alarm, why, and until when (shelving always expires, per ISA-18.2). */
public record Shelving(String operator, String reason, Instant since, Instant until) {
    public Shelving {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }
}
