package org.plurigrid.console.views.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.AlarmRule;

class AlarmRulesViewModelTest {

    private final ScriptedAlarmRules backend = new ScriptedAlarmRules();
    private final List<Runnable> background = new ArrayList<>();
    private final AlarmRulesViewModel vm = new AlarmRulesViewModel(backend, Runnable::run, Runnable::run, "eve");

    private RuleDraft rule(String id) {
        return vm.allRules().stream().filter(d -> d.idProperty().get().equals(id)).findFirst().orElseThrow();
    }

    private RuleDraft loadedAndSelected(String id) {
        vm.load();
        RuleDraft d = rule(id);
        vm.selectedProperty().set(d);
        return d;
    }

    @Test
    void loadsTheRunningRulesInFileNotationAndSelectsTheFirst() {
        vm.load();

        assertThat(vm.rules()).extracting(RuleDraft::toString).containsExactly("v-hh", "v-h", "comms");
        RuleDraft hh = vm.selectedProperty().get();
        assertThat(hh.field(RuleField.LIMIT).get()).isEqualTo("1.1");
        assertThat(hh.field(RuleField.ON_DELAY).get()).isEqualTo("0s");
        assertThat(hh.matchSummary()).isEqualTo("Substation/Voltage \u00B7 node");
        assertThat(rule("comms").limitUsedProperty().get()).as("comms loss has no limit").isFalse();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("3 rules from /home/op/.plurigrid/alarm-rules.json.");
    }

    @Test
    void editingALimitMakesTheRuleAndTheEditorDirtyAndListsTheChange() {
        RuleDraft hh = loadedAndSelected("v-hh");

        hh.field(RuleField.LIMIT).set("1.12");

        assertThat(hh.modifiedProperty().get()).isTrue();
        assertThat(rule("v-h").modifiedProperty().get()).isFalse();
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.pendingChanges()).containsExactly("v-hh: limit 1.1 \u2192 1.12");
    }

    @Test
    void sameValueWrittenDifferentlyIsNoChange() {
        RuleDraft hh = loadedAndSelected("v-hh");

        hh.field(RuleField.LIMIT).set("1.10");

        assertThat(vm.pendingChanges()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void showsWhatIsWrongNextToEachFieldAsItIsTyped() {
        RuleDraft hh = loadedAndSelected("v-hh");

        hh.field(RuleField.LIMIT).set("");
        hh.field(RuleField.DEADBAND).set("-1");
        hh.field(RuleField.ON_DELAY).set("soon");

        assertThat(hh.errors()).containsOnlyKeys(RuleField.LIMIT, RuleField.DEADBAND, RuleField.ON_DELAY);
        assertThat(hh.errors().get(RuleField.LIMIT)).startsWith("\"limit\" is missing; expected the threshold of a HH alarm");
        assertThat(hh.errors().get(RuleField.DEADBAND)).isEqualTo("\"deadband\" must be \u2265 0, was -1.0");
        assertThat(hh.errors().get(RuleField.ON_DELAY)).contains("expected a duration such as \"5s\"");
        assertThat(hh.invalidProperty().get()).isTrue();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemCountProperty().get()).isEqualTo(3);
        assertThat(vm.dirtyProperty().get()).isTrue();

        hh.field(RuleField.LIMIT).set("1.1");
        hh.field(RuleField.DEADBAND).set("0");
        hh.field(RuleField.ON_DELAY).set("0s");
        assertThat(hh.errors()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void limitsOutOfOrderAreReportedOnTheLimitField() {
        RuleDraft h = loadedAndSelected("v-h");

        h.field(RuleField.LIMIT).set("1.2");

        assertThat(h.errors()).containsOnlyKeys(RuleField.LIMIT);
        assertThat(h.errors().get(RuleField.LIMIT)).contains("HH limit (1.1, rule 'v-hh') must be at least the H limit (1.2");
    }

    @Test
    void addCopiesTheSelectedRuleUnderAFreeIdAndADuplicateIdIsReported() {
        loadedAndSelected("v-h");

        RuleDraft copy = vm.addCopyOfSelected();

        assertThat(copy.idProperty().get()).isEqualTo("v-h-copy");
        assertThat(vm.rules()).extracting(RuleDraft::toString).containsExactly("v-hh", "v-h", "v-h-copy", "comms");
        assertThat(vm.selectedProperty().get()).isSameAs(copy);
        assertThat(copy.modifiedProperty().get()).as("a new rule").isTrue();
        assertThat(vm.pendingChanges()).singleElement().asString().startsWith("v-h-copy: rule added:");

        copy.idProperty().set("v-hh");
        assertThat(copy.errors().get(RuleField.ID)).isEqualTo("the id is used by an earlier rule too; ids must be unique");
    }

    @Test
    void deleteRemovesTheSelectedRuleAndSelectsTheNext() {
        loadedAndSelected("v-h");

        vm.deleteSelected();

        assertThat(vm.rules()).extracting(RuleDraft::toString).containsExactly("v-hh", "comms");
        assertThat(vm.selectedProperty().get().toString()).isEqualTo("comms");
        assertThat(vm.pendingChanges()).singleElement().asString().startsWith("v-h: rule removed");
    }

    @Test
    void revertDropsEveryEditAndKeepsTheSelection() {
        RuleDraft hh = loadedAndSelected("v-hh");
        hh.field(RuleField.LIMIT).set("1.3");
        vm.selectedProperty().set(rule("v-h"));
        vm.deleteSelected();
        vm.selectedProperty().set(rule("v-hh"));

        vm.revert();

        assertThat(vm.rules()).extracting(RuleDraft::toString).containsExactly("v-hh", "v-h", "comms");
        assertThat(rule("v-hh").field(RuleField.LIMIT).get()).isEqualTo("1.1");
        assertThat(vm.selectedProperty().get().toString()).isEqualTo("v-hh");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.pendingChanges()).isEmpty();
    }

    @Test
    void applyHandsTheCheckedRulesToTheBackendAsTheOperatorAndBecomesClean() {
        RuleDraft hh = loadedAndSelected("v-hh");
        hh.field(RuleField.LIMIT).set("1.12");

        vm.apply();

        assertThat(backend.operators).containsExactly("eve");
        assertThat(backend.applied).singleElement().satisfies(set -> assertThat(set.rules())
                .extracting(AlarmRule::limit).startsWith(1.12, 1.05));
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(rule("v-hh").modifiedProperty().get()).isFalse();
        assertThat(vm.selectedProperty().get().toString()).isEqualTo("v-hh");
        assertThat(vm.statusKindProperty().get()).isEqualTo(AlarmRulesViewModel.StatusKind.OK);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Applied 1 change as eve: written to /home/op/.plurigrid/alarm-rules.json and journaled.");
    }

    @Test
    void applyIsRefusedWhileARuleHasAProblem() {
        RuleDraft hh = loadedAndSelected("v-hh");
        hh.field(RuleField.MESSAGE).set(" ");

        vm.apply();

        assertThat(backend.applied).isEmpty();
        assertThat(vm.statusKindProperty().get()).isEqualTo(AlarmRulesViewModel.StatusKind.FAILED);
        assertThat(vm.statusProperty().get()).startsWith("Not applied: 1 problem to fix first, e.g. rule 'v-hh' (rules[0]): \"message\"");
    }

    @Test
    void aFailedApplyKeepsTheEditsAndSaysWhy() {
        RuleDraft hh = loadedAndSelected("v-hh");
        hh.field(RuleField.LIMIT).set("1.12");
        backend.failWith = "Alarm rules file /home/op/.plurigrid/alarm-rules.json: cannot be written: disk full";

        vm.apply();

        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(rule("v-hh").field(RuleField.LIMIT).get()).isEqualTo("1.12");
        assertThat(vm.statusProperty().get()).isEqualTo("Not applied: " + backend.failWith);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void applyRunsOnTheBackgroundExecutorAndIsBusyUntilItReturns() {
        AlarmRulesViewModel queued = new AlarmRulesViewModel(backend, background::add, Runnable::run, "eve");
        queued.load();
        background.removeFirst().run();
        queued.allRules().getFirst().field(RuleField.LIMIT).set("1.12");

        queued.apply();

        assertThat(queued.busyProperty().get()).isTrue();
        assertThat(backend.applied).as("nothing happens on the calling (FX) thread").isEmpty();
        background.removeFirst().run();
        assertThat(backend.applied).hasSize(1);
        assertThat(queued.busyProperty().get()).isFalse();
    }

    @Test
    void filterNarrowsTheTableButNotTheRulesApplied() {
        vm.load();

        vm.filterProperty().set("voltage high");

        assertThat(vm.rules()).extracting(RuleDraft::toString).containsExactly("v-h");
        assertThat(vm.allRules()).hasSize(3);
    }

    @Test
    void aKindWithoutLimitIgnoresTheLimitFields() {
        RuleDraft h = loadedAndSelected("v-h");

        h.field(RuleField.KIND).set("STALE");

        assertThat(h.limitUsedProperty().get()).isFalse();
        assertThat(h.errors()).isEmpty();
        assertThat(vm.pendingChanges()).contains("v-h: kind H \u2192 STALE", "v-h: limit 1.05 \u2192 (none)");
    }
}
