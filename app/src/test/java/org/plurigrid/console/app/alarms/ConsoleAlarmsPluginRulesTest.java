package org.plurigrid.console.app.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.alarms.AlarmRule;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.recording.ReplayClock;

/** Alarm rules from plugins run beside the operator's file; a file rule keeps its id. */
class ConsoleAlarmsPluginRulesTest {

    @TempDir
    Path home;

    @Test
    void pluginRulesJoinTheEngineUnlessTheFileAlreadyHasTheirId() {
        AlarmRuleSet file = AlarmRuleFile.defaults();
        AlarmRule first = file.rules().getFirst();
        AlarmRule fromPlugin = renamed(first, "asset-register.v-high");
        AlarmRule colliding = renamed(file.rules().get(1), first.id());
        try (ConsoleAlarms alarms = new ConsoleAlarms(file, List.of(fromPlugin, colliding), home.resolve("alarm-rules.json"),
                new ReplayClock(Instant.parse("2026-12-04T04:00:00Z")))) {
            List<AlarmRule> running = alarms.engine().rules().rules();
            assertThat(running).contains(fromPlugin).containsAll(file.rules());
            assertThat(running).hasSize(file.rules().size() + 1);
            assertThat(running).filteredOn(r -> r.id().equals(first.id())).containsExactly(first);
        }
    }

    private static AlarmRule renamed(AlarmRule r, String id) {
        return new AlarmRule(id, r.match(), r.kind(), r.limit(), r.deadband(), r.onDelay(), r.offDelay(), r.priority(),
                r.message(), r.description());
    }
}
