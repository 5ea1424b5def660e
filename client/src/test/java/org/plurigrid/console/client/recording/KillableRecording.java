package org.plurigrid.console.client.recording;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * The child process of {@link RecorderKillTest}: records synthetic telemetry into a DuckDB file until killed and
 * prints "ACK sequence receivedMillis" on stdout each time the store acknowledges a commit. With a third argument
 * {@code hour-boundary} its clock starts 5 s before the next full hour (printed first as "CLOCK offsetMillis"), so
 * the recording crosses from one hour's tables into the next while the test watches.
 */
public final class KillableRecording {

    private KillableRecording() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int valuesPerSecond = Integer.parseInt(args[1]);
        InstantSource clock = InstantSource.system();
        if (args.length > 2 && args[2].equals("hour-boundary")) {
            long now = System.currentTimeMillis();
            long nextHour = (now / 3_600_000 + 1) * 3_600_000;
            long offset = nextHour - 5_000 - now;
            clock = InstantSource.offset(InstantSource.system(), java.time.Duration.ofMillis(offset));
            System.out.println("CLOCK " + offset);
            System.out.flush();
        }
        Recorder recorder = new Recorder(DuckDbRecordingStore.singleFile(file), clock, RecordingSettings.DEFAULTS);
        recorder.start();
        Thread acks = new Thread(() -> {
            long last = -1;
            while (true) {
                long c = recorder.committedSequence();
                if (c != last) {
                    last = c;
                    System.out.println("ACK " + c + " " + recorder.committedUntil().map(Instant::toEpochMilli)
                            .orElse(0L));
                    System.out.flush();
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "acks");
        acks.setDaemon(true);
        acks.start();
        PointId[] points = new PointId[1000];
        for (int i = 0; i < points.length; i++) {
            points[i] = new PointId("grid-k", "node-" + (i / 100), "dev-" + i, "ActivePower");
        }
        long n = 0;
        long start = System.nanoTime();
        while (true) {
            Instant now = clock.instant();
            for (int i = 0; i < 100; i++, n++) {
                recorder.value(new Measurement(points[(int) (n % points.length)], n, now, Quality.GOOD, "kW"));
            }
            long due = start + n * 1_000_000_000L / valuesPerSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
