package org.plurigrid.console.client.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

class AlarmReplayTest {

    static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

    static String rules(double limit) {
        return """
                {"version": 1, "rules": [
                  {"id": "v-hh", "match": {"level": "node", "metric": "Voltage"}, "kind": "HH", "limit": %s,
                   "deadband": 0.01, "onDelay": "1s", "offDelay": "2s", "priority": "CRITICAL",
                   "message": "Voltage very high"}
                ]}""".formatted(limit);
    }

    @TempDir
    Path dir;
    Path file;
    int liveRaised;

    /** 30 s of three substation voltages at 10 Hz; sub-1 high 5–12 s, sub-2 briefly at 8 s and again 15–25 s. */
    @BeforeEach
    void record() throws Exception {
        file = dir.resolve("alarms.duckdb");
        ReplayClock clock = new ReplayClock(T0);
        AlarmRuleSet set = AlarmRuleFile.parse(rules(1.10), "test rules");
        AlarmEngine live = new AlarmEngine(set, clock);
        try (Recorder r = new Recorder(DuckDbRecordingStore.singleFile(file), clock, RecordingSettings.DEFAULTS
                .withSnapshotPeriod(Duration.ofSeconds(3)))) {
            r.start();
            r.rules(set);
            live.journal().addListener(r.alarmTap());
            for (int step = 0; step <= 300; step++) {
                clock.set(T0.plusMillis(step * 100L));
                double s = step / 10.0;
                for (int sub = 1; sub <= 3; sub++) {
                    double v = 1.0;
                    if (sub == 1 && s >= 5 && s < 12) {
                        v = 1.15;
                    } else if (sub == 2 && (s >= 8 && s < 8.5 || s >= 15 && s < 25)) {
                        v = 1.12;
                    }
                    Measurement m = new Measurement(PointId.nodeMetric("grid-a", "sub-" + sub, "Voltage"), v,
                            clock.instant(), Quality.GOOD, "pu");
                    r.value(m);
                    live.accept(m);
                }
                if (step % 2 == 0) {
                    live.tick();
                }
            }
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
        }
        liveRaised = (int) live.journal().entries().stream().filter(e -> e.event().name().equals("RAISED")).count();
    }

    @Test
    void replayWithTheRecordedRulesRaisesWhatWasRaisedLiveAndTwiceTheSame() throws Exception {
        AlarmReplay.Outcome first;
        AlarmReplay.Outcome second;
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            first = AlarmReplay.run(reader, T0, T0.plusSeconds(30), Optional.empty());
        }
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            second = AlarmReplay.run(reader, T0, T0.plusSeconds(30), Optional.empty());
        }
        assertThat(first.recordedRules()).isTrue();
        assertThat(first.transitions()).isEqualTo(second.transitions());
        assertThat(first.transitions()).filteredOn(t -> t.event().equals("RAISED"))
                .extracting(AlarmReplay.Transition::source)
                .containsExactly("grid-a/sub-1/Voltage", "grid-a/sub-2/Voltage");
        assertThat(liveRaised).as("live raised the same two").isEqualTo(2);
        AlarmReplay.Transition raised = first.transitions().getFirst();
        assertThat(raised.time()).as("on delay of 1 s after 5 s").isBetween(T0.plusSeconds(6),
                T0.plusMillis(6_300));
        assertThat(first.transitions()).filteredOn(t -> t.event().equals("RETURNED_TO_NORMAL")).hasSize(2);
    }

    @Test
    void editedRulesShowWhatOtherLimitsWouldHaveRaised() throws Exception {
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            AlarmReplay.Outcome edited = AlarmReplay.run(reader, T0, T0.plusSeconds(30),
                    Optional.of(AlarmRuleFile.parse(rules(1.13), "edited")));
            assertThat(edited.recordedRules()).isFalse();
            assertThat(edited.transitions()).filteredOn(t -> t.event().equals("RAISED"))
                    .extracting(AlarmReplay.Transition::source).containsExactly("grid-a/sub-1/Voltage");
        }
    }

    @Test
    void aPeriodStartingInsideAnAlarmStartsFromTheRecordedState() throws Exception {
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            AlarmReplay.Outcome mid = AlarmReplay.run(reader, T0.plusSeconds(10), T0.plusSeconds(14),
                    Optional.empty());
            assertThat(mid.transitions()).extracting(AlarmReplay.Transition::event)
                    .containsExactly("RAISED", "RETURNED_TO_NORMAL");
            assertThat(mid.transitions().getFirst().time()).isBetween(T0.plusSeconds(11), T0.plusMillis(11_300));
        }
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() throws Exception {
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            assertThatThrownBy(() -> AlarmReplay.run(reader, T0.plusSeconds(5), T0, Optional.empty()))
                    .isInstanceOf(RecordingException.class).hasMessageContaining("before it starts");
        }
    }

    @Test
    void comparingEditedRulesListsTheAlarmsThatWouldComeOutOtherwise() throws Exception {
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            AlarmReplay.Comparison c = AlarmReplay.compare(reader, T0, T0.plusSeconds(30),
                    AlarmRuleFile.parse(rules(1.13), "edited"));
            assertThat(c.raisedRecorded()).isEqualTo(2);
            assertThat(c.raisedEdited()).isEqualTo(1);
            assertThat(c.editedOrigin()).isEqualTo("edited");
            assertThat(c.differences()).singleElement().satisfies(d -> {
                assertThat(d.source()).isEqualTo("grid-a/sub-2/Voltage");
                assertThat(d.raisedRecorded()).isEqualTo(1);
                assertThat(d.raisedEdited()).isZero();
                assertThat(d.firstEdited()).isEmpty();
                assertThat(d.verdict()).isEqualTo("no longer raised");
            });
            AlarmReplay.Comparison lower = AlarmReplay.compare(reader, T0, T0.plusSeconds(30),
                    AlarmRuleFile.parse(rules(0.99), "lower"));
            assertThat(lower.differences()).extracting(AlarmReplay.Difference::verdict)
                    .as("sub-3 never rose, but 0.99 is below its 1.0").contains("only with the edited rules");
        }
    }

    @Test
    void replayAlarmsFollowingThePlayHeadRaiseWhatTheHeadlessReplayRaises() throws Exception {
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            ReplayAlarms alarms = new ReplayAlarms(reader, Optional.empty(), Duration.ofSeconds(8), T0);
            ReplayFeed feed = new ReplayFeed(reader, new ReplayClock(T0), new ReplayClock(T0), Runnable::run,
                    Duration.ofSeconds(30), alarms);
            feed.seek(T0.plusSeconds(10)).join();
            assertThat(alarms.engine().active()).as("sub-1 high since 5 s, raised after its 1 s on-delay")
                    .extracting(a -> a.point().toString()).containsExactly("grid-a/sub-1/Voltage");
            AlarmEngine atSeek = alarms.engine();
            for (int i = 0; i < 20; i++) {
                feed.step(Duration.ofSeconds(1)).join();
            }
            assertThat(alarms.engine()).as("stepping forward keeps the engine").isSameAs(atSeek);
            List<String> shown = alarms.engine().journal().entries().stream()
                    .filter(e -> e.key().isPresent())
                    .map(e -> e.time() + " " + e.event().name() + " " + e.key().get())
                    .sorted().toList();
            List<String> headless = AlarmReplay.run(reader, T0.plusSeconds(2), T0.plusSeconds(30), Optional.empty())
                    .transitions().stream().filter(t -> !t.alarmKey().isEmpty())
                    .map(t -> t.time() + " " + t.event() + " " + t.alarmKey())
                    .sorted().toList();
            assertThat(shown).isNotEmpty().isEqualTo(headless);
        }
    }
}
