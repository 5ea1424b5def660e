package org.plurigrid.console.client.dr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.recording.DuckDbRecordingStore;
import org.plurigrid.console.client.recording.Recorder;
import org.plurigrid.console.client.recording.RecordingReader;
import org.plurigrid.console.client.recording.RecordingSettings;
import org.plurigrid.console.client.recording.ReplayClock;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/** Days of a real recording (written by the Recorder into DuckDB) feed the X-of-Y baseline. */
class RecordedImportHistoryTest {

    static final Instant EVENT = Instant.parse("2026-12-03T17:00:00Z");
    static final DerDevice LOAD = new DerDevice("cg-a", "sub-1", "load-1");
    static final DerDevice PV = new DerDevice("cg-a", "sub-1", "pv-1");

    @TempDir
    Path dir;

    @Test
    void readsTimeWeightedImportsFromTheRecordingWithTheDevicesSignAndQuality() throws Exception {
        Path file = dir.resolve("history.duckdb");
        ReplayClock clock = new ReplayClock(EVENT.minus(Duration.ofDays(11)));
        try (Recorder r = new Recorder(DuckDbRecordingStore.singleFile(file), clock, RecordingSettings.DEFAULTS)) {
            r.start();
            // ten days: the load draws 10 kW from 16:00, 20 + day kW from 17:00 to 17:30 then 10 kW; the PV makes 5 kW
            for (int day = 10; day >= 1; day--) {
                Instant d = EVENT.minus(Duration.ofDays(day));
                value(r, clock, LOAD, 10, d.minus(Duration.ofHours(1)), Quality.GOOD);
                value(r, clock, PV, 5, d.minus(Duration.ofHours(1)), Quality.GOOD);
                value(r, clock, LOAD, 20 + day, d, Quality.GOOD);
                value(r, clock, LOAD, 10, d.plus(Duration.ofMinutes(30)), Quality.GOOD);
            }
            // today before the event: 11 kW, with a stale stretch that does not count
            value(r, clock, LOAD, 11, EVENT.minus(Duration.ofHours(1)), Quality.GOOD);
            value(r, clock, LOAD, 999, EVENT.minus(Duration.ofMinutes(3)), Quality.STALE);
            value(r, clock, LOAD, 11, EVENT.minus(Duration.ofMinutes(1)), Quality.GOOD);
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
        }
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            RecordedImportHistory h = new RecordedImportHistory(reader);
            Instant day1 = EVENT.minus(Duration.ofDays(1));
            assertThat(h.meanImportKw(LOAD, day1, day1.plus(Duration.ofHours(1))).getAsDouble())
                    .as("21 kW for half an hour, 10 kW for the other").isEqualTo(15.5);
            assertThat(h.meanImportKw(PV, day1, day1.plus(Duration.ofHours(1))).getAsDouble()).as("generation imports negatively")
                    .isEqualTo(-5.0);
            assertThat(h.meanImportKw(LOAD, EVENT.minus(Duration.ofDays(30)), EVENT.minus(Duration.ofDays(29))))
                    .as("before the recording").isEmpty();
            assertThat(h.meanImportKw(new DerDevice("cg-a", "sub-1", "ev-9"), day1, EVENT)).as("not recorded").isEmpty();

            XofYBaseline.Result b = XofYBaseline.defaults().baseline(h, LOAD, EVENT, EVENT.plus(Duration.ofHours(1)), ZoneOffset.UTC)
                    .orElseThrow();
            assertThat(b.unadjustedKw()).as("days 10..6: (30+29+28+27+26)/2/5 + 5").isCloseTo(19.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(b.adjustment()).as("11 kW today (stale minutes left out) ÷ 10 kW").isCloseTo(1.1, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    private static void value(Recorder r, ReplayClock clock, DerDevice d, double kw, Instant t, Quality q) {
        clock.set(t);
        r.value(new Measurement(new PointId(d.group(), d.node(), d.device(), RecordedImportHistory.ACTIVE_POWER), kw, t, q, "kW"));
    }
}
