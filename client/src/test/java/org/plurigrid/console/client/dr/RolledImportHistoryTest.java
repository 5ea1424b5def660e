package org.plurigrid.console.client.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.recording.DuckDbRecordingStore;
import org.plurigrid.console.client.recording.Recorder;
import org.plurigrid.console.client.recording.RecordingReader;
import org.plurigrid.console.client.recording.RecordingSettings;
import org.plurigrid.console.client.recording.ReplayClock;
import org.plurigrid.console.client.recording.RolledRecordings;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * The window's baselines come from its own recordings: a folder of hourly files written by the real Recorder, the
 * newest still being written, read as one history across file boundaries.
 */
class RolledImportHistoryTest {

    static final Instant EVENT = Instant.parse("2026-12-03T17:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);
    static final DerDevice LOAD = new DerDevice("cg-a", "sub-1", "load-1");

    @TempDir
    Path dir;

    @Test
    void readsDaysOfHourlyFilesIncludingTheOneBeingWrittenAsOneHistory() throws Exception {
        Path folder = dir.resolve("recordings");
        ReplayClock clock = new ReplayClock(EVENT.minus(Duration.ofDays(7)));
        DuckDbRecordingStore store = DuckDbRecordingStore.rolling(folder, HOUR,
                new DuckDbRecordingStore.Retention(Duration.ZERO, 0));
        try (Recorder r = new Recorder(store, clock, RecordingSettings.DEFAULTS)) {
            r.start();
            // six days: 10 kW from 16:00 (one file), 20 + day kW from 17:00 to 17:30 then 10 kW (the next file)
            for (int day = 6; day >= 1; day--) {
                Instant d = EVENT.minus(Duration.ofDays(day));
                value(r, clock, 10, d.minus(HOUR));
                value(r, clock, 20 + day, d);
                value(r, clock, 10, d.plus(Duration.ofMinutes(30)));
            }
            // today, in the file still being written: 11 kW in the hour before the event
            value(r, clock, 11, EVENT.minus(HOUR));
            clock.set(EVENT.minus(Duration.ofMinutes(1)));
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.count()).as("one file per hour that had values").isGreaterThanOrEqualTo(13);
            }

            Path writing = Path.of(r.status().location());
            try (RolledRecordings rolled = new RolledRecordings(folder, HOUR,
                    f -> store.readCurrent(f).isPresent() ? store.readCurrent(f).get() : RecordingReader.openDuckDb(f),
                    () -> Optional.of(writing))) {
                RecordedImportHistory h = new RecordedImportHistory(rolled::pointValues);
                Instant day1 = EVENT.minus(Duration.ofDays(1));
                assertThat(h.meanImportKw(LOAD, day1, day1.plus(HOUR)).getAsDouble()).as("21 kW, then 10 kW").isEqualTo(15.5);
                assertThat(h.meanImportKw(LOAD, day1.minus(Duration.ofMinutes(30)), day1.plus(Duration.ofMinutes(15))).getAsDouble())
                        .as("the 16:00 value holds across the file boundary until 17:00: (10×30 + 21×15) / 45")
                        .isCloseTo(615.0 / 45, offset(1e-9));
                assertThat(h.meanImportKw(LOAD, EVENT.minus(HOUR), EVENT.minus(Duration.ofMinutes(1))).getAsDouble())
                        .as("read from the file the recorder is writing").isEqualTo(11.0);

                XofYBaseline.Result b = XofYBaseline.defaults().baseline(h, LOAD, EVENT, EVENT.plus(HOUR), ZoneOffset.UTC).orElseThrow();
                assertThat(b.days()).as("six days recorded, the highest five chosen").hasSize(5);
                assertThat(b.unadjustedKw()).as("days 6..2: ((26+25+24+23+22)/2 + 5·10/2)/5").isCloseTo(17.0, offset(1e-9));
                assertThat(b.adjustment()).as("11 kW today ÷ 10 kW on the chosen days").isCloseTo(1.1, offset(1e-9));
                assertThat(rolled.openReaders()).as("closed files stay open while one event's baselines are read").isPositive();
                rolled.closeReaders();
                assertThat(rolled.openReaders()).isZero();
                assertThat(h.meanImportKw(LOAD, day1, day1.plus(HOUR)).getAsDouble()).as("and open again when asked").isEqualTo(15.5);

                // a file retention removed is history no longer there, not an error
                Files.delete(DuckDbRecordingStore.fileFor(folder, HOUR, EVENT.minus(Duration.ofDays(6))));
                Files.delete(DuckDbRecordingStore.fileFor(folder, HOUR, EVENT.minus(Duration.ofDays(5))));
                assertThat(h.meanImportKw(LOAD, EVENT.minus(Duration.ofDays(6)), EVENT.minus(Duration.ofDays(6)).plus(HOUR))).isEmpty();
                assertThat(XofYBaseline.defaults().baseline(h, LOAD, EVENT, EVENT.plus(HOUR), ZoneOffset.UTC))
                        .as("four days left: fewer than five, the meter-before baseline is used").isEmpty();
            }
        }
    }

    private static void value(Recorder r, ReplayClock clock, double kw, Instant t) {
        clock.set(t);
        r.value(new Measurement(new PointId(LOAD.group(), LOAD.node(), LOAD.device(), RecordedImportHistory.ACTIVE_POWER),
                kw, t, Quality.GOOD, "kW"));
        assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
    }
}
