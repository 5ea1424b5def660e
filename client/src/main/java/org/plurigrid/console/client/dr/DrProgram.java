package org.plurigrid.console.client.dr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An OpenADR 3.1 {@code program}: the frame events belong to (name, default period, what payloads mean, targets). */
public record DrProgram(
        String id,
        String programName,
        Instant createdDateTime,
        Instant modificationDateTime,
        Optional<IntervalPeriod> intervalPeriod,
        List<PayloadDescriptor> payloadDescriptors,
        List<String> targets) {

    public DrProgram {
        DrEvent.requireObjectId(id, "program id");
        if (programName == null || programName.isEmpty() || programName.length() > 128) {
            throw new IllegalArgumentException("A program name must be 1 to 128 characters, was '" + programName + "'");
        }
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        Objects.requireNonNull(modificationDateTime, "modificationDateTime");
        Objects.requireNonNull(intervalPeriod, "intervalPeriod");
        payloadDescriptors = List.copyOf(payloadDescriptors);
        targets = List.copyOf(targets);
        targets.forEach(DrEvent::requireTarget);
    }
}
