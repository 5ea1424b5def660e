package org.plurigrid.console.client.alarms;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the alarm-rule reader: any text gives a rule set or one {@link AlarmRuleFileException} listing problems, and
 * a rule set it accepts is written and read back to the same rules. Inputs in
 * {@code AlarmRuleFileFuzzTestInputs/alarmRules} run in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class AlarmRuleFileFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void alarmRules(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        AlarmRuleSet set;
        try {
            set = AlarmRuleFile.parse(text, "fuzz.json");
        } catch (AlarmRuleFileException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("a rules error without a message", expected);
            }
            return;
        }
        AlarmRuleSet again;
        try {
            again = AlarmRuleFile.parse(AlarmRuleFile.toJson(set), "fuzz.json");
        } catch (AlarmRuleFileException e) {
            throw new AssertionError("accepted rules do not read back after writing: " + e.getMessage(), e);
        }
        if (!again.rules().equals(set.rules())) {
            throw new AssertionError("rules changed on a write and read: " + set.rules() + " became " + again.rules());
        }
    }
}
