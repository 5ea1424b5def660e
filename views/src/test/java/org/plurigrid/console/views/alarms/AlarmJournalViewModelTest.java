package org.plurigrid.console.views.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.AlarmKey;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.client.alarms.JournalEvent;

class AlarmJournalViewModelTest {

    private final AlarmScenario s = new AlarmScenario();

    @Test
    void showsNewestFirstAndOnlyNewEntriesPerFrame() {
        AlarmJournalViewModel vm = new AlarmJournalViewModel(s.engine.journal());
        s.voltage("utrecht", "utrecht-sub-02", 1.07);
        vm.onFrame();
        s.engine.acknowledge(new AlarmKey("v-h", "cg-utrecht/utrecht-sub-02/Substation/Voltage"), "anna", "seen");
        vm.onFrame();
        vm.onFrame();

        assertThat(vm.entries()).extracting(JournalEntry::event)
                .containsExactly(JournalEvent.ACKNOWLEDGED, JournalEvent.RAISED);
        assertThat(vm.entries().getFirst().operator()).isEqualTo("anna");
    }

    @Test
    void keepsAtMostItsCapacity() {
        AlarmJournalViewModel vm = new AlarmJournalViewModel(s.engine.journal(), 3);
        for (int i = 0; i < 4; i++) {
            s.voltage("utrecht", "utrecht-sub-02", 1.07).voltage("utrecht", "utrecht-sub-02", 1.0);
        }
        vm.onFrame();
        assertThat(vm.entries()).hasSize(3);
        assertThat(vm.entries().getFirst().sequence()).isEqualTo(s.engine.journal().lastSequence());
    }

    @Test
    void filtersByTextAndByOneAlarm() {
        AlarmJournalViewModel vm = new AlarmJournalViewModel(s.engine.journal());
        s.voltage("utrecht", "utrecht-sub-02", 1.07).soc("groningen", "groningen-sub-01", "bat-0001", 4);
        vm.onFrame();

        vm.filterTextProperty().set("battery");
        assertThat(vm.entries()).singleElement().extracting(JournalEntry::source)
                .isEqualTo("cg-groningen/groningen-sub-01/bat-0001/StateOfCharge");

        vm.filterTextProperty().set("");
        vm.showHistoryOf(new AlarmKey("v-h", "cg-utrecht/utrecht-sub-02/Substation/Voltage"));
        assertThat(vm.entries()).singleElement().extracting(JournalEntry::message).isEqualTo("Busbar voltage high");
        vm.showAll();
        assertThat(vm.entries()).hasSize(2);
    }
}
