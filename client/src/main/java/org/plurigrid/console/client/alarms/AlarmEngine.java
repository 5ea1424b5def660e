package org.plurigrid.console.client.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * The alarm system (ISA-18.2 / IEC 62682): evaluates every measurement against the rules, runs the alarm state
 * machine, and journals every transition.
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

    private static final Condition[] NO_CONDITIONS = new Condition[0];

    private final InstantSource clock;
    private final AlarmEngineSettings settings;
    private final AlarmJournal journal;
    // Replaced together by replaceRules() under the write lock of rulesLock; read under its read lock (hot path) or
    // the engine lock (ruleIdsByKind).
    private volatile AlarmRuleSet ruleSet;
    private volatile List<CompiledRule> rules;
    private volatile Map<AlarmKind, List<String>> ruleIdsByKind;
    /**
     * Held for reading while measurements are evaluated, for writing while the rules are replaced: a measurement is
     * judged entirely by the old rules or entirely by the new ones. Lock order: rulesLock, condition, engine.
     * Measured cost on the hot path: ~5 ns per measurement (21 M → 19 M evaluations/s on one thread, warm). Reentrant,
     * so a journal listener that feeds a measurement back while rules are replaced does not deadlock.
     */
    private final ReentrantReadWriteLock rulesLock = new ReentrantReadWriteLock();

    // Hot-path state: concurrent, touched without the engine lock.
    private final ConcurrentHashMap<PointId, Condition[]> conditionsByPoint = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<AlarmKey, Condition> conditions = new ConcurrentHashMap<>();
    private final Set<Condition> pending = ConcurrentHashMap.newKeySet();
    private final Set<NodeRef> deadNodes = ConcurrentHashMap.newKeySet();
    private final LongAdder evaluations = new LongAdder();

    // Alarm table: guarded by lock.
    private final Object lock = new Object();
    private final Map<AlarmKey, AlarmRecord> alarms = new HashMap<>();
    private final Map<AlarmKey, Shelving> shelved = new HashMap<>();
    private final Map<AlarmKey, ArrayDeque<Instant>> activationTimes = new HashMap<>();
    private final Set<AlarmKey> chattering = new HashSet<>();
    private final ArrayDeque<Instant> floodActivations = new ArrayDeque<>();
    private final Map<String, String> outOfService = new LinkedHashMap<>();
    private final Set<AlarmKey> dirty = new LinkedHashSet<>();
    private final Map<NodeRef, Instant> revivedNodes = new HashMap<>();
    private final EnumMap<AlarmPriority, Long> raisedByPriority = new EnumMap<>(AlarmPriority.class);
    private boolean flood;
    private AlarmCounts counts = AlarmCounts.NONE;
    private boolean countsStale;
    private volatile long version;

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
        this.journal = Objects.requireNonNull(journal, "journal");
        this.rules = compile(rules);
        this.ruleIdsByKind = idsByKind(rules);
        for (AlarmPriority p : AlarmPriority.values()) {
            raisedByPriority.put(p, 0L);
        }
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

    private static List<CompiledRule> compile(AlarmRuleSet set) {
        return set.rules().stream().map(r -> new CompiledRule(r, r.match().compile())).toList();
    }

    private static Map<AlarmKind, List<String>> idsByKind(AlarmRuleSet set) {
        Map<AlarmKind, List<String>> byKind = new EnumMap<>(AlarmKind.class);
        for (AlarmRule r : set.rules()) {
            byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.id());
        }
        return byKind;
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
        Optional<String> bad = checkOperator(operator);
        if (bad.isPresent()) {
            throw new IllegalArgumentException(bad.get());
        }
        ReentrantReadWriteLock.WriteLock write = rulesLock.writeLock();
        write.lock();
        try {
            List<AlarmRuleChange> changes = AlarmRuleChange.between(ruleSet, next);
            Map<String, CompiledRule> byId = new HashMap<>();
            List<CompiledRule> compiled = compile(next);
            compiled.forEach(cr -> byId.put(cr.rule().id(), cr));
            // No measurement is being evaluated now (write lock): conditions can be changed without their monitors.
            Map<AlarmKey, String> retired = new LinkedHashMap<>();
            for (Iterator<Condition> it = conditions.values().iterator(); it.hasNext(); ) {
                Condition c = it.next();
                CompiledRule cr = byId.get(c.key.ruleId());
                String why = cr == null ? "rule " + c.key.ruleId() + " was removed by " + operator
                        : cr.rule().kind() != c.rule.kind() ? "rule " + c.key.ruleId() + " changed its kind"
                        : !cr.matcher().matches(c.point) ? "rule " + c.key.ruleId() + " no longer matches this point"
                        : null;
                if (why == null) {
                    c.rule = cr.rule();
                } else {
                    it.remove();
                    pending.remove(c);
                    retired.put(c.key, why);
                }
            }
            ruleSet = next;
            rules = compiled;
            ruleIdsByKind = idsByKind(next);
            conditionsByPoint.clear(); // points are bound to the new rules at their next measurement
            synchronized (lock) {
                Instant now = clock.instant();
                for (AlarmRuleChange change : changes) {
                    JournalEvent event = switch (change) {
                        case AlarmRuleChange.Added a -> JournalEvent.RULE_ADDED;
                        case AlarmRuleChange.Removed r -> JournalEvent.RULE_REMOVED;
                        case AlarmRuleChange.Changed c -> JournalEvent.RULE_CHANGED;
                    };
                    journal.append(now, event, Optional.empty(), change.ruleId(), Optional.empty(), Optional.empty(),
                            change.describe(), operator, ""); // the source column names the rule
                }
                for (AlarmRecord r : new ArrayList<>(alarms.values())) {
                    String why = retired.get(r.key);
                    CompiledRule cr = byId.get(r.key.ruleId());
                    if (why == null && cr == null && r.state.isConditionActive()) {
                        why = "rule " + r.key.ruleId() + " was removed by " + operator; // no condition left over
                    }
                    if (cr != null && cr.rule().kind() == r.rule.kind() && !cr.rule().equals(r.rule)) {
                        r.rule = cr.rule();
                        r.message = AlarmRecord.messageOf(r.rule, r.point);
                        markDirty(r.key);
                    }
                    if (why != null) {
                        boolean unseen = isHidden(r);
                        AlarmState after = unseen ? r.state.returnToNormalUnseen() : r.state.returnToNormal();
                        if (after != r.state) {
                            r.state = after;
                            r.changedAt = now;
                            record(r, JournalEvent.RETURNED_TO_NORMAL, now, AlarmJournal.SYSTEM, why);
                            removeIfCleared(r);
                        }
                    }
                }
                for (AlarmRecord r : alarms.values()) {
                    boolean suppress = isSuppressed(r);
                    if (suppress != r.suppressed) {
                        r.suppressed = suppress;
                        r.changedAt = now;
                        record(r, suppress ? JournalEvent.SUPPRESSED : JournalEvent.UNSUPPRESSED, now,
                                AlarmJournal.SYSTEM, "alarm rules changed");
                    }
                }
                countsStale = true;
                version++;
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
            Condition[] bound = conditionsByPoint.get(id);
            if (bound == null) {
                bound = conditionsByPoint.computeIfAbsent(id, this::bind);
            }
            if (bound.length == 0) {
                return;
            }
            Instant now = clock.instant();
            for (Condition c : bound) {
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
            for (Iterator<Condition> it = pending.iterator(); it.hasNext(); ) {
                Condition c = it.next();
                synchronized (c) {
                    settle(c, now);
                    if (c.raw == c.active) {
                        c.queued = false;
                        it.remove();
                    }
                }
            }
        } finally {
            read.unlock();
        }
        synchronized (lock) {
            endSuppressionGrace(now);
            expireShelving(now);
            pruneChattering(now);
            pruneFlood(now);
        }
    }

    /** Measurements evaluated since start. */
    public long evaluations() {
        return evaluations.sum();
    }

    /** Alarms raised since start by priority (hidden ones included), for {@code telemetry stats}. */
    public Map<AlarmPriority, Long> raisedByPriority() {
        synchronized (lock) {
            return Map.copyOf(raisedByPriority);
        }
    }

    private Condition[] bind(PointId id) {
        List<Condition> out = new ArrayList<>(2);
        for (CompiledRule cr : rules) {
            if (cr.matcher().matches(id)) {
                AlarmRule rule = cr.rule();
                AlarmKey key = new AlarmKey(rule.id(), sourceOf(rule, id));
                out.add(conditions.computeIfAbsent(key, k -> new Condition(k, rule, id)));
            }
        }
        return out.isEmpty() ? NO_CONDITIONS : out.toArray(Condition[]::new);
    }

    /** Comms loss is about the node (or device), not each of its metrics: they all feed one alarm. */
    private static String sourceOf(AlarmRule rule, PointId id) {
        if (rule.kind() == AlarmKind.COMMS_LOSS) {
            return id.device().isEmpty() ? id.group() + "/" + id.node() : id.group() + "/" + id.node() + "/" + id.device();
        }
        return id.path();
    }

    /** Called with the condition's lock held. Applies the on/off delay and reports a debounced change. */
    private void settle(Condition c, Instant now) {
        if (c.raw == c.active) {
            return;
        }
        Duration delay = c.raw ? c.rule.onDelay() : c.rule.offDelay();
        if (!now.isBefore(c.rawSince.plus(delay))) {
            c.active = c.raw;
            conditionChanged(c, now);
        } else if (!c.queued) {
            c.queued = true;
            pending.add(c);
        }
    }

    private void trackNodeLiveness(PointId id, boolean dead) {
        if (!dead && deadNodes.isEmpty()) {
            return;
        }
        NodeRef node = new NodeRef(id.group(), id.node());
        if (deadNodes.contains(node) == dead) {
            return;
        }
        synchronized (lock) {
            boolean changed = dead ? deadNodes.add(node) : deadNodes.remove(node);
            if (!changed) {
                return;
            }
            Instant now = clock.instant();
            if (dead) {
                revivedNodes.remove(node);
                systemEntry(now, JournalEvent.SUPPRESSED, node.toString(), Optional.empty(),
                        "edge node " + node + " lost communication: alarms of its devices are suppressed", "");
            } else if (!settings.suppressionGrace().isZero()) {
                revivedNodes.put(node, now.plus(settings.suppressionGrace()));
                return; // tick() lifts the suppression after the grace period
            }
            reflagSuppression(node, now);
        }
    }

    private void reflagSuppression(NodeRef node, Instant now) {
        for (AlarmRecord r : new ArrayList<>(alarms.values())) {
            if (r.node().equals(node)) {
                boolean suppress = isSuppressed(r);
                if (suppress != r.suppressed) {
                    r.suppressed = suppress;
                    r.changedAt = now;
                    record(r, suppress ? JournalEvent.SUPPRESSED : JournalEvent.UNSUPPRESSED, now, AlarmJournal.SYSTEM,
                            suppress ? "edge node " + node + " lost communication" : "edge node " + node + " is back");
                }
            }
        }
    }

    private void endSuppressionGrace(Instant now) {
        for (Iterator<Map.Entry<NodeRef, Instant>> it = revivedNodes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<NodeRef, Instant> e = it.next();
            if (!now.isBefore(e.getValue())) {
                it.remove();
                reflagSuppression(e.getKey(), now);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ state machine

    private void conditionChanged(Condition c, Instant now) {
        synchronized (lock) {
            AlarmRecord r = alarms.get(c.key);
            if (c.active) {
                if (r == null) {
                    r = new AlarmRecord(c.key, c.rule, c.point);
                    alarms.put(c.key, r);
                }
                if (r.rule != c.rule) { // the rule was replaced while the alarm waited for acknowledgement
                    r.rule = c.rule;
                    r.message = AlarmRecord.messageOf(c.rule, r.point);
                }
                AlarmState next = r.state.activate();
                if (next == r.state) {
                    return;
                }
                r.state = next;
                r.value = c.value;
                r.unit = c.unit;
                r.raisedAt = now;
                r.changedAt = now;
                r.acknowledgedBy = "";
                r.suppressed = isSuppressed(r);
                r.outOfService = isOutOfService(r);
                raisedByPriority.merge(r.rule.priority(), 1L, Long::sum);
                record(r, JournalEvent.RAISED, now, AlarmJournal.SYSTEM, hiddenReason(r));
                noteActivation(r, now);
                reflagLessSevere(r, now);
            } else {
                if (r == null) {
                    return;
                }
                boolean unseen = isHidden(r);
                AlarmState next = unseen ? r.state.returnToNormalUnseen() : r.state.returnToNormal();
                if (next == r.state) {
                    return;
                }
                r.state = next;
                r.changedAt = now;
                record(r, JournalEvent.RETURNED_TO_NORMAL, now, AlarmJournal.SYSTEM,
                        unseen ? "returned to normal while " + hiddenReason(r) : "");
                removeIfCleared(r);
                reflagLessSevere(r, now);
            }
        }
    }

    private void noteActivation(AlarmRecord r, Instant now) {
        ArrayDeque<Instant> times = activationTimes.computeIfAbsent(r.key, k -> new ArrayDeque<>());
        times.addLast(now);
        pruneOlderThan(times, now.minus(settings.chatterWindow()));
        if (times.size() >= settings.chatterActivations() && chattering.add(r.key)) {
            record(r, JournalEvent.CHATTERING, now, AlarmJournal.SYSTEM,
                    times.size() + " activations within " + settings.chatterWindow().toSeconds() + " s");
        }
        if (!isHidden(r)) {
            floodActivations.addLast(now);
            pruneFlood(now);
        }
    }

    private void pruneChattering(Instant now) {
        Instant horizon = now.minus(settings.chatterWindow());
        for (Iterator<Map.Entry<AlarmKey, ArrayDeque<Instant>>> it = activationTimes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<AlarmKey, ArrayDeque<Instant>> e = it.next();
            pruneOlderThan(e.getValue(), horizon);
            if (e.getValue().size() < settings.chatterActivations() && chattering.remove(e.getKey())) {
                AlarmRecord r = alarms.get(e.getKey());
                if (r != null) {
                    record(r, JournalEvent.CHATTERING_ENDED, now, AlarmJournal.SYSTEM, "");
                } else {
                    systemEntry(now, JournalEvent.CHATTERING_ENDED, e.getKey().source(), Optional.of(e.getKey()),
                            "chattering ended", "");
                }
            }
            if (e.getValue().isEmpty()) {
                it.remove();
            }
        }
    }

    private void pruneFlood(Instant now) {
        pruneOlderThan(floodActivations, now.minus(settings.floodWindow()));
        int n = floodActivations.size();
        if (!flood && n > settings.floodThreshold()) {
            flood = true;
            version++;
            systemEntry(now, JournalEvent.FLOOD_STARTED, "", Optional.empty(),
                    "alarm flood: " + n + " alarms within " + settings.floodWindow().toMinutes() + " min", "");
        } else if (flood && n <= settings.floodExitThreshold()) {
            flood = false;
            version++;
            systemEntry(now, JournalEvent.FLOOD_ENDED, "", Optional.empty(),
                    "alarm flood ended: " + n + " alarms within " + settings.floodWindow().toMinutes() + " min", "");
        }
    }

    private static void pruneOlderThan(ArrayDeque<Instant> times, Instant horizon) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private void expireShelving(Instant now) {
        for (Iterator<Map.Entry<AlarmKey, Shelving>> it = shelved.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<AlarmKey, Shelving> e = it.next();
            if (!now.isBefore(e.getValue().until())) {
                it.remove();
                AlarmRecord r = alarms.get(e.getKey());
                if (r != null) {
                    r.changedAt = now;
                    record(r, JournalEvent.SHELVING_EXPIRED, now, AlarmJournal.SYSTEM, e.getValue().reason());
                } else {
                    systemEntry(now, JournalEvent.SHELVING_EXPIRED, e.getKey().source(), Optional.of(e.getKey()),
                            "shelving expired", e.getValue().reason());
                }
            }
        }
    }

    private boolean isSuppressed(AlarmRecord r) {
        return isUnderDeadNode(r) || isEscalated(r);
    }

    private boolean isUnderDeadNode(AlarmRecord r) {
        if (!deadNodes.contains(r.node()) && !revivedNodes.containsKey(r.node())) {
            return false;
        }
        // The node's own comms-loss alarm is the one alarm that explains all the others: it stays visible.
        return !(r.rule.kind() == AlarmKind.COMMS_LOSS && r.point.device().isEmpty());
    }

    /** An H (L) alarm says nothing new while an HH (LL) alarm stands on the same point: suppressed by design. */
    private boolean isEscalated(AlarmRecord r) {
        AlarmKind higher = switch (r.rule.kind()) {
            case H -> AlarmKind.HH;
            case L -> AlarmKind.LL;
            default -> null;
        };
        if (higher == null) {
            return false;
        }
        for (String id : ruleIdsByKind.getOrDefault(higher, List.of())) {
            AlarmRecord h = alarms.get(new AlarmKey(id, r.key.source()));
            if (h != null && h.state.isConditionActive()) {
                return true;
            }
        }
        return false;
    }

    /** After an HH (LL) alarm changed, re-decide whether the H (L) alarms of the same point are suppressed. */
    private void reflagLessSevere(AlarmRecord changed, Instant now) {
        AlarmKind lower = switch (changed.rule.kind()) {
            case HH -> AlarmKind.H;
            case LL -> AlarmKind.L;
            default -> null;
        };
        if (lower == null) {
            return;
        }
        for (String id : ruleIdsByKind.getOrDefault(lower, List.of())) {
            AlarmRecord r = alarms.get(new AlarmKey(id, changed.key.source()));
            if (r != null) {
                boolean suppress = isSuppressed(r);
                if (suppress != r.suppressed) {
                    r.suppressed = suppress;
                    r.changedAt = now;
                    record(r, suppress ? JournalEvent.SUPPRESSED : JournalEvent.UNSUPPRESSED, now, AlarmJournal.SYSTEM,
                            suppress ? "a " + changed.rule.kind() + " alarm stands on the same point"
                                    : "the " + changed.rule.kind() + " alarm on the same point returned to normal");
                }
            }
        }
    }

    private boolean isOutOfService(AlarmRecord r) {
        return outOfServicePrefix(r) != null;
    }

    private String outOfServicePrefix(AlarmRecord r) {
        String path = r.point.path();
        for (String prefix : outOfService.keySet()) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || r.key.source().equals(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    private boolean isHidden(AlarmRecord r) {
        return r.suppressed || r.outOfService || shelved.containsKey(r.key);
    }

    private String hiddenReason(AlarmRecord r) {
        if (r.outOfService) {
            return "out of service";
        }
        if (r.suppressed) {
            return isUnderDeadNode(r) ? "suppressed: edge node " + r.node() + " lost communication"
                    : "suppressed: a more severe limit alarm stands on the same point";
        }
        if (shelved.containsKey(r.key)) {
            return "shelved";
        }
        return "";
    }

    private void removeIfCleared(AlarmRecord r) {
        if (r.state == AlarmState.CLEARED) {
            alarms.remove(r.key);
        }
    }

    /** Journal a transition of {@code r} and mark it for the next drain. Lock held. */
    private void record(AlarmRecord r, JournalEvent event, Instant now, String operator, String comment) {
        journal.append(now, event, Optional.of(r.key), r.key.source(), Optional.of(r.rule.priority()),
                Optional.of(r.state), r.message, operator, comment);
        markDirty(r.key);
    }

    private void systemEntry(Instant now, JournalEvent event, String source, Optional<AlarmKey> key, String message,
                             String comment) {
        journal.append(now, event, key, source, Optional.empty(), Optional.empty(), message, AlarmJournal.SYSTEM, comment);
    }

    private void markDirty(AlarmKey key) {
        dirty.add(key);
        countsStale = true;
        version++;
    }

    // ------------------------------------------------------------------------------------------------ commands

    @Override
    public CommandResult acknowledge(AlarmKey key, String operator, String comment) {
        Optional<String> bad = checkOperator(operator);
        if (bad.isPresent()) {
            return CommandResult.rejected(bad.get());
        }
        synchronized (lock) {
            AlarmRecord r = alarms.get(key);
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
            record(r, JournalEvent.ACKNOWLEDGED, now, operator, comment);
            removeIfCleared(r);
            return CommandResult.APPLIED;
        }
    }

    @Override
    public int acknowledgeAll(Collection<AlarmKey> keys, String operator) {
        int n = 0;
        synchronized (lock) {
            for (AlarmKey k : keys) {
                AlarmRecord r = alarms.get(k);
                if (r != null && r.state.isUnacknowledged() && acknowledge(k, operator, "").isApplied()) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public CommandResult shelve(AlarmKey key, String operator, String reason, Duration duration) {
        Optional<String> bad = checkOperator(operator);
        if (bad.isPresent()) {
            return CommandResult.rejected(bad.get());
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
            AlarmRecord r = alarms.get(key);
            if (r == null) {
                return CommandResult.rejected("The alarm " + key + " is no longer in the list.");
            }
            Instant now = clock.instant();
            shelved.put(key, new Shelving(operator, reason, now, now.plus(duration)));
            r.changedAt = now;
            record(r, JournalEvent.SHELVED, now, operator, reason + " (for " + human(duration) + ")");
            return CommandResult.APPLIED;
        }
    }

    @Override
    public CommandResult unshelve(AlarmKey key, String operator) {
        Optional<String> bad = checkOperator(operator);
        if (bad.isPresent()) {
            return CommandResult.rejected(bad.get());
        }
        synchronized (lock) {
            if (shelved.remove(key) == null) {
                return CommandResult.rejected("The alarm " + key + " is not shelved.");
            }
            Instant now = clock.instant();
            AlarmRecord r = alarms.get(key);
            if (r != null) {
                r.changedAt = now;
                record(r, JournalEvent.UNSHELVED, now, operator, "");
            } else {
                journal.append(now, JournalEvent.UNSHELVED, Optional.of(key), key.source(), Optional.empty(),
                        Optional.empty(), "unshelved", operator, "");
            }
            return CommandResult.APPLIED;
        }
    }

    @Override
    public CommandResult comment(AlarmKey key, String operator, String text) {
        Optional<String> bad = checkOperator(operator);
        if (bad.isPresent()) {
            return CommandResult.rejected(bad.get());
        }
        if (text == null || text.isBlank()) {
            return CommandResult.rejected("The comment is empty.");
        }
        synchronized (lock) {
            AlarmRecord r = alarms.get(key);
            if (r == null) {
                return CommandResult.rejected("The alarm " + key + " is no longer in the list.");
            }
            r.lastComment = text;
            record(r, JournalEvent.COMMENT, clock.instant(), operator, text);
            return CommandResult.APPLIED;
        }
    }

    @Override
    public CommandResult removeFromService(String pathPrefix, String operator, String reason) {
        Optional<String> bad = checkOperator(operator);
        if (bad.isPresent()) {
            return CommandResult.rejected(bad.get());
        }
        if (pathPrefix == null || pathPrefix.isBlank()) {
            return CommandResult.rejected("Say which asset to take out of service.");
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.rejected("Taking an asset out of service needs a reason.");
        }
        synchronized (lock) {
            if (outOfService.putIfAbsent(pathPrefix, reason) != null) {
                return CommandResult.rejected(pathPrefix + " is already out of service.");
            }
            Instant now = clock.instant();
            systemEntry(now, JournalEvent.REMOVED_FROM_SERVICE, pathPrefix, Optional.empty(),
                    pathPrefix + " removed from service", reason);
            reflagOutOfService(now, operator, reason);
            return CommandResult.APPLIED;
        }
    }

    @Override
    public CommandResult returnToService(String pathPrefix, String operator) {
        Optional<String> bad = checkOperator(operator);
        if (bad.isPresent()) {
            return CommandResult.rejected(bad.get());
        }
        synchronized (lock) {
            if (outOfService.remove(pathPrefix) == null) {
                return CommandResult.rejected(pathPrefix + " is not out of service.");
            }
            Instant now = clock.instant();
            systemEntry(now, JournalEvent.RETURNED_TO_SERVICE, pathPrefix, Optional.empty(),
                    pathPrefix + " returned to service", "");
            reflagOutOfService(now, operator, "");
            return CommandResult.APPLIED;
        }
    }

    private void reflagOutOfService(Instant now, String operator, String comment) {
        for (AlarmRecord r : alarms.values()) {
            boolean oos = isOutOfService(r);
            if (oos != r.outOfService) {
                r.outOfService = oos;
                r.changedAt = now;
                record(r, oos ? JournalEvent.REMOVED_FROM_SERVICE : JournalEvent.RETURNED_TO_SERVICE, now, operator,
                        comment);
            }
        }
    }

    private static Optional<String> checkOperator(String operator) {
        return operator == null || operator.isBlank()
                ? Optional.of("Only a signed-in operator can change alarms.") : Optional.empty();
    }

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
            if (dirty.isEmpty()) {
                return new AlarmChanges(List.of(), List.of(), counts(), flood, version);
            }
            List<Alarm> updated = new ArrayList<>(dirty.size());
            List<AlarmKey> removed = new ArrayList<>();
            for (AlarmKey k : dirty) {
                AlarmRecord r = alarms.get(k);
                if (r == null) {
                    removed.add(k);
                } else {
                    updated.add(snapshot(r));
                }
            }
            dirty.clear();
            return new AlarmChanges(updated, removed, counts(), flood, version);
        }
    }

    @Override
    public List<Alarm> active() {
        synchronized (lock) {
            List<Alarm> out = new ArrayList<>();
            for (AlarmRecord r : alarms.values()) {
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
            List<Alarm> out = new ArrayList<>(alarms.size());
            for (AlarmRecord r : alarms.values()) {
                out.add(snapshot(r));
            }
            out.sort(Alarm.MOST_URGENT_FIRST);
            return out;
        }
    }

    @Override
    public AlarmCounts counts() {
        synchronized (lock) {
            if (countsStale) {
                EnumMap<AlarmPriority, Integer> unacked = new EnumMap<>(AlarmPriority.class);
                EnumMap<AlarmPriority, Integer> total = new EnumMap<>(AlarmPriority.class);
                for (AlarmRecord r : alarms.values()) {
                    if (r.state != AlarmState.CLEARED && !isHidden(r)) {
                        total.merge(r.rule.priority(), 1, Integer::sum);
                        if (r.state.isUnacknowledged()) {
                            unacked.merge(r.rule.priority(), 1, Integer::sum);
                        }
                    }
                }
                counts = new AlarmCounts(unacked, total);
                countsStale = false;
            }
            return counts;
        }
    }

    @Override
    public boolean inFlood() {
        synchronized (lock) {
            return flood;
        }
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public AlarmJournal journal() {
        return journal;
    }

    /** Path prefixes currently out of service, with their reasons. */
    public Map<String, String> outOfService() {
        synchronized (lock) {
            return Map.copyOf(outOfService);
        }
    }

    private Alarm snapshot(AlarmRecord r) {
        return new Alarm(r.key, r.rule.kind(), r.rule.priority(), r.message, r.point, r.state, r.value, r.unit,
                r.rule.limit(), r.raisedAt, r.changedAt, chattering.contains(r.key),
                Optional.ofNullable(shelved.get(r.key)), r.suppressed, r.outOfService, r.acknowledgedBy, r.lastComment);
    }

    // ------------------------------------------------------------------------------------------------ internals

    private record CompiledRule(AlarmRule rule, PointPattern.Matcher matcher) {
    }

    private record NodeRef(String group, String node) {
        @Override
        public String toString() {
            return group + "/" + node;
        }
    }

    /**
     * The raw and debounced condition of one alarm key. Guarded by its own monitor; several points may feed it
     * (all metrics of a node feed its comms-loss condition).
     */
    private static final class Condition {
        final AlarmKey key;
        AlarmRule rule; // replaced by replaceRules() under the write lock
        final PointId point;
        boolean raw;
        boolean active;
        Instant rawSince = Instant.EPOCH;
        boolean queued;
        double value = Double.NaN;
        String unit = "";
        double previousValue = Double.NaN;
        Instant previousTime;

        Condition(AlarmKey key, AlarmRule rule, PointId point) {
            this.key = key;
            this.rule = rule;
            this.point = point;
        }

        /** Recompute the raw condition from one measurement; rawSince marks when it last flipped. */
        void update(Measurement m, Instant now) {
            boolean next = switch (rule.kind()) {
                case HH, H -> m.quality() == Quality.GOOD
                        ? (raw ? m.value() > rule.limit() - rule.deadband() : m.value() > rule.limit())
                        : raw; // a doubtful value neither raises nor clears a limit alarm
                case L, LL -> m.quality() == Quality.GOOD
                        ? (raw ? m.value() < rule.limit() + rule.deadband() : m.value() < rule.limit())
                        : raw;
                case RATE_OF_CHANGE -> rateCondition(m);
                case BAD_QUALITY -> m.quality() == Quality.BAD;
                case STALE -> m.quality() == Quality.STALE;
                case COMMS_LOSS -> m.quality() == Quality.COMMS_LOST;
                case DEVICE_REPORTED -> m.quality() == Quality.GOOD ? m.value() != 0 : raw;
            };
            if (next) {
                // Keep the newest value while the condition holds: it is what the alarm shows when raised.
                value = m.value();
                unit = m.unit();
            }
            if (next != raw) {
                raw = next;
                rawSince = now;
            }
        }

        private static final double RATE_WINDOW_SECONDS = 1.0;

        private boolean rateCondition(Measurement m) {
            if (m.quality() != Quality.GOOD) {
                previousTime = null;
                return raw;
            }
            boolean next = raw;
            if (previousTime == null) {
                previousValue = m.value();
                previousTime = m.time();
                return next;
            }
            double seconds = Duration.between(previousTime, m.time()).toNanos() / 1e9;
            // The rate is measured over at least RATE_WINDOW: two samples a few milliseconds apart (a birth and the
            // next data message, a rebirth) would turn ordinary noise into a huge "rate".
            if (seconds >= RATE_WINDOW_SECONDS) {
                double rate = Math.abs(m.value() - previousValue) / seconds;
                next = raw ? rate > rule.limit() - rule.deadband() : rate > rule.limit();
                previousValue = m.value();
                previousTime = m.time();
            } else if (seconds < 0) {
                previousValue = m.value();      // out-of-order or restarted source: start measuring again
                previousTime = m.time();
            }
            return next;
        }
    }

    /** One row of the alarm table. Guarded by the engine lock. */
    private static final class AlarmRecord {
        final AlarmKey key;
        AlarmRule rule;       // replaced by replaceRules() when the rule's fields change
        final PointId point;
        String message;
        final NodeRef node;
        AlarmState state = AlarmState.CLEARED;
        double value = Double.NaN;
        String unit = "";
        Instant raisedAt = Instant.EPOCH;
        Instant changedAt = Instant.EPOCH;
        boolean suppressed;
        boolean outOfService;
        String acknowledgedBy = "";
        String lastComment = "";

        AlarmRecord(AlarmKey key, AlarmRule rule, PointId point) {
            this.key = key;
            this.rule = rule;
            this.point = point;
            this.node = new NodeRef(point.group(), point.node());
            this.message = messageOf(rule, point);
        }

        static String messageOf(AlarmRule rule, PointId point) {
            return rule.kind() == AlarmKind.DEVICE_REPORTED
                    ? rule.message() + ": " + point.metric().substring(point.metric().indexOf('/') + 1)
                    : rule.message();
        }

        NodeRef node() {
            return node;
        }
    }
}
