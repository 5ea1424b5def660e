package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.client.alarms.Points.good;
import static org.plurigrid.console.client.alarms.Points.voltage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.telemetry.PointId;

/** Replacing the rules of a running engine (the editor's Apply), ISA-18.2 management of change. */
class AlarmEngineRuleChangeTest {

    private static final PointPattern VOLTAGE = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
    private static final AlarmRule V_HH = AlarmRule.limit("v-hh", VOLTAGE, AlarmKind.HH, 1.10, AlarmPriority.CRITICAL,
            "Busbar voltage very high");
    private static final AlarmRule V_H = AlarmRule.limit("v-h", VOLTAGE, AlarmKind.H, 1.05, AlarmPriority.MEDIUM,
            "Busbar voltage high");
    private static final AlarmRule POWER_H = AlarmRule.limit("p-h",
            PointPattern.metric("Substation/ActivePower", PointPattern.Level.NODE), AlarmKind.H, 500,
            AlarmPriority.LOW, "Import high");

    private final TestClock clock = new TestClock();
    private final PointId v1 = voltage("groningen-sub-01");
    private final PointId p1 = Points.nodeMetric("groningen-sub-01", "Substation/ActivePower");

    @TempDir
    Path home;

    @Test
    void keepsActiveAlarmsOfUnchangedRules() {
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_H, POWER_H), clock);
        engine.accept(good(v1, 1.07, clock));
        engine.acknowledge(new AlarmKey("v-h", v1.path()), "anna", "");
        Alarm before = engine.active().getFirst();

        engine.replaceRules(AlarmRuleSet.of(V_H, POWER_H.withLimit(600)), "eve");

        assertThat(engine.active()).containsExactly(before);
        engine.accept(good(v1, 1.08, clock));
        assertThat(engine.active()).as("no second alarm after the change").containsExactly(before);
    }

    @Test
    void alarmsOfRemovedRulesReturnToNormalAsTheirStateAllows() {
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_H, POWER_H), clock);
        engine.accept(good(v1, 1.07, clock));
        engine.accept(good(p1, 550, clock));
        engine.acknowledge(new AlarmKey("p-h", p1.path()), "anna", "");

        engine.replaceRules(AlarmRuleSet.of(POWER_H.withLimit(800)), "eve");

        assertThat(engine.all()).as("acknowledged p-h stays (its rule exists), unacknowledged v-h waits for an ack")
                .extracting(Alarm::key, Alarm::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(new AlarmKey("v-h", v1.path()), AlarmState.RETURNED_UNACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple(new AlarmKey("p-h", p1.path()), AlarmState.ACKNOWLEDGED));
        engine.accept(good(v1, 1.20, clock));
        assertThat(engine.all()).as("the removed rule raises nothing any more").hasSize(2);
        assertThat(engine.acknowledge(new AlarmKey("v-h", v1.path()), "anna", "").isApplied()).isTrue();
        assertThat(engine.all()).extracting(a -> a.key().ruleId()).containsExactly("p-h");
    }

    @Test
    void acknowledgedAlarmOfRemovedRuleClears() {
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_H), clock);
        engine.accept(good(v1, 1.07, clock));
        engine.acknowledge(new AlarmKey("v-h", v1.path()), "anna", "");

        engine.replaceRules(AlarmRuleSet.of(POWER_H), "eve");

        assertThat(engine.all()).isEmpty();
        assertThat(engine.counts().totalVisible()).isZero();
    }

    @Test
    void changedLimitTakesEffectOnTheNextMeasurement() {
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_H), clock);
        engine.accept(good(v1, 1.07, clock));
        engine.acknowledge(new AlarmKey("v-h", v1.path()), "anna", "");

        engine.replaceRules(AlarmRuleSet.of(V_H.withLimit(1.08)), "eve");
        assertThat(engine.active()).as("nothing changes before new data").hasSize(1);
        assertThat(engine.active().getFirst().limit()).isEqualTo(1.08);

        engine.accept(good(v1, 1.07, clock)); // below the new limit
        assertThat(engine.all()).isEmpty();

        engine.accept(good(v1, 1.081, clock));
        assertThat(engine.active()).singleElement().extracting(Alarm::state).isEqualTo(AlarmState.UNACKNOWLEDGED);
    }

    @Test
    void addedRuleWatchesPointsSeenBefore() {
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_H), clock);
        engine.accept(good(p1, 550, clock)); // no rule for power yet: the point is bound to nothing

        engine.replaceRules(AlarmRuleSet.of(V_H, POWER_H), "eve");
        engine.accept(good(p1, 560, clock));

        assertThat(engine.active()).singleElement().extracting(a -> a.key().ruleId()).isEqualTo("p-h");
    }

    @Test
    void changedPriorityAndMessageShowAtOnce() {
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_H), clock);
        engine.accept(good(v1, 1.07, clock));
        engine.drainChanges();

        engine.replaceRules(AlarmRuleSet.of(new AlarmRule("v-h", VOLTAGE, AlarmKind.H, 1.05, 0, null, null,
                AlarmPriority.HIGH, "Voltage above band")), "eve");

        AlarmChanges changes = engine.drainChanges();
        assertThat(changes.updated()).singleElement().satisfies(a -> {
            assertThat(a.priority()).isEqualTo(AlarmPriority.HIGH);
            assertThat(a.message()).isEqualTo("Voltage above band");
        });
        assertThat(changes.counts().total(AlarmPriority.HIGH)).isEqualTo(1);
    }

    @Test
    void journalsEveryRuleChangeWithOperatorAndOldAndNewValue() {
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_HH, V_H), clock);

        List<AlarmRuleChange> changes = engine.replaceRules(
                AlarmRuleSet.of(V_HH.withLimit(1.12).withPriority(AlarmPriority.HIGH), POWER_H), "eve");

        assertThat(changes).hasSize(4);
        assertThat(engine.journal().entries())
                .allSatisfy(e -> assertThat(e.operator()).isEqualTo("eve"))
                .extracting(JournalEntry::event, JournalEntry::source, JournalEntry::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.RULE_REMOVED, "v-h",
                                "rule removed (was match.metric Substation/Voltage, match.level node, kind H, "
                                        + "limit 1.05, deadband 0, onDelay 0s, offDelay 0s, priority MEDIUM, "
                                        + "message Busbar voltage high)"),
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.RULE_CHANGED, "v-hh", "limit 1.1 \u2192 1.12"),
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.RULE_CHANGED, "v-hh",
                                "priority CRITICAL \u2192 HIGH"),
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.RULE_ADDED, "p-h",
                                "rule added: match.metric Substation/ActivePower, match.level node, kind H, "
                                        + "limit 500, deadband 0, onDelay 0s, offDelay 0s, priority LOW, "
                                        + "message Import high"));
        assertThat(engine.rules().rules()).extracting(AlarmRule::id).containsExactly("v-hh", "p-h");
    }

    @Test
    void replacingWithTheSameRulesJournalsNothing() {
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_H), clock);

        assertThat(engine.replaceRules(AlarmRuleSet.of(V_H), "eve")).isEmpty();
        assertThat(engine.journal().entries()).isEmpty();
    }

    @Test
    void serviceWritesTheFileThenAppliesAndJournals() throws Exception {
        Path file = home.resolve("alarm-rules.json");
        AlarmRuleSet loaded = AlarmRuleFile.loadOrCreate(file);
        AlarmEngine engine = new AlarmEngine(loaded, clock);
        AlarmRuleService service = new AlarmRuleService(file, engine);
        AlarmRule hh = loaded.rules().getFirst();
        List<AlarmRule> edited = new java.util.ArrayList<>(loaded.rules());
        edited.set(0, hh.withLimit(1.12));

        List<AlarmRuleChange> changes = service.apply(new AlarmRuleSet("editor", edited), "eve");

        assertThat(changes).containsExactly(new AlarmRuleChange.Changed(hh.id(), "limit", "1.1", "1.12"));
        assertThat(AlarmRuleFile.load(file).rules().getFirst().limit()).isEqualTo(1.12);
        assertThat(Files.exists(AlarmRuleFile.backupOf(file))).isTrue();
        assertThat(engine.rules().origin()).isEqualTo(file.toString());
        assertThat(engine.journal().entries()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("limit 1.1 \u2192 1.12"));
    }

    @Test
    void pluginRulesRunBesideTheFileButAreNeverShownForEditingNorWritten() throws Exception {
        Path file = home.resolve("alarm-rules.json");
        AlarmRuleSet loaded = AlarmRuleFile.loadOrCreate(file);
        AlarmRule fromPlugin = V_H.withLimit(1.08);
        fromPlugin = new AlarmRule("asset-register.v-high", fromPlugin.match(), fromPlugin.kind(), fromPlugin.limit(),
                fromPlugin.deadband(), fromPlugin.onDelay(), fromPlugin.offDelay(), fromPlugin.priority(), fromPlugin.message(),
                "from the asset register");
        List<AlarmRule> running = new java.util.ArrayList<>(loaded.rules());
        running.add(fromPlugin);
        AlarmEngine engine = new AlarmEngine(new AlarmRuleSet(file.toString(), running), clock);
        AlarmRuleService service = new AlarmRuleService(file, engine, List.of(fromPlugin));

        assertThat(service.current().rules()).as("the editor sees the file's rules").isEqualTo(loaded.rules());
        List<AlarmRule> edited = new java.util.ArrayList<>(loaded.rules());
        edited.set(0, edited.getFirst().withLimit(1.12));
        assertThat(service.apply(new AlarmRuleSet("editor", edited), "eve")).hasSize(1);

        assertThat(engine.rules().rules()).as("the plugin's rule still runs").contains(fromPlugin);
        assertThat(AlarmRuleFile.load(file).rules()).extracting(AlarmRule::id).doesNotContain("asset-register.v-high");
        AlarmRule taken = fromPlugin;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.apply(new AlarmRuleSet("editor",
                        java.util.stream.Stream.concat(edited.stream(), java.util.stream.Stream.of(taken)).toList()), "eve"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to a plugin");
    }

    @Test
    void serviceLeavesTheEngineAloneWhenTheFileCannotBeWritten() throws Exception {
        Path file = home.resolve("alarm-rules.json");
        Files.createDirectories(file); // a folder where the file should be: the move fails
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(V_H), clock);
        AlarmRuleService service = new AlarmRuleService(file, engine);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> service.apply(AlarmRuleSet.of(V_H.withLimit(1.06)), "eve"))
                .isInstanceOf(AlarmRuleFileException.class)
                .hasMessageContaining("cannot be written");
        assertThat(engine.rules().rules()).containsExactly(V_H);
        assertThat(engine.journal().entries()).isEmpty();
    }
}
