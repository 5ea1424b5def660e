package org.plurigrid.console.views.alarms;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.plurigrid.console.client.alarms.AlarmJournal;
import org.plurigrid.console.client.alarms.AlarmKey;
import org.plurigrid.console.client.alarms.JournalEntry;

/**
 * State of the alarm journal view: the newest entries first, bounded, filtered by text or by one alarm's history.
 * {@link #onFrame()} pulls only entries newer than the last one seen.
 */
public final class AlarmJournalViewModel {

    public static final int DEFAULT_CAPACITY = 5_000;

    private final AlarmJournal journal;
    private final int capacity;
    private long lastSequence;

    private final ObservableList<JournalEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<JournalEntry> filtered = new FilteredList<>(entries);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<Optional<AlarmKey>> alarm = new SimpleObjectProperty<>(this, "alarm", Optional.empty());

    public AlarmJournalViewModel(AlarmJournal journal, int capacity) {
        this.journal = Objects.requireNonNull(journal, "journal");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        filtered.predicateProperty().bind(Bindings.createObjectBinding(this::predicate, filterText, alarm));
    }

    public AlarmJournalViewModel(AlarmJournal journal) {
        this(journal, DEFAULT_CAPACITY);
    }

    /** Pull new journal entries; call once per frame on the FX thread. */
    public void onFrame() {
        List<JournalEntry> fresh = journal.since(lastSequence);
        if (fresh.isEmpty()) {
            return;
        }
        lastSequence = fresh.getLast().sequence();
        List<JournalEntry> newestFirst = fresh.size() > capacity ? fresh.subList(fresh.size() - capacity, fresh.size()) : fresh;
        entries.addAll(0, newestFirst.reversed());
        if (entries.size() > capacity) {
            entries.remove(capacity, entries.size());
        }
    }

    private Predicate<JournalEntry> predicate() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        Optional<AlarmKey> only = alarm.get() == null ? Optional.empty() : alarm.get();
        return e -> {
            if (only.isPresent() && !e.key().equals(only)) {
                return false;
            }
            return text.isEmpty()
                    || e.source().toLowerCase(Locale.ROOT).contains(text)
                    || e.message().toLowerCase(Locale.ROOT).contains(text)
                    || e.operator().toLowerCase(Locale.ROOT).contains(text)
                    || e.comment().toLowerCase(Locale.ROOT).contains(text)
                    || e.event().name().toLowerCase(Locale.ROOT).replace('_', ' ').contains(text);
        };
    }

    /** Entries to show, newest first. Read-only. */
    public ObservableList<JournalEntry> entries() {
        return FXCollections.unmodifiableObservableList(filtered);
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Restrict the journal to one alarm's history (e.g. from the alarm list's context menu). */
    public ObjectProperty<Optional<AlarmKey>> alarmProperty() {
        return alarm;
    }

    public void showHistoryOf(AlarmKey key) {
        alarm.set(Optional.of(key));
    }

    public void showAll() {
        alarm.set(Optional.empty());
    }
}
