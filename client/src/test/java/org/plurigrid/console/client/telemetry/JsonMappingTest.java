package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonMappingTest {

    @Test
    void capturesGroupNodeAndDeviceFromTheTopic() {
        JsonMapping m = JsonMapping.builder("coops/{group}/{node}/+/{device}/state", "/p", "ActivePower").build();

        assertThat(m.subscriptionFilter()).isEqualTo("coops/+/+/+/+/state");
        assertThat(m.pointFor("coops/cg-coop/sub-1/any/pv-0001/state"))
                .contains(new PointId("cg-coop", "sub-1", "pv-0001", "ActivePower"));
        assertThat(m.pointFor("coops/cg-coop/sub-1/any/pv-0001/other")).isEmpty();
        assertThat(m.pointFor("coops/cg-coop/sub-1/any/pv-0001/state/extra")).isEmpty();
        assertThat(m.pointFor("coops/cg-coop//any/pv-0001/state")).as("an empty capture names nothing").isEmpty();
    }

    @Test
    void fixedGroupAndNodeFillWhatThePatternDoesNotCapture() {
        JsonMapping m = JsonMapping.builder("meter/{device}/#", "/v", "Voltage").group("cg-coop").node("feeder-1")
                .build();

        assertThat(m.pointFor("meter/m-7/a/b")).contains(new PointId("cg-coop", "feeder-1", "m-7", "Voltage"));
        assertThat(m.pointFor("meter/m-7")).contains(new PointId("cg-coop", "feeder-1", "m-7", "Voltage"));
    }

    @Test
    void aCaptureOrWildcardNeverTakesTheFirstLevelOfADollarTopicAsItsSubscriptionWouldNot() {
        // fuzzing finding (finding-capture-matches-dollar-topic)
        JsonMapping captured = JsonMapping.builder("{group}", "/v", "Value").node("n").build();
        assertThat(captured.pointFor("$SYS")).isEmpty();
        assertThat(TopicFilter.matches(captured.subscriptionFilter(), "$SYS")).isFalse();
        assertThat(captured.pointFor("coop")).contains(PointId.nodeMetric("coop", "n", "Value"));

        JsonMapping literal = JsonMapping.builder("$share-free/{node}", "/v", "Value").group("g").build();
        assertThat(literal.pointFor("$share-free/n1")).contains(PointId.nodeMetric("g", "n1", "Value"));
    }

    @Test
    void rejectsWhatCannotWorkWithAMessageNamingThePattern() {
        assertThatThrownBy(() -> JsonMapping.builder("a/{site}", "/v", "m").group("g").node("n").build())
                .hasMessageContaining("JSON mapping 'a/{site}'").hasMessageContaining("unknown capture {site}");
        assertThatThrownBy(() -> JsonMapping.builder("a/{node}", "/v", "m").build())
                .hasMessageContaining("{group} capture or a fixed group");
        assertThatThrownBy(() -> JsonMapping.builder("a/{group}/{node}", "v", "m").build())
                .hasMessageContaining("value pointer 'v'");
        assertThatThrownBy(() -> JsonMapping.builder("a/#/{group}/{node}", "/v", "m").build())
                .hasMessageContaining("'#' only");
        assertThatThrownBy(() -> JsonMapping.builder("spBv1.0/{group}/{node}", "/v", "m").build())
                .hasMessageContaining("Sparkplug");
        assertThatThrownBy(() -> JsonMapping.builder("a/{group}/{node}", "/v", "m").scale(0).build())
                .hasMessageContaining("scale");
    }
}
