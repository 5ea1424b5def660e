package org.plurigrid.console.app.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.recording.RecordedEvent;
import org.plurigrid.console.client.recording.RecordingReader;
import org.plurigrid.console.client.recording.RecordingStatus;
import org.plurigrid.console.client.recording.ReplayClock;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

class ConsoleRecordingTest {

    @TempDir
    Path home;
    final ReplayClock clock = new ReplayClock(Instant.parse("2026-12-03T08:10:00Z"));

    @Test
    void theWindowRecordsIntoItsHomeAndReadsItsOwnFileWhileWriting() throws Exception {
        try (ConsoleRecording recording = ConsoleRecording.inHome(home, clock)) {
            recording.attachAlarms(new AlarmEngine(AlarmRuleFile.defaults(), clock));
            recording.start();
            recording.telemetryTap().accept(new Measurement(PointId.nodeMetric("g", "n", "Voltage"), 1.01,
                    clock.instant(), Quality.GOOD, "pu"));
            ConnectionStatus up = new ConnectionStatus("devnet", "tcp://127.0.0.1:1883", ConnectionState.CONNECTED, 0, "");
            recording.connectionsSeen(List.of(up));
            recording.connectionsSeen(List.of(up));
            recording.connectionsSeen(List.of(new ConnectionStatus("devnet", "tcp://127.0.0.1:1883",
                    ConnectionState.RECONNECTING, 1, "connection lost")));
            assertThat(recording.recorder().flush(Duration.ofSeconds(10))).isTrue();

            RecordingStatus s = recording.status();
            assertThat(s.state()).isEqualTo(RecordingStatus.State.RECORDING);
            Path file = recording.currentFile().orElseThrow();
            assertThat(file.getParent()).isEqualTo(home.resolve("recordings").toAbsolutePath());
            try (RecordingReader reader = recording.open(file)) {
                assertThat(reader.summary().values()).isEqualTo(1);
                assertThat(reader.rulesAt(clock.instant())).as("the rules in force are recorded").isPresent();
                assertThat(reader.events(Instant.EPOCH, clock.instant().plusSeconds(1)))
                        .filteredOn(e -> e.kind() == RecordedEvent.EventKind.CONNECTION)
                        .as("one entry per change, not per poll").hasSize(2);
            }
        }
    }

    @Test
    void itsHistoryReadsTheClosedHourAndTheHourBeingWrittenAsOne() throws Exception {
        PointId power = new PointId("g", "n", "load-1", "ActivePower");
        try (ConsoleRecording recording = ConsoleRecording.inHome(home, clock)) {
            recording.start();
            recording.telemetryTap().accept(new Measurement(power, 10, clock.instant(), Quality.GOOD, "kW"));
            assertThat(recording.recorder().flush(Duration.ofSeconds(10))).isTrue();
            clock.set(Instant.parse("2026-12-03T09:20:00Z"));     // the next hour: the 08:00 file is closed
            recording.telemetryTap().accept(new Measurement(power, 30, clock.instant(), Quality.GOOD, "kW"));
            assertThat(recording.recorder().flush(Duration.ofSeconds(10))).isTrue();
            assertThat(recording.currentFile().orElseThrow().getFileName().toString()).contains("09");

            try (var history = recording.history().orElseThrow()) {
                var values = history.pointValues(power, Instant.parse("2026-12-03T08:00:00Z"), clock.instant().plusSeconds(1));
                assertThat(values).extracting(v -> v.value()).as("08:10 from the closed file, 09:20 from the open one")
                        .containsExactly(10.0, 30.0);
            }
        }
    }

    @Test
    void aStoreThatCannotOpenLeavesTheConsoleRunningAndSaysWhy() throws Exception {
        Files.writeString(home.resolve("recordings"), "not a folder");
        try (ConsoleRecording recording = ConsoleRecording.inHome(home, clock)) {
            recording.start();
            recording.telemetryTap().accept(new Measurement(PointId.nodeMetric("g", "n", "Voltage"), 1.0,
                    clock.instant(), Quality.GOOD, "pu"));
            RecordingStatus s = recording.status();
            assertThat(s.state()).isEqualTo(RecordingStatus.State.NOT_RECORDING);
            assertThat(s.lastError()).contains("recording folder");
            assertThat(recording.currentFile()).isEmpty();
        }
    }
}
