package org.plurigrid.console.client.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class XofYBaselineTest {

    static final DerDevice LOAD = new DerDevice("cg-a", "sub-1", "load-1");
    static final ZoneId UTC = ZoneOffset.UTC;
    // the event: 2026-12-03 17:00–18:00 UTC
    static final Instant START = Instant.parse("2026-12-03T17:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(1));

    /** Day k before the event: k kW in the event hour, 10 kW in the hour before; today 12 kW before the event. */
    static final ImportHistory TEN_DAYS = (d, from, to) -> {
        long daysBack = Duration.between(from, START).toDays();
        boolean eventHour = from.atZone(UTC).getHour() == 17;
        if (daysBack == 0 && !eventHour) {
            return OptionalDouble.of(12);
        }
        if (daysBack < 1 || daysBack > 10) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(eventHour ? daysBack : 10);
    };

    @Test
    void averagesTheHighestXOfTheLastYDaysThenScalesByTheBoundedDayOfRatio() {
        XofYBaseline.Result r = XofYBaseline.defaults().baseline(TEN_DAYS, LOAD, START, END, UTC).orElseThrow();

        assertThat(r.unadjustedKw()).as("mean of the 5 highest: 10, 9, 8, 7, 6").isEqualTo(8.0);
        assertThat(r.adjustment()).as("12 kW today before the event ÷ 10 kW those days").isEqualTo(1.2);
        assertThat(r.baselineKw()).isCloseTo(9.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.days()).containsExactly(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25),
                LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27));
    }

    @Test
    void theDayOfAdjustmentIsBounded() {
        ImportHistory hotDay = (d, from, to) -> Duration.between(from, START).toDays() == 0
                && from.atZone(UTC).getHour() != 17 ? OptionalDouble.of(100) : TEN_DAYS.meanImportKw(d, from, to);
        assertThat(XofYBaseline.defaults().baseline(hotDay, LOAD, START, END, UTC).orElseThrow().adjustment()).isEqualTo(1.2);
        ImportHistory quietDay = (d, from, to) -> Duration.between(from, START).toDays() == 0
                && from.atZone(UTC).getHour() != 17 ? OptionalDouble.of(1) : TEN_DAYS.meanImportKw(d, from, to);
        assertThat(XofYBaseline.defaults().baseline(quietDay, LOAD, START, END, UTC).orElseThrow().adjustment()).isEqualTo(0.8);
    }

    @Test
    void daysWithoutHistoryAreSkippedAndTooFewGiveNoBaseline() {
        ImportHistory everyOtherDay = (d, from, to) -> Duration.between(from, START).toDays() % 2 == 0
                ? OptionalDouble.empty() : TEN_DAYS.meanImportKw(d, from, to);
        // days 1, 3, 5, 7, 9 recorded (11+ not): five, so a 5-of-10 baseline still stands
        assertThat(XofYBaseline.defaults().baseline(everyOtherDay, LOAD, START, END, UTC)).isPresent();
        ImportHistory threeDays = (d, from, to) -> Duration.between(from, START).toDays() > 3
                ? OptionalDouble.empty() : TEN_DAYS.meanImportKw(d, from, to);
        assertThat(XofYBaseline.defaults().baseline(threeDays, LOAD, START, END, UTC)).isEmpty();
    }

    @Test
    void refusesParametersThatMakeNoBaseline() {
        assertThatThrownBy(() -> new XofYBaseline(6, 5, Duration.ofHours(1), 0.8, 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new XofYBaseline(5, 10, Duration.ZERO, 0.8, 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new XofYBaseline(5, 10, Duration.ofHours(1), 1.1, 1.2)).isInstanceOf(IllegalArgumentException.class);
    }
}
