package org.plurigrid.console.client.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleFileException;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.client.telemetry.Measurement;

/**
 * Re-evaluates alarms from recorded values: a fresh {@link AlarmEngine} on a {@link ReplayClock} gets the recorded
 * state at {@code from}, then every value up to {@code to} in recording order, the clock set to each value's receive
 * time and the engine ticked every {@link #TICK} of recorded time in between (as live). The same period and rules
 * always give the same sequence: the engine's own order within one tick is not defined, so transitions of one tick
 * are put in a fixed order (alarm key, event).
 */
public final class AlarmReplay {

    /** Live consoles tick the alarm engine every 250 ms; replay does the same in recorded time. */
    public static final Duration TICK = Duration.ofMillis(250);

    /** One re-evaluated transition; {@code sequence} counts from 1 in this replay. */
    public record Transition(long sequence, Instant time, String event, String alarmKey, String source,
                             String priority, String state, String message) {
    }

    /** The rules used and what they raised. */
    public record Outcome(String rulesOrigin, boolean recordedRules, List<Transition> transitions) {
        public Outcome {
            transitions = List.copyOf(transitions);
        }
    }

    private AlarmReplay() {
    }

    /**
     * @param rules the rules to evaluate with; empty to use the rule set recorded in force at {@code from}
     */
    public static Outcome run(RecordingReader reader, Instant from, Instant to, Optional<AlarmRuleSet> rules)
            throws RecordingException {
        if (to.isBefore(from)) {
            throw new RecordingException("the replay period ends (" + to + ") before it starts (" + from + ")");
        }
        AlarmRuleSet set;
        boolean recorded = rules.isEmpty();
        if (recorded) {
            RecordedRules r = reader.rulesAt(from).orElseThrow(() -> new RecordingException(reader.location()
                    + " holds no alarm rules; give a rules file"));
            try {
                set = AlarmRuleFile.parse(r.json(), reader.location() + " (rules recorded at "
                        + Instant.ofEpochMilli(r.receivedMillis()) + ")");
            } catch (AlarmRuleFileException e) {
                throw new RecordingException("the recorded alarm rules cannot be read: " + e.getMessage(), e);
            }
        } else {
            set = rules.get();
        }
        ReplayClock clock = new ReplayClock(from);
        AlarmEngine engine = new AlarmEngine(set, clock);
        List<JournalEntry> emitted = new ArrayList<>();
        engine.journal().addListener(emitted::add);
        List<Transition> out = new ArrayList<>();
        Runner runner = new Runner(engine, clock, emitted, out, from);

        for (RecordedValue v : reader.stateAt(from)) {
            engine.accept(measurement(v));
        }
        runner.collect(false);
        runner.tick();
        reader.values(from, to, v -> {
            runner.ticksUntil(v.receivedMillis());
            clock.set(Instant.ofEpochMilli(v.receivedMillis()));
            engine.accept(measurement(v));
            runner.collect(false);
        });
        runner.ticksUntil(to.toEpochMilli());
        return new Outcome(set.origin(), recorded, out);
    }

    static Measurement measurement(RecordedValue v) {
        return new Measurement(v.id(), v.value(), Instant.ofEpochMilli(v.sourceMillis()), v.quality(), v.unit());
    }

    private static final class Runner {
        private static final Comparator<JournalEntry> FIXED = Comparator
                .comparing((JournalEntry e) -> e.key().map(Object::toString).orElse(""))
                .thenComparing(e -> e.event().name())
                .thenComparing(JournalEntry::message);
        private final AlarmEngine engine;
        private final ReplayClock clock;
        private final List<JournalEntry> emitted;
        private final List<Transition> out;
        private long nextTick;

        Runner(AlarmEngine engine, ReplayClock clock, List<JournalEntry> emitted, List<Transition> out,
               Instant from) {
            this.engine = engine;
            this.clock = clock;
            this.emitted = emitted;
            this.out = out;
            this.nextTick = from.toEpochMilli() + TICK.toMillis();
        }

        void ticksUntil(long millis) {
            while (nextTick <= millis) {
                clock.set(Instant.ofEpochMilli(nextTick));
                tick();
                nextTick += TICK.toMillis();
            }
        }

        void tick() {
            engine.tick();
            collect(true);
        }

        void collect(boolean fromTick) {
            if (emitted.isEmpty()) {
                return;
            }
            if (fromTick) {
                emitted.sort(FIXED);
            }
            for (JournalEntry e : emitted) {
                out.add(new Transition(out.size() + 1, e.time(), e.event().name(),
                        e.key().map(Object::toString).orElse(""), e.source(),
                        e.priority().map(Enum::name).orElse(""), e.state().map(Enum::name).orElse(""),
                        Objects.requireNonNullElse(e.message(), "")));
            }
            emitted.clear();
        }
    }
}
