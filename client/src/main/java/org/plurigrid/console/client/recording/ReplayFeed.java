package org.plurigrid.console.client.recording;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.plurigrid.console.client.telemetry.TelemetryStats;

/**
 * A recording behind the {@link TelemetryFeed} seam: views drain it once per frame exactly as they drain the live
 * feed, and read recorded time from its {@link ReplayClock}. All reading happens on the {@code loader} executor
 * (one thread: the reader is not thread-safe); {@link #drainChanges()} only applies values already loaded, so the FX
 * thread never waits for the disk. Playing moves the replay clock by wall time × speed; when the loader has not
 * caught up the clock waits at the end of what is loaded (counted in {@link #stalls()}).
 */
public final class ReplayFeed implements TelemetryFeed {

    /** How much recorded time one load brings in ahead of the play head. */
    static final Duration WINDOW = Duration.ofSeconds(30);
    public static final double MIN_SPEED = 1;
    public static final double MAX_SPEED = 1000;

    private final RecordingReader reader;
    private final ReplayClock clock;
    private final InstantSource wall;
    private final Executor loader;
    private final Duration window;
    private final Listener listener;

    private final Object lock = new Object();
    // Guarded by lock.
    private final Map<PointId, Measurement> current = new HashMap<>();
    private final Set<PointId> dirty = new LinkedHashSet<>();
    private final ArrayDeque<RecordedValue> ahead = new ArrayDeque<>();
    private long loadedUntil;
    private boolean loading;
    /** A seek replaces the whole state: the play head waits for it (a window load does not stop it). */
    private boolean seeking;
    /** A seek's state is on its way to the screen: the next drain hands it over as the whole state. */
    private boolean replaced;
    private boolean playing;
    private double speed = 1;
    private long lastWall;
    private long applied;
    private long stalls;
    private long generation;

    /**
     * Sees each seek and every value replay applies, in recording order: how re-evaluated alarms
     * ({@link ReplayAlarms}) follow the play head.
     */
    public interface Listener {
        /** On the loader, before the state at {@code t} is shown: start over at {@code t}. */
        void seeking(Instant t) throws RecordingException;

        /** A value reached by the play head (under the feed's lock, on the thread that drains: be quick). */
        void applied(RecordedValue v);

        /** The play head moved to {@code millis} of recorded time. */
        void reached(long millis);
    }

    private static final Listener NONE = new Listener() {
        @Override
        public void seeking(Instant t) {
        }

        @Override
        public void applied(RecordedValue v) {
        }

        @Override
        public void reached(long millis) {
        }
    };

    public ReplayFeed(RecordingReader reader, ReplayClock clock, InstantSource wall, Executor loader) {
        this(reader, clock, wall, loader, WINDOW, NONE);
    }

    public ReplayFeed(RecordingReader reader, ReplayClock clock, InstantSource wall, Executor loader,
                      Listener listener) {
        this(reader, clock, wall, loader, WINDOW, listener);
    }

    ReplayFeed(RecordingReader reader, ReplayClock clock, InstantSource wall, Executor loader, Duration window) {
        this(reader, clock, wall, loader, window, NONE);
    }

    ReplayFeed(RecordingReader reader, ReplayClock clock, InstantSource wall, Executor loader, Duration window,
               Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wall = Objects.requireNonNull(wall, "wall");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.window = window;
        this.loadedUntil = clock.millis();
    }

    /** Recorded time now (the clock views and the alarm engine read). */
    public ReplayClock clock() {
        return clock;
    }

    /**
     * Jumps to {@code t}: the next drain gives every point exactly as recorded at {@code t} (snapshot + deltas),
     * quality included. Completes when the state is loaded.
     */
    public CompletableFuture<Void> seek(Instant t) {
        long gen;
        synchronized (lock) {
            gen = ++generation;
            loading = true;
            seeking = true;
        }
        return CompletableFuture.runAsync(() -> {
            try {
                List<RecordedValue> state = reader.stateAt(t);
                List<RecordedValue> next = new ArrayList<>();
                long until = t.toEpochMilli() + window.toMillis();
                reader.values(t, Instant.ofEpochMilli(until), next::add);
                listener.seeking(t);
                synchronized (lock) {
                    if (gen != generation) {
                        return; // a newer seek won
                    }
                    current.clear();
                    dirty.clear();
                    replaced = true;
                    for (RecordedValue v : state) {
                        current.put(v.id(), measurement(v));
                        dirty.add(v.id());
                    }
                    ahead.clear();
                    ahead.addAll(next);
                    loadedUntil = until;
                    loading = false;
                    seeking = false;
                    clock.set(t);
                    lastWall = wall.millis();
                }
            } catch (RecordingException e) {
                synchronized (lock) {
                    if (gen == generation) {
                        loading = false;
                        seeking = false;
                    }
                }
                throw new CompletionException(e);
            }
        }, loader);
    }

    /** Seeks to the next recorded alarm after the play head; empty when there is none. */
    public CompletableFuture<Optional<Instant>> nextAlarm() {
        Instant from = clock.instant();
        return CompletableFuture.supplyAsync(() -> find(() -> reader.nextAlarm(from)), loader)
                .thenCompose(this::seekTo);
    }

    /** Seeks to the last recorded alarm before the play head; empty when there is none. */
    public CompletableFuture<Optional<Instant>> previousAlarm() {
        Instant from = clock.instant();
        return CompletableFuture.supplyAsync(() -> find(() -> reader.previousAlarm(from)), loader)
                .thenCompose(this::seekTo);
    }

    private CompletableFuture<Optional<Instant>> seekTo(Optional<Instant> t) {
        return t.isEmpty() ? CompletableFuture.completedFuture(t) : seek(t.get()).thenApply(v -> t);
    }

    private interface Lookup {
        Optional<Instant> find() throws RecordingException;
    }

    private static Optional<Instant> find(Lookup l) {
        try {
            return l.find();
        } catch (RecordingException e) {
            throw new CompletionException(e);
        }
    }

    /** Plays from the current position at {@code speed} × real time (1 to 1000). */
    public void play(double speed) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("replay speed must be 1 to 1000, got " + speed);
        }
        synchronized (lock) {
            this.speed = speed;
            this.playing = true;
            this.lastWall = wall.millis();
        }
    }

    public void pause() {
        synchronized (lock) {
            playing = false;
        }
    }

    public boolean isPlaying() {
        synchronized (lock) {
            return playing;
        }
    }

    /** While paused: moves the play head by {@code d} of recorded time (loading if needed), then stops again. */
    public CompletableFuture<Void> step(Duration d) {
        if (d.isNegative()) {
            return seek(clock.instant().plus(d));
        }
        long target = clock.millis() + d.toMillis();
        return CompletableFuture.runAsync(() -> {
            synchronized (lock) {
                playing = false;
            }
            loadUntil(target);
            synchronized (lock) {
                advanceTo(target);
            }
        }, loader);
    }

    /** Times the play head had to wait for the loader (replay falling behind). */
    public long stalls() {
        synchronized (lock) {
            return stalls;
        }
    }

    @Override
    public ChangeSet drainChanges() {
        boolean wantMore;
        ChangeSet out;
        synchronized (lock) {
            long now = wall.millis();
            // while the loader reads the next window the head keeps playing what is loaded (it used to freeze and
            // drop that wall time, so 100x ran at 0.85x with no stall counted); it stalls only at the loaded end
            if (playing && !seeking) {
                long target = clock.millis() + (long) ((now - lastWall) * speed);
                if (target > loadedUntil) {
                    stalls++;
                    target = loadedUntil;
                }
                advanceTo(target);
            }
            lastWall = now;
            wantMore = playing && !loading && loadedUntil - clock.millis() < window.toMillis() / 2;
            if (wantMore) {
                loading = true;
            }
            List<Measurement> changed = new ArrayList<>(dirty.size());
            for (PointId id : dirty) {
                changed.add(current.get(id));
            }
            dirty.clear();
            int notGood = 0;
            for (Measurement m : current.values()) {
                if (m.quality() != Quality.GOOD) {
                    notGood++;
                }
            }
            out = new ChangeSet(changed, new TelemetryStats(applied, current.size(), Map.of(), 0, 0, notGood), replaced);
            replaced = false;
        }
        if (wantMore) {
            long from = loadedUntilSnapshot();
            loader.execute(() -> {
                loadUntil(from + window.toMillis());
                synchronized (lock) {
                    loading = false;
                }
            });
        }
        return out;
    }

    private long loadedUntilSnapshot() {
        synchronized (lock) {
            return loadedUntil;
        }
    }

    /** On the loader: reads values up to {@code target} that are not loaded yet. */
    private void loadUntil(long target) {
        long from;
        long gen;
        synchronized (lock) {
            from = loadedUntil;
            gen = generation;
        }
        if (target <= from) {
            return;
        }
        List<RecordedValue> next = new ArrayList<>();
        try {
            reader.values(Instant.ofEpochMilli(from), Instant.ofEpochMilli(target), next::add);
        } catch (RecordingException e) {
            throw new CompletionException(e);
        }
        synchronized (lock) {
            if (gen == generation && loadedUntil == from) {
                ahead.addAll(next);
                loadedUntil = target;
            }
        }
    }

    /** Lock held: applies every loaded value received up to {@code target}. */
    private void advanceTo(long target) {
        RecordedValue v;
        while ((v = ahead.peekFirst()) != null && v.receivedMillis() <= target) {
            ahead.pollFirst();
            current.put(v.id(), measurement(v));
            dirty.add(v.id());
            applied++;
            listener.applied(v);
        }
        if (target > clock.millis()) {
            clock.set(Instant.ofEpochMilli(target));
            listener.reached(target);
        }
    }

    private static Measurement measurement(RecordedValue v) {
        return new Measurement(v.id(), v.value(), Instant.ofEpochMilli(v.sourceMillis()), v.quality(), v.unit());
    }

    /** The state of every point at the play head, for a first fill of a table. */
    public List<Measurement> snapshot() {
        synchronized (lock) {
            return List.copyOf(current.values());
        }
    }

    @Override
    public List<ConnectionStatus> connections() {
        return List.of(new ConnectionStatus("replay", reader.location(), ConnectionState.CONNECTED, 0,
                "REPLAY " + clock.instant()));
    }
}
