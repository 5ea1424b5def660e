package org.plurigrid.console.views.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.plurigrid.console.client.recording.AlarmReplay;

/**
 * What the Replay view asks of the console (implemented in {@code app}): open a recording and swap the live feed
 * for it, move the play head, compare rules, return to live. Methods that say "blocking" read the recording: call
 * them only through {@code BackgroundTask}. The others return at once.
 */
public interface ReplayControl {

    /** The file this console is recording into now, if any ("replay this console's recording"). */
    Optional<String> currentRecording();

    /**
     * Blocking: opens {@code file}, switches Overview, Map and Alarms to it at its start, and says what it holds.
     * A missing or unreadable file fails with one message for the operator; the console then stays as it was.
     */
    ReplayRecording open(String file) throws Exception;

    /** Blocking: the play head to {@code t}; every point exactly as recorded then, alarms re-evaluated. */
    void seek(Instant t) throws Exception;

    /** Blocking: moves the play head by {@code d} (negative: back) and pauses. */
    void step(Duration d) throws Exception;

    /** Blocking: to the next recorded alarm after the play head; empty when there is none. */
    Optional<Instant> nextAlarm() throws Exception;

    /** Blocking: to the last recorded alarm before the play head; empty when there is none. */
    Optional<Instant> previousAlarm() throws Exception;

    /** Plays at {@code speed} × real time, 1 to 1000. */
    void play(double speed);

    void pause();

    /** Recorded time at the play head. */
    Instant playHead();

    /** Frames in which the play head waited for the recording to load (replay falling behind). */
    long stalls();

    /**
     * Blocking: replays {@code from}–{@code to} with the rules recorded in force and with the console's current
     * rules (as edited in Alarms ▸ Rules), and lists the alarms that come out differently.
     */
    AlarmReplay.Comparison compareRules(Instant from, Instant to) throws Exception;

    /**
     * Blocking: writes the values recorded in [{@code from}, {@code to}] (time, point, value, quality, unit) to
     * {@code file} as Parquet (zstd) or CSV; returns the rows written.
     */
    long export(Instant from, Instant to, String file, org.plurigrid.console.client.recording.RecordingReader.ExportFormat format)
            throws Exception;

    /** Blocking: every point the open recording holds, by path. */
    java.util.List<org.plurigrid.console.client.telemetry.PointId> recordedPoints() throws Exception;

    /**
     * Blocking: the values of {@code point} that describe [{@code from}, {@code to}) — the one holding at {@code from},
     * then each received after — in the open recording, or in {@code otherFile} when given (a second recording, opened
     * read-only for this and closed again).
     */
    java.util.List<org.plurigrid.console.client.recording.RecordedValue> pointValues(Optional<String> otherFile,
            org.plurigrid.console.client.telemetry.PointId point, Instant from, Instant to) throws Exception;

    /** Blocking: back to the live feed and alarms; the recording is closed. */
    void backToLive() throws Exception;
}
