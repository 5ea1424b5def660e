package org.plurigrid.console.plugins.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.AlarmKind;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.client.alarms.AlarmRule;
import org.plurigrid.console.client.alarms.PointPattern;
import org.plurigrid.console.plugins.spi.ConsolePlugin;

class PluginAlarmRulesTest {

    private final List<PluginInfo> disabled = new ArrayList<>();

    private PluginGuard guard(String id) {
        return new PluginGuard(new PluginInfo(id, id, "", "1.2", "/plugins/" + id + ".jar", PluginState.ENABLED, Optional.empty()),
                Duration.ofMillis(100), System::nanoTime, System::nanoTime, disabled::add);
    }

    private static AlarmRule rule(String id) {
        return new AlarmRule(id, PointPattern.metric("Bus/V_pu", PointPattern.Level.DEVICE), AlarmKind.H, 1.1, 0.01,
                Duration.ofSeconds(2), Duration.ZERO, AlarmPriority.HIGH, "Busbar voltage high (asset register)", "");
    }

    private static ConsolePlugin plugin(String id, Supplier<List<AlarmRule>> rules) {
        return new ConsolePlugin() {
            public String id() { return id; }
            public String title() { return id; }
            public boolean hasView() { return false; }
            public List<AlarmRule> alarmRules() { return rules.get(); }
        };
    }

    @Test
    void rulesCarryTheirPluginsIdSoTheyCannotTakeAnOperatorsRulesPlace() {
        PluginGuard guard = guard("asset-register");
        List<AlarmRule> rules = PluginAlarmRules.of(plugin("asset-register", () -> List.of(rule("v-high"), rule("v-high-2"))), guard);

        assertThat(rules).extracting(AlarmRule::id).containsExactly("asset-register.v-high", "asset-register.v-high-2");
        assertThat(rules.getFirst().limit()).isEqualTo(1.1);
        assertThat(rules.getFirst().message()).isEqualTo("Busbar voltage high (asset register)");
        assertThat(guard.active()).isTrue();
    }

    @Test
    void aPluginThatThrowsListsANullOrRepeatsAnIdIsDisabledAndContributesNone() {
        PluginGuard throwing = guard("bomb");
        assertThat(PluginAlarmRules.of(plugin("bomb", () -> { throw new IllegalStateException("no register"); }), throwing)).isEmpty();
        assertThat(throwing.active()).isFalse();

        PluginGuard withNull = guard("nulls");
        assertThat(PluginAlarmRules.of(plugin("nulls", () -> Arrays.asList(rule("a"), null)), withNull)).isEmpty();
        assertThat(withNull.active()).isFalse();

        PluginGuard twice = guard("twice");
        assertThat(PluginAlarmRules.of(plugin("twice", () -> List.of(rule("a"), rule("a"))), twice)).isEmpty();
        assertThat(twice.active()).isFalse();

        assertThat(disabled).extracting(i -> i.problem().orElse(""))
                .anySatisfy(e -> assertThat(e).contains("no register"))
                .anySatisfy(e -> assertThat(e).contains("null alarm rule"))
                .anySatisfy(e -> assertThat(e).contains("'a' twice"));
    }
}
