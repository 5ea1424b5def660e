package org.plurigrid.console.app.recording;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.recording.AlarmReplay;
import org.plurigrid.console.client.recording.RecordedAlarm;
import org.plurigrid.console.client.recording.RecordedEvent;
import org.plurigrid.console.client.recording.RecordingException;
import org.plurigrid.console.client.recording.RecordingReader;
import org.plurigrid.console.client.recording.RecordingSummary;
import org.plurigrid.console.client.recording.ReplayAlarms;
import org.plurigrid.console.client.recording.ReplayClock;
import org.plurigrid.console.client.recording.ReplayFeed;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.SupergridTotals;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.plurigrid.console.views.replay.ReplayControl;
import org.plurigrid.console.views.replay.ReplayRecording;
import org.plurigrid.console.views.replay.TimelineMarker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * Replay as the window does it: opens a recording (the console's own, through the recorder's database, or any file),
 * swaps the views' telemetry and alarm feeds for a {@link ReplayFeed} and the {@link ReplayAlarms} that follow its
 * play head, and swaps them back. Reading happens on one {@code replay-loader} thread per recording (the reader is
 * not thread-safe); the blocking methods wait for it and are called through the view-model's background task.
 */
public final class ConsoleReplay implements ReplayControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleReplay.class);
    /** Markers drawn on the timeline at most (alarms first, then actions and chain events, evenly thinned). */
    public static final int MAX_MARKERS = 2_000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** An export of a day of 5,000 points writes ~430 M values: give it time (the loader is busy meanwhile). */
    private static final Duration EXPORT_WAIT = Duration.ofMinutes(30);

    /** One open recording. */
    private record Session(RecordingReader reader, ExecutorService loader, ReplayFeed feed, ReplayAlarms alarms,
                           SupergridTotals totals, RecordingSummary summary) {
    }

    private final ConsoleRecording recording;
    private final ModeTelemetryFeed telemetry;
    private final ModeAlarmFeed alarms;
    private final AlarmEngine live;
    private final InstantSource wall;
    private volatile Session session;

    public ConsoleReplay(ConsoleRecording recording, ModeTelemetryFeed telemetry, ModeAlarmFeed alarms, AlarmEngine live,
                  InstantSource wall) {
        this.recording = Objects.requireNonNull(recording, "recording");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.live = Objects.requireNonNull(live, "live");
        this.wall = Objects.requireNonNull(wall, "wall");
    }

    @Override
    public Optional<String> currentRecording() {
        return recording.currentFile().map(Path::toString);
    }

    @Override
    public ReplayRecording open(String file) throws Exception {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new RecordingException("\"" + file + "\" is not a file name: " + e.getReason(), e);
        }
        RecordingReader reader = recording.open(path);
        ExecutorService loader = Executors.newSingleThreadExecutor(NamedThreads.daemon("replay-loader"));
        try {
            RecordingSummary summary = reader.summary();
            if (summary.values() == 0 || summary.from().isEmpty() || summary.to().isEmpty()) {
                throw new RecordingException(file + " holds no telemetry values to replay");
            }
            Instant from = summary.from().get();
            List<TimelineMarker> all = markers(reader, from, summary.to().get());
            List<TimelineMarker> shown = thin(all, MAX_MARKERS);
            // A recording without rules (made by an older console) is evaluated with the console's rules.
            Optional<AlarmRuleSet> rules = reader.rulesAt(from).isPresent() ? Optional.empty()
                    : Optional.of(live.rules());
            ReplayAlarms replayAlarms = new ReplayAlarms(reader, rules, from);
            ReplayFeed feed = new ReplayFeed(reader, new ReplayClock(from), wall, loader, replayAlarms);
            wait(feed.seek(from));
            Session s = new Session(reader, loader, feed, replayAlarms, new SupergridTotals(), summary);
            Session old = session;
            session = s;
            telemetry.replay(new ModeTelemetryFeed.Replay(new Totalled(s), s.totals()::summary));
            alarms.replay(replayAlarms::engine);
            if (old != null) {
                close(old);
            }
            LOG.info("Replaying {} ({} values, {} to {})", reader.location(), summary.values(), from,
                    summary.to().get());
            return new ReplayRecording(reader.location(), from, summary.to().get(), summary.values(),
                    summary.points(), shown, all.size() - shown.size());
        } catch (Exception e) {
            loader.shutdownNow();
            try {
                reader.close();
            } catch (RecordingException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Alarm raises, operator actions (alarm commands and others) and chain transactions, in time order. */
    public static List<TimelineMarker> markers(RecordingReader reader, Instant from, Instant to) throws RecordingException {
        List<TimelineMarker> out = new ArrayList<>();
        Instant before = from.minusMillis(1);
        for (RecordedAlarm a : reader.alarms(before, to)) {
            Instant t = Instant.ofEpochMilli(a.receivedMillis());
            if (a.event().equals("RAISED")) {
                out.add(new TimelineMarker(t, TimelineMarker.Kind.ALARM, priority(a.priority()),
                        a.source() + " " + a.message()));
            } else if (!a.operator().isEmpty() && !a.operator().equals("system")) {
                out.add(new TimelineMarker(t, TimelineMarker.Kind.ACTION, 0,
                        a.operator() + ": " + a.event().toLowerCase(java.util.Locale.ROOT) + " " + a.source()));
            }
        }
        for (RecordedEvent e : reader.events(before, to)) {
            Instant t = Instant.ofEpochMilli(e.receivedMillis());
            switch (e.kind()) {
                case OPERATOR_ACTION -> out.add(new TimelineMarker(t, TimelineMarker.Kind.ACTION, 0,
                        e.subject() + ": " + e.detail()));
                case CHAIN_TX -> out.add(new TimelineMarker(t, TimelineMarker.Kind.CHAIN, 0,
                        e.subject() + " · height " + e.height() + " · tx " + e.txHash().substring(0, Math.min(8, e.txHash().length()))));
                case CONNECTION, RECORDER -> { }
            }
        }
        out.sort(java.util.Comparator.comparing(TimelineMarker::time));
        return out;
    }

    private static int priority(String name) {
        try {
            return AlarmPriority.valueOf(name).number();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** At most {@code max} markers, evenly spread over the list (a timeline a few thousand pixels wide shows no more). */
    public static List<TimelineMarker> thin(List<TimelineMarker> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<TimelineMarker> out = new ArrayList<>(max);
        double stride = all.size() / (double) max;
        for (int i = 0; i < max; i++) {
            out.add(all.get((int) (i * stride)));
        }
        return out;
    }

    @Override
    public void seek(Instant t) throws Exception {
        Session s = open();
        wait(s.feed().seek(t));
    }

    @Override
    public void step(Duration d) throws Exception {
        Session s = open();
        wait(s.feed().step(d));
    }

    @Override
    public Optional<Instant> nextAlarm() throws Exception {
        Session s = open();
        return wait(s.feed().nextAlarm());
    }

    @Override
    public Optional<Instant> previousAlarm() throws Exception {
        Session s = open();
        return wait(s.feed().previousAlarm());
    }

    @Override
    public void play(double speed) {
        Session s = session;
        if (s != null) {
            s.feed().play(speed);
        }
    }

    @Override
    public void pause() {
        Session s = session;
        if (s != null) {
            s.feed().pause();
        }
    }

    @Override
    public Instant playHead() {
        Session s = session;
        return s == null ? wall.instant() : s.feed().clock().instant();
    }

    @Override
    public long stalls() {
        Session s = session;
        return s == null ? 0 : s.feed().stalls();
    }

    @Override
    public AlarmReplay.Comparison compareRules(Instant from, Instant to) throws Exception {
        Session s = open();
        AlarmRuleSet current = live.rules();
        return wait(onLoader(s, r -> AlarmReplay.compare(r, from, to, current)));
    }

    @Override
    public List<org.plurigrid.console.client.telemetry.PointId> recordedPoints() throws Exception {
        return wait(onLoader(open(), r -> r.points().values().stream().map(p -> p.id()).sorted().toList()));
    }

    @Override
    public List<org.plurigrid.console.client.recording.RecordedValue> pointValues(Optional<String> otherFile,
            org.plurigrid.console.client.telemetry.PointId point, Instant from, Instant to) throws Exception {
        return wait(onLoader(open(), r -> {
            if (otherFile.isEmpty()) {
                return r.pointValues(point, from, to);
            }
            try (RecordingReader other = recording.open(java.nio.file.Path.of(otherFile.get()))) {
                return other.pointValues(point, from, to);
            }
        }));
    }

    @Override
    public long export(Instant from, Instant to, String file, RecordingReader.ExportFormat format) throws Exception {
        return wait(onLoader(open(), r -> r.export(from, to, java.nio.file.Path.of(file), format)), EXPORT_WAIT);
    }

    @Override
    public void backToLive() throws Exception {
        telemetry.live();
        alarms.live();
        Session s = session;
        session = null;
        if (s != null) {
            close(s);
            LOG.info("Back to live from {}", s.reader().location());
        }
    }

    @Override
    public void close() throws Exception {
        backToLive();
    }

    private Session open() throws RecordingException {
        Session s = session;
        if (s == null) {
            throw new RecordingException("no recording is open");
        }
        return s;
    }

    private static void close(Session s) throws RecordingException {
        s.feed().pause();
        s.loader().shutdown();
        try {
            if (!s.loader().awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                s.loader().shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        s.reader().close();
    }

    /** Reads the recording on its loader thread: the reader serves one thread at a time. */
    private static <T> CompletableFuture<T> onLoader(Session s, ReaderWork<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.read(s.reader());
            } catch (RecordingException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, s.loader());
    }

    @FunctionalInterface
    private interface ReaderWork<T> {
        T read(RecordingReader reader) throws RecordingException;
    }

    private static <T> T wait(CompletableFuture<T> f) throws Exception {
        return wait(f, WAIT);
    }

    private static <T> T wait(CompletableFuture<T> f, Duration limit) throws Exception {
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new RecordingException("the recording did not answer within " + limit.toSeconds() + " s", e);
        }
    }

    /** The replay feed, with the Overview's totals kept from what it hands the views. */
    private record Totalled(Session session) implements TelemetryFeed {
        @Override
        public ChangeSet drainChanges() {
            ChangeSet c = session.feed().drainChanges();
            if (c.replacesAll()) {
                session.totals().clear();
            }
            for (Measurement m : c.changed()) {
                session.totals().accept(m);
            }
            return c;
        }

        @Override
        public List<ConnectionStatus> connections() {
            return session.feed().connections();
        }
    }
}
