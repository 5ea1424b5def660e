package org.plurigrid.console.client.alarms;

import java.util.List;

/**
 * The seam between alarm sources and the screen, like the telemetry feed: live mode is the {@link AlarmEngine},
 * replay mode can be a recording. Every method returns at once; none blocks on telemetry.
 */
public interface AlarmFeed {

    /**
     * Alarms changed since the previous call, coalesced (newest snapshot per alarm). Meant for exactly one consumer,
     * the alarm list, once per frame.
     */
    AlarmChanges drainChanges();

    /** Visible alarms now (not cleared, shelved, suppressed or out of service), most urgent and newest first. */
    List<Alarm> active();

    /** Every alarm in the table, hidden ones included, in the same order. */
    List<Alarm> all();

    /** Visible alarms by priority. Cheap: cached between changes. */
    AlarmCounts counts();

    /** True while the alarm rate is above the flood threshold: the UI shows a flood banner. */
    boolean inFlood();

    /** Increases whenever anything visible changes; lets a view skip work in frames where nothing happened. */
    long version();

    /** The journal of every transition. */
    AlarmJournal journal();
}
