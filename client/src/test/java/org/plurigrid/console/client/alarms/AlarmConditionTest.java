package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.client.alarms.Points.good;
import static org.plurigrid.console.client.alarms.Points.voltage;
import static org.plurigrid.console.client.alarms.Points.withQuality;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/** The condition part alone: limits, deadband, rate window, quality and the on/off delay, without an engine. */
class AlarmConditionTest {

    private static final PointPattern VOLTAGE = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
    private static final PointId V = voltage("groningen-sub-01");

    private final TestClock clock = new TestClock();

    private static AlarmCondition condition(AlarmRule rule) {
        return new AlarmCondition(new AlarmKey(rule.id(), V.path()), rule, V);
    }

    private static AlarmRule high(double limit) {
        return AlarmRule.limit("v-h", VOLTAGE, AlarmKind.H, limit, AlarmPriority.MEDIUM, "Busbar voltage high");
    }

    @Test
    void becomesActiveOnlyOnceTheOnDelayHasRunOut() {
        AlarmCondition c = condition(high(1.05).withDelays(Duration.ofSeconds(10), Duration.ZERO));

        c.update(good(V, 1.07, clock), clock.instant());
        assertThat(c.raw()).isTrue();
        assertThat(c.settle(clock.instant())).as("the delay has just started").isFalse();
        assertThat(c.isSettled()).as("a delay is running").isFalse();

        clock.advanceSeconds(9);
        assertThat(c.settle(clock.instant())).isFalse();
        clock.advanceSeconds(1);
        assertThat(c.settle(clock.instant())).as("10 s later").isTrue();
        assertThat(c.active()).isTrue();
        assertThat(c.isSettled()).isTrue();
        assertThat(c.settle(clock.instant())).as("reports the change once").isFalse();
    }

    @Test
    void offDelayKeepsTheConditionActiveUntilItRunsOut() {
        AlarmCondition c = condition(high(1.05).withDelays(Duration.ZERO, Duration.ofSeconds(5)));
        c.update(good(V, 1.07, clock), clock.instant());
        assertThat(c.settle(clock.instant())).isTrue();

        clock.advanceSeconds(1);
        c.update(good(V, 1.00, clock), clock.instant());
        assertThat(c.settle(clock.instant())).isFalse();
        assertThat(c.active()).isTrue();

        clock.advanceSeconds(5);
        assertThat(c.settle(clock.instant())).isTrue();
        assertThat(c.active()).isFalse();
    }

    @Test
    void deadbandHoldsAHighConditionJustBelowTheLimit() {
        AlarmCondition c = condition(high(1.05).withDeadband(0.02));
        c.update(good(V, 1.07, clock), clock.instant());
        c.update(good(V, 1.04, clock), clock.instant());
        assertThat(c.raw()).as("1.04 is inside the 0.02 deadband").isTrue();
        c.update(good(V, 1.02, clock), clock.instant());
        assertThat(c.raw()).isFalse();
    }

    @Test
    void doubtfulValueNeitherRaisesNorClearsALimitCondition() {
        AlarmCondition c = condition(high(1.05));
        c.update(withQuality(V, 1.50, Quality.STALE, clock), clock.instant());
        assertThat(c.raw()).isFalse();

        c.update(good(V, 1.07, clock), clock.instant());
        c.update(withQuality(V, 0.90, Quality.BAD, clock), clock.instant());
        assertThat(c.raw()).isTrue();
    }

    @Test
    void rateIsMeasuredOverAtLeastTheRateWindow() {
        AlarmRule ramp = new AlarmRule("p-roc", VOLTAGE, AlarmKind.RATE_OF_CHANGE, 100, 0, Duration.ZERO,
                Duration.ZERO, AlarmPriority.LOW, "Fast ramp");
        AlarmCondition c = condition(ramp);
        c.update(good(V, 0, clock), clock.instant());
        clock.advance(Duration.ofMillis(10));
        c.update(good(V, 50, clock), clock.instant());
        assertThat(c.raw()).as("50 in 10 ms is not judged: shorter than the window").isFalse();

        clock.advance(Duration.ofMillis(990));
        c.update(good(V, 150, clock), clock.instant());
        assertThat(c.raw()).as("150 per second over one second").isTrue();
    }

    @Test
    void qualityConditionsFollowTheQuality() {
        AlarmCondition stale = condition(AlarmRule.condition("v-stale", VOLTAGE, AlarmKind.STALE, AlarmPriority.LOW,
                "Stale"));
        stale.update(withQuality(V, 1.0, Quality.STALE, clock), clock.instant());
        assertThat(stale.raw()).isTrue();
        stale.update(good(V, 1.0, clock), clock.instant());
        assertThat(stale.raw()).isFalse();
    }
}
