package org.plurigrid.console.client.alarms;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only record of every alarm transition. Memory keeps the newest {@code capacity} entries for the journal
 * view; listeners (the recorder) see every entry, so nothing is lost on disk when memory rolls over.
 * Thread-safe. Listeners run on the thread that caused the transition and must not block.
 */
public final class AlarmJournal {

    /** Operator name for transitions the engine makes by itself. */
    public static final String SYSTEM = "system";

    private static final Logger LOG = LoggerFactory.getLogger(AlarmJournal.class);

    private final int capacity;
    private final ArrayDeque<JournalEntry> entries;
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
    private long nextSequence = 1;

    public AlarmJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    public int capacity() {
        return capacity;
    }

    /** Called for every entry appended from now on. */
    public void addListener(Consumer<JournalEntry> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<JournalEntry> listener) {
        listeners.remove(listener);
    }

    JournalEntry append(Instant time, JournalEvent event, Optional<AlarmKey> key, String source,
                        Optional<AlarmPriority> priority, Optional<AlarmState> state, String message, String operator,
                        String comment) {
        JournalEntry entry;
        synchronized (this) {
            entry = new JournalEntry(nextSequence++, time, event, key, source, priority, state, message, operator,
                    comment);
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        for (Consumer<JournalEntry> l : listeners) {
            try {
                l.accept(entry);
            } catch (RuntimeException e) {
                // A broken listener must not stop alarm handling.
                LOG.warn("alarm journal listener failed on entry {}", entry.sequence(), e);
            }
        }
        return entry;
    }

    /** All entries still in memory, oldest first. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** Entries with a sequence number greater than {@code sequence}, oldest first (those still in memory). */
    public synchronized List<JournalEntry> since(long sequence) {
        if (entries.isEmpty() || entries.peekLast().sequence() <= sequence) {
            return List.of();
        }
        List<JournalEntry> out = new ArrayList<>();
        var it = entries.descendingIterator();
        while (it.hasNext()) {
            JournalEntry e = it.next();
            if (e.sequence() <= sequence) {
                break;
            }
            out.add(e);
        }
        return out.reversed();
    }

    /** Sequence number of the newest entry, 0 if none yet. */
    public synchronized long lastSequence() {
        return nextSequence - 1;
    }

    public synchronized int size() {
        return entries.size();
    }
}
