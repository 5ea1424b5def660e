package org.plurigrid.console.views.alarms;

import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmKey;

/**
 * One line of the alarm list. The row object stays the same while its alarm changes state, so the table keeps the
 * operator's selection and scroll position when an alarm is acknowledged or returns to normal.
 */
public final class AlarmRow {

    private final AlarmKey key;
    private final ReadOnlyObjectWrapper<Alarm> alarm;

    AlarmRow(Alarm alarm) {
        this.key = alarm.key();
        this.alarm = new ReadOnlyObjectWrapper<>(this, "alarm", alarm);
    }

    public AlarmKey key() {
        return key;
    }

    public Alarm alarm() {
        return alarm.get();
    }

    public ReadOnlyObjectProperty<Alarm> alarmProperty() {
        return alarm.getReadOnlyProperty();
    }

    void update(Alarm next) {
        if (!next.key().equals(key)) {
            throw new IllegalArgumentException("row " + key + " cannot show alarm " + next.key());
        }
        alarm.set(Objects.requireNonNull(next));
    }

    @Override
    public String toString() {
        return "AlarmRow[" + alarm.get() + "]";
    }
}
