package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.client.alarms.AlarmState.ACKNOWLEDGED;
import static org.plurigrid.console.client.alarms.AlarmState.CLEARED;
import static org.plurigrid.console.client.alarms.AlarmState.RETURNED_UNACKNOWLEDGED;
import static org.plurigrid.console.client.alarms.AlarmState.UNACKNOWLEDGED;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmStateTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "CLEARED, activate, UNACKNOWLEDGED",
            "UNACKNOWLEDGED, activate, UNACKNOWLEDGED",
            "ACKNOWLEDGED, activate, ACKNOWLEDGED",
            "RETURNED_UNACKNOWLEDGED, activate, UNACKNOWLEDGED",
            "UNACKNOWLEDGED, return, RETURNED_UNACKNOWLEDGED",
            "ACKNOWLEDGED, return, CLEARED",
            "RETURNED_UNACKNOWLEDGED, return, RETURNED_UNACKNOWLEDGED",
            "CLEARED, return, CLEARED",
            "UNACKNOWLEDGED, ack, ACKNOWLEDGED",
            "RETURNED_UNACKNOWLEDGED, ack, CLEARED",
            "ACKNOWLEDGED, ack, ACKNOWLEDGED",
            "CLEARED, ack, CLEARED",
            "UNACKNOWLEDGED, returnUnseen, CLEARED",
            "ACKNOWLEDGED, returnUnseen, CLEARED",
            "RETURNED_UNACKNOWLEDGED, returnUnseen, CLEARED",
            "CLEARED, returnUnseen, CLEARED",
    })
    void followsTheIsa182StateMachine(AlarmState from, String event, AlarmState to) {
        AlarmState next = switch (event) {
            case "activate" -> from.activate();
            case "return" -> from.returnToNormal();
            case "ack" -> from.acknowledge();
            case "returnUnseen" -> from.returnToNormalUnseen();
            default -> throw new IllegalArgumentException(event);
        };
        assertThat(next).isEqualTo(to);
    }

    @org.junit.jupiter.api.Test
    void unacknowledgedMeansActiveOrReturnedWithoutAck() {
        assertThat(UNACKNOWLEDGED.isUnacknowledged()).isTrue();
        assertThat(RETURNED_UNACKNOWLEDGED.isUnacknowledged()).isTrue();
        assertThat(ACKNOWLEDGED.isUnacknowledged()).isFalse();
        assertThat(CLEARED.isConditionActive()).isFalse();
    }
}
