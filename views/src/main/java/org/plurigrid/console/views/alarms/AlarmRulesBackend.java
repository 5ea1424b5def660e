package org.plurigrid.console.views.alarms;

import java.util.List;

import org.plurigrid.console.client.alarms.AlarmRuleChange;
import org.plurigrid.console.client.alarms.AlarmRuleSet;

/**
 * What the alarm rule editor needs from the outside: the rules running now, and applying an edited set (the app
 * writes the rules file and hands the set to the running engine, which journals each change). The view-model calls
 * both off the FX thread and does no I/O itself.
 */
public interface AlarmRulesBackend {

    /** The rules the engine runs now. */
    AlarmRuleSet load() throws Exception;

    /**
     * Write and apply {@code rules} on behalf of {@code operator}; returns what changed. A failure's message is shown
     * to the operator as it is, so it must say what went wrong and where (e.g. the file that could not be written).
     */
    List<AlarmRuleChange> apply(AlarmRuleSet rules, String operator) throws Exception;

    /** Where the rules are kept, for the status line (e.g. the file path). */
    String location();
}
