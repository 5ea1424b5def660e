package org.plurigrid.console.client.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a recording console: the file reopens cleanly, every acknowledged batch is there whole, at most the
 * last second is lost, and the recorder says what it recovered.
 */
class RecorderKillTest {

    @TempDir
    Path dir;

    @Test
    void killedRecorderLosesAtMostTheLastSecondAndSaysWhatItRecovered() throws Exception {
        killAndRecover(false);
    }

    /** Format 2 keeps an hour per pair of tables: killed just after it moved on to the next hour's. */
    @Test
    void killedJustAfterAnHourBoundaryRecoversBothHoursAndSeeksEitherSide() throws Exception {
        killAndRecover(true);
    }

    private void killAndRecover(boolean acrossHour) throws Exception {
        Path file = dir.resolve("killed.duckdb");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), KillableRecording.class.getName(), file.toString(),
                "20000"));
        if (acrossHour) {
            cmd.add("hour-boundary");
        }
        Process child = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        AtomicLong clockOffset = new AtomicLong();
        AtomicLong ackedSeq = new AtomicLong();
        AtomicLong ackedMillis = new AtomicLong();
        AtomicLong acks = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(" ");
                    if (f.length == 2 && f[0].equals("CLOCK")) {
                        clockOffset.set(Long.parseLong(f[1]));
                    }
                    if (f.length == 3 && f[0].equals("ACK") && Long.parseLong(f[1]) > 0) {
                        ackedMillis.set(Long.parseLong(f[2]));
                        ackedSeq.set(Long.parseLong(f[1]));
                        acks.incrementAndGet();
                    }
                }
            } catch (Exception ignored) {
                // the child was killed
            }
        });
        reader.start();
        long killedAt;
        long lastAckSeq;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((acks.get() < 6 || acrossHour && ackedMillis.get() % 3_600_000 > 1_800_000)
                    && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(acks.get()).as("the child acknowledged several batches").isGreaterThanOrEqualTo(6);
            Thread.sleep(300); // kill somewhere in the middle of a batch period
            lastAckSeq = ackedSeq.get();
            killedAt = System.currentTimeMillis() + clockOffset.get();
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        reader.join(5_000);

        long t0 = System.nanoTime();
        Recovery rec;
        try (Recorder again = new Recorder(DuckDbRecordingStore.singleFile(file), InstantSource.system(),
                RecordingSettings.DEFAULTS)) {
            rec = again.start();
            assertThat(again.status().recovered()).startsWith("recovered " + rec.rows() + " rows");
        }
        Duration recoveryTime = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("kill -9: acknowledged %d, recovered %d rows (%s to %s), reopened in %d ms%n",
                lastAckSeq, rec.rows(), rec.from().orElseThrow(), rec.to().orElseThrow(), recoveryTime.toMillis());
        assertThat(rec.lastSequence()).as("every acknowledged entry is there").isGreaterThanOrEqualTo(lastAckSeq);
        assertThat(rec.rows()).as("whole batches only: no gap in the sequence").isEqualTo(rec.lastSequence());
        assertThat(rec.to().orElseThrow()).as("at most the last second lost")
                .isAfterOrEqualTo(Instant.ofEpochMilli(killedAt - 1_000));
        try (RecordingReader r = RecordingReader.openDuckDb(file)) {
            RecordingSummary s = r.summary();
            assertThat(s.values()).isGreaterThanOrEqualTo(lastAckSeq);
            assertThat(r.stateAt(rec.to().orElseThrow())).hasSize(1000);
            if (acrossHour) {
                Instant hour = Instant.ofEpochMilli(rec.to().orElseThrow().toEpochMilli() / 3_600_000 * 3_600_000);
                assertThat(rec.from().orElseThrow()).as("recorded before the hour").isBefore(hour);
                List<RecordedValue> before = r.stateAt(hour.minusMillis(200));
                List<RecordedValue> after = r.stateAt(hour.plusMillis(200));
                assertThat(before).hasSize(1000).allSatisfy(v -> assertThat(v.receivedMillis())
                        .isLessThanOrEqualTo(hour.minusMillis(200).toEpochMilli()));
                assertThat(after).hasSize(1000);
                assertThat(after.stream().mapToLong(RecordedValue::sequence).max().orElseThrow())
                        .as("the state after the hour comes from the next hour's tables")
                        .isGreaterThan(before.stream().mapToLong(RecordedValue::sequence).max().orElseThrow());
            }
        }
    }
}
