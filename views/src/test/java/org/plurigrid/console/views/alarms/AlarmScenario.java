package org.plurigrid.console.views.alarms;

import java.time.Duration;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmKind;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.client.alarms.AlarmRule;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.alarms.PointPattern;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/** A real alarm engine on a test clock, with small named steps that raise devnet-shaped alarms. */
final class AlarmScenario {

    static final AlarmRule VOLTAGE_H = AlarmRule.limit("v-h",
            PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE), AlarmKind.H, 1.05,
            AlarmPriority.MEDIUM, "Busbar voltage high");
    static final AlarmRule VOLTAGE_HH = AlarmRule.limit("v-hh",
            PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE), AlarmKind.HH, 1.10,
            AlarmPriority.CRITICAL, "Busbar voltage very high");
    static final AlarmRule SOC_L = AlarmRule.limit("soc-l",
            new PointPattern(null, "StateOfCharge", "bat", PointPattern.Level.DEVICE), AlarmKind.L, 10,
            AlarmPriority.LOW, "Battery state of charge low");

    final TestClock clock = new TestClock();
    final AlarmEngine engine;

    AlarmScenario(AlarmRuleSet rules) {
        engine = new AlarmEngine(rules, clock);
    }

    AlarmScenario() {
        this(AlarmRuleSet.of(VOLTAGE_H, VOLTAGE_HH, SOC_L));
    }

    static AlarmScenario withDefaultRules() {
        return new AlarmScenario(AlarmRuleFile.defaults());
    }

    AlarmScenario voltage(String grid, String node, double pu) {
        return send(PointId.nodeMetric("cg-" + grid, node, "Substation/Voltage"), pu, "pu", Quality.GOOD);
    }

    AlarmScenario soc(String grid, String node, String device, double percent) {
        return send(new PointId("cg-" + grid, node, device, "StateOfCharge"), percent, "%", Quality.GOOD);
    }

    AlarmScenario send(PointId id, double value, String unit, Quality q) {
        engine.accept(new Measurement(id, value, clock.instant(), q, unit));
        return this;
    }

    /** Let time pass, ticking every second as the app does, so delayed alarms fire in order. */
    AlarmScenario after(Duration d) {
        Duration left = d;
        while (left.isPositive()) {
            Duration step = left.compareTo(Duration.ofSeconds(1)) < 0 ? left : Duration.ofSeconds(1);
            clock.advance(step);
            engine.tick();
            left = left.minus(step);
        }
        return this;
    }
}
