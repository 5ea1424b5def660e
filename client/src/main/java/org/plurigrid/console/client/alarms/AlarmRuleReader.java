package org.plurigrid.console.client.alarms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.plurigrid.console.client.config.DurationText;

/**
 * Reads one rule of a rules file (or a draft turned into the same JSON), collecting every problem instead of stopping at
 * the first: what {@link AlarmRuleFile} runs for each element of {@code "rules"}.
 */
final class AlarmRuleReader {

    private static final Set<String> RULE_FIELDS = Set.of("id", "match", "kind", "limit", "deadband", "onDelay",
            "offDelay", "priority", "message", "description");
    private static final Set<String> MATCH_FIELDS = Set.of("path", "metric", "deviceType", "level");
    private static final String KINDS = "HH, H, L, LL, RATE_OF_CHANGE, BAD_QUALITY, STALE, COMMS_LOSS, DEVICE_REPORTED";
    private static final String PRIORITIES = "CRITICAL, HIGH, MEDIUM, LOW";

    private final int index;
    private final String id;
    private final JsonNode n;
    private final List<RuleProblem> problems;
    private final int before;

    AlarmRuleReader(int index, String id, JsonNode n, List<RuleProblem> problems) {
        this.index = index;
        this.id = id;
        this.n = n;
        this.problems = problems;
        this.before = problems.size();
    }

    AlarmRule read() {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!RULE_FIELDS.contains(f)) {
                problem(f, "unknown field \"" + f + "\"; expected one of " + sorted(RULE_FIELDS));
            }
        }
        String id = text("id", "a unique name such as \"substation-voltage-hh\"", true);
        AlarmKind kind = enumValue("kind", AlarmKind.class, KINDS);
        AlarmPriority priority = enumValue("priority", AlarmPriority.class, PRIORITIES);
        String message = text("message", "the text the operator reads, e.g. \"Busbar voltage high\"", true);
        JsonNode d = n.get("description");
        String description = d == null || d.isNull() ? "" : d.isTextual() ? d.asText() : null;
        if (description == null) {
            problem("description", "\"description\" must be text, was " + d);
        }
        PointPattern match = match();
        double limit = Double.NaN;
        double deadband = 0;
        if (kind != null && kind.needsLimit()) {
            Double l = number("limit", kind == AlarmKind.RATE_OF_CHANGE
                    ? "the largest allowed change per second, in the point's unit, e.g. \"limit\": 50"
                    : "the threshold of a " + kind + " alarm in the point's unit, e.g. \"limit\": 1.05", true);
            limit = l == null ? Double.NaN : l;
            if (kind == AlarmKind.RATE_OF_CHANGE && l != null && limit <= 0) {
                problem("limit", "\"limit\" of a rate-of-change rule must be greater than 0, was " + limit);
            }
            Double db = n.has("deadband") ? number("deadband", "a number ≥ 0 in the point's unit, e.g. 0.01", false) : null;
            if (db != null) {
                if (db < 0) {
                    problem("deadband", "\"deadband\" must be ≥ 0, was " + db);
                }
                deadband = db;
            }
        } else if (kind != null) {
            for (String f : List.of("limit", "deadband")) {
                if (n.has(f)) {
                    problem(f, "\"" + f + "\" has no meaning for kind " + kind + "; remove it");
                }
            }
        }
        Duration onDelay = duration("onDelay");
        Duration offDelay = duration("offDelay");
        if (problems.size() > before) {
            return null;
        }
        try {
            return new AlarmRule(id, match, kind, limit, deadband, onDelay, offDelay, priority, message,
                    description);
        } catch (IllegalArgumentException e) {
            problem(e.getMessage().startsWith("rule id") ? "id" : "", e.getMessage());
            return null;
        }
    }

    private PointPattern match() {
        JsonNode m = n.get("match");
        String expected = "an object such as {\"level\": \"node\", \"metric\": \"Substation/Voltage\"} with "
                + "any of path, metric, deviceType, level";
        if (m == null || !m.isObject()) {
            problem("match", "\"match\" is " + (m == null ? "missing" : "not an object") + "; expected " + expected);
            return null;
        }
        if (m.isEmpty()) {
            problem("match", "\"match\" is empty, which would watch every point; expected " + expected);
            return null;
        }
        int mark = problems.size();
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!MATCH_FIELDS.contains(f)) {
                problem("match." + f, "unknown field \"match." + f + "\"; expected one of " + sorted(MATCH_FIELDS));
            }
        }
        String path = matchText(m, "path");
        String metric = matchText(m, "metric");
        String deviceType = matchText(m, "deviceType");
        PointPattern.Level level = PointPattern.Level.ANY;
        String levelText = matchText(m, "level");
        if (levelText != null) {
            try {
                level = PointPattern.Level.valueOf(levelText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem("match.level", "\"match.level\" must be node, device or any, was \"" + levelText + "\"");
            }
        } else if (deviceType != null) {
            level = PointPattern.Level.DEVICE;
        }
        if (problems.size() > mark) {
            return null;
        }
        try {
            return new PointPattern(path, metric, deviceType, level);
        } catch (IllegalArgumentException e) {
            problem(e.getMessage().startsWith("device type") ? "match.deviceType"
                    : e.getMessage().startsWith("a device type") ? "match.level" : "match", "\"match\": " + e.getMessage());
            return null;
        }
    }

    private String matchText(JsonNode m, String field) {
        JsonNode v = m.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problem("match." + field, "\"match." + field + "\" must be a non-empty string, was " + v);
            return null;
        }
        return v.asText();
    }

    private String text(String field, String expected, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(field, "\"" + field + "\" is missing; expected " + expected);
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(field, "\"" + field + "\" must be a non-empty string: " + expected + "; was " + v);
            return null;
        }
        return v.asText();
    }

    private <E extends Enum<E>> E enumValue(String field, Class<E> type, String allowed) {
        String t = text(field, "one of " + allowed, true);
        if (t == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, t.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(field, "\"" + field + "\" is \"" + t + "\"; expected one of " + allowed);
            return null;
        }
    }

    private Double number(String field, String expected, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(field, "\"" + field + "\" is missing; expected " + expected);
            }
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            problem(field, "\"" + field + "\" must be a number: " + expected + "; was " + v);
            return null;
        }
        return v.asDouble();
    }

    private Duration duration(String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Duration.ZERO;
        }
        try {
            if (v.isNumber()) {
                return DurationText.ofSeconds(v.asDouble());
            }
            if (v.isTextual()) {
                return DurationText.parseNonNegative(v.asText());
            }
            problem(field, "\"" + field + "\" is " + v + "; expected a duration such as \"5s\", \"500ms\", \"2m\", "
                    + "\"PT5S\" or a number of seconds");
        } catch (IllegalArgumentException e) {
            problem(field, "\"" + field + "\" is " + v + "; " + e.getMessage());
        }
        return Duration.ZERO;
    }

    private void problem(String field, String what) {
        problems.add(new RuleProblem(index, id, field, what));
    }

    private static String sorted(Set<String> s) {
        String[] a = s.toArray(String[]::new);
        Arrays.sort(a);
        return String.join(", ", a);
    }
}
