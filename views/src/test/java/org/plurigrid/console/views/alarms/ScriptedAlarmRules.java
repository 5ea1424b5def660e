package org.plurigrid.console.views.alarms;

import java.util.ArrayList;
import java.util.List;

import org.plurigrid.console.client.alarms.AlarmKind;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.client.alarms.AlarmRule;
import org.plurigrid.console.client.alarms.AlarmRuleChange;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.alarms.PointPattern;

/** A backend that runs a small rule set in memory and records what was applied, by whom. */
final class ScriptedAlarmRules implements AlarmRulesBackend {

    static final PointPattern VOLTAGE = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
    static final AlarmRule V_HH = AlarmRule.limit("v-hh", VOLTAGE, AlarmKind.HH, 1.10, AlarmPriority.CRITICAL,
            "Busbar voltage very high");
    static final AlarmRule V_H = AlarmRule.limit("v-h", VOLTAGE, AlarmKind.H, 1.05, AlarmPriority.MEDIUM,
            "Busbar voltage high");
    static final AlarmRule COMMS = AlarmRule.condition("comms", new PointPattern(null, null, null,
            PointPattern.Level.NODE), AlarmKind.COMMS_LOSS, AlarmPriority.HIGH, "Gateway lost");

    AlarmRuleSet running = AlarmRuleSet.of(V_HH, V_H, COMMS);
    final List<AlarmRuleSet> applied = new ArrayList<>();
    final List<String> operators = new ArrayList<>();
    String failWith;

    @Override
    public AlarmRuleSet load() {
        return running;
    }

    @Override
    public List<AlarmRuleChange> apply(AlarmRuleSet rules, String operator) throws Exception {
        if (failWith != null) {
            throw new java.io.IOException(failWith);
        }
        applied.add(rules);
        operators.add(operator);
        AlarmRuleSet before = running;
        running = rules;
        return AlarmRuleChange.between(before, rules);
    }

    @Override
    public String location() {
        return "/home/op/.plurigrid/alarm-rules.json";
    }
}
