package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.client.alarms.Points.deviceMetric;
import static org.plurigrid.console.client.alarms.Points.nodeMetric;
import static org.plurigrid.console.client.alarms.Points.voltage;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.AlarmRecord.NodeRef;
import org.plurigrid.console.client.telemetry.PointId;

/** The suppression part alone: dead nodes and their grace, escalation, shelving, out of service. */
class AlarmSuppressionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final PointPattern VOLTAGE = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
    private static final PointPattern ANY = PointPattern.metric("*", PointPattern.Level.ANY);
    private static final AlarmRule H = AlarmRule.limit("v-h", VOLTAGE, AlarmKind.H, 1.05, AlarmPriority.MEDIUM, "high");
    private static final AlarmRule HH = AlarmRule.limit("v-hh", VOLTAGE, AlarmKind.HH, 1.10, AlarmPriority.HIGH,
            "very high");
    private static final AlarmRule COMMS = AlarmRule.condition("comms", ANY, AlarmKind.COMMS_LOSS,
            AlarmPriority.HIGH, "comms lost");
    private static final PointId V = voltage("groningen-sub-01");

    private final AlarmTable table = new AlarmTable(new AlarmJournal(100));
    private final AlarmSuppression suppression = new AlarmSuppression(table, AlarmRuleSet.of(H, HH, COMMS));

    private AlarmRecord row(AlarmRule rule, PointId point, AlarmState state) {
        String source = rule.kind() == AlarmKind.COMMS_LOSS ? AlarmConditions.sourceOf(rule, point) : point.path();
        AlarmRecord r = table.rowFor(new AlarmCondition(new AlarmKey(rule.id(), source), rule, point));
        r.state = state;
        return r;
    }

    @Test
    void highAlarmIsSuppressedWhileTheVeryHighOneStands() {
        AlarmRecord high = row(H, V, AlarmState.UNACKNOWLEDGED);
        assertThat(suppression.isSuppressed(high)).isFalse();

        AlarmRecord veryHigh = row(HH, V, AlarmState.UNACKNOWLEDGED);
        assertThat(suppression.isSuppressed(high)).isTrue();
        assertThat(suppression.lessSevere(veryHigh)).containsExactly(high);
        assertThat(suppression.lessSevere(high)).isEmpty();
    }

    @Test
    void aDeadNodeSuppressesItsDeviceAlarmsButNotItsOwnCommsLoss() {
        PointId device = deviceMetric("groningen-sub-01", "bess-1", "Substation/Voltage");
        AlarmRecord deviceAlarm = row(H, device, AlarmState.UNACKNOWLEDGED);
        AlarmRecord nodeComms = row(COMMS, nodeMetric("groningen-sub-01", "bdSeq"), AlarmState.UNACKNOWLEDGED);
        NodeRef node = NodeRef.of(device);

        assertThat(suppression.nodeDied(node)).isTrue();
        assertThat(suppression.nodeDied(node)).as("already dead").isFalse();
        assertThat(suppression.isSuppressed(deviceAlarm)).isTrue();
        assertThat(suppression.isSuppressed(nodeComms)).as("the one alarm that explains the others").isFalse();
        assertThat(suppression.hiddenReason(deviceAlarm)).isEmpty(); // the flag is the table's: not yet set

        deviceAlarm.suppressed = true;
        assertThat(suppression.hiddenReason(deviceAlarm)).contains("lost communication");
    }

    @Test
    void aRevivedNodeStaysSuppressedUntilItsGraceEnds() {
        PointId device = deviceMetric("groningen-sub-01", "bess-1", "Substation/Voltage");
        AlarmRecord deviceAlarm = row(H, device, AlarmState.UNACKNOWLEDGED);
        NodeRef node = NodeRef.of(device);
        suppression.nodeDied(node);

        assertThat(suppression.nodeRevived(node)).isTrue();
        suppression.graceUntil(node, T0.plusSeconds(10));
        assertThat(suppression.isSuppressed(deviceAlarm)).as("inside the grace period").isTrue();
        assertThat(suppression.endGrace(T0.plusSeconds(9))).isEmpty();
        assertThat(suppression.endGrace(T0.plusSeconds(10))).containsExactly(node);
        assertThat(suppression.isSuppressed(deviceAlarm)).isFalse();
    }

    @Test
    void outOfServiceCoversThePrefixAndItsChildrenOnly() {
        AlarmRecord sub01 = row(H, V, AlarmState.UNACKNOWLEDGED);
        AlarmRecord sub010 = row(H, voltage("groningen-sub-010"), AlarmState.UNACKNOWLEDGED);
        String prefix = Points.GROUP + "/groningen-sub-01";

        assertThat(suppression.removeFromService(prefix, "maintenance")).isTrue();
        assertThat(suppression.removeFromService(prefix, "again")).isFalse();
        assertThat(suppression.isOutOfService(sub01)).isTrue();
        assertThat(suppression.isOutOfService(sub010)).as("a longer name is not a child").isFalse();
        assertThat(suppression.returnToService(prefix)).isTrue();
        assertThat(suppression.isOutOfService(sub01)).isFalse();
    }

    @Test
    void shelvingExpiresAtItsEndAndHidesUntilThen() {
        AlarmRecord high = row(H, V, AlarmState.UNACKNOWLEDGED);
        suppression.shelve(high.key, new Shelving("anna", "known fault", T0, T0.plusSeconds(60)));
        assertThat(suppression.isHidden(high)).isTrue();
        assertThat(suppression.expireShelving(T0.plusSeconds(59))).isEmpty();
        assertThat(suppression.expireShelving(T0.plusSeconds(60))).singleElement()
                .satisfies(e -> assertThat(e.getValue().reason()).isEqualTo("known fault"));
        assertThat(suppression.isHidden(high)).isFalse();
        assertThat(suppression.unshelve(high.key)).isFalse();
    }
}
