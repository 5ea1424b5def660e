package org.plurigrid.console.client.alarms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One difference between two rule sets, as the journal records it (ISA-18.2 management of change): a rule added, a
 * rule removed, or one field of a rule changed from an old to a new value, in the file's notation.
 */
public sealed interface AlarmRuleChange permits AlarmRuleChange.Added, AlarmRuleChange.Removed,
        AlarmRuleChange.Changed {

    String ruleId();

    /** One line for the journal and the editor, e.g. {@code limit 1.1 → 1.12}. */
    String describe();

    record Added(AlarmRule rule) implements AlarmRuleChange {
        public Added {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String ruleId() {
            return rule.id();
        }

        @Override
        public String describe() {
            return "rule added: " + fields(rule);
        }
    }

    record Removed(AlarmRule rule) implements AlarmRuleChange {
        public Removed {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String ruleId() {
            return rule.id();
        }

        @Override
        public String describe() {
            return "rule removed (was " + fields(rule) + ")";
        }
    }

    /** One field of one rule; {@code before} and {@code after} are empty when the field had or has no value. */
    record Changed(String ruleId, String field, String before, String after) implements AlarmRuleChange {
        public Changed {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(field, "field");
            before = before == null ? "" : before;
            after = after == null ? "" : after;
        }

        @Override
        public String describe() {
            return field + " " + shown(before) + " \u2192 " + shown(after);
        }

        private static String shown(String v) {
            return v.isEmpty() ? "(none)" : v;
        }
    }

    /**
     * What turns {@code before} into {@code after}: removed rules first, then changed fields rule by rule, then added
     * rules, each group in the order of the rule sets.
     */
    static List<AlarmRuleChange> between(AlarmRuleSet before, AlarmRuleSet after) {
        Map<String, AlarmRule> old = new LinkedHashMap<>();
        before.rules().forEach(r -> old.put(r.id(), r));
        Map<String, AlarmRule> now = new LinkedHashMap<>();
        after.rules().forEach(r -> now.put(r.id(), r));
        List<AlarmRuleChange> out = new ArrayList<>();
        for (AlarmRule r : before.rules()) {
            if (!now.containsKey(r.id())) {
                out.add(new Removed(r));
            }
        }
        for (AlarmRule r : after.rules()) {
            AlarmRule o = old.get(r.id());
            if (o != null && !o.equals(r)) {
                Map<String, String> a = values(o);
                Map<String, String> b = values(r);
                for (String field : a.keySet()) {
                    if (!a.get(field).equals(b.get(field))) {
                        out.add(new Changed(r.id(), field, a.get(field), b.get(field)));
                    }
                }
            }
        }
        for (AlarmRule r : after.rules()) {
            if (!old.containsKey(r.id())) {
                out.add(new Added(r));
            }
        }
        return out;
    }

    /** Every field of a rule in the file's notation, in the file's order. */
    private static Map<String, String> values(AlarmRule r) {
        AlarmRuleDraft d = AlarmRuleDraft.of(r);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("match.path", d.path());
        m.put("match.metric", d.metric());
        m.put("match.deviceType", d.deviceType());
        m.put("match.level", d.level());
        m.put("kind", d.kind());
        m.put("limit", d.limit());
        m.put("deadband", d.deadband());
        m.put("onDelay", d.onDelay());
        m.put("offDelay", d.offDelay());
        m.put("priority", d.priority());
        m.put("message", d.message());
        m.put("description", d.description());
        return m;
    }

    private static String fields(AlarmRule r) {
        StringBuilder sb = new StringBuilder();
        values(r).forEach((k, v) -> {
            if (!v.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v);
            }
        });
        return sb.toString();
    }
}
