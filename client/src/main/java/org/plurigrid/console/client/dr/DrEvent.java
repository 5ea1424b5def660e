package org.plurigrid.console.client.dr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An OpenADR 3.1 {@code event}: a demand-response request of a program to its targets, as intervals of payloads. Field
 * names follow the specification; {@link OpenAdrJson} reads and writes its JSON.
 */
public record DrEvent(
        String id,
        String programId,
        Optional<String> eventName,
        Instant createdDateTime,
        Instant modificationDateTime,
        Optional<Integer> priority,
        List<String> targets,
        List<PayloadDescriptor> payloadDescriptors,
        Optional<IntervalPeriod> intervalPeriod,
        List<DrInterval> intervals) {

    /** OpenADR objectID: URL safe, 1 to 128 characters. */
    static final Pattern OBJECT_ID = Pattern.compile("[a-zA-Z0-9_-]{1,128}");

    public DrEvent {
        requireObjectId(id, "event id");
        requireObjectId(programId, "programID");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        Objects.requireNonNull(modificationDateTime, "modificationDateTime");
        Objects.requireNonNull(priority, "priority");
        if (priority.isPresent() && priority.get() < 0) {
            throw new IllegalArgumentException("Priority must be 0 or more (0 is the highest), was " + priority.get());
        }
        targets = List.copyOf(targets);
        for (String t : targets) {
            requireTarget(t);
        }
        payloadDescriptors = List.copyOf(payloadDescriptors);
        Objects.requireNonNull(intervalPeriod, "intervalPeriod");
        intervals = List.copyOf(intervals);
    }

    static void requireObjectId(String id, String what) {
        if (id == null || !OBJECT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("The " + what + " must be 1 to 128 letters, digits, '_' or '-', was '" + id + "'");
        }
    }

    static void requireTarget(String t) {
        if (t == null || t.isBlank() || t.length() > 128) {
            throw new IllegalArgumentException("A target must be 1 to 128 characters, was '" + t + "'");
        }
    }

    /**
     * A single-interval event: {@code value} of {@code type} in {@code units} for the whole period, the common shape of a
     * dispatch.
     */
    public static DrEvent single(String id, String programId, Instant created, List<String> targets, PayloadType type,
                                 String units, double value, IntervalPeriod period, Optional<Integer> priority) {
        return new DrEvent(id, programId, Optional.of(type.name().toLowerCase(java.util.Locale.ROOT) + " " + String.join(",", targets)),
                created, created, priority, targets, List.of(new PayloadDescriptor(type, units)), Optional.of(period),
                List.of(new DrInterval(0, Optional.empty(), List.of(ValuesMap.of(type.name(), value)))));
    }

    /**
     * This event cancelled the way the OpenADR 3.1 User Guide (7.9) describes: its window and every interval's set to
     * start "0001-01-01" with duration PT0S, so no VEN acts on it any more.
     */
    public DrEvent cancelled(Instant at) {
        List<DrInterval> cancelledIntervals = intervals.stream()
                .map(i -> new DrInterval(i.id(), i.intervalPeriod().map(p -> IntervalPeriod.cancelled()), i.payloads())).toList();
        return new DrEvent(id, programId, eventName, createdDateTime, at, priority, targets, payloadDescriptors,
                Optional.of(IntervalPeriod.cancelled()), cancelledIntervals);
    }

    public boolean isCancelled() {
        return intervalPeriod.map(IntervalPeriod::isCancelled).orElse(false);
    }

    /** The first payload value of the first interval of {@code type}, if any. */
    public Optional<Double> firstValue(PayloadType type) {
        return intervals.stream().flatMap(i -> i.payloads().stream()).filter(p -> p.type().equals(type.name()))
                .flatMap(p -> p.values().stream()).findFirst();
    }
}
