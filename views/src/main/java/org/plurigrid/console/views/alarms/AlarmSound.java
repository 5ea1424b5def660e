package org.plurigrid.console.views.alarms;

import org.plurigrid.console.client.alarms.AlarmPriority;

/** Something that can make one short alarm sound. Implementations return at once and never throw. */
@FunctionalInterface
public interface AlarmSound {

    /** No sound at all (tests, machines without audio). */
    AlarmSound SILENT = priority -> { };

    void play(AlarmPriority priority);
}
