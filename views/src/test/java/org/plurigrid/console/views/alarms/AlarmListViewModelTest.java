package org.plurigrid.console.views.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.client.alarms.AlarmState;

class AlarmListViewModelTest {

    private final AlarmScenario s = new AlarmScenario();
    private final AlarmListViewModel vm = new AlarmListViewModel(s.engine, s.engine, s.clock, "anna", 3);

    private List<String> sources() {
        return vm.rows().stream().map(r -> r.alarm().key().ruleId() + "@" + r.alarm().point().node()).toList();
    }

    @Test
    void showsAlarmsOnlyAtTheNextFrameMostUrgentFirst() {
        s.soc("groningen", "groningen-sub-01", "bat-0001", 4);
        s.clock.advance(Duration.ofSeconds(1));
        s.voltage("utrecht", "utrecht-sub-02", 1.07);
        s.clock.advance(Duration.ofSeconds(1));
        s.voltage("zeeland", "zeeland-sub-05", 1.12);

        assertThat(vm.rows()).as("nothing before the frame").isEmpty();
        vm.onFrame();

        assertThat(sources()).as("the H of zeeland-sub-05 is suppressed under its HH")
                .containsExactly("v-hh@zeeland-sub-05", "v-h@utrecht-sub-02", "soc-l@groningen-sub-01");
        assertThat(vm.countsProperty().get().unacknowledged(AlarmPriority.CRITICAL)).isEqualTo(1);
    }

    @Test
    void keepsTheSameRowWhenItsAlarmIsAcknowledged() {
        s.voltage("utrecht", "utrecht-sub-02", 1.07);
        vm.onFrame();
        AlarmRow row = vm.rows().getFirst();

        assertThat(vm.acknowledge(row)).isTrue();
        vm.onFrame();

        assertThat(vm.rows()).containsExactly(row);
        assertThat(row.alarm().state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(row.alarm().acknowledgedBy()).isEqualTo("anna");
    }

    @Test
    void acknowledgesOnlyThePageTheOperatorSees() {
        for (int i = 1; i <= 5; i++) {
            s.voltage("brabant", "brabant-sub-0" + i, 1.07);
            s.clock.advance(Duration.ofSeconds(1));
        }
        vm.onFrame();

        assertThat(vm.acknowledgePage()).as("page size 3").isEqualTo(3);
        vm.onFrame();

        assertThat(vm.rows()).extracting(r -> r.alarm().state())
                .as("unacknowledged sort before acknowledged within a priority")
                .containsExactly(AlarmState.UNACKNOWLEDGED, AlarmState.UNACKNOWLEDGED,
                        AlarmState.ACKNOWLEDGED, AlarmState.ACKNOWLEDGED, AlarmState.ACKNOWLEDGED);
        assertThat(vm.messageProperty().get()).isEqualTo("Acknowledged 3 alarms.");
    }

    @Test
    void acknowledgesTheSelection() {
        s.voltage("brabant", "brabant-sub-01", 1.07).voltage("brabant", "brabant-sub-02", 1.07);
        vm.onFrame();
        vm.selection().setAll(vm.rows().getFirst());

        assertThat(vm.acknowledgeSelected()).isEqualTo(1);
        vm.onFrame();
        assertThat(s.engine.counts().totalUnacknowledged()).isEqualTo(1);
    }

    @Test
    void filtersByTextPriorityAndUnacknowledged() {
        s.voltage("utrecht", "utrecht-sub-02", 1.12).soc("groningen", "groningen-sub-01", "bat-0001", 4);
        vm.onFrame();

        vm.filterTextProperty().set("GRONINGEN");
        assertThat(sources()).containsExactly("soc-l@groningen-sub-01");

        vm.filterTextProperty().set("");
        vm.minimumPriorityProperty().set(AlarmPriority.HIGH);
        assertThat(sources()).containsExactly("v-hh@utrecht-sub-02");

        vm.minimumPriorityProperty().set(AlarmPriority.LOW);
        vm.acknowledge(vm.rows().getFirst());
        vm.onFrame();
        vm.unacknowledgedOnlyProperty().set(true);
        assertThat(sources()).containsExactly("soc-l@groningen-sub-01");
    }

    @Test
    void sortsByTheChosenOrder() {
        s.soc("groningen", "groningen-sub-01", "bat-0001", 4);
        s.clock.advance(Duration.ofSeconds(1));
        s.voltage("utrecht", "utrecht-sub-02", 1.07);
        vm.onFrame();

        vm.sortOrderProperty().set(AlarmSortOrder.OLDEST);
        assertThat(sources()).containsExactly("soc-l@groningen-sub-01", "v-h@utrecht-sub-02");
        vm.sortOrderProperty().set(AlarmSortOrder.SOURCE);
        assertThat(sources()).containsExactly("soc-l@groningen-sub-01", "v-h@utrecht-sub-02");
        vm.sortOrderProperty().set(AlarmSortOrder.PRIORITY);
        assertThat(sources()).containsExactly("v-h@utrecht-sub-02", "soc-l@groningen-sub-01");
    }

    @Test
    void shelvesWithReasonAndShowsShelvedOnlyOnRequest() {
        s.voltage("utrecht", "utrecht-sub-02", 1.07);
        vm.onFrame();
        AlarmRow row = vm.rows().getFirst();

        assertThat(vm.shelve(row, " ", Duration.ofHours(1))).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Shelving needs a reason.");

        assertThat(vm.shelve(row, "VT fuse replaced", Duration.ofHours(1))).isTrue();
        vm.onFrame();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.hiddenCountProperty().get()).isEqualTo(1);

        vm.showHiddenProperty().set(true);
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.alarm().isShelved()).isTrue());
        assertThat(vm.unshelve(row)).isTrue();
        vm.onFrame();
        vm.showHiddenProperty().set(false);
        assertThat(vm.rows()).containsExactly(row);
    }

    @Test
    void commentsGoToTheJournalUnderTheOperatorsName() {
        s.voltage("utrecht", "utrecht-sub-02", 1.07);
        vm.onFrame();

        assertThat(vm.comment(vm.rows().getFirst(), "crew dispatched")).isTrue();

        assertThat(s.engine.journal().entries().getLast()).satisfies(e -> {
            assertThat(e.operator()).isEqualTo("anna");
            assertThat(e.comment()).isEqualTo("crew dispatched");
        });
    }

    @Test
    void showOnMapHandsTheAlarmToTheCallback() {
        List<Alarm> shown = new ArrayList<>();
        vm.setOnShowOnMap(shown::add);
        s.soc("groningen", "groningen-sub-01", "bat-0001", 4);
        vm.onFrame();

        vm.showOnMap(vm.rows().getFirst());

        assertThat(shown).singleElement().extracting(Alarm::asset).isEqualTo("cg-groningen/groningen-sub-01/bat-0001");
    }

    @Test
    void dropsRowsOfClearedAlarms() {
        s.voltage("utrecht", "utrecht-sub-02", 1.07);
        vm.onFrame();
        vm.acknowledge(vm.rows().getFirst());
        s.voltage("utrecht", "utrecht-sub-02", 1.0);
        vm.onFrame();

        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void flashPhaseFollowsTheClock() {
        vm.onFrame();
        boolean first = vm.flashOnProperty().get();
        s.clock.advance(Duration.ofMillis(500));
        vm.onFrame();
        assertThat(vm.flashOnProperty().get()).isNotEqualTo(first);
    }

    @Test
    void reportsFlood() {
        for (int i = 1; i <= 11; i++) {
            s.voltage("gelderland", "gelderland-sub-%02d".formatted(i), 1.07);
        }
        vm.onFrame();
        assertThat(vm.floodProperty().get()).isTrue();
    }
}
