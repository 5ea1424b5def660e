package org.plurigrid.console.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.plurigrid.console.client.recording.DuckDbRecordingStore;
import org.plurigrid.console.client.recording.Recorder;
import org.plurigrid.console.client.recording.RecordedValue;
import org.plurigrid.console.client.recording.RecordingBatch;
import org.plurigrid.console.client.recording.RecordingReader;
import org.plurigrid.console.client.recording.RecordingSettings;
import org.plurigrid.console.client.recording.RecordingStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * Recording benchmark, figures only. (a) Ingest: values handed to the {@link Recorder}'s telemetry tap at a paced
 * rate (default 50,000/s, the point store listener's load) for a bounded time, with the rows committed, dropped, the
 * worst lag, and the raw DuckDB Appender rate for the same row shape measured in the same run (ingest ÷ raw).
 * (b) Seek: a synthetic recording of N points at 1 Hz (default 5,000 points, 1 h; {@code --seek-hours 1,24,168} for
 * longer, mind the disk: ~0.2 GB per hour at 5,000 points) written through the store's own write (values + a snapshot
 * every 10 s), then {@code stateAt} at random instants: p50/p99/max, and the first seek of a freshly opened reader.
 *
 * <p>Options: {@code --rate R}, {@code --seconds S} (default 20), {@code --points N}, {@code --seek-hours H[,H…]},
 * {@code --seeks K} (default 200), {@code --replay-speeds S[,S…]} (default 100,1000; empty for none), {@code --dir DIR}
 * (default a temporary folder, deleted), {@code --out FILE}, {@code --generate-only} (write the seek recordings into
 * {@code --dir} and stop; a later run with the same {@code --dir} reuses them and reports their generation figures, so
 * a week of history can be written niced in the background and measured later on a quiet machine).
 */
public final class RecordingBench {

    public static void main(String[] args) throws Exception {
        int rate = 50_000;
        int seconds = 20;
        int points = 5_000;
        int seeks = 200;
        List<Integer> hours = List.of(1);
        List<Double> speeds = List.of(100.0, 1000.0);
        Path dir = null;
        boolean generateOnly = false;
        Path out = BenchOutput.defaultFile("recording-bench.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--points" -> points = Integer.parseInt(args[++i]);
                case "--seeks" -> seeks = Integer.parseInt(args[++i]);
                case "--seek-hours" -> hours = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--replay-speeds" -> speeds = args[++i].isBlank() ? List.of()
                        : Arrays.stream(args[i].split(",")).map(Double::parseDouble).toList();
                case "--dir" -> dir = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--generate-only" -> generateOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("recording-bench") : Files.createDirectories(dir);
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("when", Instant.now().toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        if (generateOnly && temporary) {
            throw new IllegalArgumentException("--generate-only needs --dir");
        }
        try {
            if (!generateOnly && seconds > 0) {
                ingest(root.putObject("ingest"), work, rate, seconds, points);
            }
            ObjectNode seek = root.putObject("seek");
            for (int h : hours) {
                ObjectNode o = seek.putObject(h + "h");
                generate(o, work, points, h);
                if (!generateOnly) {
                    seek(o, work, h, points, seeks);
                }
            }
            if (!generateOnly && !speeds.isEmpty()) {
                replay(root.putObject("replay"), work.resolve("seek-" + hours.getFirst() + "h.duckdb"), hours.getFirst(),
                        speeds);
            }
        } finally {
            if (temporary) {
                try (var files = Files.walk(work)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.println(json);
    }

    private static PointId[] pointIds(int n) {
        PointId[] ids = new PointId[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new PointId("grid-b", "node-" + (i / 50), "dev-" + i, "ActivePower");
        }
        return ids;
    }

    private static void ingest(ObjectNode o, Path work, int rate, int seconds, int points) throws Exception {
        PointId[] ids = pointIds(points);
        Path file = work.resolve("ingest.duckdb");
        Recorder recorder = new Recorder(DuckDbRecordingStore.singleFile(file), InstantSource.system(),
                RecordingSettings.DEFAULTS);
        recorder.start();
        long maxLagMs = 0;
        long n = 0;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        long nextSample = start;
        while (System.nanoTime() < end) {
            Instant now = Instant.now();
            for (int i = 0; i < 500; i++, n++) {
                recorder.value(new Measurement(ids[(int) (n % points)], n, now, Quality.GOOD, "kW"));
            }
            long due = start + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (System.nanoTime() >= nextSample) {
                maxLagMs = Math.max(maxLagMs, recorder.status().lag().toMillis());
                nextSample += 100_000_000L;
            }
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        long t = System.nanoTime();
        recorder.flush(Duration.ofSeconds(60));
        double drainSeconds = (System.nanoTime() - t) / 1e9;
        RecordingStatus s = recorder.status();
        recorder.close();
        double offeredRate = n / offeredSeconds;
        double rawRate = rawAppenderRate(work.resolve("raw.duckdb"), 2_000_000, points);
        o.put("offeredValues", n);
        o.put("offeredPerSecond", Math.round(offeredRate));
        o.put("committedRows", s.rowsWritten());
        o.put("dropped", s.dropped());
        o.put("maxLagMs", maxLagMs);
        o.put("finalFlushSeconds", round(drainSeconds));
        o.put("recorderIngestPerSecond", Math.round(s.rowsWritten() / (offeredSeconds + drainSeconds)));
        o.put("rawAppenderRowsPerSecond", Math.round(rawRate));
        o.put("ingestOverRawAppender", round(offeredRate / rawRate));
        o.put("fileBytes", Files.size(file));
    }

    /** Rows per second of a bare Appender for the recorder's value row shape, in one transaction. */
    static double rawAppenderRate(Path file, int rows, int points) throws Exception {
        try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE v (seq BIGINT, recv_ms BIGINT, src_ms BIGINT, point_id INTEGER, value DOUBLE, "
                    + "quality SMALLINT)");
            long t = System.nanoTime();
            st.execute("BEGIN TRANSACTION");
            try (DuckDBAppender a = c.createAppender("v")) {
                long ms = System.currentTimeMillis();
                for (int i = 0; i < rows; i++) {
                    a.beginRow().append((long) i).append(ms + i / 1000).append(ms + i / 1000).append(i % points)
                            .append((double) i).append((short) 0).endRow();
                }
            }
            st.execute("COMMIT");
            return rows / ((System.nanoTime() - t) / 1e9);
        }
    }

    private static final Instant SEEK_T0 = Instant.parse("2026-12-01T00:00:00Z");

    /** Writes the seek recording of {@code hours}, or reuses one a previous run wrote completely into the same dir. */
    private static void generate(ObjectNode o, Path work, int points, int hours) throws Exception {
        Path file = work.resolve("seek-" + hours + "h.duckdb");
        Path figures = work.resolve("seek-" + hours + "h-" + points + "p.json");
        if (Files.exists(file) && Files.exists(figures)) {
            o.setAll((ObjectNode) new ObjectMapper().readTree(figures.toFile()));
            o.put("reused", true);
            return;
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(work.resolve("seek-" + hours + "h.duckdb.wal"));
        Instant t0 = SEEK_T0;
        PointId[] ids = pointIds(points);
        long gen = System.nanoTime();
        long seconds = hours * 3600L;
        // Through the store's own write, as the recorder's writer thread calls it: its tables, parts and snapshots.
        // One transaction per 10 s (the recorder's are 0.25 s; the layout is the same) ending with the snapshot.
        long seq = 0;
        try (DuckDbRecordingStore store = DuckDbRecordingStore.singleFile(file)) {
            store.open(t0);
            List<RecordingBatch.PointDefinition> definitions = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                definitions.add(new RecordingBatch.PointDefinition(i + 1, ids[i], "kW"));
            }
            RecordingBatch.NumberedValue[] last = new RecordingBatch.NumberedValue[points];
            for (long s0 = 0; s0 < seconds; s0 += 10) {
                List<RecordingBatch.NumberedValue> values = new ArrayList<>(points * 10);
                long ms = 0;
                for (long s = s0; s < Math.min(seconds, s0 + 10); s++) {
                    ms = t0.toEpochMilli() + s * 1000;
                    for (int p = 0; p < points; p++) {
                        seq++;
                        RecordingBatch.NumberedValue nv = new RecordingBatch.NumberedValue(p + 1, new RecordedValue(
                                seq, ms, ms, ids[p], Math.sin(s / 60.0 + p), Quality.GOOD, "kW"));
                        values.add(nv);
                        last[p] = nv;
                    }
                }
                store.write(new RecordingBatch(s0 == 0 ? definitions : List.of(), values, List.of(), List.of(),
                        List.of(), Optional.of(new RecordingBatch.Snapshot(seq, ms, Arrays.asList(last)))));
            }
        }
        o.put("rows", seq);
        o.put("generateSeconds", round((System.nanoTime() - gen) / 1e9));
        o.put("rowsPerSecondGenerated", Math.round(seq / ((System.nanoTime() - gen) / 1e9)));
        o.put("fileBytes", Files.size(file));
        Files.writeString(figures, new ObjectMapper().writeValueAsString(o));
    }

    private static void seek(ObjectNode o, Path work, int hours, int points, int seeks) throws Exception {
        Path file = work.resolve("seek-" + hours + "h.duckdb");
        Instant t0 = SEEK_T0;
        long seconds = hours * 3600L;
        SplittableRandom random = new SplittableRandom(42);
        List<Double> ms = new ArrayList<>();
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            for (int i = 0; i < 5; i++) { // warm-up
                reader.stateAt(t0.plusMillis(random.nextLong(seconds * 1000)));
            }
            for (int i = 0; i < seeks; i++) {
                Instant at = t0.plusMillis(random.nextLong(seconds * 1000));
                long t = System.nanoTime();
                List<RecordedValue> state = reader.stateAt(at);
                ms.add((System.nanoTime() - t) / 1e6);
                if (state.size() != points) {
                    throw new IllegalStateException("seek to " + at + " gave " + state.size() + " points");
                }
            }
        }
        ms.sort(Double::compare);
        o.put("seeks", seeks);
        o.put("p50Ms", round(ms.get(ms.size() / 2)));
        o.put("p99Ms", round(ms.get((int) Math.ceil(ms.size() * 0.99) - 1)));
        o.put("maxMs", round(ms.getLast()));
        // The operator's first jump into a recording just opened: DuckDB has read nothing of it yet (the OS may
        // have it cached: the file was just written).
        List<Double> open = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant at = t0.plusMillis(random.nextLong(seconds * 1000));
            long t = System.nanoTime();
            try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
                long opened = System.nanoTime();
                reader.stateAt(at);
                open.add((opened - t) / 1e6);
                first.add((System.nanoTime() - opened) / 1e6);
            }
        }
        open.sort(Double::compare);
        first.sort(Double::compare);
        ObjectNode f = o.putObject("firstSeekAfterOpen");
        f.put("opens", open.size());
        f.put("openP50Ms", round(open.get(open.size() / 2)));
        f.put("seekP50Ms", round(first.get(first.size() / 2)));
        f.put("seekMaxMs", round(first.getLast()));
    }

    /**
     * (c) Replay pacing on the first seek recording: the feed plays at each speed while a frame loop drains it every
     * 16 ms, as the window's pulse does. Per speed: recorded time reached ÷ asked (1.0 = kept up), stalls (drains that
     * found the loader behind), drain time per frame p50/p99/max, values applied per second, and the seek before it.
     */
    private static void replay(ObjectNode o, Path file, int hours, List<Double> speeds) throws Exception {
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        long recordedMs = hours * 3_600_000L;
        java.util.concurrent.ExecutorService loader = java.util.concurrent.Executors.newSingleThreadExecutor(
                NamedThreads.daemon("bench-replay-loader"));
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            for (double speed : speeds) {
                ObjectNode r = o.putObject(String.format(Locale.ROOT, "%.0fx", speed));
                org.plurigrid.console.client.recording.ReplayClock clock =
                        new org.plurigrid.console.client.recording.ReplayClock(t0);
                org.plurigrid.console.client.recording.ReplayFeed feed =
                        new org.plurigrid.console.client.recording.ReplayFeed(reader, clock, InstantSource.system(), loader);
                Instant start = t0.plusSeconds(60);
                long s0 = System.nanoTime();
                feed.seek(start).get();
                r.put("seekMs", round((System.nanoTime() - s0) / 1e6));
                feed.drainChanges();
                // stay inside the recording: at most 10 s of wall time, and no further than its last minute
                double wallSeconds = Math.min(10, (recordedMs - 120_000) / 1000.0 / speed);
                long startMs = clock.millis();
                List<Double> frames = new ArrayList<>();
                long values = 0;
                long w0 = System.nanoTime();
                feed.play(speed);
                while (System.nanoTime() - w0 < wallSeconds * 1e9) {
                    long f = System.nanoTime();
                    values += feed.drainChanges().changed().size();
                    frames.add((System.nanoTime() - f) / 1e6);
                    Thread.sleep(16);
                }
                feed.pause();
                double wall = (System.nanoTime() - w0) / 1e9;
                frames.sort(Double::compare);
                r.put("wallSeconds", round(wall));
                r.put("reachedRatio", round((clock.millis() - startMs) / (speed * wall * 1000)));
                r.put("stalls", feed.stalls());
                r.put("frames", frames.size());
                r.put("drainP50Ms", round(frames.get(frames.size() / 2)));
                r.put("drainP99Ms", round(frames.get((int) Math.ceil(frames.size() * 0.99) - 1)));
                r.put("drainMaxMs", round(frames.getLast()));
                r.put("changedPerSecond", Math.round(values / wall));
            }
        } finally {
            loader.shutdownNow();
        }
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", v));
    }
}
