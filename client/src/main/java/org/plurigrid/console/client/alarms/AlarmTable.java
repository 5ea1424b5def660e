package org.plurigrid.console.client.alarms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The alarm table and its one way out: every change to a row is journaled and marked for the next drain here, so the
 * list, the counts and the journal never disagree. {@link #reflag} is the one "recompute a flag, stamp it, journal
 * it" path for the suppressed and out-of-service flags.
 *
 * <p>Not thread-safe: guarded by the engine's lock, except {@link #version()}, which may be read without it.
 */
final class AlarmTable {

    /** The flags of a row that other parts recompute; each has the journal events of its two directions. */
    enum Flag {
        SUPPRESSED(JournalEvent.SUPPRESSED, JournalEvent.UNSUPPRESSED),
        OUT_OF_SERVICE(JournalEvent.REMOVED_FROM_SERVICE, JournalEvent.RETURNED_TO_SERVICE);

        private final JournalEvent set;
        private final JournalEvent cleared;

        Flag(JournalEvent set, JournalEvent cleared) {
            this.set = set;
            this.cleared = cleared;
        }

        boolean of(AlarmRecord r) {
            return this == SUPPRESSED ? r.suppressed : r.outOfService;
        }

        void put(AlarmRecord r, boolean value) {
            if (this == SUPPRESSED) {
                r.suppressed = value;
            } else {
                r.outOfService = value;
            }
        }
    }

    private final AlarmJournal journal;
    private final Map<AlarmKey, AlarmRecord> rows = new HashMap<>();
    private final Set<AlarmKey> dirty = new LinkedHashSet<>();
    private final EnumMap<AlarmPriority, Long> raisedByPriority = new EnumMap<>(AlarmPriority.class);
    private AlarmCounts counts = AlarmCounts.NONE;
    private boolean countsStale;
    private volatile long version;

    AlarmTable(AlarmJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
        for (AlarmPriority p : AlarmPriority.values()) {
            raisedByPriority.put(p, 0L);
        }
    }

    AlarmJournal journal() {
        return journal;
    }

    AlarmRecord get(AlarmKey key) {
        return rows.get(key);
    }

    /** The row of {@code c}'s key, created (cleared, not yet journaled) if there is none. */
    AlarmRecord rowFor(AlarmCondition c) {
        return rows.computeIfAbsent(c.key, k -> new AlarmRecord(k, c.rule, c.point));
    }

    /** The rows, live: do not add or remove while iterating (copy first when a step may clear a row). */
    Collection<AlarmRecord> rows() {
        return rows.values();
    }

    /** Forget a row that returned to {@link AlarmState#CLEARED}. */
    void removeIfCleared(AlarmRecord r) {
        if (r.state == AlarmState.CLEARED) {
            rows.remove(r.key);
        }
    }

    void countRaised(AlarmPriority priority) {
        raisedByPriority.merge(priority, 1L, Long::sum);
    }

    Map<AlarmPriority, Long> raisedByPriority() {
        return Map.copyOf(raisedByPriority);
    }

    /** Journal a transition of {@code r} and mark it for the next drain. */
    void record(AlarmRecord r, JournalEvent event, Instant now, String operator, String comment) {
        journal.append(now, event, Optional.of(r.key), r.key.source(), Optional.of(r.rule.priority()),
                Optional.of(r.state), r.message, operator, comment);
        markDirty(r.key);
    }

    /** Stamp {@code r} as changed now and journal why (shelving, and a flag through {@link #reflag}). */
    void stamp(AlarmRecord r, JournalEvent event, Instant now, String operator, String comment) {
        r.changedAt = now;
        record(r, event, now, operator, comment);
    }

    /**
     * Set {@code flag} of {@code r} to {@code value}; if that changes it, stamp the row and journal the change.
     *
     * @return whether the flag changed
     */
    boolean reflag(AlarmRecord r, Flag flag, boolean value, Instant now, String operator, String comment) {
        if (flag.of(r) == value) {
            return false;
        }
        flag.put(r, value);
        stamp(r, value ? flag.set : flag.cleared, now, operator, comment);
        return true;
    }

    /** A journal entry about something that is not (or no longer) a row: a node, an asset, a rule, the flood. */
    void entry(Instant now, JournalEvent event, String source, Optional<AlarmKey> key, String message, String operator,
               String comment) {
        journal.append(now, event, key, source, Optional.empty(), Optional.empty(), message, operator, comment);
    }

    void systemEntry(Instant now, JournalEvent event, String source, Optional<AlarmKey> key, String message,
                     String comment) {
        entry(now, event, source, key, message, AlarmJournal.SYSTEM, comment);
    }

    void markDirty(AlarmKey key) {
        dirty.add(key);
        changed();
    }

    /** Something the counts depend on changed without a row being marked (rules, suppression). */
    void changed() {
        countsStale = true;
        version++;
    }

    /** Something the feed reports besides the rows changed (the flood flag). */
    void bumpVersion() {
        version++;
    }

    long version() {
        return version;
    }

    /** The rows changed since the last drain, as snapshots, and the keys of rows that went away. */
    AlarmChanges drain(Function<AlarmRecord, Alarm> snapshot, Predicate<AlarmRecord> hidden, boolean flood) {
        if (dirty.isEmpty()) {
            return new AlarmChanges(List.of(), List.of(), counts(hidden), flood, version);
        }
        List<Alarm> updated = new ArrayList<>(dirty.size());
        List<AlarmKey> removed = new ArrayList<>();
        for (AlarmKey k : dirty) {
            AlarmRecord r = rows.get(k);
            if (r == null) {
                removed.add(k);
            } else {
                updated.add(snapshot.apply(r));
            }
        }
        dirty.clear();
        return new AlarmChanges(updated, removed, counts(hidden), flood, version);
    }

    /** Standing and unacknowledged alarms by priority; hidden ones are not counted. */
    AlarmCounts counts(Predicate<AlarmRecord> hidden) {
        if (countsStale) {
            EnumMap<AlarmPriority, Integer> unacked = new EnumMap<>(AlarmPriority.class);
            EnumMap<AlarmPriority, Integer> total = new EnumMap<>(AlarmPriority.class);
            for (AlarmRecord r : rows.values()) {
                if (r.state != AlarmState.CLEARED && !hidden.test(r)) {
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
