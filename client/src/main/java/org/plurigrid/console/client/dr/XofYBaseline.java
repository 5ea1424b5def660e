package org.plurigrid.console.client.dr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The "X of Y days" baseline with a bounded day-of adjustment, where history is recorded: the device's mean import in
 * the event's wall-clock window on each of the last {@code y} days that have that window recorded (looking back at
 * most {@code 2y} calendar days), the {@code x} highest of them averaged; then scaled by the day-of ratio — the import
 * in the {@code adjustmentWindow} before the event today ÷ the same window's mean on the chosen days — bounded to
 * [{@code minAdjustment}, {@code maxAdjustment}] (no adjustment when either side is not a positive import). Fewer than
 * {@code x} days recorded: no baseline (the meter-before one is used instead). See docs/demand-response.md.
 */
public record XofYBaseline(int x, int y, Duration adjustmentWindow, double minAdjustment, double maxAdjustment) {

    /** One device's baseline and how it was made. */
    public record Result(double baselineKw, double unadjustedKw, double adjustment, List<LocalDate> days) {
        public Result {
            days = List.copyOf(days);
        }
    }

    public XofYBaseline {
        if (x < 1 || y < x) {
            throw new IllegalArgumentException("need 1 ≤ X ≤ Y, got " + x + " of " + y);
        }
        if (adjustmentWindow.isNegative() || adjustmentWindow.isZero()) {
            throw new IllegalArgumentException("the adjustment window must be positive");
        }
        if (!(minAdjustment > 0 && minAdjustment <= 1 && maxAdjustment >= 1)) {
            throw new IllegalArgumentException("need 0 < min ≤ 1 ≤ max, got " + minAdjustment + "–" + maxAdjustment);
        }
    }

    /** High 5 of 10 days, adjusted by the hour before the event, bounded to 0.8–1.2. */
    public static XofYBaseline defaults() {
        return new XofYBaseline(5, 10, Duration.ofHours(1), 0.8, 1.2);
    }

    /** The baseline of {@code d} for an event over {@code [start, end)}, days counted in {@code zone}; empty without enough history. */
    public Optional<Result> baseline(ImportHistory history, DerDevice d, Instant start, Instant end, ZoneId zone) {
        record Day(LocalDate date, double eventKw, OptionalDouble beforeKw) {
        }
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        List<Day> days = new ArrayList<>();
        for (int k = 1; k <= 2 * y && days.size() < y; k++) {
            Instant ds = s.minusDays(k).toInstant();
            Instant de = e.minusDays(k).toInstant();
            OptionalDouble kw = history.meanImportKw(d, ds, de);
            if (kw.isPresent()) {
                days.add(new Day(s.minusDays(k).toLocalDate(), kw.getAsDouble(),
                        history.meanImportKw(d, ds.minus(adjustmentWindow), ds)));
            }
        }
        if (days.size() < x) {
            return Optional.empty();
        }
        List<Day> chosen = days.stream().sorted(Comparator.comparingDouble(Day::eventKw).reversed()).limit(x).toList();
        double unadjusted = chosen.stream().mapToDouble(Day::eventKw).average().orElseThrow();
        double adjustment = 1.0;
        OptionalDouble today = history.meanImportKw(d, start.minus(adjustmentWindow), start);
        OptionalDouble then = chosen.stream().allMatch(c -> c.beforeKw().isPresent())
                ? chosen.stream().mapToDouble(c -> c.beforeKw().getAsDouble()).average() : OptionalDouble.empty();
        if (today.isPresent() && then.isPresent() && today.getAsDouble() > 0 && then.getAsDouble() > 0) {
            adjustment = Math.max(minAdjustment, Math.min(maxAdjustment, today.getAsDouble() / then.getAsDouble()));
        }
        return Optional.of(new Result(unadjusted * adjustment, unadjusted, adjustment,
                chosen.stream().map(Day::date).sorted().toList()));
    }
}
