package org.plurigrid.console.app.telemetry;

import org.plurigrid.console.app.ConsoleOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.telemetry.MqttVersion;

class LiveTelemetryStartupTest {

    @TempDir
    Path home;

    @Test
    void readsOnlyTheFirstLineOfThePasswordFile() throws Exception {
        Path file = home.resolve("mqtt.pw");
        Files.writeString(file, "s3cr3t-ü\nignored\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(LiveTelemetryStartup.readPassword(file)).containsExactly("s3cr3t-ü".toCharArray());
    }

    @Test
    void refusesAPasswordFileOthersCanRead() throws Exception {
        Path file = Files.writeString(home.resolve("mqtt.pw"), "s3cr3t\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> LiveTelemetryStartup.readPassword(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readable by others").hasMessageContaining("chmod 600").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aMissingPasswordFileIsNamedWithoutAnyContent() {
        assertThatThrownBy(() -> LiveTelemetryStartup.readPassword(home.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--password-file").hasMessageContaining("nope").hasMessageContaining("does not exist");
    }

    @Test
    void fallsBackToAFreePortWhenTheDevnetPortIsTaken() throws Exception {
        List<Integer> asked = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        DevnetLauncher launcher = port -> {
            asked.add(port);
            if (port != 0) {
                throw new IllegalStateException("Address already in use");
            }
            return new InProcessDevnet() {
                @Override
                public String mqttUri() {
                    return "tcp://127.0.0.1:1";   // nothing listens: the client keeps reconnecting, which is fine here
                }

                @Override
                public String topicFilter() {
                    return "spBv1.0/#";
                }

                @Override
                public void close() {
                    closed.add("devnet");
                }
            };
        };
        List<String> progress = new ArrayList<>();

        try (TelemetryBackend backend = new LiveTelemetryStartup(launcher, Clock.systemUTC())
                .start(ConsoleOptions.defaults(home), List.of(), (n, e, d) -> progress.add(n + " " + e + " " + d))) {
            assertThat(asked).containsExactly(1883, 0);
            assertThat(backend.feed().connections()).singleElement()
                    .satisfies(c -> assertThat(c.endpoint()).contains("tcp://127.0.0.1:1"));
            assertThat(progress).contains("devnet in-process starting broker and fleet", "devnet tcp://127.0.0.1:1 connecting");
        }
        assertThat(closed).containsExactly("devnet");
    }

    @Test
    void namesGivenBrokersByHostAndPort() throws Exception {
        ConsoleOptions options = new ConsoleOptions(home, List.of(URI.create("tcp://127.0.0.1:2")), MqttVersion.V3_1_1,
                Optional.empty(), Optional.empty(), 1883, 1.0, Optional.empty(), Optional.empty(), Optional.empty());

        try (TelemetryBackend backend = new LiveTelemetryStartup(DevnetLauncher.unavailable(), Clock.systemUTC())
                .start(options, List.of(), (n, e, d) -> { })) {
            assertThat(backend.feed().connections()).extracting(c -> c.name()).containsExactly("127.0.0.1:2");
        }
    }
}
