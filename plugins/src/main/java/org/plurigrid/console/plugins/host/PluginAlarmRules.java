package org.plurigrid.console.plugins.host;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.plurigrid.console.client.alarms.AlarmRule;
import org.plurigrid.console.plugins.spi.ConsolePlugin;

/**
 * A plugin's alarm rules as the engine runs them: asked for once behind the plugin's {@link PluginGuard}, each id
 * prefixed with the plugin's ({@code pluginId.ruleId}) so they can never take an operator's rule's place. A plugin that
 * throws, lists a null or the same id twice is disabled and contributes none.
 */
public final class PluginAlarmRules {

    private PluginAlarmRules() {
    }

    /** The plugin's rules with their ids prefixed; none if listing them failed (the plugin is then disabled). */
    public static List<AlarmRule> of(ConsolePlugin plugin, PluginGuard guard) {
        List<AlarmRule> declared = guard.call("listing its alarm rules", plugin::alarmRules).orElse(List.of());
        List<AlarmRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (AlarmRule r : declared) {
            if (r == null) {
                guard.disable("listed a null alarm rule", null);
                return List.of();
            }
            String id = guard.info().id() + "." + r.id();
            if (!ids.add(id)) {
                guard.disable("listed the alarm rule '" + r.id() + "' twice", null);
                return List.of();
            }
            out.add(new AlarmRule(id, r.match(), r.kind(), r.limit(), r.deadband(), r.onDelay(), r.offDelay(), r.priority(),
                    r.message(), r.description()));
        }
        return List.copyOf(out);
    }
}
