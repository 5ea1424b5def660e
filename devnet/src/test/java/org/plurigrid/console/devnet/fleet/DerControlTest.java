package org.plurigrid.console.devnet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.dr.DeviceControl;

class DerControlTest {

    static final long NOW = 1_000_000L;

    private static Map<String, Object> limit(double watts, long endMs, double rampSeconds) {
        return Map.of(DeviceControl.MAX_LIMIT_W.metric(), watts, DeviceControl.EVENT_ID.metric(), "ev-1",
                DeviceControl.EVENT_END.metric(), endMs, DeviceControl.RAMP_SECONDS.metric(), rampSeconds);
    }

    @Test
    void rampsToTheLimitAtTheRatingOverTheRampTime() {
        DerControl c = new DerControl();
        c.command(limit(2000, NOW + 60_000, 10), NOW);
        assertThat(c.responseStatus()).isEqualTo("received");

        double p1 = c.apply(10, 0, 10, 10, 1);
        double p5 = 0;
        for (int i = 0; i < 9; i++) {
            p5 = c.apply(10, 0, 10, 10, 1);
        }

        assertThat(p1).isCloseTo(9, within(1e-9)); // 10 kW rating / 10 s ramp = 1 kW per second
        assertThat(p5).isCloseTo(2, within(1e-9));
        assertThat(c.responseStatus()).isEqualTo("started");
        assertThat(c.activeControl()).isEqualTo("DERControl/opModMaxLimW");
    }

    @Test
    void returnsToNormalByItselfAtTheEventEnd() {
        DerControl c = new DerControl();
        c.command(limit(0, NOW + 3_000, 0), NOW);
        assertThat(c.apply(5, 0, 5, 5, 1)).isZero();

        c.apply(5, 0, 5, 5, 1);
        double after = c.apply(5, 0, 5, 5, 1.5);

        assertThat(after).isEqualTo(5);
        assertThat(c.responseStatus()).isEqualTo("completed");
        assertThat(c.activeControl()).isEmpty();
    }

    @Test
    void anEndInThePastCancelsItsOwnEvent() {
        DerControl c = new DerControl();
        c.command(limit(0, NOW + 60_000, 0), NOW);

        c.command(Map.of(DeviceControl.EVENT_ID.metric(), "ev-1", DeviceControl.EVENT_END.metric(), NOW - 1), NOW + 1000);

        assertThat(c.responseStatus()).isEqualTo("cancelled");
        assertThat(c.apply(4, 0, 4, 4, 1)).isEqualTo(4);
    }

    @Test
    void rejectsACommandWithoutAControl() {
        DerControl c = new DerControl();

        c.command(Map.of(DeviceControl.EVENT_ID.metric(), "ev-2", DeviceControl.EVENT_END.metric(), NOW + 60_000), NOW);

        assertThat(c.responseStatus()).isEqualTo("rejected");
        assertThat(c.eventId()).isEqualTo("ev-2");
    }

    @Test
    void aDeafDeviceNeitherActsNorAnswers() {
        DerControl c = new DerControl();
        c.ignoreCommands(true);

        c.command(limit(0, NOW + 60_000, 0), NOW);

        assertThat(c.responseStatus()).isEmpty();
        assertThat(c.apply(3, 0, 3, 3, 1)).isEqualTo(3);
    }

    @Test
    void waitsForALaterStart() {
        DerControl c = new DerControl();
        c.command(Map.of(DeviceControl.FIXED_W.metric(), 1000.0, DeviceControl.EVENT_ID.metric(), "ev-3",
                DeviceControl.EVENT_START.metric(), NOW + 2000, DeviceControl.EVENT_END.metric(), NOW + 60_000), NOW);

        assertThat(c.apply(5, 0, 5, 5, 1)).isEqualTo(5);
        assertThat(c.apply(5, 0, 5, 5, 1)).isEqualTo(1);
    }
}
