package org.plurigrid.console.client.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleSet;

/**
 * Alarms re-raised from recorded values as a {@link ReplayFeed} plays: at each seek a fresh {@link AlarmEngine} on
 * its own recorded-time clock starts {@link #WARM_UP} before the target (so alarms whose on-delay ran out before it
 * are up when the state is shown), then follows every value the feed applies, ticked every
 * {@link AlarmReplay#TICK} of recorded time, exactly as {@code replay --from} would. Rules: the set recorded in force
 * at the start of each run, or given ones ("what would these limits have raised?").
 * {@link #engine()} is the alarm feed the views show; it is a new engine after every seek (an empty one before
 * the first).
 */
public final class ReplayAlarms implements ReplayFeed.Listener {

    /** Recorded time evaluated before a seek target, longer than any on-delay of the shipped rules. */
    public static final Duration WARM_UP = Duration.ofSeconds(60);

    private final RecordingReader reader;
    private final Optional<AlarmRuleSet> rules;
    private final Duration warmUp;
    private volatile RecordedTimeAlarms run;

    /**
     * @param rules the rules to re-evaluate with; empty for the rules recorded in force
     */
    public ReplayAlarms(RecordingReader reader, Optional<AlarmRuleSet> rules, Instant start) {
        this(reader, rules, WARM_UP, start);
    }

    ReplayAlarms(RecordingReader reader, Optional<AlarmRuleSet> rules, Duration warmUp, Instant start) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.warmUp = Objects.requireNonNull(warmUp, "warmUp");
        ReplayClock clock = new ReplayClock(start);
        this.run = new RecordedTimeAlarms(new AlarmEngine(rules.orElse(AlarmRuleSet.of()), clock), clock, start);
    }

    /** The engine showing the alarms at the play head (a new one after every seek). */
    public AlarmEngine engine() {
        return run.engine();
    }

    /** On the loader: evaluates the warm-up before {@code t} with a fresh engine, then shows it. */
    @Override
    public void seeking(Instant t) throws RecordingException {
        Instant from = t.minus(warmUp);
        AlarmRuleSet set = AlarmReplay.rulesFor(reader, from, rules);
        ReplayClock clock = new ReplayClock(from);
        RecordedTimeAlarms next = new RecordedTimeAlarms(new AlarmEngine(set, clock), clock, from);
        Runnable nothing = () -> { };
        next.start(reader.stateAt(from), nothing, nothing);
        reader.values(from, t, v -> next.value(v, nothing));
        next.until(t.toEpochMilli(), nothing);
        run = next;
    }

    @Override
    public void applied(RecordedValue v) {
        run.value(v, () -> { });
    }

    @Override
    public void reached(long millis) {
        run.until(millis, () -> { });
    }
}
