package org.plurigrid.console.views.alarms;

import java.util.Comparator;
import org.plurigrid.console.client.alarms.Alarm;

/** The orders an operator can put the alarm list in. */
public enum AlarmSortOrder {
    /** Most urgent first, unacknowledged before acknowledged within a priority, newest first: the ISA-18.2 default. */
    PRIORITY("Priority", Comparator.comparing(Alarm::priority)
            .thenComparing(a -> !a.isUnacknowledged())
            .thenComparing(Alarm::raisedAt, Comparator.reverseOrder())
            .thenComparing(Alarm::key)),
    /** Newest first, whatever the priority. */
    NEWEST("Newest", Comparator.comparing(Alarm::raisedAt, Comparator.reverseOrder()).thenComparing(Alarm::key)),
    /** Oldest first: to work through a list in the order things happened. */
    OLDEST("Oldest", Comparator.comparing(Alarm::raisedAt).thenComparing(Alarm::key)),
    /** By asset path, so all alarms of one substation stand together. */
    SOURCE("Source", Comparator.comparing(Alarm::asset).thenComparing(Alarm::priority).thenComparing(Alarm::key));

    private final String label;
    private final Comparator<Alarm> comparator;

    AlarmSortOrder(String label, Comparator<Alarm> comparator) {
        this.label = label;
        this.comparator = comparator;
    }

    public Comparator<Alarm> comparator() {
        return comparator;
    }

    public Comparator<AlarmRow> rowComparator() {
        return Comparator.comparing(AlarmRow::alarm, comparator);
    }

    @Override
    public String toString() {
        return label;
    }
}
