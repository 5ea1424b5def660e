package org.plurigrid.console.app.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.alarms.AlarmChanges;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.recording.DuckDbRecordingStore;
import org.plurigrid.console.client.recording.Recorder;
import org.plurigrid.console.client.recording.RecordingException;
import org.plurigrid.console.client.recording.RecordingSettings;
import org.plurigrid.console.client.recording.ReplayClock;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.views.replay.ReplayRecording;
import org.plurigrid.console.views.replay.TimelineMarker;

/** Replay as the window wires it, headless: the views' feeds swap to a recording and back. */
class ConsoleReplayTest {

    static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");
    static final PointId V1 = PointId.nodeMetric("grid-a", "sub-1", "Voltage");
    static final PointId LIVE_ONLY = PointId.nodeMetric("grid-a", "sub-9", "Voltage");
    static final String RULES = """
            {"version": 1, "rules": [
              {"id": "v-hh", "match": {"level": "node", "metric": "Voltage"}, "kind": "HH", "limit": 1.10,
               "deadband": 0.01, "onDelay": "1s", "offDelay": "2s", "priority": "CRITICAL",
               "message": "Voltage very high"}
            ]}""";

    @TempDir
    Path dir;

    /** 60 s of V1 at 10 Hz, high from 20 s to 30 s: one alarm raised live and recorded. */
    Path record() throws Exception {
        Path file = dir.resolve("r.duckdb");
        ReplayClock clock = new ReplayClock(T0);
        AlarmRuleSet rules = AlarmRuleFile.parse(RULES, "test");
        AlarmEngine engine = new AlarmEngine(rules, clock);
        try (Recorder r = new Recorder(DuckDbRecordingStore.singleFile(file), clock, RecordingSettings.DEFAULTS)) {
            r.start();
            r.rules(rules);
            engine.journal().addListener(r.alarmTap());
            for (int step = 0; step <= 600; step++) {
                clock.set(T0.plusMillis(step * 100L));
                double s = step / 10.0;
                Measurement m = new Measurement(V1, s >= 20 && s < 30 ? 1.2 : 1.0, clock.instant(), Quality.GOOD, "pu");
                r.value(m);
                engine.accept(m);
                engine.tick();
            }
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
        }
        return file;
    }

    /** A live side that always has one point no recording holds. */
    static final class Live implements TelemetryFeed {
        @Override
        public ChangeSet drainChanges() {
            return new ChangeSet(List.of(), TelemetryStats.EMPTY);
        }

        @Override
        public List<ConnectionStatus> connections() {
            return List.of();
        }
    }

    @Test
    void replaySwapsTelemetryAndAlarmsForTheRecordingAndBackToLiveRefillsTheScreen() throws Exception {
        Path file = record();
        ReplayClock wall = new ReplayClock(Instant.parse("2030-01-01T00:00:00Z"));
        AlarmEngine live = new AlarmEngine(AlarmRuleFile.defaults(), wall);
        Measurement liveValue = new Measurement(LIVE_ONLY, 1.0, wall.instant(), Quality.GOOD, "pu");
        ModeTelemetryFeed shown = new ModeTelemetryFeed(new Live(), () -> List.of(liveValue), () -> SupergridSummary.EMPTY);
        ModeAlarmFeed alarms = new ModeAlarmFeed(live);
        try (ConsoleRecording recording = ConsoleRecording.inHome(dir.resolve("home"), wall)) {
            ConsoleReplay replay = new ConsoleReplay(recording, shown, alarms, live, wall);

            ReplayRecording r = replay.open(file.toString());
            assertThat(r.from()).isEqualTo(T0);
            assertThat(r.to()).isEqualTo(T0.plusSeconds(60));
            assertThat(r.markers()).extracting(TimelineMarker::kind, TimelineMarker::priority)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(TimelineMarker.Kind.ALARM, 1));
            ChangeSet opened = shown.drainChanges();
            assertThat(opened.replacesAll()).as("the recording's state replaces the live one on screen").isTrue();
            assertThat(opened.changed()).extracting(Measurement::id).containsExactly(V1);

            Instant raised = replay.nextAlarm().orElseThrow();
            assertThat(raised).isBetween(T0.plusSeconds(21), T0.plusMillis(21_300));
            assertThat(shown.drainChanges().changed()).singleElement()
                    .satisfies(m -> assertThat(m.value()).isEqualTo(1.2));
            AlarmChanges seen = alarms.drainChanges();
            assertThat(seen.updated()).as("re-raised at the recorded alarm").extracting(a -> a.point())
                    .containsExactly(V1);
            assertThat(alarms.acknowledge(seen.updated().getFirst().key(), "op", "").isApplied())
                    .as("a replayed alarm is not acknowledged").isFalse();

            replay.step(Duration.ofSeconds(12));
            assertThat(replay.playHead()).isEqualTo(raised.plusSeconds(12));
            assertThat(alarms.active()).as("returned after the value fell at 30 s, still unacknowledged")
                    .extracting(a -> a.state().name()).containsExactly("RETURNED_UNACKNOWLEDGED");

            AlarmRuleSet edited = AlarmRuleFile.parse(RULES.replace("1.10", "1.30"), "edited");
            live.replaceRules(edited, "op");
            assertThat(replay.compareRules(r.from(), r.to()).differences()).singleElement()
                    .satisfies(d -> assertThat(d.verdict()).isEqualTo("no longer raised"));

            replay.backToLive();
            ChangeSet back = shown.drainChanges();
            assertThat(back.replacesAll()).as("nothing recorded lingers on screen").isTrue();
            assertThat(back.changed()).as("live state refills the screen")
                    .extracting(Measurement::id).containsExactly(LIVE_ONLY);
            assertThat(alarms.drainChanges().removed()).as("replayed alarms leave the list")
                    .extracting(Object::toString).containsExactly("grid-a/sub-1/Voltage [v-hh]");
            assertThat(shown.isReplaying()).isFalse();
        }
    }

    @Test
    void aMissingOrCorruptFileIsOneClearMessageAndTheConsoleStaysLive() throws Exception {
        ReplayClock wall = new ReplayClock(T0);
        AlarmEngine live = new AlarmEngine(AlarmRuleFile.defaults(), wall);
        ModeTelemetryFeed shown = new ModeTelemetryFeed(new Live(), List::of, () -> SupergridSummary.EMPTY);
        ModeAlarmFeed alarms = new ModeAlarmFeed(live);
        try (ConsoleRecording recording = ConsoleRecording.inHome(dir.resolve("home"), wall)) {
            ConsoleReplay replay = new ConsoleReplay(recording, shown, alarms, live, wall);
            assertThatThrownBy(() -> replay.open(dir.resolve("nope.duckdb").toString()))
                    .isInstanceOf(RecordingException.class).hasMessageContaining("does not exist");
            Path corrupt = dir.resolve("corrupt.duckdb");
            Files.write(corrupt, new byte[8192]);
            assertThatThrownBy(() -> replay.open(corrupt.toString()))
                    .isInstanceOf(RecordingException.class).hasMessageContaining(corrupt.toString());
            assertThat(shown.isReplaying()).isFalse();
            assertThat(alarms.isReplaying()).isFalse();
            assertThat(replay.currentRecording()).as("not started: records nothing").isEmpty();
        }
    }
}
