package org.plurigrid.console.views.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.AlarmCounts;
import org.plurigrid.console.client.alarms.AlarmPriority;

class RepeatingAnnunciatorTest {

    private final TestClock clock = new TestClock();
    private final List<AlarmPriority> played = new ArrayList<>();
    private final RepeatingAnnunciator horn = new RepeatingAnnunciator(played::add, clock, Duration.ofSeconds(10));

    private static AlarmCounts unacked(AlarmPriority p, int n) {
        return new AlarmCounts(Map.of(p, n), Map.of(p, n));
    }

    @Test
    void repeatsUntilAcknowledged() {
        horn.onFrame(unacked(AlarmPriority.HIGH, 1));
        clock.advance(Duration.ofSeconds(5));
        horn.onFrame(unacked(AlarmPriority.HIGH, 1));
        clock.advance(Duration.ofSeconds(5));
        horn.onFrame(unacked(AlarmPriority.HIGH, 1));
        assertThat(played).containsExactly(AlarmPriority.HIGH, AlarmPriority.HIGH);

        horn.onFrame(AlarmCounts.NONE); // acknowledged
        clock.advance(Duration.ofSeconds(30));
        horn.onFrame(AlarmCounts.NONE);

        assertThat(played).hasSize(2);
        assertThat(horn.soundingProperty().get()).isFalse();
    }

    @Test
    void newAlarmSoundsAtOnceWithTheMostUrgentPriority() {
        horn.onFrame(unacked(AlarmPriority.LOW, 1));
        clock.advance(Duration.ofSeconds(1));
        horn.onFrame(new AlarmCounts(Map.of(AlarmPriority.LOW, 1, AlarmPriority.CRITICAL, 1), Map.of()));

        assertThat(played).containsExactly(AlarmPriority.LOW, AlarmPriority.CRITICAL);
    }

    @Test
    void mutedHornStaysSilentAndResumesWhenUnmuted() {
        horn.mutedProperty().set(true);
        horn.onFrame(unacked(AlarmPriority.HIGH, 1));
        clock.advance(Duration.ofSeconds(30));
        horn.onFrame(unacked(AlarmPriority.HIGH, 1));
        assertThat(played).isEmpty();
        assertThat(horn.soundingProperty().get()).isFalse();

        horn.mutedProperty().set(false);
        horn.onFrame(unacked(AlarmPriority.HIGH, 1));
        assertThat(played).containsExactly(AlarmPriority.HIGH);
    }

    @Test
    void toneSoundNeverFailsWithoutAudioDevice() {
        ToneAlarmSound tone = new ToneAlarmSound(Runnable::run);
        assertThatCode(() -> {
            tone.play(AlarmPriority.CRITICAL);
            tone.play(AlarmPriority.LOW);
        }).doesNotThrowAnyException();
        assertThat(ToneAlarmSound.samples(AlarmPriority.CRITICAL).length)
                .as("three beeps are longer than one").isGreaterThan(ToneAlarmSound.samples(AlarmPriority.LOW).length);
    }

    @Test
    void aDeadHornSaysWhyAndIsNotSounding() {
        assertThat(horn.unavailableProperty().get()).isEmpty();
        horn.markUnavailable("no audio output");
        horn.onFrame(unacked(AlarmPriority.CRITICAL, 1));

        assertThat(horn.unavailableProperty().get()).isEqualTo("no audio output");
        assertThat(horn.soundingProperty().get()).as("a dead horn is not reported as sounding").isFalse();
    }
}
