package org.plurigrid.console.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.MqttVersion;
import org.plurigrid.console.client.telemetry.TlsSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ConsoleConfigWriterTest {

    @TempDir
    Path home;

    private static final String PASSWORD = "Sekr3t-Passw0rd";

    private BrokerEntry regional(StoredSecret password) {
        return new BrokerEntry("", "regional", "ssl://mqtt.example.org:8883", MqttVersion.V3_1_1, "console-1-regional",
                Duration.ofSeconds(10), false, Duration.ofHours(2), "operator", password,
                Optional.of(new TlsEntry("ca.pem", "", "", "", StoredSecret.none(), true)),
                List.of("$share/consoles/spBv1.0/cg-utrecht/#", "coop/+/+/state"), "console-1");
    }

    private BrokerEntry coop(String origin) {
        return new BrokerEntry(origin, "coop", "tcp://10.0.0.5:1883", MqttVersion.V5, "", Duration.ofSeconds(30), true,
                BrokerConfig.DEFAULT_SESSION_EXPIRY, "", StoredSecret.none(), Optional.empty(), List.of("spBv1.0/#"), "");
    }

    @Test
    void writtenBrokersReadBackAsTheSameConnections() throws Exception {
        Files.writeString(home.resolve("ca.pem"), "-");
        ConsoleConfigWriter writer = new ConsoleConfigWriter(home);

        ConsoleConfig config = writer.writeBrokers(List.of(regional(new StoredSecret.Replaced(PASSWORD.toCharArray())),
                coop("")));

        assertThat(config.brokers()).hasSize(2);
        BrokerConfig r = ConsoleConfig.load(home).brokers().getFirst();
        assertThat(r.name()).isEqualTo("regional");
        assertThat(r.serverUri()).hasToString("ssl://mqtt.example.org:8883");
        assertThat(r.version()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(r.clientId()).isEqualTo("console-1-regional");
        assertThat(r.keepAlive()).isEqualTo(Duration.ofSeconds(10));
        assertThat(r.cleanStart()).isFalse();
        assertThat(r.sessionExpiry()).isEqualTo(Duration.ofHours(2));
        assertThat(r.username()).isEqualTo("operator");
        assertThat(new String(r.password())).isEqualTo(PASSWORD);
        assertThat(r.tls()).contains(TlsSettings.trusting(home.resolve("ca.pem")));
        assertThat(r.topicFilters()).containsExactly("$share/consoles/spBv1.0/cg-utrecht/#", "coop/+/+/state");
        assertThat(r.hostId()).isEqualTo("console-1");

        List<BrokerEntry> entries = writer.readBrokers();
        assertThat(entries).extracting(BrokerEntry::name).containsExactly("regional", "coop");
        assertThat(entries.getFirst().origin()).isEqualTo("regional");
        assertThat(entries.getFirst().password()).isEqualTo(new StoredSecret.Kept("stored, encrypted"));
        assertThat(entries.getFirst().tls().orElseThrow().caFile()).isEqualTo("ca.pem");
        assertThat(entries.get(1).clientId()).isEmpty();
    }

    @Test
    void passwordIsNeverWrittenInClearText() throws Exception {
        Files.writeString(home.resolve("ca.pem"), "-");
        new ConsoleConfigWriter(home).writeBrokers(List.of(regional(new StoredSecret.Replaced(PASSWORD.toCharArray()))));

        String text = Files.readString(home.resolve(ConsoleConfig.FILE_NAME));
        assertThat(text).doesNotContain(PASSWORD).contains("\"encrypted\" : \"pgc1:");
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file left")
                    .containsExactlyInAnyOrder("console.json", "console.key", "ca.pem");
        }
    }

    @Test
    void fileIsOwnerReadableOnly() throws Exception {
        new ConsoleConfigWriter(home).writeBrokers(List.of(coop("")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("console.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void keepsOtherKeysAndTheStoredPasswordOfAnEditedBroker() throws Exception {
        String encrypted = ConsoleSecrets.openOrCreate(home).encrypt("old-Passw0rd".toCharArray());
        Files.writeString(home.resolve(ConsoleConfig.FILE_NAME), """
                {
                  // an operator's comment
                  "version": 1,
                  "stalePeriod": "20s",
                  "brokers": [
                    { "name": "coop", "uri": "tcp://10.0.0.5:1883", "username": "op",
                      "password": { "encrypted": "%s" },
                      "reconnect": { "initialDelay": "500ms", "maxDelay": "20s" } }
                  ],
                  "jsonMappings": [
                    { "topic": "coop/{node}/{device}/state", "group": "cg-coop", "value": "/soc", "metric": "Soc" }
                  ],
                  "stalePeriods": [ { "points": "cg-coop/#", "period": "2m" } ]
                }
                """.formatted(encrypted));
        ConsoleConfigWriter writer = new ConsoleConfigWriter(home);
        BrokerEntry read = writer.readBrokers().getFirst();
        BrokerEntry renamed = new BrokerEntry(read.origin(), "co-op north", "tcp://10.0.0.6:1883", read.version(),
                read.clientId(), Duration.ofSeconds(15), true, read.sessionExpiry(), read.username(), read.password(),
                read.tls(), read.topicFilters(), "");

        ConsoleConfig config = writer.writeBrokers(List.of(renamed));

        JsonNode root = new ObjectMapper().readTree(home.resolve(ConsoleConfig.FILE_NAME).toFile());
        assertThat(root.get("stalePeriod").asText()).isEqualTo("20s");
        assertThat(root.get("jsonMappings").get(0).get("metric").asText()).isEqualTo("Soc");
        assertThat(root.get("stalePeriods").get(0).get("period").asText()).isEqualTo("2m");
        JsonNode broker = root.get("brokers").get(0);
        assertThat(broker.get("reconnect").get("maxDelay").asText()).isEqualTo("20s");
        assertThat(broker.get("password").get("encrypted").asText()).as("stored value copied, not re-encrypted")
                .isEqualTo(encrypted);
        BrokerConfig b = config.brokers().getFirst();
        assertThat(b.name()).isEqualTo("co-op north");
        assertThat(new String(b.password())).isEqualTo("old-Passw0rd");
        assertThat(b.reconnectDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.jsonMappings()).hasSize(1);
    }

    @Test
    void refusesAnInvalidResultAndLeavesTheOldFileAlone() throws Exception {
        ConsoleConfigWriter writer = new ConsoleConfigWriter(home);
        writer.writeBrokers(List.of(coop("")));
        String before = Files.readString(home.resolve(ConsoleConfig.FILE_NAME));
        BrokerEntry missingCa = regional(StoredSecret.none()); // ca.pem does not exist

        assertThatThrownBy(() -> writer.writeBrokers(List.of(coop("coop"), missingCa)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("console.json: brokers[1].tls.caFile")
                .hasMessageContaining("does not exist");
        assertThat(Files.readString(home.resolve(ConsoleConfig.FILE_NAME))).isEqualTo(before);
    }

    @Test
    void checkValidatesWithoutTouchingTheFile() throws Exception {
        ConsoleConfigWriter writer = new ConsoleConfigWriter(home);
        writer.writeBrokers(List.of(coop("")));
        String before = Files.readString(home.resolve(ConsoleConfig.FILE_NAME));
        BrokerEntry moved = new BrokerEntry("coop", "coop", "tcp://10.0.0.9:1883", MqttVersion.V5, "", Duration.ofSeconds(5),
                true, BrokerConfig.DEFAULT_SESSION_EXPIRY, "op", new StoredSecret.Replaced(PASSWORD.toCharArray()),
                Optional.empty(), List.of("spBv1.0/#"), "");

        ConsoleConfig checked = writer.check(List.of(moved));

        assertThat(checked.brokers().getFirst().serverUri()).hasToString("tcp://10.0.0.9:1883");
        assertThat(new String(checked.brokers().getFirst().password())).isEqualTo(PASSWORD);
        assertThat(Files.readString(home.resolve(ConsoleConfig.FILE_NAME))).isEqualTo(before);
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("temp file deleted")
                    .containsExactlyInAnyOrder("console.json", "console.key");
        }
    }

    @Test
    void refusesDuplicateNames() {
        ConsoleConfigWriter writer = new ConsoleConfigWriter(home);

        assertThatThrownBy(() -> writer.writeBrokers(List.of(coop(""), coop(""))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("brokers[1].name")
                .hasMessageContaining("used by an earlier broker");
    }

    @Test
    void durationsAreWrittenInTheirShortestForm() {
        assertThat(DurationText.format(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> DurationText.parse("soon")).hasMessageContaining("expected a duration");
    }
}
