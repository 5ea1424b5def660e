package org.plurigrid.console.views.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmKey;
import org.plurigrid.console.client.alarms.AlarmPriority;

class AlarmBannerViewModelTest {

    private final AlarmScenario s = new AlarmScenario();
    private final AlarmBannerViewModel vm = new AlarmBannerViewModel(s.engine);

    @Test
    void headlineIsTheNewestUnacknowledgedAlarmOfTheHighestPriority() {
        s.voltage("zeeland", "zeeland-sub-01", 1.12);
        s.clock.advance(Duration.ofSeconds(5));
        s.voltage("zeeland", "zeeland-sub-02", 1.12);
        s.clock.advance(Duration.ofSeconds(5));
        s.soc("groningen", "groningen-sub-01", "bat-0001", 4);

        vm.onFrame();

        assertThat(vm.headlineProperty().get()).get().satisfies(a -> {
            assertThat(a.priority()).isEqualTo(AlarmPriority.CRITICAL);
            assertThat(a.point().node()).isEqualTo("zeeland-sub-02");
        });
        assertThat(vm.countsProperty().get().total(AlarmPriority.CRITICAL)).isEqualTo(2);
        assertThat(vm.countsProperty().get().total(AlarmPriority.MEDIUM)).as("H suppressed under HH").isZero();
        assertThat(vm.countsProperty().get().total(AlarmPriority.LOW)).isEqualTo(1);
    }

    @Test
    void headlineMovesOnWhenAcknowledged() {
        s.voltage("utrecht", "utrecht-sub-01", 1.07);
        s.clock.advance(Duration.ofSeconds(1));
        s.voltage("zeeland", "zeeland-sub-01", 1.12);
        vm.onFrame();
        assertThat(vm.headlineProperty().get()).get().extracting(Alarm::priority).isEqualTo(AlarmPriority.CRITICAL);
        s.engine.acknowledge(new AlarmKey("v-hh", "cg-zeeland/zeeland-sub-01/Substation/Voltage"), "anna", "");

        vm.onFrame();

        assertThat(vm.headlineProperty().get()).get().extracting(Alarm::priority).isEqualTo(AlarmPriority.MEDIUM);
        assertThat(vm.countsProperty().get().unacknowledged(AlarmPriority.CRITICAL)).isZero();
        assertThat(vm.countsProperty().get().total(AlarmPriority.CRITICAL)).isEqualTo(1);
    }

    @Test
    void showsFloodAndNothingWhenQuiet() {
        vm.onFrame();
        assertThat(vm.headlineProperty().get()).isEmpty();
        assertThat(vm.floodProperty().get()).isFalse();

        for (int i = 1; i <= 11; i++) {
            s.voltage("gelderland", "gelderland-sub-%02d".formatted(i), 1.07);
        }
        vm.onFrame();
        assertThat(vm.floodProperty().get()).isTrue();
    }
}
