package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one point-pattern syntax (docs/configuration.md, "Point patterns"), and the old MQTT form it still reads. */
class PointGlobTest {

    private static final String SOC = "cg-utrecht/utrecht-sub-01/bat-0007/StateOfCharge";
    private static final String NODE_METRIC = "cg-utrecht/utrecht-sub-01/Substation/Voltage";

    @Test
    void starMatchesOneLevelAndDoubleStarAnyNumber() {
        assertThat(new PointGlob("cg-utrecht/*/*/StateOfCharge").matches(SOC)).isTrue();
        assertThat(new PointGlob("cg-utrecht/*/StateOfCharge").matches(SOC)).as("one level too few").isFalse();
        assertThat(new PointGlob("cg-utrecht/**").matches(SOC)).isTrue();
        assertThat(new PointGlob("cg-utrecht/**/Voltage").matches(NODE_METRIC)).isTrue();
        assertThat(new PointGlob("cg-utrecht/utrecht-sub-0?/**").matches(SOC)).isTrue();
        assertThat(new PointGlob("cg-utrecht/utrecht-sub-0?/**").matches("cg-utrecht/utrecht-sub-10/x/y")).isFalse();
    }

    @Test
    void everythingElseIsLiteral() {
        assertThat(new PointGlob("cg.utrecht/**").matches("cgXutrecht/a/b")).isFalse();
        assertThat(new PointGlob("a/[b]/c").matches("a/[b]/c")).isTrue();
    }

    @Test
    void readsTheDeprecatedMqttFormAsTheGlobItMeans() {
        assertThat(PointGlob.isMqttStyle("cg-utrecht/+/+/StateOfCharge")).isTrue();
        assertThat(PointGlob.isMqttStyle("cg-utrecht/#")).isTrue();
        assertThat(PointGlob.isMqttStyle("cg-utrecht/*/*/StateOfCharge")).isFalse();
        assertThat(PointGlob.isMqttStyle("a+b/c#")).as("only whole levels are MQTT wildcards").isFalse();

        assertThat(PointGlob.parse("cg-utrecht/+/+/StateOfCharge")).isEqualTo(new PointGlob("cg-utrecht/*/*/StateOfCharge"));
        assertThat(PointGlob.parse("cg-utrecht/#").glob()).isEqualTo("cg-utrecht/**");
        assertThat(PointGlob.parse("#").matches(SOC)).isTrue();
    }

    @Test
    void refusesWhatMeansNothing() {
        assertThatThrownBy(() -> new PointGlob("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PointGlob.parse("cg-utrecht/#/x")).hasMessageContaining("last level");
    }

    @Test
    void staleRulesReadBothFormsToTheSameRule() {
        StaleRule old = new StaleRule("cg-utrecht/+/+/StateOfCharge", Duration.ofMinutes(2));
        StaleRule glob = new StaleRule("cg-utrecht/*/*/StateOfCharge", Duration.ofMinutes(2));
        assertThat(old).isEqualTo(glob);
        assertThat(old.pointPattern()).isEqualTo("cg-utrecht/*/*/StateOfCharge");
        PointId soc = new PointId("cg-utrecht", "utrecht-sub-01", "bat-0007", "StateOfCharge");
        assertThat(glob.matches(soc)).isTrue();
        assertThat(glob.matches(new PointId("cg-utrecht", "utrecht-sub-01", "bat-0007", "ActivePower"))).isFalse();
        assertThatThrownBy(() -> new StaleRule("a/#/b", Duration.ofMinutes(1)))
                .hasMessageContaining("point pattern 'a/#/b'");
    }
}
