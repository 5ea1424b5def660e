package org.plurigrid.console.client.alarms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.plurigrid.console.client.config.DurationText;
import org.plurigrid.console.client.files.AtomicFile;
import org.plurigrid.console.client.files.PrivateFiles;
import org.plurigrid.console.client.files.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
    private static final String KINDS = "HH, H, L, LL, RATE_OF_CHANGE, BAD_QUALITY, STALE, COMMS_LOSS, DEVICE_REPORTED";
    private static final String PRIORITIES = "CRITICAL, HIGH, MEDIUM, LOW";

    /** Top-level field that confirms an empty rule set (no alarms at all) is meant. */
    public static final String ALLOW_EMPTY = "allowEmpty";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private AlarmRuleFile() {
    }

    /** Load and validate a rules file (read strictly: bounded size, no duplicate keys, nothing after the object). */
    public static AlarmRuleSet load(Path file) throws AlarmRuleFileException {
        JsonNode root;
        try {
            root = StrictJson.readFile(file);
        } catch (NoSuchFileException e) {
            throw new AlarmRuleFileException(file.toString(), List.of("the file does not exist"), e);
        } catch (StrictJson.Invalid e) {
            throw new AlarmRuleFileException(file.toString(), List.of(e.getMessage()), e);
        } catch (IOException e) {
            throw new AlarmRuleFileException(file.toString(), List.of("cannot be read: " + e.getMessage()), e);
        }
        return fromTree(root, file.toString());
    }

    /** Parse and validate rules from text; {@code origin} names the file in messages. */
    public static AlarmRuleSet parse(String json, String origin) throws AlarmRuleFileException {
        JsonNode root;
        try {
            root = StrictJson.readText(json);
        } catch (StrictJson.Invalid e) {
            throw new AlarmRuleFileException(origin, List.of(e.getMessage()), e);
        }
        return fromTree(root, origin);
    }

    private static AlarmRuleSet fromTree(JsonNode root, String origin) throws AlarmRuleFileException {
        if (root == null || !root.isObject()) {
            throw new AlarmRuleFileException(origin,
                    List.of("expected a JSON object with a \"rules\" array, e.g. {\"version\": 1, \"rules\": [ ... ]}"), null);
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<AlarmRule> rules = read(root, problems);
        if (problems.isEmpty() && rules.isEmpty() && !allowsEmpty(root)) {
            problems.add(new RuleProblem(-1, "", "rules", "\"rules\" is empty, which would switch every alarm off; "
                    + "if that is really meant, add \"" + ALLOW_EMPTY + "\": true next to it"));
        }
        if (!problems.isEmpty()) {
            throw new AlarmRuleFileException(origin, problems.stream().map(RuleProblem::text).toList(), null);
        }
        return new AlarmRuleSet(origin, rules);
    }

    private static boolean allowsEmpty(JsonNode root) {
        JsonNode v = root.get(ALLOW_EMPTY);
        return v != null && v.isBoolean() && v.booleanValue();
    }

    /**
     * Check rules as an editor holds them, with exactly the rules and messages of the file: the rule set if all is
     * well, otherwise every problem, each naming its rule and field.
     */
    public static AlarmRuleCheck check(List<AlarmRuleDraft> drafts, String origin) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode array = root.putArray("rules");
        for (AlarmRuleDraft d : drafts) {
            array.add(toNode(d));
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<AlarmRule> rules = read(root, problems);
        return problems.isEmpty()
                ? new AlarmRuleCheck(Optional.of(new AlarmRuleSet(origin, rules)), List.of())
                : new AlarmRuleCheck(Optional.empty(), problems);
    }

    private static List<AlarmRule> read(JsonNode root, List<RuleProblem> problems) {
        JsonNode version = root.get("version");
        if (version != null && !(version.isInt() && version.asInt() == 1)) {
            problems.add(new RuleProblem(-1, "", "version",
                    "\"version\" must be 1 (the only format this console knows), was " + version));
        }
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray()) {
            problems.add(new RuleProblem(-1, "", "rules", "expected a \"rules\" array at the top level"));
            return List.of();
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("version") && !f.equals("rules") && !f.equals(ALLOW_EMPTY)) {
                problems.add(new RuleProblem(-1, "", f,
                        "unknown top-level field \"" + f + "\" (expected \"version\", \"rules\" and \"" + ALLOW_EMPTY + "\")"));
            } else if (f.equals(ALLOW_EMPTY) && !root.get(f).isBoolean()) {
                problems.add(new RuleProblem(-1, "", f, "\"" + ALLOW_EMPTY + "\" must be true or false, was " + root.get(f)));
            }
        }
        List<AlarmRule> rules = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            JsonNode n = rulesNode.get(i);
            if (!n.isObject()) {
                problems.add(new RuleProblem(i, "", "", "expected an object {\"id\": ..., \"kind\": ..., ...}"));
                continue;
            }
            JsonNode idNode = n.get("id");
            String id = "";
            if (idNode != null && idNode.isTextual() && !idNode.asText().isBlank()) {
                id = idNode.asText();
                if (!ids.add(id)) {
                    problems.add(new RuleProblem(i, id, "id", "the id is used by an earlier rule too; ids must be unique"));
                }
            }
            RuleReader reader = new RuleReader(i, id, n, problems);
            AlarmRule rule = reader.read();
            if (rule != null) {
                rules.add(rule);
                indices.add(i);
            }
        }
        checkLimitOrder(rules, indices, problems);
        return rules;
    }

    /**
     * Limit rules watching the same points must nest: HH ≥ H > L ≥ LL. A swapped pair would raise the "very high"
     * alarm before the "high" one, or raise a high and a low alarm for the same value.
     */
    private static void checkLimitOrder(List<AlarmRule> rules, List<Integer> indices, List<RuleProblem> problems) {
        for (int b = 0; b < rules.size(); b++) {
            AlarmRule later = rules.get(b);
            int laterRank = limitRank(later.kind());
            if (laterRank < 0) {
                continue;
            }
            for (int a = 0; a < b; a++) {
                AlarmRule earlier = rules.get(a);
                int earlierRank = limitRank(earlier.kind());
                if (earlierRank < 0 || earlierRank == laterRank || !earlier.match().equals(later.match())) {
                    continue;
                }
                AlarmRule upper = earlierRank > laterRank ? earlier : later;
                AlarmRule lower = upper == earlier ? later : earlier;
                boolean sameSide = upper.kind().isHighLimit() == lower.kind().isHighLimit();
                boolean ok = sameSide ? upper.limit() >= lower.limit() : upper.limit() > lower.limit();
                if (!ok) {
                    String relation = sameSide ? "at least" : "above";
                    problems.add(new RuleProblem(indices.get(b), later.id(), "limit",
                            "the " + upper.kind() + " limit (" + formatNumber(upper.limit()) + ", rule '" + upper.id()
                                    + "') must be " + relation + " the " + lower.kind() + " limit ("
                                    + formatNumber(lower.limit()) + ", rule '" + lower.id()
                                    + "') of the same points; expected HH ≥ H > L ≥ LL"));
                }
            }
        }
    }

    private static int limitRank(AlarmKind kind) {
        return switch (kind) {
            case HH -> 3;
            case H -> 2;
            case L -> 1;
            case LL -> 0;
            default -> -1;
        };
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
                AtomicFile.write(file, defaultRulesText().getBytes(StandardCharsets.UTF_8), PrivateFiles.OWNER_ONLY_FILE,
                        AtomicFile.IfExists.REFUSE);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another console wrote it meanwhile: load that one
            } catch (IOException e) {
                throw new AlarmRuleFileException(file.toString(),
                        List.of("cannot write the default rules there: " + e.getMessage()), e);
            }
        }
        return load(file);
    }

    /** The first line of a file the console wrote; the rest of the header says what the console does with it. */
    public static final String WRITTEN_BY_CONSOLE = "// Written by Plurigrid Console (Alarms \u2192 Rules).";

    /**
     * The rules as the text of a rules file, with a header saying the console wrote it. Limit kinds carry their
     * limit and deadband, every rule its delays, so the file reads the same as the editor.
     */
    public static String toJson(AlarmRuleSet set) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        if (set.rules().isEmpty()) {
            // The editor writes an empty set only when the operator removed every rule: that is the confirmation.
            root.put(ALLOW_EMPTY, true);
        }
        ArrayNode array = root.putArray("rules");
        for (AlarmRule r : set.rules()) {
            ObjectNode n = array.addObject();
            n.put("id", r.id());
            if (!r.description().isEmpty()) {
                n.put("description", r.description());
            }
            ObjectNode m = n.putObject("match");
            PointPattern p = r.match();
            if (p.pathGlob() != null) {
                m.put("path", p.pathGlob());
            }
            if (p.metricGlob() != null) {
                m.put("metric", p.metricGlob());
            }
            if (p.deviceType() != null) {
                m.put("deviceType", p.deviceType());
            }
            m.put("level", p.level().name().toLowerCase(Locale.ROOT));
            n.put("kind", r.kind().name());
            if (r.kind().needsLimit()) {
                n.put("limit", r.limit());
                n.put("deadband", r.deadband());
            }
            n.put("onDelay", formatDuration(r.onDelay()));
            n.put("offDelay", formatDuration(r.offDelay()));
            n.put("priority", r.priority().name());
            n.put("message", r.message());
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String body;
        try {
            body = JSON.writer(printer).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alarm rules as JSON", e);
        }
        return WRITTEN_BY_CONSOLE + "\n"
                + "// Edit the rules in the console (Alarms \u2192 Rules), which checks them, applies them without a restart\n"
                + "// and journals every change. Edits made here by hand are read at the next start; comments other than\n"
                + "// this header are not kept. The previous version is kept next to this file as " + "<name>.bak.\n"
                + "// Format: docs/alarms.md.\n"
                + body + "\n";
    }

    /**
     * Write the rules to {@code file} so that a crash never leaves half a file: the text goes to a temporary file in
     * the same folder, the current file is copied to {@code <file>.bak} (one backup, replaced each time), then the
     * temporary file is moved over the original. The text is read back before anything is replaced, so the console
     * never writes a file it cannot load at the next start.
     */
    public static void write(Path file, AlarmRuleSet set) throws AlarmRuleFileException {
        String text = toJson(set);
        parse(text, file.toString()); // the same checks as at start, cross-rule ones included
        try {
            if (Files.exists(file)) {
                Files.copy(file, backupOf(file), StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8), PrivateFiles.OWNER_ONLY_FILE,
                    AtomicFile.IfExists.REPLACE);
        } catch (IOException e) {
            throw new AlarmRuleFileException(file.toString(), List.of("cannot be written: " + e.getMessage()), e);
        }
    }

    /** Where {@link #write} keeps the previous version of {@code file}. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /** A duration in the file's notation ({@link DurationText#format}). */
    public static String formatDuration(Duration d) {
        return DurationText.format(d);
    }

    /** A number as the editor shows it: no trailing ".0", no exponent for everyday values. */
    public static String formatNumber(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A draft as the JSON the file would hold, so drafts go through the very same reader. */
    private static ObjectNode toNode(AlarmRuleDraft d) {
        ObjectNode n = JSON.createObjectNode();
        putText(n, "id", d.id());
        ObjectNode m = JSON.createObjectNode();
        putText(m, "path", d.path());
        putText(m, "metric", d.metric());
        putText(m, "deviceType", d.deviceType());
        putText(m, "level", d.level());
        n.set("match", m);
        putText(n, "kind", d.kind());
        AlarmKind kind = null;
        try {
            kind = AlarmKind.valueOf(d.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported by the reader
        }
        // The editor keeps limit fields while the kind changes; a kind without a limit simply does not use them.
        if (kind == null || kind.needsLimit()) {
            putNumber(n, "limit", d.limit());
            putNumber(n, "deadband", d.deadband());
        }
        putDuration(n, "onDelay", d.onDelay());
        putDuration(n, "offDelay", d.offDelay());
        putText(n, "priority", d.priority());
        putText(n, "message", d.message());
        if (!d.description().isBlank()) {
            n.put("description", d.description().strip());
        }
        return n;
    }

    private static void putText(ObjectNode n, String field, String value) {
        if (!value.isBlank()) {
            n.put(field, value.strip());
        }
    }

    private static void putNumber(ObjectNode n, String field, String value) {
        String t = value.strip();
        if (t.isEmpty()) {
            return;
        }
        try {
            n.put(field, Double.parseDouble(t.replace(',', '.')));
        } catch (NumberFormatException e) {
            n.put(field, t); // the reader says "must be a number … was "abc""
        }
    }

    private static void putDuration(ObjectNode n, String field, String value) {
        String t = value.strip();
        if (t.isEmpty()) {
            return;
        }
        try {
            n.put(field, Double.parseDouble(t));
        } catch (NumberFormatException e) {
            n.put(field, t);
        }
    }

    /** Reads one rule, collecting every problem instead of stopping at the first. */
    private static final class RuleReader {
        private final int index;
        private final String id;
        private final JsonNode n;
        private final List<RuleProblem> problems;
        private final int before;

        RuleReader(int index, String id, JsonNode n, List<RuleProblem> problems) {
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
}
