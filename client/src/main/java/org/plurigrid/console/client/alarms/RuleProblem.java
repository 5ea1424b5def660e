package org.plurigrid.console.client.alarms;

import java.util.Objects;

/**
 * One thing wrong with a set of alarm rules, placed so an editor can show it next to the field.
 *
 * @param index   position of the rule in the set, -1 for the set as a whole
 * @param ruleId  the rule's id as written, empty if it has none (or for the set as a whole)
 * @param field   the field at fault as the file names it ({@code "limit"}, {@code "match.metric"}, …), empty if the
 *                rule or the set as a whole is at fault
 * @param message what is wrong and what is expected, written for the operator
 */
public record RuleProblem(int index, String ruleId, String field, String message) {

    public RuleProblem {
        ruleId = ruleId == null ? "" : ruleId;
        field = field == null ? "" : field;
        Objects.requireNonNull(message, "message");
    }

    /** "rule 'voltage-hh' (rules[0])", or "rules[3]" for a rule without an id; empty for the whole set. */
    public String where() {
        if (index < 0) {
            return "";
        }
        return ruleId.isEmpty() ? "rules[" + index + "]" : "rule '" + ruleId + "' (rules[" + index + "])";
    }

    /** The line the file's error message shows: where, then what. */
    public String text() {
        return index < 0 ? message : where() + ": " + message;
    }
}
