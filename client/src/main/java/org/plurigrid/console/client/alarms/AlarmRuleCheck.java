package org.plurigrid.console.client.alarms;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking edited rules: the rule set when every rule is valid, otherwise every problem at once.
 */
public record AlarmRuleCheck(Optional<AlarmRuleSet> rules, List<RuleProblem> problems) {

    public AlarmRuleCheck {
        problems = List.copyOf(problems);
        if (rules.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a check has either rules or problems");
        }
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Problems of the rule at {@code index}. */
    public List<RuleProblem> problemsOf(int index) {
        return problems.stream().filter(p -> p.index() == index).toList();
    }
}
