package org.plurigrid.console.app.alarms;

import java.util.List;
import java.util.Objects;

import org.plurigrid.console.client.alarms.AlarmRuleChange;
import org.plurigrid.console.client.alarms.AlarmRuleService;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.views.alarms.AlarmRulesBackend;

/**
 * The rule editor's backend in the console: the running engine's rules, and Apply as {@link AlarmRuleService} does it
 * (rules file first, then the engine, which journals each change). Called on the editor's I/O thread.
 */
public final class ConsoleAlarmRules implements AlarmRulesBackend {

    private final AlarmRuleService service;

    public ConsoleAlarmRules(AlarmRuleService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public AlarmRuleSet load() {
        return service.current();
    }

    @Override
    public List<AlarmRuleChange> apply(AlarmRuleSet rules, String operator) throws Exception {
        return service.apply(rules, operator);
    }

    @Override
    public String location() {
        return service.file().toString();
    }
}
