package org.plurigrid.console.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.JsonMapping;
import org.plurigrid.console.client.telemetry.MqttVersion;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.RebirthPolicy;
import org.plurigrid.console.client.telemetry.TlsSettings;

class ConsoleConfigTest {

    @TempDir
    Path home;

    private Path write(String json) throws Exception {
        return Files.writeString(home.resolve(ConsoleConfig.FILE_NAME), json);
    }

    @Test
    void readsBrokersWithEveryOptionMappingsAndStalePeriods() throws Exception {
        Files.writeString(home.resolve("ca.pem"), "-");
        Files.writeString(home.resolve("console.p12"), "-");
        Files.writeString(Files.createFile(home.resolve("coop.password"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), "coop-Passw0rd\n");
        String encrypted = ConsoleSecrets.openOrCreate(home, new SecureRandom(), 1_000)
                .encrypt("p12-Passw0rd".toCharArray());
        write("""
                {
                  // comments are allowed
                  "version": 1,
                  "hostId": "console-1",
                  "stalePeriod": "20s",
                  "brokers": [
                    { "name": "regional", "uri": "ssl://mqtt.example.org:8883", "mqttVersion": "3.1.1",
                      "clientId": "console-1-regional", "cleanStart": false, "sessionExpiry": "2h",
                      "topicFilters": ["$share/consoles/spBv1.0/cg-utrecht/#"], "keepAlive": "10s",
                      "tls": { "caFile": "ca.pem", "pkcs12": "console.p12",
                               "pkcs12Password": { "encrypted": "%s" }, "verifyHostname": true },
                      "reconnect": { "initialDelay": "500ms", "maxDelay": "PT20S" } },
                    { "name": "coop", "uri": "tcp://10.0.0.5:1883", "username": "operator",
                      "password": { "file": "coop.password" }, "hostId": "console-1-coop",
                      "topicFilters": ["spBv1.0/#", "coop/+/+/state"] }
                  ],
                  "jsonMappings": [
                    { "topic": "coop/{node}/{device}/state", "group": "cg-coop", "value": "/power/w",
                      "metric": "ActivePower", "unit": "kW", "scale": 0.001, "timestamp": "/ts",
                      "expectedPeriod": "5s" }
                  ],
                  "stalePeriods": [ { "points": "cg-utrecht/+/+/StateOfCharge", "period": "2m" } ]
                }
                """.formatted(encrypted));

        ConsoleConfig c = ConsoleConfig.load(home);

        assertThat(c.brokers()).hasSize(2);
        BrokerConfig regional = c.brokers().get(0);
        assertThat(regional.version()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(regional.cleanStart()).isFalse();
        assertThat(regional.sessionExpiry()).isEqualTo(Duration.ofHours(2));
        assertThat(regional.keepAlive()).isEqualTo(Duration.ofSeconds(10));
        assertThat(regional.reconnectDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(regional.maxReconnectDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(regional.hostId()).isEqualTo("console-1");
        TlsSettings tls = regional.tls().orElseThrow();
        assertThat(tls.caFile()).contains(home.resolve("ca.pem"));
        assertThat(tls.clientIdentity()).get().isInstanceOfSatisfying(TlsSettings.Pkcs12Identity.class,
                p -> assertThat(new String(p.password())).isEqualTo("p12-Passw0rd"));
        BrokerConfig coop = c.brokers().get(1);
        assertThat(new String(coop.password())).isEqualTo("coop-Passw0rd");
        assertThat(coop.hostId()).isEqualTo("console-1-coop");
        assertThat(c.telemetry().stalePeriod()).isEqualTo(Duration.ofSeconds(20));
        JsonMapping m = c.jsonMappings().get(0);
        assertThat(m.scale()).isEqualTo(0.001);
        assertThat(m.expectedPeriod()).contains(Duration.ofSeconds(5));
        assertThat(m.pointFor("coop/sub-1/pv-0001/state"))
                .contains(new PointId("cg-coop", "sub-1", "pv-0001", "ActivePower"));
        assertThat(c.telemetry().staleRules()).singleElement()
                .satisfies(r -> assertThat(r.period()).isEqualTo(Duration.ofMinutes(2)))
                .satisfies(r -> assertThat(r.pointPattern()).as("the deprecated MQTT form, read as its glob")
                        .isEqualTo("cg-utrecht/*/*/StateOfCharge"));
        assertThat(c.toString()).doesNotContain("coop-Passw0rd").doesNotContain("p12-Passw0rd");
    }

    @Test
    void handsEachPluginItsOwnSectionAndTheJsonTopicsPluginTheMappingsItChecked() throws Exception {
        write("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}],
                 "jsonMappings": [ { "topic": "coop/{node}/{device}/state", "group": "cg-coop", "value": "/kw",
                                     "metric": "ActivePower", "expectedPeriod": "5s" } ],
                 "plugins": { "acme-meters": { "register": "sites.csv", "token": "s3cret" } } }""");

        ConsoleConfig c = ConsoleConfig.load(home);

        assertThat(c.pluginSection("acme-meters").get("register").asText()).isEqualTo("sites.csv");
        c.pluginSection("acme-meters").withObject("/x").put("y", 1);
        assertThat(c.pluginSection("acme-meters").has("x")).as("each plugin gets a copy").isFalse();
        assertThat(c.pluginSection("nobody").isEmpty()).isTrue();
        assertThat(JsonMappingsReader.read(c.file(), c.pluginSection(JsonMappingsReader.PLUGIN_ID)))
                .isEqualTo(c.jsonMappings()).hasSize(1);
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void refusesPluginSectionsThatAreNotObjectsOrMoveTheJsonMappings() throws Exception {
        write("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}], "plugins": { "acme": 3 } }""");
        assertThatThrownBy(() -> ConsoleConfig.load(home)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("plugins.acme").hasMessageContaining("expected an object");

        write("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}],
                 "plugins": { "json-topics": { "jsonMappings": [] } } }""");
        assertThatThrownBy(() -> ConsoleConfig.load(home)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("top-level \"jsonMappings\"");

        write("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}],
                 "jsonMappings": [ { "topic": "coop/{site}", "value": "/kw", "metric": "P" } ] }""");
        assertThatThrownBy(() -> ConsoleConfig.load(home)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("jsonMappings[0]");
    }

    @Test
    void refusesAClearTextPasswordNamingFileAndKey() throws Exception {
        Path file = write("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883", "password": "hunter2"}]}""");

        assertThatThrownBy(() -> ConsoleConfig.load(home)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("brokers[0].password")
                .hasMessageContaining("not stored in clear text")
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("brokers[0].password"));
    }

    @Test
    void namesTheKeyAndWhatWasExpected() throws Exception {
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883", "keepAlive": "soon"}]}""",
                "brokers[0].keepAlive", "expected a duration such as");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883", "pasword": {"file": "x"}}]}""",
                "brokers[0].pasword", "unknown key");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883", "mqttVersion": 5}]}""",
                "brokers[0].mqttVersion", "expected a text value in quotes, got the number 5");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883", "topicFilters": ["a/#/b"]}]}""",
                "brokers[0]", "'#' only");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "ssl://h:8883", "tls": {"caFile": "none.pem"}}]}""",
                "brokers[0].tls.caFile", "expected a readable file");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883", "cleanStart": false}]}""",
                "brokers[0].cleanStart", "needs a fixed \"clientId\"");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}, {"name": "a", "uri": "tcp://i:1"}]}""",
                "brokers[1].name", "must be unique");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}],
                 "jsonMappings": [{"topic": "x/{node}", "metric": "m"}]}""",
                "jsonMappings[0]", "{group} capture or a fixed group");
        assertError("""
                {"version": 2, "brokers": []}""", "version", "expected 1");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883", "password": {"encrypted": "pgc1:x"}}]}""",
                "", "secret key file is missing");
        assertError("{\"version\": 1, \"brokers\": [", "", "not valid JSON at line 1");
    }

    @Test
    void demandResponseProgramsChooseMsgSubmitPowerPerProgramAndAreCheckedLikeTheRest() throws Exception {
        write("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}],
                 "demandResponse": {"programs": [{"id": "prog-devnet", "submitPower": true}, {"id": "prog-other"}]}}""");
        ConsoleConfig c = ConsoleConfig.load(home);
        assertThat(c.submitPower("prog-devnet")).isTrue();
        assertThat(c.submitPower("prog-other")).as("off unless said").isFalse();
        assertThat(c.submitPower("prog-unknown")).isFalse();

        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}],
                 "demandResponse": {"programs": [{"id": "p", "submitPower": "yes"}]}}""",
                "demandResponse.programs[0].submitPower", "expected");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}],
                 "demandResponse": {"programs": [{"id": "p"}, {"id": "p", "submitPower": true}]}}""",
                "demandResponse.programs[1].id", "configured twice");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}],
                 "demandResponse": {"program": []}}""",
                "demandResponse.program", "unknown key");
    }

    @Test
    void aMissingFileSaysWhereItWasLookedFor() {
        assertThatThrownBy(() -> ConsoleConfig.load(home)).hasMessageContaining(home.resolve("console.json").toString())
                .hasMessageContaining("docs/configuration.md");
    }

    @Test
    void defaultsAreThoseOfTheBuilder() throws Exception {
        write("""
                {"version": 1, "brokers": [{"name": "devnet", "uri": "tcp://127.0.0.1:1883"}]}""");
        ConsoleConfig c = ConsoleConfig.load(home);
        BrokerConfig b = c.brokers().get(0);
        assertThat(b.version()).isEqualTo(MqttVersion.V5);
        assertThat(b.topicFilters()).containsExactly(BrokerConfig.DEFAULT_TOPIC_FILTER);
        assertThat(b.tls()).isEqualTo(Optional.empty());
        assertThat(b.isSparkplugHost()).isFalse();
        assertThat(c.telemetry().stalePeriod()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aRebirthAllowListLetsTheConsoleAskNodesItNeverSawBorn() throws Exception {
        write("""
                {"version": 1, "brokers": [{"name": "devnet", "uri": "tcp://127.0.0.1:1883"}],
                 "rebirthAllowList": ["cg-utrecht/+", "cg-coop/sub-1"]}""");
        RebirthPolicy policy = ConsoleConfig.load(home).telemetry().rebirth();
        assertThat(policy.mode()).isEqualTo(RebirthPolicy.Mode.KNOWN);
        assertThat(policy.allowList()).containsExactly("cg-utrecht/+", "cg-coop/sub-1");
        assertThat(policy.perSecond()).isEqualTo(RebirthPolicy.DEFAULTS.perSecond());

        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}], "rebirthAllowList": ["g/#/x"]}""",
                "rebirthAllowList", "'#' only");
        assertError("""
                {"version": 1, "brokers": [{"name": "a", "uri": "tcp://h:1883"}], "rebirthAllowList": "g/+"}""",
                "rebirthAllowList", "expected an array");
    }

    private void assertError(String json, String key, String problem) throws Exception {
        write(json);
        assertThatThrownBy(() -> ConsoleConfig.load(home)).as(json).isInstanceOf(ConfigException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }
}
