package org.plurigrid.console.client.alarms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads alarm rules from the JSON file operators edit ({@code alarm-rules.json} in the home folder; the default ships
 * as a resource). Every problem is reported with the file, the rule and what is expected, all at once, so an operator
 * fixes the file in one go. Format:
 *
 * <pre>
 * { "version": 1,
 *   "rules": [
 *     { "id": "substation-voltage-hh",
 *       "match": { "level": "node", "metric": "Substation/Voltage" },
 *       "kind": "HH", "limit": 1.10, "deadband": 0.01, "onDelay": "2s", "offDelay": "5s",
 *       "priority": "CRITICAL", "message": "Busbar voltage very high" } ] }
 * </pre>
 *
 * {@code match} takes {@code path} (glob on group/node/device/metric), {@code metric} (glob on the metric name),
 * {@code deviceType} (prefix such as {@code bat}) and {@code level} ({@code node}, {@code device} or {@code any}).
 * Delays are {@code "500ms"}, {@code "5s"}, {@code "2m"}, {@code "1h"}, ISO-8601 ({@code "PT5S"}) or a number of
 * seconds. {@code //} comments are allowed.
 */
public final class AlarmRuleFile {

    /** Class-path location of the shipped default rules. */
    public static final String DEFAULT_RESOURCE = "/org/plurigrid/console/client/alarms/default-alarm-rules.json";

    private static final Set<String> RULE_FIELDS = Set.of("id", "match", "kind", "limit", "deadband", "onDelay",
            "offDelay", "priority", "message", "description");
    private static final Set<String> MATCH_FIELDS = Set.of("path", "metric", "deviceType", "level");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)");
    private static final String KINDS = "HH, H, L, LL, RATE_OF_CHANGE, BAD_QUALITY, STALE, COMMS_LOSS, DEVICE_REPORTED";
    private static final String PRIORITIES = "CRITICAL, HIGH, MEDIUM, LOW";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private AlarmRuleFile() {
    }

    /** Load and validate a rules file. */
    public static AlarmRuleSet load(Path file) throws AlarmRuleFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AlarmRuleFileException(file.toString(), List.of("the file does not exist"), e);
        } catch (IOException e) {
            throw new AlarmRuleFileException(file.toString(), List.of("cannot be read: " + e.getMessage()), e);
        }
        return parse(text, file.toString());
    }

    /** Parse and validate rules from text; {@code origin} names the file in messages. */
    public static AlarmRuleSet parse(String json, String origin) throws AlarmRuleFileException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new AlarmRuleFileException(origin, List.of("is not valid JSON" + where + ": " + e.getOriginalMessage()), e);
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new AlarmRuleFileException(origin,
                    List.of("expected a JSON object with a \"rules\" array, e.g. {\"version\": 1, \"rules\": [ ... ]}"), null);
        }
        JsonNode version = root.get("version");
        if (version != null && !(version.isInt() && version.asInt() == 1)) {
            problems.add("\"version\" must be 1 (the only format this console knows), was " + version);
        }
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray()) {
            problems.add("expected a \"rules\" array at the top level");
            throw new AlarmRuleFileException(origin, problems, null);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("version") && !f.equals("rules")) {
                problems.add("unknown top-level field \"" + f + "\" (expected \"version\" and \"rules\")");
            }
        }
        List<AlarmRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            JsonNode n = rulesNode.get(i);
            String name = "rules[" + i + "]";
            if (!n.isObject()) {
                problems.add(name + ": expected an object {\"id\": ..., \"kind\": ..., ...}");
                continue;
            }
            JsonNode idNode = n.get("id");
            if (idNode != null && idNode.isTextual() && !idNode.asText().isBlank()) {
                name = "rule '" + idNode.asText() + "' (" + name + ")";
                if (!ids.add(idNode.asText())) {
                    problems.add(name + ": the id is used by an earlier rule too; ids must be unique");
                }
            }
            RuleReader reader = new RuleReader(name, n, problems);
            AlarmRule rule = reader.read();
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new AlarmRuleFileException(origin, problems, null);
        }
        return new AlarmRuleSet(origin, rules);
    }

    /** The rules shipped with the console (and used by the devnet). */
    public static AlarmRuleSet defaults() {
        try {
            return parse(defaultRulesText(), "classpath:" + DEFAULT_RESOURCE);
        } catch (AlarmRuleFileException e) {
            throw new IllegalStateException("the shipped default alarm rules are broken: " + e.getMessage(), e);
        }
    }

    /** The text of the shipped default rules, for copying into the operator's home folder. */
    public static String defaultRulesText() {
        try (InputStream in = AlarmRuleFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Write the default rules to {@code file} unless it exists, then load it: what the app does with
     * {@code ~/.plurigrid/alarm-rules.json} so the operator has a file to edit.
     */
    public static AlarmRuleSet loadOrCreate(Path file) throws AlarmRuleFileException {
        if (!Files.exists(file)) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, defaultRulesText(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AlarmRuleFileException(file.toString(),
                        List.of("cannot write the default rules there: " + e.getMessage()), e);
            }
        }
        return load(file);
    }

    /** Reads one rule, collecting every problem instead of stopping at the first. */
    private static final class RuleReader {
        private final String name;
        private final JsonNode n;
        private final List<String> problems;
        private final int before;

        RuleReader(String name, JsonNode n, List<String> problems) {
            this.name = name;
            this.n = n;
            this.problems = problems;
            this.before = problems.size();
        }

        AlarmRule read() {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!RULE_FIELDS.contains(f)) {
                    problem("unknown field \"" + f + "\"; expected one of " + sorted(RULE_FIELDS));
                }
            }
            String id = text("id", "a unique name such as \"substation-voltage-hh\"", true);
            AlarmKind kind = enumValue("kind", AlarmKind.class, KINDS);
            AlarmPriority priority = enumValue("priority", AlarmPriority.class, PRIORITIES);
            String message = text("message", "the text the operator reads, e.g. \"Busbar voltage high\"", true);
            PointPattern match = match();
            double limit = Double.NaN;
            double deadband = 0;
            if (kind != null && kind.needsLimit()) {
                Double l = number("limit", kind == AlarmKind.RATE_OF_CHANGE
                        ? "the largest allowed change per second, in the point's unit, e.g. \"limit\": 50"
                        : "the threshold of a " + kind + " alarm in the point's unit, e.g. \"limit\": 1.05", true);
                limit = l == null ? Double.NaN : l;
                if (kind == AlarmKind.RATE_OF_CHANGE && l != null && limit <= 0) {
                    problem("\"limit\" of a rate-of-change rule must be greater than 0, was " + limit);
                }
                Double db = n.has("deadband") ? number("deadband", "a number ≥ 0 in the point's unit, e.g. 0.01", false) : null;
                if (db != null) {
                    if (db < 0) {
                        problem("\"deadband\" must be ≥ 0, was " + db);
                    }
                    deadband = db;
                }
            } else if (kind != null) {
                for (String f : List.of("limit", "deadband")) {
                    if (n.has(f)) {
                        problem("\"" + f + "\" has no meaning for kind " + kind + "; remove it");
                    }
                }
            }
            Duration onDelay = duration("onDelay");
            Duration offDelay = duration("offDelay");
            if (problems.size() > before) {
                return null;
            }
            try {
                return new AlarmRule(id, match, kind, limit, deadband, onDelay, offDelay, priority, message);
            } catch (IllegalArgumentException e) {
                problem(e.getMessage());
                return null;
            }
        }

        private PointPattern match() {
            JsonNode m = n.get("match");
            String expected = "an object such as {\"level\": \"node\", \"metric\": \"Substation/Voltage\"} with "
                    + "any of path, metric, deviceType, level";
            if (m == null || !m.isObject()) {
                problem("\"match\" is " + (m == null ? "missing" : "not an object") + "; expected " + expected);
                return null;
            }
            if (m.isEmpty()) {
                problem("\"match\" is empty, which would watch every point; expected " + expected);
                return null;
            }
            int mark = problems.size();
            for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!MATCH_FIELDS.contains(f)) {
                    problem("unknown field \"match." + f + "\"; expected one of " + sorted(MATCH_FIELDS));
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
                    problem("\"match.level\" must be node, device or any, was \"" + levelText + "\"");
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
                problem("\"match\": " + e.getMessage());
                return null;
            }
        }

        private String matchText(JsonNode m, String field) {
            JsonNode v = m.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                problem("\"match." + field + "\" must be a non-empty string, was " + v);
                return null;
            }
            return v.asText();
        }

        private String text(String field, String expected, boolean required) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problem("\"" + field + "\" is missing; expected " + expected);
                }
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                problem("\"" + field + "\" must be a non-empty string: " + expected + "; was " + v);
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
                problem("\"" + field + "\" is \"" + t + "\"; expected one of " + allowed);
                return null;
            }
        }

        private Double number(String field, String expected, boolean required) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problem("\"" + field + "\" is missing; expected " + expected);
                }
                return null;
            }
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                problem("\"" + field + "\" must be a number: " + expected + "; was " + v);
                return null;
            }
            return v.asDouble();
        }

        private Duration duration(String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return Duration.ZERO;
            }
            String expected = "a duration such as \"5s\", \"500ms\", \"2m\", \"PT5S\" or a number of seconds";
            Duration d = null;
            if (v.isNumber()) {
                d = Duration.ofNanos(Math.round(v.asDouble() * 1e9));
            } else if (v.isTextual()) {
                String t = v.asText().trim().toLowerCase(Locale.ROOT);
                Matcher m = SIMPLE_DURATION.matcher(t);
                if (m.matches()) {
                    double amount = Double.parseDouble(m.group(1));
                    double seconds = switch (m.group(2)) {
                        case "ms" -> amount / 1000;
                        case "s" -> amount;
                        case "m", "min" -> amount * 60;
                        default -> amount * 3600;
                    };
                    d = Duration.ofNanos(Math.round(seconds * 1e9));
                } else {
                    try {
                        d = Duration.parse(v.asText().trim());
                    } catch (DateTimeParseException e) {
                        d = null;
                    }
                }
            }
            if (d == null) {
                problem("\"" + field + "\" is " + v + "; expected " + expected);
                return Duration.ZERO;
            }
            if (d.isNegative()) {
                problem("\"" + field + "\" must not be negative, was " + v);
                return Duration.ZERO;
            }
            return d;
        }

        private void problem(String what) {
            problems.add(name + ": " + what);
        }

        private static String sorted(Set<String> s) {
            String[] a = s.toArray(String[]::new);
            Arrays.sort(a);
            return String.join(", ", a);
        }
    }
}
