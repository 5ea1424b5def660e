package org.plurigrid.console.client.alarms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Duration;
import java.util.ArrayList;
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
            AlarmRuleReader reader = new AlarmRuleReader(i, id, n, problems);
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
        return AlarmRuleWriter.toJson(set);
    }

    /**
     * Writes the rules to {@code file} so that a crash never leaves half a file, keeping the previous version as
     * {@link #backupOf}; the text is read back first, so the console never writes a file it cannot load.
     */
    public static void write(Path file, AlarmRuleSet set) throws AlarmRuleFileException {
        AlarmRuleWriter.write(file, set);
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
}
