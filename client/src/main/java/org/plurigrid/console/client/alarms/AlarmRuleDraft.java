package org.plurigrid.console.client.alarms;

import java.util.Locale;

/**
 * One rule as an editor holds it: every field as the operator typed it, valid or not. {@link AlarmRuleFile#check}
 * turns a list of drafts into an {@link AlarmRuleSet} or into problems that name the rule and the field, with the
 * same rules and messages as the file.
 *
 * @param id         rule id
 * @param path       {@code match.path} glob, blank for any
 * @param metric     {@code match.metric} glob, blank for any
 * @param deviceType {@code match.deviceType}, blank for any
 * @param level      {@code match.level}: node, device, any, or blank
 * @param kind       HH, H, L, LL, RATE_OF_CHANGE, BAD_QUALITY, STALE, COMMS_LOSS, DEVICE_REPORTED
 * @param limit      a number, blank for kinds without a limit
 * @param deadband   a number, blank for none
 * @param onDelay    a duration such as "5s", blank for none
 * @param offDelay   a duration such as "5s", blank for none
 * @param priority   CRITICAL, HIGH, MEDIUM, LOW
 * @param message    what the operator reads
 * @param description free text, may be blank
 */
public record AlarmRuleDraft(String id, String path, String metric, String deviceType, String level, String kind,
                             String limit, String deadband, String onDelay, String offDelay, String priority,
                             String message, String description) {

    public AlarmRuleDraft {
        id = orEmpty(id);
        path = orEmpty(path);
        metric = orEmpty(metric);
        deviceType = orEmpty(deviceType);
        level = orEmpty(level);
        kind = orEmpty(kind);
        limit = orEmpty(limit);
        deadband = orEmpty(deadband);
        onDelay = orEmpty(onDelay);
        offDelay = orEmpty(offDelay);
        priority = orEmpty(priority);
        message = orEmpty(message);
        description = orEmpty(description);
    }

    /** The draft of an existing rule, in the notation the file uses. */
    public static AlarmRuleDraft of(AlarmRule r) {
        PointPattern m = r.match();
        boolean limitKind = r.kind().needsLimit();
        return new AlarmRuleDraft(r.id(), m.pathGlob(), m.metricGlob(), m.deviceType(),
                m.level().name().toLowerCase(Locale.ROOT), r.kind().name(),
                limitKind ? AlarmRuleFile.formatNumber(r.limit()) : "",
                limitKind ? AlarmRuleFile.formatNumber(r.deadband()) : "",
                AlarmRuleFile.formatDuration(r.onDelay()), AlarmRuleFile.formatDuration(r.offDelay()),
                r.priority().name(), r.message(), r.description());
    }

    /** The same draft under another id (the editor's "add from a copy"). */
    public AlarmRuleDraft withId(String newId) {
        return new AlarmRuleDraft(newId, path, metric, deviceType, level, kind, limit, deadband, onDelay, offDelay,
                priority, message, description);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
