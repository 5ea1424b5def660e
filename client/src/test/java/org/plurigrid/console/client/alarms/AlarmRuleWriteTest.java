package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing rules back (what the console's editor does on Apply) and checking an editor's drafts. */
class AlarmRuleWriteTest {

    @TempDir
    Path home;

    @Test
    void writeThenReadGivesTheSameRules() throws Exception {
        Path file = home.resolve("alarm-rules.json");
        AlarmRuleSet defaults = AlarmRuleFile.defaults();
        List<AlarmRule> rules = new ArrayList<>(defaults.rules());
        rules.add(new AlarmRule("odd-delays", PointPattern.metric("Inverter/Temperature", PointPattern.Level.DEVICE),
                AlarmKind.RATE_OF_CHANGE, 2.5, 0.25, Duration.ofMillis(1500), Duration.ofMinutes(2),
                AlarmPriority.LOW, "Temperature rising fast", "a \"quoted\" note"));

        AlarmRuleFile.write(file, new AlarmRuleSet("edited", rules));
        AlarmRuleSet read = AlarmRuleFile.load(file);

        assertThat(read.rules()).isEqualTo(rules);
        assertThat(Files.readString(file)).startsWith(AlarmRuleFile.WRITTEN_BY_CONSOLE);
    }

    @Test
    void keepsThePreviousFileAsBackupAndLeavesNoTemporaryFile() throws Exception {
        Path file = home.resolve("alarm-rules.json");
        AlarmRuleFile.loadOrCreate(file);
        String before = Files.readString(file);
        AlarmRuleSet set = AlarmRuleFile.load(file);
        List<AlarmRule> rules = new ArrayList<>(set.rules());
        rules.set(0, rules.getFirst().withLimit(1.12));

        AlarmRuleFile.write(file, new AlarmRuleSet("edited", rules));

        assertThat(Files.readString(AlarmRuleFile.backupOf(file))).isEqualTo(before);
        assertThat(AlarmRuleFile.load(file).rules().getFirst().limit()).isEqualTo(1.12);
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("alarm-rules.json", "alarm-rules.json.bak");
        }
    }

    @Test
    void refusesToWriteRulesItCouldNotReadBackAndLeavesTheFileAlone() throws Exception {
        Path file = home.resolve("alarm-rules.json");
        AlarmRuleFile.loadOrCreate(file);
        String before = Files.readString(file);
        PointPattern v = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
        AlarmRuleSet swapped = AlarmRuleSet.of(
                AlarmRule.limit("v-hh", v, AlarmKind.HH, 1.05, AlarmPriority.CRITICAL, "Very high"),
                AlarmRule.limit("v-h", v, AlarmKind.H, 1.10, AlarmPriority.MEDIUM, "High"));

        assertThatThrownBy(() -> AlarmRuleFile.write(file, swapped))
                .isInstanceOf(AlarmRuleFileException.class)
                .hasMessageContaining("rule 'v-h' (rules[1])")
                .hasMessageContaining("HH limit (1.05, rule 'v-hh') must be at least the H limit (1.1, rule 'v-h')");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void checkNamesRuleAndFieldOfEveryProblem() {
        AlarmRuleDraft good = AlarmRuleDraft.of(AlarmRule.limit("v-h",
                PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE), AlarmKind.H, 1.05,
                AlarmPriority.MEDIUM, "High"));
        AlarmRuleDraft noLimit = good.withId("v-hh");
        noLimit = new AlarmRuleDraft(noLimit.id(), "", noLimit.metric(), "", "node", "HH", "", "-0.5", "soon", "",
                "CRITICAL", "Very high", "");
        AlarmRuleDraft duplicate = good;

        AlarmRuleCheck check = AlarmRuleFile.check(List.of(good, noLimit, duplicate), "editor");

        assertThat(check.isValid()).isFalse();
        assertThat(check.problemsOf(0)).isEmpty();
        assertThat(check.problemsOf(1)).extracting(RuleProblem::field)
                .containsExactlyInAnyOrder("limit", "deadband", "onDelay");
        assertThat(check.problemsOf(1)).filteredOn(p -> p.field().equals("limit")).singleElement()
                .satisfies(p -> assertThat(p.text()).isEqualTo("rule 'v-hh' (rules[1]): \"limit\" is missing; "
                        + "expected the threshold of a HH alarm in the point's unit, e.g. \"limit\": 1.05"));
        assertThat(check.problemsOf(1)).filteredOn(p -> p.field().equals("onDelay")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"soon\"").contains("\"5s\""));
        assertThat(check.problemsOf(2)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("id");
            assertThat(p.message()).contains("ids must be unique");
        });
    }

    @Test
    void checkRejectsLimitsOutOfOrderForTheSameMatchOnly() {
        PointPattern v = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
        PointPattern p = PointPattern.metric("Substation/ActivePower", PointPattern.Level.NODE);
        List<AlarmRuleDraft> drafts = List.of(
                AlarmRuleDraft.of(AlarmRule.limit("v-h", v, AlarmKind.H, 1.05, AlarmPriority.MEDIUM, "High")),
                AlarmRuleDraft.of(AlarmRule.limit("v-l", v, AlarmKind.L, 1.05, AlarmPriority.MEDIUM, "Low")),
                AlarmRuleDraft.of(AlarmRule.limit("p-l", p, AlarmKind.L, 900, AlarmPriority.LOW, "Power low")));

        AlarmRuleCheck check = AlarmRuleFile.check(drafts, "editor");

        assertThat(check.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.index()).isEqualTo(1);
            assertThat(pr.field()).isEqualTo("limit");
            assertThat(pr.message()).contains("H limit (1.05, rule 'v-h') must be above the L limit (1.05, rule 'v-l')");
        });
    }

    @Test
    void checkOfUnchangedDraftsGivesBackTheRules() {
        AlarmRuleSet defaults = AlarmRuleFile.defaults();

        AlarmRuleCheck check = AlarmRuleFile.check(defaults.rules().stream().map(AlarmRuleDraft::of).toList(), "editor");

        assertThat(check.problems()).isEmpty();
        assertThat(check.rules()).get().extracting(AlarmRuleSet::rules).isEqualTo(defaults.rules());
    }

    @Test
    void formatsDurationsInTheFileNotation() {
        assertThat(AlarmRuleFile.formatDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(AlarmRuleFile.formatDuration(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(AlarmRuleFile.formatDuration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(AlarmRuleFile.formatDuration(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(AlarmRuleFile.formatDuration(Duration.ofHours(1))).isEqualTo("1h");
    }
}
