package org.plurigrid.console.client.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.client.alarms.Points.deviceMetric;
import static org.plurigrid.console.client.alarms.Points.good;
import static org.plurigrid.console.client.alarms.Points.nodeMetric;
import static org.plurigrid.console.client.alarms.Points.voltage;
import static org.plurigrid.console.client.alarms.Points.withQuality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

class AlarmEngineTest {

    private static final PointPattern VOLTAGE = PointPattern.metric("Substation/Voltage", PointPattern.Level.NODE);
    private static final AlarmRule VOLTAGE_H = AlarmRule.limit("v-h", VOLTAGE, AlarmKind.H, 1.05,
            AlarmPriority.MEDIUM, "Busbar voltage high");

    private final TestClock clock = new TestClock();

    private AlarmEngine engine(AlarmRule... rules) {
        return new AlarmEngine(AlarmRuleSet.of(rules), clock);
    }

    private static AlarmKey keyOf(AlarmRule rule, PointId point) {
        return new AlarmKey(rule.id(), point.path());
    }

    @Test
    void raisesHighAlarmAfterOnDelay() {
        AlarmEngine engine = engine(VOLTAGE_H.withDelays(Duration.ofSeconds(10), Duration.ZERO));
        PointId v = voltage("groningen-sub-01");

        engine.accept(good(v, 1.07, clock));
        clock.advanceSeconds(5);
        engine.accept(good(v, 1.08, clock));
        engine.tick();
        assertThat(engine.active()).as("still inside the 10 s on-delay").isEmpty();

        clock.advanceSeconds(5);
        engine.tick(); // no new data: the timer alone raises it

        assertThat(engine.active()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo(keyOf(VOLTAGE_H, v));
            assertThat(a.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
            assertThat(a.value()).isEqualTo(1.08);
            assertThat(a.unit()).isEqualTo("pu");
            assertThat(a.raisedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void doesNotRaiseWhenConditionGoesAwayWithinOnDelay() {
        AlarmEngine engine = engine(VOLTAGE_H.withDelays(Duration.ofSeconds(10), Duration.ZERO));
        PointId v = voltage("groningen-sub-01");

        engine.accept(good(v, 1.07, clock));
        clock.advanceSeconds(5);
        engine.accept(good(v, 1.00, clock));
        clock.advanceSeconds(10);
        engine.tick();

        assertThat(engine.all()).isEmpty();
    }

    @Test
    void clearsOnlyAfterDeadband() {
        AlarmEngine engine = engine(VOLTAGE_H.withDeadband(0.02));
        PointId v = voltage("groningen-sub-01");
        engine.accept(good(v, 1.07, clock));
        AlarmKey key = keyOf(VOLTAGE_H, v);
        assertThat(engine.acknowledge(key, "anna", "").isApplied()).isTrue();

        engine.accept(good(v, 1.04, clock)); // below the limit but inside the deadband
        assertThat(engine.active()).singleElement()
                .extracting(Alarm::state).isEqualTo(AlarmState.ACKNOWLEDGED);

        engine.accept(good(v, 1.029, clock)); // below limit - deadband
        assertThat(engine.all()).as("acknowledged alarm clears once back past the deadband").isEmpty();
    }

    @Test
    void returnToNormalUnackedThenAckClears() {
        AlarmEngine engine = engine(VOLTAGE_H);
        PointId v = voltage("groningen-sub-01");
        AlarmKey key = keyOf(VOLTAGE_H, v);

        engine.accept(good(v, 1.07, clock));
        engine.accept(good(v, 1.00, clock));

        assertThat(engine.active()).as("an unacknowledged alarm stays listed after return to normal")
                .singleElement().extracting(Alarm::state).isEqualTo(AlarmState.RETURNED_UNACKNOWLEDGED);
        assertThat(engine.counts().unacknowledged(AlarmPriority.MEDIUM)).isEqualTo(1);

        assertThat(engine.acknowledge(key, "anna", "seen").isApplied()).isTrue();

        assertThat(engine.all()).isEmpty();
        assertThat(engine.counts().totalVisible()).isZero();
    }

    @Test
    void rejectsAcknowledgingTwiceWithAReason() {
        AlarmEngine engine = engine(VOLTAGE_H);
        PointId v = voltage("groningen-sub-01");
        engine.accept(good(v, 1.07, clock));
        AlarmKey key = keyOf(VOLTAGE_H, v);
        engine.acknowledge(key, "anna", "");

        CommandResult again = engine.acknowledge(key, "ben", "");

        assertThat(again).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.reason()).contains("already acknowledged"));
        assertThat(engine.acknowledge(key, " ", "")).isInstanceOf(CommandResult.Rejected.class);
    }

    @Test
    void shelvedAlarmHiddenUntilExpiry() {
        AlarmEngine engine = engine(VOLTAGE_H);
        PointId v = voltage("groningen-sub-01");
        engine.accept(good(v, 1.07, clock));
        AlarmKey key = keyOf(VOLTAGE_H, v);

        assertThat(engine.shelve(key, "anna", "", Duration.ofHours(1)).isApplied()).as("reason is mandatory").isFalse();
        assertThat(engine.shelve(key, "anna", "tap changer maintenance", Duration.ofHours(1)).isApplied()).isTrue();

        assertThat(engine.active()).isEmpty();
        assertThat(engine.counts().totalVisible()).isZero();
        assertThat(engine.all()).singleElement().satisfies(a -> {
            assertThat(a.isShelved()).isTrue();
            assertThat(a.shelving().orElseThrow().reason()).isEqualTo("tap changer maintenance");
        });

        clock.advance(Duration.ofMinutes(59));
        engine.tick();
        assertThat(engine.active()).as("still shelved after 59 min").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        engine.tick();
        assertThat(engine.active()).as("back after the shelving expired")
                .singleElement().extracting(Alarm::key).isEqualTo(key);
        assertThat(engine.journal().entries()).extracting(JournalEntry::event)
                .containsSubsequence(JournalEvent.SHELVED, JournalEvent.SHELVING_EXPIRED);
    }

    @Test
    void shelvedAlarmThatReturnsToNormalClearsWithoutAck() {
        AlarmEngine engine = engine(VOLTAGE_H);
        PointId v = voltage("groningen-sub-01");
        engine.accept(good(v, 1.07, clock));
        engine.shelve(keyOf(VOLTAGE_H, v), "anna", "known issue", Duration.ofMinutes(30));

        engine.accept(good(v, 1.00, clock));

        assertThat(engine.all()).isEmpty();
    }

    @Test
    void suppressesDeviceAlarmsUnderDeadNode() {
        AlarmRule commsLoss = AlarmRule.condition("node-comms", new PointPattern(null, null, null, PointPattern.Level.NODE),
                AlarmKind.COMMS_LOSS, AlarmPriority.HIGH, "Gateway lost communication");
        AlarmRule socLow = AlarmRule.limit("soc-l", new PointPattern(null, "StateOfCharge", "bat", PointPattern.Level.DEVICE),
                AlarmKind.L, 10, AlarmPriority.LOW, "Battery low");
        AlarmRule deviceComms = AlarmRule.condition("device-comms", new PointPattern(null, null, null, PointPattern.Level.DEVICE),
                AlarmKind.COMMS_LOSS, AlarmPriority.MEDIUM, "Device lost communication");
        AlarmEngine engine = engine(commsLoss, socLow, deviceComms);
        String node = "groningen-sub-03";
        PointId soc = deviceMetric(node, "bat-0007", "StateOfCharge");
        PointId otherDevice = deviceMetric(node, "pv-0001", "ActivePower");
        PointId nodeVoltage = voltage(node);
        engine.accept(good(soc, 4, clock));
        engine.accept(good(nodeVoltage, 1.0, clock));
        assertThat(engine.active()).extracting(a -> a.key().ruleId()).containsExactly("soc-l");

        // NDEATH: the pipeline marks every metric of the node COMMS_LOST, devices first here.
        engine.accept(withQuality(otherDevice, 3.2, Quality.COMMS_LOST, clock));
        engine.accept(withQuality(soc, 4, Quality.COMMS_LOST, clock));
        engine.accept(withQuality(nodeVoltage, 1.0, Quality.COMMS_LOST, clock));
        engine.accept(withQuality(nodeMetric(node, "bdSeq"), 3, Quality.COMMS_LOST, clock));

        assertThat(engine.active()).as("only the node's comms-loss alarm shows")
                .singleElement().satisfies(a -> {
                    assertThat(a.key()).isEqualTo(new AlarmKey("node-comms", Points.GROUP + "/" + node));
                    assertThat(a.priority()).isEqualTo(AlarmPriority.HIGH);
                });
        assertThat(engine.all()).filteredOn(Alarm::suppressed).extracting(a -> a.key().ruleId())
                .containsExactlyInAnyOrder("soc-l", "device-comms", "device-comms");
        assertThat(engine.counts().totalVisible()).isEqualTo(1);

        // NBIRTH then DBIRTHs: the node is back; device alarms that went away meanwhile never bother anyone.
        engine.accept(good(nodeVoltage, 1.0, clock));
        engine.accept(good(soc, 4, clock));
        engine.accept(good(otherDevice, 3.1, clock));
        clock.advance(AlarmEngineSettings.DEFAULTS.suppressionGrace());
        engine.tick();

        assertThat(engine.active()).extracting(a -> a.key().ruleId() + ":" + a.state())
                .containsExactlyInAnyOrder("soc-l:UNACKNOWLEDGED", "node-comms:RETURNED_UNACKNOWLEDGED");
    }

    @Test
    void suppressesHighWhileHighHighStandsOnTheSamePoint() {
        AlarmRule hh = AlarmRule.limit("v-hh", VOLTAGE, AlarmKind.HH, 1.10, AlarmPriority.CRITICAL, "Busbar voltage very high");
        AlarmEngine engine = engine(VOLTAGE_H, hh);
        PointId v = voltage("groningen-sub-01");

        engine.accept(good(v, 1.07, clock));
        engine.accept(good(v, 1.12, clock));
        assertThat(engine.active()).extracting(a -> a.key().ruleId()).containsExactly("v-hh");
        assertThat(engine.all()).filteredOn(Alarm::suppressed).extracting(a -> a.key().ruleId()).containsExactly("v-h");

        engine.acknowledge(keyOf(hh, v), "anna", "");
        engine.accept(good(v, 1.07, clock)); // HH clears, H still stands

        assertThat(engine.active()).singleElement().satisfies(a -> {
            assertThat(a.key().ruleId()).isEqualTo("v-h");
            assertThat(a.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        });
    }

    @Test
    void detectsChattering() {
        AlarmEngine engine = engine(VOLTAGE_H);
        PointId v = voltage("groningen-sub-01");
        AlarmKey key = keyOf(VOLTAGE_H, v);

        for (int i = 0; i < 2; i++) {
            engine.accept(good(v, 1.07, clock));
            engine.accept(good(v, 1.00, clock));
            clock.advanceSeconds(20);
        }
        assertThat(engine.all()).singleElement().extracting(Alarm::chattering).as("2 activations").isEqualTo(false);

        engine.accept(good(v, 1.07, clock)); // third activation within 60 s

        assertThat(engine.all()).singleElement().extracting(Alarm::chattering).isEqualTo(true);
        assertThat(engine.journal().entries()).filteredOn(e -> e.event() == JournalEvent.CHATTERING)
                .singleElement().extracting(JournalEntry::key).isEqualTo(java.util.Optional.of(key));

        clock.advanceSeconds(61);
        engine.tick();
        assertThat(engine.all()).singleElement().extracting(Alarm::chattering).as("quiet for a minute").isEqualTo(false);
    }

    @Test
    void entersFloodAfterElevenAlarmsInTenMinutes() {
        AlarmEngine engine = engine(VOLTAGE_H);
        for (int i = 1; i <= 10; i++) {
            engine.accept(good(voltage("groningen-sub-%02d".formatted(i)), 1.07, clock));
            clock.advance(Duration.ofSeconds(50));
        }
        engine.tick();
        assertThat(engine.inFlood()).as("10 alarms in ~8 min is not yet a flood").isFalse();

        engine.accept(good(voltage("groningen-sub-11"), 1.07, clock));

        assertThat(engine.inFlood()).isTrue();
        assertThat(engine.drainChanges().inFlood()).isTrue();
        assertThat(engine.journal().entries()).extracting(JournalEntry::event).contains(JournalEvent.FLOOD_STARTED);

        clock.advance(Duration.ofMinutes(10));
        engine.tick();
        assertThat(engine.inFlood()).as("no new alarms for 10 min").isFalse();
        assertThat(engine.journal().entries()).extracting(JournalEntry::event).contains(JournalEvent.FLOOD_ENDED);
    }

    @Test
    void elevenAlarmsSpreadOverMoreThanTenMinutesAreNoFlood() {
        AlarmEngine engine = engine(VOLTAGE_H);
        for (int i = 1; i <= 11; i++) {
            engine.accept(good(voltage("groningen-sub-%02d".formatted(i)), 1.07, clock));
            clock.advance(Duration.ofSeconds(61));
            engine.tick();
        }
        assertThat(engine.inFlood()).isFalse();
    }

    @Test
    void journalsEveryTransitionWithOperator() {
        AlarmEngine engine = engine(VOLTAGE_H);
        List<JournalEntry> recorded = new ArrayList<>();
        engine.journal().addListener(recorded::add);
        PointId v = voltage("groningen-sub-01");
        AlarmKey key = keyOf(VOLTAGE_H, v);

        engine.accept(good(v, 1.07, clock));
        clock.advanceSeconds(1);
        engine.acknowledge(key, "anna", "calling the field crew");
        clock.advanceSeconds(1);
        engine.comment(key, "ben", "crew on site");
        engine.shelve(key, "ben", "crew working on it", Duration.ofMinutes(30));
        engine.unshelve(key, "anna");
        engine.accept(good(v, 1.00, clock));

        List<JournalEntry> entries = engine.journal().entries();
        assertThat(entries).extracting(JournalEntry::event, JournalEntry::operator, e -> e.state().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.RAISED, AlarmJournal.SYSTEM, AlarmState.UNACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.ACKNOWLEDGED, "anna", AlarmState.ACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.COMMENT, "ben", AlarmState.ACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.SHELVED, "ben", AlarmState.ACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.UNSHELVED, "anna", AlarmState.ACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple(JournalEvent.RETURNED_TO_NORMAL, AlarmJournal.SYSTEM, AlarmState.CLEARED));
        assertThat(entries.get(1).comment()).isEqualTo("calling the field crew");
        assertThat(entries.get(1).time()).isEqualTo(entries.get(0).time().plusSeconds(1));
        assertThat(entries).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(recorded).as("the recorder's listener sees every entry").isEqualTo(entries);
    }

    @Test
    void journalKeepsOnlyTheNewestEntriesInMemory() {
        AlarmJournal journal = new AlarmJournal(3);
        AlarmEngine engine = new AlarmEngine(AlarmRuleSet.of(VOLTAGE_H), clock, AlarmEngineSettings.DEFAULTS, journal);
        PointId v = voltage("groningen-sub-01");
        for (int i = 0; i < 3; i++) {
            engine.accept(good(v, 1.07, clock));
            engine.accept(good(v, 1.00, clock));
        }
        assertThat(journal.entries()).hasSize(3);
        assertThat(journal.lastSequence()).isGreaterThanOrEqualTo(6);
        assertThat(journal.since(journal.lastSequence() - 1)).hasSize(1);
    }

    @Test
    void raisesDeviceReportedAlarmWithItsName() {
        AlarmRule device = AlarmRule.condition("dev", PointPattern.metric("Alarm/**", PointPattern.Level.ANY),
                AlarmKind.DEVICE_REPORTED, AlarmPriority.MEDIUM, "Device alarm");
        AlarmEngine engine = engine(device);
        PointId overtemp = deviceMetric("groningen-sub-02", "bat-0003", "Alarm/Overtemperature");

        engine.accept(good(overtemp, 0, clock));
        assertThat(engine.active()).isEmpty();
        engine.accept(good(overtemp, 1, clock));

        assertThat(engine.active()).singleElement().satisfies(a -> {
            assertThat(a.message()).isEqualTo("Device alarm: Overtemperature");
            assertThat(a.asset()).isEqualTo("cg-groningen/groningen-sub-02/bat-0003");
        });
    }

    @Test
    void raisesRateOfChangeAlarmFromMeasurementTimes() {
        AlarmRule ramp = new AlarmRule("ramp", PointPattern.metric("Substation/ActivePower", PointPattern.Level.NODE),
                AlarmKind.RATE_OF_CHANGE, 100, 10, Duration.ZERO, Duration.ZERO, AlarmPriority.LOW, "Fast ramp");
        AlarmEngine engine = engine(ramp);
        PointId p = nodeMetric("groningen-sub-01", "Substation/ActivePower");

        engine.accept(good(p, 200, clock));
        clock.advanceSeconds(1);
        engine.accept(good(p, 280, clock)); // 80 kW/s
        assertThat(engine.active()).isEmpty();
        clock.advanceSeconds(1);
        engine.accept(good(p, 450, clock)); // 170 kW/s

        assertThat(engine.active()).singleElement().extracting(Alarm::kind).isEqualTo(AlarmKind.RATE_OF_CHANGE);
    }

    @Test
    void ignoresRateSpikesBetweenSamplesMillisecondsApart() {
        AlarmRule ramp = new AlarmRule("ramp", PointPattern.metric("Substation/ActivePower", PointPattern.Level.NODE),
                AlarmKind.RATE_OF_CHANGE, 100, 10, Duration.ZERO, Duration.ZERO, AlarmPriority.LOW, "Fast ramp");
        AlarmEngine engine = engine(ramp);
        PointId p = nodeMetric("groningen-sub-01", "Substation/ActivePower");

        engine.accept(good(p, 200, clock));                 // e.g. the value in a birth
        clock.advance(Duration.ofMillis(5));
        engine.accept(good(p, 205, clock));                 // the next data 5 ms later: 1000 kW/s "instantly"
        clock.advance(Duration.ofMillis(995));
        engine.accept(good(p, 260, clock));                 // 60 kW over the second: below the limit

        assertThat(engine.active()).isEmpty();
    }

    @Test
    void outOfServiceHidesAlarmsOfTheAsset() {
        AlarmEngine engine = engine(VOLTAGE_H);
        PointId v1 = voltage("groningen-sub-01");
        PointId v2 = voltage("groningen-sub-02");
        engine.accept(good(v1, 1.07, clock));

        engine.removeFromService("cg-groningen/groningen-sub-01", "anna", "transformer swap");
        engine.accept(good(v2, 1.07, clock));

        assertThat(engine.active()).extracting(Alarm::point).containsExactly(v2);
        engine.returnToService("cg-groningen/groningen-sub-01", "anna");
        assertThat(engine.active()).extracting(Alarm::point).containsExactlyInAnyOrder(v1, v2);
    }

    @Test
    void drainCoalescesChangesBetweenFrames() {
        AlarmEngine engine = engine(VOLTAGE_H);
        PointId v = voltage("groningen-sub-01");
        engine.accept(good(v, 1.07, clock));
        engine.accept(good(v, 1.00, clock));
        engine.accept(good(v, 1.08, clock));

        AlarmChanges first = engine.drainChanges();
        assertThat(first.updated()).singleElement().extracting(Alarm::state).isEqualTo(AlarmState.UNACKNOWLEDGED);
        assertThat(engine.drainChanges().isEmpty()).isTrue();

        engine.acknowledge(keyOf(VOLTAGE_H, v), "anna", "");
        engine.accept(good(v, 1.00, clock));
        AlarmChanges second = engine.drainChanges();
        assertThat(second.updated()).isEmpty();
        assertThat(second.removed()).containsExactly(keyOf(VOLTAGE_H, v));
    }

    @Test
    void evaluatesHundredThousandMeasurementsWithTheRightCounts() {
        AlarmEngine engine = new AlarmEngine(AlarmRuleFile.defaults(), clock);
        int nodes = 100;
        int devicesPerNode = 9;
        List<org.plurigrid.console.client.telemetry.Measurement> batch = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            String node = "groningen-sub-%02d".formatted(n);
            // every 10th substation runs at 1.12 pu (HH + H), the rest at 1.00 pu
            batch.add(good(voltage(node), n % 10 == 0 ? 1.12 : 1.00, clock));
            for (int d = 0; d < devicesPerNode; d++) {
                batch.add(good(deviceMetric(node, "bat-%04d".formatted(d), "StateOfCharge"), 50, clock));
            }
        }
        int rounds = 100_000 / batch.size();
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (var m : batch) {
                engine.accept(m);
            }
            clock.advanceSeconds(1);
        }
        engine.tick();
        long nanos = System.nanoTime() - start;

        assertThat(engine.evaluations()).isEqualTo(100_000);
        AlarmCounts counts = engine.counts();
        assertThat(counts.total(AlarmPriority.CRITICAL)).as("HH on every 10th substation").isEqualTo(10);
        assertThat(counts.totalVisible()).as("H is suppressed under HH").isEqualTo(10);
        assertThat(engine.all()).filteredOn(Alarm::suppressed).hasSize(10)
                .allSatisfy(a -> assertThat(a.kind()).isEqualTo(AlarmKind.H));
        System.out.printf("alarm engine: %,d evaluations in %d ms = %,.0f/s (default rules, %d points)%n",
                engine.evaluations(), nanos / 1_000_000, engine.evaluations() * 1e9 / nanos, batch.size());
    }
}
