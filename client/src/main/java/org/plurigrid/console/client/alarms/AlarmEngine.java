package org.plurigrid.console.client.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.plurigrid.console.client.alarms.AlarmRecord.NodeRef;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * The alarm system (ISA-18.2 / IEC 62682): evaluates every measurement against the rules, runs the alarm state
 * machine, and journals every transition. A façade over small parts, each with one job: {@link AlarmConditions} and
 * {@link AlarmCondition} (which conditions a point feeds; limits, rates, quality; on/off delays),
 * {@link AlarmSuppression} (suppressed by design, shelved, out of service), {@link ChatterFloodWatch} (chattering and
 * flood windows), {@link AlarmTransitions} (the state machine and what follows from it, node liveness and time) and
 * {@link AlarmTable} (the rows, the drain, and the journal every change goes through). The engine itself holds the
 * locks and runs the operator commands and the rule swap.
 *
 * <p>Threads: {@link #accept(Measurement)} is called on the telemetry I/O thread for every decoded measurement; it
 * never blocks on I/O and, unless an alarm changes state, only takes the (uncontended) lock of the conditions the
 * point feeds. {@link #tick()} must be called periodically (e.g. every 250 ms) so on/off delays, shelving expiry and
 * the chatter/flood windows advance without new data. Operator commands and the feed methods may be called from any
 * thread (the UI's). Lock order: condition, then engine; the engine never takes a condition lock.
 *
 * <p>Time comes only from the injected {@link InstantSource} (rate of change uses the measurements' own times).
 */
public final class AlarmEngine implements AlarmFeed, AlarmCommands, Consumer<Measurement> {

    /** Why every change to alarms or their rules is refused to someone not signed in; one wording for all. */
    private static final String NOT_SIGNED_IN = "Only a signed-in operator can change alarms.";

    private final InstantSource clock;
    private final AlarmEngineSettings settings;
    /** Replaced by replaceRules() under the write lock of rulesLock. */
    private volatile AlarmRuleSet ruleSet;
    /**
     * Held for reading while measurements are evaluated, for writing while the rules are replaced: a measurement is
     * judged entirely by the old rules or entirely by the new ones. Lock order: rulesLock, condition, engine.
     * Measured cost on the hot path: ~5 ns per measurement (21 M → 19 M evaluations/s on one thread, warm). Reentrant,
     * so a journal listener that feeds a measurement back while rules are replaced does not deadlock.
     */
    private final ReentrantReadWriteLock rulesLock = new ReentrantReadWriteLock();
    private final LongAdder evaluations = new LongAdder();
    // Hot path: concurrent, touched without the engine lock.
    private final AlarmConditions conditions;

    // Guarded by lock.
    private final Object lock = new Object();
    private final AlarmTable table;
    private final AlarmSuppression suppression;
    private final ChatterFloodWatch chatterFlood;
    private final AlarmTransitions transitions;

    /**
     * @param rules    the rules to run (see {@link AlarmRuleFile} to load them)
     * @param clock    the only source of time (delays, shelving, windows)
     * @param settings chatter/flood/shelving/journal tuning
     * @param journal  where transitions go; share it with the recorder through its listener
     */
    public AlarmEngine(AlarmRuleSet rules, InstantSource clock, AlarmEngineSettings settings, AlarmJournal journal) {
        this.ruleSet = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.table = new AlarmTable(Objects.requireNonNull(journal, "journal"));
        this.conditions = new AlarmConditions(rules);
        this.suppression = new AlarmSuppression(table, rules);
        this.chatterFlood = new ChatterFloodWatch(settings);
        this.transitions = new AlarmTransitions(settings, table, suppression, chatterFlood);
    }

    /** An engine with default settings and its own journal. */
    public AlarmEngine(AlarmRuleSet rules, InstantSource clock) {
        this(rules, clock, AlarmEngineSettings.DEFAULTS, new AlarmJournal(AlarmEngineSettings.DEFAULTS.journalCapacity()));
    }

    public AlarmRuleSet rules() {
        return ruleSet;
    }

    public AlarmEngineSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------------------------------------ rule changes

    /**
     * Run {@code next} from now on, without a restart (ISA-18.2 management of change). Every difference is journaled
     * with the operator's name: one entry per added or removed rule and per changed field ({@code limit 1.1 → 1.12}).
     *
     * <p>Alarms keep their state when their rule still exists with the same kind and still matches their point:
     * a changed limit, deadband or delay takes effect with the point's next measurement, a changed priority or
     * message at once. Alarms of removed rules (or of rules whose kind changed or that no longer match the point)
     * return to normal as their state allows: an acknowledged one clears, an unacknowledged one waits for an
     * acknowledgement, a hidden one clears unseen. New rules see each point from its next measurement on.
     *
     * @return the changes applied, empty if {@code next} equals the running rules
     */
    public List<AlarmRuleChange> replaceRules(AlarmRuleSet next, String operator) {
        Objects.requireNonNull(next, "next");
        if (!signedIn(operator)) {
            throw new IllegalArgumentException(NOT_SIGNED_IN);
        }
        ReentrantReadWriteLock.WriteLock write = rulesLock.writeLock();
        write.lock();
        try {
            List<AlarmRuleChange> changes = AlarmRuleChange.between(ruleSet, next);
            // No measurement is being evaluated now (write lock): conditions can be changed without their monitors.
            Map<AlarmKey, String> retired = conditions.rebind(next, operator);
            Map<String, AlarmRule> byId = new HashMap<>();
            next.rules().forEach(r -> byId.put(r.id(), r));
            ruleSet = next;
            suppression.useRules(next);
            synchronized (lock) {
                Instant now = clock.instant();
                for (AlarmRuleChange change : changes) {
                    JournalEvent event = switch (change) {
                        case AlarmRuleChange.Added a -> JournalEvent.RULE_ADDED;
                        case AlarmRuleChange.Removed r -> JournalEvent.RULE_REMOVED;
                        case AlarmRuleChange.Changed c -> JournalEvent.RULE_CHANGED;
                    };
                    // the source column names the rule
                    table.entry(now, event, change.ruleId(), Optional.empty(), change.describe(), operator, "");
                }
                for (AlarmRecord r : new ArrayList<>(table.rows())) {
                    String why = retired.get(r.key);
                    AlarmRule rule = byId.get(r.key.ruleId());
                    if (why == null && rule == null && r.state.isConditionActive()) {
                        why = "rule " + r.key.ruleId() + " was removed by " + operator; // no condition left over
                    }
                    if (rule != null && rule.kind() == r.rule.kind() && !rule.equals(r.rule)) {
                        r.useRule(rule);
                        table.markDirty(r.key);
                    }
                    if (why != null) {
                        transitions.returnToNormal(r, now, why);
                    }
                }
                transitions.reflagAllSuppressed(now, "alarm rules changed");
                table.changed();
            }
            return changes;
        } finally {
            write.unlock();
        }
    }

    // ------------------------------------------------------------------------------------------------ hot path

    /** Evaluate one measurement. Called on the telemetry thread for every decoded value; cheap and non-blocking. */
    @Override
    public void accept(Measurement m) {
        evaluations.increment();
        PointId id = m.id();
        if (id.device().isEmpty()) {
            trackNodeLiveness(id, m.quality() == Quality.COMMS_LOST);
        }
        ReentrantReadWriteLock.ReadLock read = rulesLock.readLock();
        read.lock();
        try {
            AlarmCondition[] bound = conditions.forPoint(id);
            if (bound.length == 0) {
                return;
            }
            Instant now = clock.instant();
            for (AlarmCondition c : bound) {
                synchronized (c) {
                    c.update(m, now);
                    settle(c, now);
                }
            }
        } finally {
            read.unlock();
        }
    }

    /** Advance time-based behaviour: on/off delays, shelving expiry, chattering and flood windows. */
    public void tick() {
        Instant now = clock.instant();
        ReentrantReadWriteLock.ReadLock read = rulesLock.readLock();
        read.lock();
        try {
            conditions.settlePending(c -> settle(c, now));
        } finally {
            read.unlock();
        }
        synchronized (lock) {
            transitions.advance(now);
        }
    }

    /** Measurements evaluated since start. */
    public long evaluations() {
        return evaluations.sum();
    }

    /** Alarms raised since start by priority (hidden ones included), for {@code telemetry stats}. */
    public Map<AlarmPriority, Long> raisedByPriority() {
        synchronized (lock) {
            return table.raisedByPriority();
        }
    }

    /** Called with the condition's lock held: a debounced change goes to the state machine, a running delay waits. */
    private void settle(AlarmCondition c, Instant now) {
        if (c.settle(now)) {
            conditionChanged(c, now);
        } else if (!c.isSettled()) {
            conditions.queue(c);
        }
    }

    private void trackNodeLiveness(PointId id, boolean dead) {
        if (!dead && !suppression.anyNodeDead()) {
            return;
        }
        NodeRef node = NodeRef.of(id);
        if (suppression.isNodeDead(node) == dead) {
            return;
        }
        synchronized (lock) {
            boolean changed = dead ? suppression.nodeDied(node) : suppression.nodeRevived(node);
            if (changed) {
                transitions.nodeLivenessChanged(node, dead, clock.instant());
            }
        }
    }

    private void conditionChanged(AlarmCondition c, Instant now) {
        synchronized (lock) {
            transitions.conditionChanged(c, now);
        }
    }

    // ------------------------------------------------------------------------------------------------ commands

    @Override
    public CommandResult acknowledge(AlarmKey key, String operator, String comment) {
        if (!signedIn(operator)) {
            return CommandResult.rejected(NOT_SIGNED_IN);
        }
        synchronized (lock) {
            AlarmRecord r = table.get(key);
            if (r == null) {
                return CommandResult.rejected("The alarm " + key + " is no longer in the list.");
            }
            AlarmState next = r.state.acknowledge();
            if (next == r.state) {
                return CommandResult.rejected("The alarm " + key + " is already acknowledged.");
            }
            Instant now = clock.instant();
            r.state = next;
            r.changedAt = now;
            r.acknowledgedBy = operator;
            if (comment != null && !comment.isBlank()) {
                r.lastComment = comment;
            }
            table.record(r, JournalEvent.ACKNOWLEDGED, now, operator, comment);
            table.removeIfCleared(r);
            return CommandResult.APPLIED;
        }
    }

    @Override
    public int acknowledgeAll(Collection<AlarmKey> keys, String operator) {
        int n = 0;
        synchronized (lock) {
            for (AlarmKey k : keys) {
                AlarmRecord r = table.get(k);
                if (r != null && r.state.isUnacknowledged() && acknowledge(k, operator, "").isApplied()) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public CommandResult shelve(AlarmKey key, String operator, String reason, Duration duration) {
        if (!signedIn(operator)) {
            return CommandResult.rejected(NOT_SIGNED_IN);
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.rejected("Shelving needs a reason.");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            return CommandResult.rejected("Shelving needs a positive duration.");
        }
        if (duration.compareTo(settings.maxShelveDuration()) > 0) {
            return CommandResult.rejected("Shelving is limited to " + settings.maxShelveDuration().toHours() + " h.");
        }
        synchronized (lock) {
            AlarmRecord r = table.get(key);
            if (r == null) {
                return CommandResult.rejected("The alarm " + key + " is no longer in the list.");
            }
            Instant now = clock.instant();
            suppression.shelve(key, new Shelving(operator, reason, now, now.plus(duration)));
            table.stamp(r, JournalEvent.SHELVED, now, operator, reason + " (for " + human(duration) + ")");
            return CommandResult.APPLIED;
        }
    }

    @Override
    public CommandResult unshelve(AlarmKey key, String operator) {
        if (!signedIn(operator)) {
            return CommandResult.rejected(NOT_SIGNED_IN);
        }
        synchronized (lock) {
            if (!suppression.unshelve(key)) {
                return CommandResult.rejected("The alarm " + key + " is not shelved.");
            }
            Instant now = clock.instant();
            AlarmRecord r = table.get(key);
            if (r != null) {
                table.stamp(r, JournalEvent.UNSHELVED, now, operator, "");
            } else {
                table.entry(now, JournalEvent.UNSHELVED, key.source(), Optional.of(key), "unshelved", operator, "");
            }
            return CommandResult.APPLIED;
        }
    }

    @Override
    public CommandResult comment(AlarmKey key, String operator, String text) {
        if (!signedIn(operator)) {
            return CommandResult.rejected(NOT_SIGNED_IN);
        }
        if (text == null || text.isBlank()) {
            return CommandResult.rejected("The comment is empty.");
        }
        synchronized (lock) {
            AlarmRecord r = table.get(key);
            if (r == null) {
                return CommandResult.rejected("The alarm " + key + " is no longer in the list.");
            }
            r.lastComment = text;
            table.record(r, JournalEvent.COMMENT, clock.instant(), operator, text);
            return CommandResult.APPLIED;
        }
    }

    @Override
    public CommandResult removeFromService(String pathPrefix, String operator, String reason) {
        if (!signedIn(operator)) {
            return CommandResult.rejected(NOT_SIGNED_IN);
        }
        if (pathPrefix == null || pathPrefix.isBlank()) {
            return CommandResult.rejected("Say which asset to take out of service.");
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.rejected("Taking an asset out of service needs a reason.");
        }
        synchronized (lock) {
            if (!suppression.removeFromService(pathPrefix, reason)) {
                return CommandResult.rejected(pathPrefix + " is already out of service.");
            }
            Instant now = clock.instant();
            table.systemEntry(now, JournalEvent.REMOVED_FROM_SERVICE, pathPrefix, Optional.empty(),
                    pathPrefix + " removed from service", reason);
            transitions.reflagOutOfService(now, operator, reason);
            return CommandResult.APPLIED;
        }
    }

    @Override
    public CommandResult returnToService(String pathPrefix, String operator) {
        if (!signedIn(operator)) {
            return CommandResult.rejected(NOT_SIGNED_IN);
        }
        synchronized (lock) {
            if (!suppression.returnToService(pathPrefix)) {
                return CommandResult.rejected(pathPrefix + " is not out of service.");
            }
            Instant now = clock.instant();
            table.systemEntry(now, JournalEvent.RETURNED_TO_SERVICE, pathPrefix, Optional.empty(),
                    pathPrefix + " returned to service", "");
            transitions.reflagOutOfService(now, operator, "");
            return CommandResult.APPLIED;
        }
    }

    /** Whether {@code operator} names someone signed in: every command and rule change asks this first. */
    private static boolean signedIn(String operator) {
        return operator != null && !operator.isBlank();
    }

    /** A shelving time as the journal says it to people ("8 h", "30 min"), not in the file grammar. */
    private static String human(Duration d) {
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + " h";
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }

    // ------------------------------------------------------------------------------------------------ feed

    @Override
    public AlarmChanges drainChanges() {
        synchronized (lock) {
            return table.drain(this::snapshot, suppression::isHidden, chatterFlood.inFlood());
        }
    }

    @Override
    public List<Alarm> active() {
        synchronized (lock) {
            List<Alarm> out = new ArrayList<>();
            for (AlarmRecord r : table.rows()) {
                Alarm a = snapshot(r);
                if (a.isVisible()) {
                    out.add(a);
                }
            }
            out.sort(Alarm.MOST_URGENT_FIRST);
            return out;
        }
    }

    @Override
    public List<Alarm> all() {
        synchronized (lock) {
            List<Alarm> out = new ArrayList<>(table.rows().size());
            for (AlarmRecord r : table.rows()) {
                out.add(snapshot(r));
            }
            out.sort(Alarm.MOST_URGENT_FIRST);
            return out;
        }
    }

    @Override
    public AlarmCounts counts() {
        synchronized (lock) {
            return table.counts(suppression::isHidden);
        }
    }

    @Override
    public boolean inFlood() {
        synchronized (lock) {
            return chatterFlood.inFlood();
        }
    }

    @Override
    public long version() {
        return table.version();
    }

    @Override
    public AlarmJournal journal() {
        return table.journal();
    }

    /** Path prefixes currently out of service, with their reasons. */
    public Map<String, String> outOfService() {
        synchronized (lock) {
            return suppression.outOfService();
        }
    }

    private Alarm snapshot(AlarmRecord r) {
        return new Alarm(r.key, r.rule.kind(), r.rule.priority(), r.message, r.point, r.state, r.value, r.unit,
                r.rule.limit(), r.raisedAt, r.changedAt, chatterFlood.isChattering(r.key), suppression.shelving(r.key),
                r.suppressed, r.outOfService, r.acknowledgedBy, r.lastComment);
    }
}
