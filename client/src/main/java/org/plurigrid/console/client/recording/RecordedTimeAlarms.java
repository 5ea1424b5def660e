package org.plurigrid.console.client.recording;

import java.time.Instant;

import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.telemetry.Measurement;

/**
 * An alarm engine driven in recorded time, as the live console drives it in wall time: each value at its receive
 * time, and a tick every {@link AlarmReplay#TICK} of recorded time in between. The one way replay evaluates alarms,
 * for the headless {@link AlarmReplay} and the Replay view's {@link ReplayAlarms} alike, so both raise the same.
 * Not thread-safe: one caller at a time.
 */
final class RecordedTimeAlarms {

    private final AlarmEngine engine;
    private final ReplayClock clock;
    private long nextTick;

    RecordedTimeAlarms(AlarmEngine engine, ReplayClock clock, Instant from) {
        this.engine = engine;
        this.clock = clock;
        this.nextTick = from.toEpochMilli() + AlarmReplay.TICK.toMillis();
    }

    AlarmEngine engine() {
        return engine;
    }

    /** The recorded state at the start: every point's value, then one tick. */
    void start(Iterable<RecordedValue> state, Runnable afterValues, Runnable afterTick) {
        for (RecordedValue v : state) {
            engine.accept(measurement(v));
        }
        afterValues.run();
        engine.tick();
        afterTick.run();
    }

    /** Ticks due before the value, then the value at its receive time. */
    void value(RecordedValue v, Runnable afterTick) {
        until(v.receivedMillis(), afterTick);
        clock.set(Instant.ofEpochMilli(v.receivedMillis()));
        engine.accept(measurement(v));
    }

    /** Every tick due up to {@code millis} of recorded time. */
    void until(long millis, Runnable afterTick) {
        while (nextTick <= millis) {
            clock.set(Instant.ofEpochMilli(nextTick));
            engine.tick();
            afterTick.run();
            nextTick += AlarmReplay.TICK.toMillis();
        }
    }

    static Measurement measurement(RecordedValue v) {
        return new Measurement(v.id(), v.value(), Instant.ofEpochMilli(v.sourceMillis()), v.quality(), v.unit());
    }
}
