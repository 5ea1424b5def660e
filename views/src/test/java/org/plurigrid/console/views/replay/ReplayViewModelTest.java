package org.plurigrid.console.views.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.recording.AlarmReplay;
import org.plurigrid.console.client.recording.RecordingException;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;

/** The view-model against a scripted control; background and FX executors run inline (FX thread). */
@ExtendWith(FxThreadExtension.class)
class ReplayViewModelTest {

    static final Instant FROM = Instant.parse("2026-12-03T08:00:00Z");
    static final Instant TO = FROM.plusSeconds(3600);
    static final org.plurigrid.console.client.telemetry.PointId POINT =
            new org.plurigrid.console.client.telemetry.PointId("grid-a", "sub-1", "load-1", "ActivePower");

    static org.plurigrid.console.client.recording.RecordedValue rv(Instant t, double v,
            org.plurigrid.console.client.telemetry.Quality q) {
        return new org.plurigrid.console.client.recording.RecordedValue(1, t.toEpochMilli(), t.toEpochMilli(), POINT, v, q, "kW");
    }
    static final ChangeSet FRAME = new ChangeSet(List.of(), TelemetryStats.EMPTY);

    /** A recording of one hour with an alarm at 10 min; the play head moves as told. */
    static final class ScriptedControl implements ReplayControl {
        Instant head = FROM;
        final List<String> calls = new ArrayList<>();
        String failOpen;
        double speed;
        Optional<String> current = Optional.of("/home/op/.plurigrid/recordings/recording-20261203T080000Z.duckdb");

        @Override
        public Optional<String> currentRecording() {
            return current;
        }

        @Override
        public ReplayRecording open(String file) throws Exception {
            calls.add("open " + file);
            if (failOpen != null) {
                throw new RecordingException(failOpen);
            }
            return new ReplayRecording(file, FROM, TO, 1_000, 10,
                    List.of(new TimelineMarker(FROM.plusSeconds(600), TimelineMarker.Kind.ALARM, 1, "sub-1 comms")), 0);
        }

        @Override
        public void seek(Instant t) {
            calls.add("seek " + t);
            head = t;
        }

        @Override
        public void step(Duration d) {
            calls.add("step " + d);
            head = head.plus(d);
        }

        @Override
        public Optional<Instant> nextAlarm() {
            calls.add("next");
            if (head.isBefore(FROM.plusSeconds(600))) {
                head = FROM.plusSeconds(600);
                return Optional.of(head);
            }
            return Optional.empty();
        }

        @Override
        public Optional<Instant> previousAlarm() {
            calls.add("previous");
            return Optional.empty();
        }

        @Override
        public void play(double speed) {
            calls.add("play " + speed);
            this.speed = speed;
        }

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public Instant playHead() {
            return head;
        }

        @Override
        public long stalls() {
            return 0;
        }

        @Override
        public AlarmReplay.Comparison compareRules(Instant from, Instant to) {
            calls.add("compare " + from + " " + to);
            return new AlarmReplay.Comparison("recorded", "edited", 2, 1, List.of(new AlarmReplay.Difference(
                    "grid-a/sub-2/Voltage HH", "grid-a/sub-2/Voltage", 1, 0, Optional.of(FROM.plusSeconds(15)),
                    Optional.empty(), "CRITICAL", "")));
        }

        final java.util.Map<String, List<org.plurigrid.console.client.recording.RecordedValue>> values = new java.util.HashMap<>();

        @Override
        public List<org.plurigrid.console.client.telemetry.PointId> recordedPoints() {
            return List.of(POINT, new org.plurigrid.console.client.telemetry.PointId("grid-a", "sub-1", "pv-2", "ActivePower"));
        }

        @Override
        public List<org.plurigrid.console.client.recording.RecordedValue> pointValues(Optional<String> otherFile,
                org.plurigrid.console.client.telemetry.PointId point, Instant from, Instant to) {
            calls.add("values " + otherFile.orElse("-") + " " + point + " " + from + " " + to);
            return values.getOrDefault(otherFile.orElse("-") + " " + from, List.of());
        }

        @Override
        public long export(Instant from, Instant to, String file,
                           org.plurigrid.console.client.recording.RecordingReader.ExportFormat format) {
            calls.add("export " + from + " " + to + " " + file + " " + format);
            return 12_345;
        }

        @Override
        public void backToLive() {
            calls.add("live");
        }
    }

    final ScriptedControl control = new ScriptedControl();
    final ReplayViewModel vm = new ReplayViewModel(control, Runnable::run, Runnable::run);

    @Test
    void twoPeriodsOfOnePointOverlayAsStepsFromTheirOwnStartWithGapsWhereNotGood() {
        var good = org.plurigrid.console.client.telemetry.Quality.GOOD;
        Instant b = FROM.plusSeconds(600);
        // A: 5 kW held from before its start, 7 kW at +30 s; B (another recording): 6 kW, STALE at +20 s, 8 kW at +40 s
        control.values.put("- " + FROM, List.of(rv(FROM.minusSeconds(3), 5, good), rv(FROM.plusSeconds(30), 7, good)));
        control.values.put("/tmp/other.duckdb " + b, List.of(rv(b, 6, good),
                rv(b.plusSeconds(20), 0, org.plurigrid.console.client.telemetry.Quality.STALE), rv(b.plusSeconds(40), 8, good)));
        vm.openCurrent();
        TrendComparisonViewModel t = vm.trends();
        assertThat(t.points()).containsExactly("grid-a/sub-1/load-1/ActivePower", "grid-a/sub-1/pv-2/ActivePower");
        assertThat(t.pointProperty().get()).isEqualTo("grid-a/sub-1/load-1/ActivePower");
        assertThat(t.fromAProperty().get()).isEqualTo("2026-12-03 08:00:00");
        assertThat(t.fromBProperty().get()).isEqualTo("2026-12-03 08:10:00");
        t.minutesProperty().set("1");
        t.otherRecordingProperty().set("/tmp/other.duckdb");

        t.compare();

        assertThat(t.seriesA()).containsExactly(new TrendComparisonViewModel.Sample(0, 5), new TrendComparisonViewModel.Sample(30, 7),
                new TrendComparisonViewModel.Sample(60, 7));
        assertThat(t.seriesB()).containsExactly(new TrendComparisonViewModel.Sample(0, 6),
                new TrendComparisonViewModel.Sample(20, Double.NaN), new TrendComparisonViewModel.Sample(40, 8),
                new TrendComparisonViewModel.Sample(60, 8));
        assertThat(t.messageProperty().get()).isEqualTo("grid-a/sub-1/load-1/ActivePower · A from 2026-12-03 08:00:00: 2 values, "
                + "5.00 to 7.00 · B from 2026-12-03 08:10:00 in other.duckdb: 2 values, 6.00 to 8.00");

        t.pointProperty().set("grid-a/nowhere");
        t.compare();
        assertThat(t.messageProperty().get()).isEqualTo("Choose a point the recording holds: \"grid-a/nowhere\" is not one.");
        t.pointProperty().set("grid-a/sub-1/load-1/ActivePower");
        t.minutesProperty().set("0");
        t.compare();
        assertThat(t.messageProperty().get()).startsWith("The length is a whole number of minutes");
    }

    @Test
    void exportsThePeriodSetWithItsLastSecondWholeInTheFormatOfTheFileName() {
        vm.openCurrent();
        assertThat(vm.exportFromProperty().get()).isEqualTo("2026-12-03 08:00:00");
        assertThat(vm.exportToProperty().get()).isEqualTo("2026-12-03 09:00:00");
        vm.exportFromProperty().set("2026-12-03 08:10:00");
        vm.exportToProperty().set("2026-12-03 08:20:00");

        vm.export("/tmp/period.parquet");
        vm.export("/tmp/period.csv");

        assertThat(control.calls).contains(
                "export 2026-12-03T08:10:00Z 2026-12-03T08:20:00.999Z /tmp/period.parquet PARQUET",
                "export 2026-12-03T08:10:00Z 2026-12-03T08:20:00.999Z /tmp/period.csv CSV");
        assertThat(vm.messageProperty().get())
                .isEqualTo("Exported 12,345 values (2026-12-03 08:10:00 to 2026-12-03 08:20:00 UTC) to /tmp/period.csv as CSV.");
    }

    @Test
    void aPeriodThatIsNotATimeOrIsBackwardsOrOutsideTheRecordingIsRefusedInWords() {
        vm.openCurrent();
        vm.exportToProperty().set("8:20");
        vm.export("/tmp/x.csv");
        assertThat(vm.messageProperty().get()).isEqualTo("Cannot export: write the period as 2026-12-03 08:00:00 (UTC).");
        vm.exportToProperty().set("2026-12-03 07:59:00");
        vm.export("/tmp/x.csv");
        assertThat(vm.messageProperty().get()).isEqualTo("Cannot export: the period ends before it starts.");
        vm.exportFromProperty().set("2026-12-04 00:00:00");
        vm.exportToProperty().set("2026-12-04 01:00:00");
        vm.export("/tmp/x.csv");
        assertThat(vm.messageProperty().get()).startsWith("Cannot export: the recording holds 2026-12-03 08:00:00 UTC to");
        assertThat(control.calls).noneMatch(c -> c.startsWith("export"));
    }

    @Test
    void openingARecordingSwitchesToReplayWithItsMarkersAndABanner() {
        assertThat(vm.replayingProperty().get()).isFalse();
        assertThat(vm.bannerTextProperty().get()).isEmpty();
        vm.openCurrent();
        assertThat(control.calls).containsExactly("open /home/op/.plurigrid/recordings/recording-20261203T080000Z.duckdb");
        assertThat(vm.replayingProperty().get()).isTrue();
        assertThat(vm.markers()).hasSize(1);
        assertThat(vm.playHeadTextProperty().get()).isEqualTo("2026-12-03 08:00:00 UTC");
        assertThat(vm.bannerTextProperty().get())
                .isEqualTo("recorded 2026-12-03 08:00:00 UTC · paused · recording-20261203T080000Z.duckdb · not live");
    }

    @Test
    void theConsolesOwnRecordingIsFollowedWhenItOpensAfterTheWindowAndWhenItRolls() {
        control.current = Optional.empty();
        ReplayViewModel early = new ReplayViewModel(control, Runnable::run, Runnable::run);
        assertThat(early.currentRecordingProperty().get()).isEmpty();

        control.current = Optional.of("/home/op/.plurigrid/recordings/recording-20261203T080000Z.duckdb");
        early.onFrame(FRAME);
        assertThat(early.currentRecordingProperty().get()).endsWith("recording-20261203T080000Z.duckdb");

        control.current = Optional.of("/home/op/.plurigrid/recordings/recording-20261203T090000Z.duckdb");
        early.onFrame(FRAME);
        assertThat(early.currentRecordingProperty().get()).endsWith("recording-20261203T090000Z.duckdb");
    }

    @Test
    void aFileThatCannotBeOpenedGivesOneLineAndStaysLive() {
        control.failOpen = "cannot open recording /tmp/x.duckdb: IO Error: not a valid DuckDB database file\nmore detail";
        vm.open("/tmp/x.duckdb");
        assertThat(vm.replayingProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(
                "Cannot open the recording: cannot open recording /tmp/x.duckdb: IO Error: not a valid DuckDB database file");
    }

    @Test
    void playsAtTheChosenSpeedFollowsThePlayHeadAndStopsAtTheEnd() {
        vm.open("r.duckdb");
        vm.speedProperty().set(100);
        vm.togglePlay();
        assertThat(control.speed).isEqualTo(100);
        assertThat(vm.bannerTextProperty().get()).contains("playing 100×");
        vm.speedProperty().set(5000);
        assertThat(vm.speedProperty().get()).as("clamped to 1000×").isEqualTo(1000);
        assertThat(control.speed).isEqualTo(1000);

        control.head = FROM.plusSeconds(1800);
        vm.onFrame(FRAME);
        assertThat(vm.positionProperty().get()).isEqualTo(0.5);
        control.head = TO;
        vm.onFrame(FRAME);
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(control.calls).endsWith("pause");
        assertThat(vm.messageProperty().get()).isEqualTo("End of the recording.");
    }

    @Test
    void stepsScrubsAndJumpsToAlarmsPaused() {
        vm.open("r.duckdb");
        vm.play();
        vm.nextAlarm();
        assertThat(control.calls).containsSubsequence("play 1.0", "pause", "next");
        assertThat(vm.playHeadProperty().get()).isEqualTo(FROM.plusSeconds(600));
        assertThat(vm.messageProperty().get()).isEqualTo("Alarm raised at 2026-12-03 08:10:00 UTC.");
        vm.stepForward();
        assertThat(vm.playHeadProperty().get()).isEqualTo(FROM.plusSeconds(601));
        vm.stepBack();
        assertThat(control.calls).contains("step PT1S", "step PT-1S");
        vm.previousAlarm();
        assertThat(vm.messageProperty().get()).isEqualTo("No recorded alarm before the play head.");
        vm.seekFraction(0.25);
        assertThat(control.calls).endsWith("seek " + FROM.plusSeconds(900));
        assertThat(vm.positionProperty().get()).isEqualTo(0.25);
    }

    @Test
    void comparingRulesListsTheDifferencesAndBackToLiveClearsEverything() {
        vm.open("r.duckdb");
        vm.compareRules();
        assertThat(control.calls).contains("compare " + FROM + " " + TO);
        assertThat(vm.differences()).singleElement().extracting(AlarmReplay.Difference::verdict)
                .isEqualTo("no longer raised");
        assertThat(vm.comparisonTextProperty().get()).isEqualTo("Recorded rules raised 2, current rules 1: 1 alarm differ.");

        vm.backToLive();
        assertThat(control.calls).endsWith("pause", "live");
        assertThat(vm.replayingProperty().get()).isFalse();
        assertThat(vm.bannerTextProperty().get()).isEmpty();
        assertThat(vm.markers()).isEmpty();
        assertThat(vm.differences()).isEmpty();
    }
}
