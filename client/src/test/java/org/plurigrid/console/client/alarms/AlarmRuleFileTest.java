package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmRuleFileTest {

    @TempDir
    Path home;

    @Test
    void loadsTheShippedDefaults() {
        AlarmRuleSet rules = AlarmRuleFile.defaults();

        assertThat(rules.rules()).extracting(AlarmRule::id)
                .contains("substation-voltage-hh", "substation-voltage-ll", "substation-power-h", "battery-soc-l",
                        "edge-node-comms-loss", "substation-data-stale", "device-reported");
        AlarmRule hh = rules.rules().stream().filter(r -> r.id().equals("substation-voltage-hh")).findFirst().orElseThrow();
        assertThat(hh.kind()).isEqualTo(AlarmKind.HH);
        assertThat(hh.limit()).isEqualTo(1.10);
        assertThat(hh.deadband()).isEqualTo(0.01);
        assertThat(hh.onDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(hh.priority()).isEqualTo(AlarmPriority.CRITICAL);
    }

    @Test
    void rejectsRuleFileWithClearMessage() throws Exception {
        Path file = home.resolve("alarm-rules.json");
        Files.writeString(file, """
                { "version": 1, "rules": [
                  { "id": "voltage-hh", "match": { "level": "node", "metric": "Substation/Voltage" },
                    "kind": "HH", "priority": "CRITICAL", "message": "Busbar voltage very high" },
                  { "id": "soc-low", "match": { "deviceType": "bat" }, "kind": "LOWISH", "limit": 10,
                    "priority": "URGENT", "message": "Battery low", "ondelay": "5s" }
                ] }
                """);

        assertThatThrownBy(() -> AlarmRuleFile.load(file))
                .isInstanceOf(AlarmRuleFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rule 'voltage-hh' (rules[0]): \"limit\" is missing; expected the threshold of a HH alarm")
                .hasMessageContaining("rule 'soc-low' (rules[1]): \"kind\" is \"LOWISH\"; expected one of HH, H, L, LL")
                .hasMessageContaining("rule 'soc-low' (rules[1]): \"priority\" is \"URGENT\"; expected one of CRITICAL, HIGH, MEDIUM, LOW")
                .hasMessageContaining("unknown field \"ondelay\"")
                .satisfies(e -> assertThat(((AlarmRuleFileException) e).problems()).hasSize(4));
    }

    @Test
    void rejectsBrokenJsonWithLine() {
        assertThatThrownBy(() -> AlarmRuleFile.parse("{ \"rules\": [ { \"id\": \"x\", } ", "my-rules.json"))
                .isInstanceOf(AlarmRuleFileException.class)
                .hasMessageContaining("my-rules.json")
                .hasMessageContaining("not valid JSON at line 1");
    }

    @Test
    void rejectsBadDelayAndGlob() {
        String json = """
                { "rules": [ { "id": "a", "match": { "level": "sideways" }, "kind": "STALE", "onDelay": "soon",
                               "priority": "LOW", "message": "m" } ] }
                """;
        assertThatThrownBy(() -> AlarmRuleFile.parse(json, "f.json"))
                .hasMessageContaining("\"match.level\" must be node, device or any, was \"sideways\"")
                .hasMessageContaining("\"onDelay\" is \"soon\"; expected a duration such as \"5s\"");
    }

    @Test
    void refusesAnMqttFilterInAMatchWithTheGlobToWrite() {
        String json = """
                { "rules": [ { "id": "a", "match": { "path": "cg-utrecht/+/+/StateOfCharge" }, "kind": "STALE",
                               "priority": "LOW", "message": "m" } ] }
                """;
        assertThatThrownBy(() -> AlarmRuleFile.parse(json, "f.json"))
                .hasMessageContaining("is an MQTT filter; point patterns are globs")
                .hasMessageContaining("write * for one level");
    }

    @Test
    void copiesDefaultsIntoTheHomeFolderOnce() throws Exception {
        Path file = home.resolve("sub/alarm-rules.json");

        AlarmRuleSet first = AlarmRuleFile.loadOrCreate(file);
        Files.writeString(file, Files.readString(file).replace("\"limit\": 1.10", "\"limit\": 1.12"));
        AlarmRuleSet edited = AlarmRuleFile.loadOrCreate(file);

        assertThat(first.origin()).isEqualTo(file.toString());
        assertThat(edited.rules().getFirst().limit()).as("an edited file is not overwritten").isEqualTo(1.12);
    }

    @Test
    void globsMatchSegmentsAndDeepPaths() {
        var id = org.plurigrid.console.client.telemetry.PointId.nodeMetric("cg-utrecht", "utrecht-sub-01", "Alarm/Door/Open");
        assertThat(new PointPattern(null, "Alarm/*", null, PointPattern.Level.ANY).compile().matches(id)).isFalse();
        assertThat(new PointPattern(null, "Alarm/**", null, PointPattern.Level.ANY).compile().matches(id)).isTrue();
        assertThat(new PointPattern("cg-utrecht/*/Alarm/**", null, null, PointPattern.Level.NODE).compile().matches(id)).isTrue();
        assertThat(new PointPattern(null, null, "bat", PointPattern.Level.DEVICE).compile().matches(id)).isFalse();
    }
}
