package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The chatter and flood windows alone. */
class ChatterFloodWatchTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final AlarmKey KEY = new AlarmKey("v-h", "cg/sub-01/Substation/Voltage");
    // 3 activations in 60 s chatter; more than 4 in 10 min is a flood, which ends at 2 or fewer.
    private static final AlarmEngineSettings SETTINGS = new AlarmEngineSettings(3, Duration.ofSeconds(60), 4,
            Duration.ofMinutes(10), 2, Duration.ofHours(12), 100, Duration.ZERO);

    private final ChatterFloodWatch watch = new ChatterFloodWatch(SETTINGS);

    @Test
    void startsChatteringOnTheThirdActivationWithinTheWindowAndSaysSoOnce() {
        assertThat(watch.activated(KEY, T0)).isEmpty();
        assertThat(watch.activated(KEY, T0.plusSeconds(20))).isEmpty();
        assertThat(watch.activated(KEY, T0.plusSeconds(40))).hasValue(3);
        assertThat(watch.isChattering(KEY)).isTrue();
        assertThat(watch.activated(KEY, T0.plusSeconds(50))).as("already chattering").isEmpty();
    }

    @Test
    void activationsSpreadWiderThanTheWindowDoNotChatter() {
        watch.activated(KEY, T0);
        watch.activated(KEY, T0.plusSeconds(40));
        assertThat(watch.activated(KEY, T0.plusSeconds(61))).as("the first fell out of the window").isEmpty();
    }

    @Test
    void chatteringEndsWhenTheWindowHoldsFewerActivations() {
        watch.activated(KEY, T0);
        watch.activated(KEY, T0.plusSeconds(1));
        watch.activated(KEY, T0.plusSeconds(2));
        assertThat(watch.pruneChattering(T0.plusSeconds(30))).isEmpty();
        assertThat(watch.pruneChattering(T0.plusSeconds(61))).containsExactly(KEY);
        assertThat(watch.isChattering(KEY)).isFalse();
    }

    @Test
    void floodStartsAboveTheThresholdAndEndsAtTheExitThreshold() {
        for (int i = 0; i < 4; i++) {
            assertThat(watch.countTowardsFlood(T0.plusSeconds(i))).isEmpty();
        }
        assertThat(watch.countTowardsFlood(T0.plusSeconds(4)))
                .contains(new ChatterFloodWatch.FloodChange(true, 5));
        assertThat(watch.inFlood()).isTrue();

        // 10 min after the third activation only two remain in the window: at the exit threshold.
        assertThat(watch.pruneFlood(T0.plusSeconds(600 + 2)))
                .contains(new ChatterFloodWatch.FloodChange(false, 2));
        assertThat(watch.inFlood()).isFalse();
    }
}
