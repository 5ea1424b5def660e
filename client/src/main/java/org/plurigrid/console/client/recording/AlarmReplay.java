package org.plurigrid.console.client.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

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
        AlarmRuleSet set = rulesFor(reader, from, rules);
        ReplayClock clock = new ReplayClock(from);
        AlarmEngine engine = new AlarmEngine(set, clock);
        List<JournalEntry> emitted = new ArrayList<>();
        engine.journal().addListener(emitted::add);
        List<Transition> out = new ArrayList<>();
        Runner runner = new Runner(emitted, out);
        RecordedTimeAlarms alarms = new RecordedTimeAlarms(engine, clock, from);
        alarms.start(reader.stateAt(from), () -> runner.collect(false), () -> runner.collect(true));
        reader.values(from, to, v -> {
            alarms.value(v, () -> runner.collect(true));
            runner.collect(false);
        });
        alarms.until(to.toEpochMilli(), () -> runner.collect(true));
        return new Outcome(set.origin(), rules.isEmpty(), out);
    }

    /**
     * What edited rules would have raised over a period compared with the rules recorded in force: both replayed
     * from the same recorded values, then compared alarm by alarm ("what would these limits have raised?").
     */
    public static Comparison compare(RecordingReader reader, Instant from, Instant to, AlarmRuleSet edited)
            throws RecordingException {
        Outcome recorded = run(reader, from, to, Optional.empty());
        Outcome what = run(reader, from, to, Optional.of(edited));
        Map<String, Raises> before = raises(recorded);
        Map<String, Raises> after = raises(what);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            Raises b = before.getOrDefault(key, Raises.NONE);
            Raises a = after.getOrDefault(key, Raises.NONE);
            if (!b.equals(a)) {
                differences.add(new Difference(key, a.source.isEmpty() ? b.source : a.source, b.count, a.count,
                        b.first, a.first, b.priority, a.priority));
            }
        }
        return new Comparison(recorded.rulesOrigin(), what.rulesOrigin(), total(before), total(after), differences);
    }

    private record Raises(int count, Optional<Instant> first, String priority, String source) {
        static final Raises NONE = new Raises(0, Optional.empty(), "", "");
    }

    private static Map<String, Raises> raises(Outcome o) {
        Map<String, Raises> out = new LinkedHashMap<>();
        for (Transition t : o.transitions()) {
            if (t.event().equals("RAISED")) {
                out.merge(t.alarmKey(), new Raises(1, Optional.of(t.time()), t.priority(), t.source()),
                        (a, b) -> new Raises(a.count + 1, a.first, a.priority, a.source));
            }
        }
        return out;
    }

    private static int total(Map<String, Raises> m) {
        int n = 0;
        for (Raises r : m.values()) {
            n += r.count;
        }
        return n;
    }

    /** How one alarm came out with the recorded rules and with the edited ones; only alarms that differ. */
    public record Difference(String alarmKey, String source, int raisedRecorded, int raisedEdited,
                             Optional<Instant> firstRecorded, Optional<Instant> firstEdited,
                             String priorityRecorded, String priorityEdited) {

        /** What changed, in the operator's words. */
        public String verdict() {
            if (raisedRecorded == 0) {
                return "only with the edited rules";
            }
            if (raisedEdited == 0) {
                return "no longer raised";
            }
            if (!priorityRecorded.equals(priorityEdited)) {
                return "priority " + priorityRecorded + " → " + priorityEdited;
            }
            if (raisedRecorded != raisedEdited) {
                return "raised " + raisedRecorded + " → " + raisedEdited + " times";
            }
            return "raised at another time";
        }
    }

    /** Both rule sets over one period: how many raises each gave, and the alarms that differ (by alarm key). */
    public record Comparison(String recordedOrigin, String editedOrigin, int raisedRecorded, int raisedEdited,
                             List<Difference> differences) {
        public Comparison {
            differences = List.copyOf(differences);
        }
    }

    /** {@code rules} when given, else the rule set the recording holds in force at {@code at}. */
    static AlarmRuleSet rulesFor(RecordingReader reader, Instant at, Optional<AlarmRuleSet> rules)
            throws RecordingException {
        if (rules.isPresent()) {
            return rules.get();
        }
        RecordedRules r = reader.rulesAt(at).orElseThrow(() -> new RecordingException(reader.location()
                + " holds no alarm rules; give a rules file"));
        try {
            return AlarmRuleFile.parse(r.json(), reader.location() + " (rules recorded at "
                    + Instant.ofEpochMilli(r.receivedMillis()) + ")");
        } catch (AlarmRuleFileException e) {
            throw new RecordingException("the recorded alarm rules cannot be read: " + e.getMessage(), e);
        }
    }

    static Measurement measurement(RecordedValue v) {
        return RecordedTimeAlarms.measurement(v);
    }

    private static final class Runner {
        private static final Comparator<JournalEntry> FIXED = Comparator
                .comparing((JournalEntry e) -> e.key().map(Object::toString).orElse(""))
                .thenComparing(e -> e.event().name())
                .thenComparing(JournalEntry::message);
        private final List<JournalEntry> emitted;
        private final List<Transition> out;

        Runner(List<JournalEntry> emitted, List<Transition> out) {
            this.emitted = emitted;
            this.out = out;
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
