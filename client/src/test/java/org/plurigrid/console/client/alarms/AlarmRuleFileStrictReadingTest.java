package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alarm-rule reader as hostile input meets it: strict JSON, bounded durations, no silent "no alarms at all". */
class AlarmRuleFileStrictReadingTest {

    private static final String RULE = """
            {"id": "a", "match": {"metric": "V"}, "kind": "STALE", "priority": "LOW", "message": "m", "onDelay": "%s"}""";

    @TempDir
    Path home;

    @Test
    void anEmptyRuleSetIsRefusedUnlessConfirmed() throws Exception {
        assertThatThrownBy(() -> AlarmRuleFile.parse("{\"version\": 1, \"rules\": []}", "alarm-rules.json"))
                .isInstanceOf(AlarmRuleFileException.class)
                .hasMessageContaining("alarm-rules.json").hasMessageContaining("\"rules\" is empty")
                .hasMessageContaining("\"allowEmpty\": true");

        AlarmRuleSet confirmed = AlarmRuleFile.parse("{\"version\": 1, \"allowEmpty\": true, \"rules\": []}", "f");
        assertThat(confirmed.rules()).isEmpty();
    }

    @Test
    void allowEmptyMustBeABoolean() {
        assertThatThrownBy(() -> AlarmRuleFile.parse("{\"version\": 1, \"allowEmpty\": \"yes\", \"rules\": []}", "f"))
                .hasMessageContaining("\"allowEmpty\" must be true or false");
    }

    @Test
    void theEditorsEmptySetIsWrittenWithItsConfirmationAndReadsBack() throws Exception {
        Path file = home.resolve("alarm-rules.json");
        AlarmRuleFile.write(file, new AlarmRuleSet("editor", List.of()));

        assertThat(Files.readString(file)).contains("\"allowEmpty\" : true");
        assertThat(AlarmRuleFile.load(file).rules()).isEmpty();
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefusedWithTheKey() {
        assertThatThrownBy(() -> AlarmRuleFile.parse("{\"rules\": [" + RULE.formatted("1s") + "], \"rules\": []}", "f.json"))
                .hasMessageContaining("f.json").hasMessageContaining("\"rules\" appears twice");
        assertThatThrownBy(() -> AlarmRuleFile.parse("{\"rules\": [" + RULE.formatted("1s") + "]} {\"rules\": []}", "f.json"))
                .hasMessageContaining("unexpected content after the end");
        assertThatThrownBy(() -> AlarmRuleFile.parse("{\"rules\": [" + RULE.formatted("1s") + "]} garbage", "f.json"))
                .hasMessageContaining("is not valid JSON at line 1");
    }

    @Test
    void deepNestingIsOneMessage() {
        String deep = "{\"rules\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> AlarmRuleFile.parse(deep, "f.json")).isInstanceOf(AlarmRuleFileException.class)
                .hasMessageContaining("nested more than 64 levels deep");
    }

    @Test
    void readsTheSharedDurationGrammarAndRefusesAbsurdDelays() throws Exception {
        AlarmRuleSet set = AlarmRuleFile.parse("{\"rules\": [" + RULE.formatted("1.5s") + "]}", "f");
        assertThat(set.rules().getFirst().onDelay()).isEqualTo(Duration.ofMillis(1500));

        assertThatThrownBy(() -> AlarmRuleFile.parse("{\"rules\": [" + RULE.formatted("99999999999999h") + "]}", "f"))
                .hasMessageContaining("rule 'a'").hasMessageContaining("onDelay")
                .hasMessageContaining("longer than the longest duration");
    }

    @Test
    void writesTheRulesFileOwnerOnlyWithoutLeavingTemporaryFiles() throws Exception {
        Path file = home.resolve("rules/alarm-rules.json");
        AlarmRuleFile.write(file, AlarmRuleFile.defaults());
        AlarmRuleFile.write(file, AlarmRuleFile.defaults());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AlarmRuleFile.backupOf(file)).exists();
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("alarm-rules.json",
                    "alarm-rules.json.bak");
        }
    }
}
