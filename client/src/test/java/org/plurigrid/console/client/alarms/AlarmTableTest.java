package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.client.alarms.Points.voltage;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.AlarmTable.Flag;
import org.plurigrid.console.client.telemetry.PointId;

/** The table part alone: the one "recompute a flag, stamp it, journal it" path and the drain. */
class AlarmTableTest {

    private static final PointPattern VOLTAGE = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
    private static final AlarmRule HIGH = AlarmRule.limit("v-h", VOLTAGE, AlarmKind.H, 1.05, AlarmPriority.HIGH,
            "Busbar voltage high");
    private static final PointId V = voltage("groningen-sub-01");
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private final AlarmJournal journal = new AlarmJournal(100);
    private final AlarmTable table = new AlarmTable(journal);

    private AlarmRecord raisedRow() {
        AlarmRecord r = table.rowFor(new AlarmCondition(new AlarmKey(HIGH.id(), V.path()), HIGH, V));
        r.state = AlarmState.UNACKNOWLEDGED;
        return r;
    }

    private static Alarm snapshot(AlarmRecord r) {
        return new Alarm(r.key, r.rule.kind(), r.rule.priority(), r.message, r.point, r.state, r.value, r.unit,
                r.rule.limit(), r.raisedAt, r.changedAt, false, Optional.empty(), r.suppressed, r.outOfService,
                r.acknowledgedBy, r.lastComment);
    }

    @Test
    void reflagStampsJournalsAndMarksTheRowOnlyWhenTheFlagChanges() {
        AlarmRecord r = raisedRow();
        table.drain(AlarmTableTest::snapshot, x -> false, false);
        long before = table.version();

        assertThat(table.reflag(r, Flag.SUPPRESSED, false, T0, AlarmJournal.SYSTEM, "no change")).isFalse();
        assertThat(journal.entries()).isEmpty();
        assertThat(table.version()).isEqualTo(before);

        Instant t1 = T0.plusSeconds(5);
        assertThat(table.reflag(r, Flag.SUPPRESSED, true, t1, AlarmJournal.SYSTEM, "edge node lost")).isTrue();
        assertThat(r.suppressed).isTrue();
        assertThat(r.changedAt).isEqualTo(t1);
        assertThat(journal.entries()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(JournalEvent.SUPPRESSED);
            assertThat(e.comment()).isEqualTo("edge node lost");
            assertThat(e.priority()).contains(AlarmPriority.HIGH);
        });
        assertThat(table.version()).isGreaterThan(before);
    }

    @Test
    void eachFlagJournalsItsOwnEventsBothWays() {
        AlarmRecord r = raisedRow();
        table.reflag(r, Flag.OUT_OF_SERVICE, true, T0, "anna", "maintenance");
        table.reflag(r, Flag.OUT_OF_SERVICE, false, T0, "anna", "");
        table.reflag(r, Flag.SUPPRESSED, true, T0, AlarmJournal.SYSTEM, "");
        table.reflag(r, Flag.SUPPRESSED, false, T0, AlarmJournal.SYSTEM, "");
        assertThat(journal.entries()).extracting(JournalEntry::event).containsExactly(
                JournalEvent.REMOVED_FROM_SERVICE, JournalEvent.RETURNED_TO_SERVICE,
                JournalEvent.SUPPRESSED, JournalEvent.UNSUPPRESSED);
        assertThat(journal.entries()).first().extracting(JournalEntry::operator).isEqualTo("anna");
    }

    @Test
    void countsLeaveHiddenRowsOutAndDrainReportsRemovedRows() {
        AlarmRecord r = raisedRow();
        table.record(r, JournalEvent.RAISED, T0, AlarmJournal.SYSTEM, "");
        assertThat(table.counts(x -> false).total(AlarmPriority.HIGH)).isEqualTo(1);
        table.markDirty(r.key);
        assertThat(table.counts(x -> true).total(AlarmPriority.HIGH)).as("hidden").isZero();

        AlarmChanges first = table.drain(AlarmTableTest::snapshot, x -> false, false);
        assertThat(first.updated()).hasSize(1);

        r.state = AlarmState.CLEARED;
        table.record(r, JournalEvent.RETURNED_TO_NORMAL, T0, AlarmJournal.SYSTEM, "");
        table.removeIfCleared(r);
        AlarmChanges second = table.drain(AlarmTableTest::snapshot, x -> false, false);
        assertThat(second.removed()).containsExactly(r.key);
        assertThat(table.rows()).isEmpty();
    }
}
