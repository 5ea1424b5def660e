package org.plurigrid.console.client.dr;

import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code interval}: a client-chosen id, an optional own period (else the event's), and its payloads.
 */
public record DrInterval(int id, Optional<IntervalPeriod> intervalPeriod, List<ValuesMap> payloads) {
    public DrInterval {
        java.util.Objects.requireNonNull(intervalPeriod, "intervalPeriod");
        payloads = List.copyOf(payloads);
    }
}
