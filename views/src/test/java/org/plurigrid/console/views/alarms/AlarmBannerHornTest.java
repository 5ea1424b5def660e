package org.plurigrid.console.views.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;

import java.time.Duration;
import java.time.ZoneOffset;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

/** The banner tells a dead horn (no audio output) instead of offering to mute it. */
@ExtendWith(FxPlatformExtension.class)
class AlarmBannerHornTest {

    @Test
    void aDeadHornIsShownAndCannotBeMuted() throws Exception {
        AlarmScenario s = new AlarmScenario();
        AlarmBannerViewModel vm = new AlarmBannerViewModel(s.engine);
        RepeatingAnnunciator horn = new RepeatingAnnunciator(p -> { }, s.clock, Duration.ofSeconds(10));

        onFx(() -> {
            AlarmBanner banner = new AlarmBanner(vm, horn, ZoneOffset.UTC);
            Node mute = banner.lookup("#alarm-mute");
            Label dead = (Label) banner.lookup("#alarm-horn-unavailable");
            assertThat(mute.isVisible()).as("a working horn can be muted").isTrue();
            assertThat(dead.isVisible()).isFalse();

            horn.markUnavailable("no audio output");

            assertThat(mute.isVisible()).as("no mute for a dead horn").isFalse();
            assertThat(mute.isManaged()).isFalse();
            assertThat(dead.isVisible()).isTrue();
            assertThat(dead.getText()).isEqualTo("Horn unavailable: no audio output");
            return null;
        });
    }
}
