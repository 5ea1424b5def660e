package org.plurigrid.console.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DevnetConfigTest {

    @Test
    void defaultsAreAnEmbeddedBrokerOn1883With360DevicesAtOneStepPerSecond() {
        DevnetConfig config = DevnetConfig.defaults();
        assertThat(config.mqttPort()).isEqualTo(1883);
        assertThat(config.externalBroker()).isNull();
        assertThat(config.devices()).isEqualTo(360);
        assertThat(config.publishRateHz()).isEqualTo(1.0);
        assertThat(config.simTimeOfDay()).isNull();
        assertThat(config.gridStep()).isEqualTo(java.time.Duration.ofSeconds(5));
    }

    @Test
    void gridCanBeTurnedOffOrStepped() {
        assertThat(DevnetConfig.defaults().withoutGrid().gridStep()).isNull();
        assertThat(DevnetConfig.defaults().withGridStep(java.time.Duration.ofSeconds(2)).withDevices(12).gridStep())
                .isEqualTo(java.time.Duration.ofSeconds(2));
        assertThatThrownBy(() -> DevnetConfig.defaults().withGridStep(java.time.Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Grid step");
    }

    @Test
    void rejectsABrokerThatIsNotAnMqttUri() {
        assertThatThrownBy(() -> DevnetConfig.defaults().withExternalBroker("localhost:1883"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://HOST:PORT");
        assertThat(DevnetConfig.defaults().withExternalBroker("tcp://10.0.0.5:1883").externalBroker())
                .isEqualTo("tcp://10.0.0.5:1883");
    }

    @Test
    void rejectsFewerDevicesThanCommunityGridsAndSillyRates() {
        assertThatThrownBy(() -> DevnetConfig.defaults().withDevices(5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 6 devices");
        assertThatThrownBy(() -> DevnetConfig.defaults().withPublishRateHz(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Publish rate");
        assertThatThrownBy(() -> DevnetConfig.defaults().withMqttPort(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MQTT port");
    }

    @Test
    void commandLineOptionsReachTheConfiguration() {
        DevnetMain main = new DevnetMain();
        new CommandLine(main).parseArgs("--mqtt-port", "0", "--broker", "tcp://127.0.0.1:1884", "--devices", "20000",
                "--rate", "2.5", "--seed", "7", "--sim-time", "12:00", "--primary-host", "control-room-1");
        assertThat(main.mqttPort).isZero();
        assertThat(main.broker).isEqualTo("tcp://127.0.0.1:1884");
        assertThat(main.devices).isEqualTo(20_000);
        assertThat(main.rate).isEqualTo(2.5);
        assertThat(main.seed).isEqualTo(7);
        assertThat(main.simTime).isEqualTo("12:00");
        assertThat(main.primaryHost).isEqualTo("control-room-1");
        assertThat(LocalTime.parse(main.simTime)).isEqualTo(LocalTime.NOON);
    }

    @Test
    void aPrimaryHostIdThatIsNotOneTopicLevelIsRefusedBeforeAnythingStarts() {
        assertThat(new CommandLine(new DevnetMain()).execute("--primary-host", "a/b", "--mqtt-port", "0")).isEqualTo(2);
    }
}
