package org.plurigrid.console.plugins.host;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.plurigrid.console.client.assets.MapMark;
import org.plurigrid.console.client.assets.MapOverlayMarks;
import org.plurigrid.console.plugins.spi.MapOverlay;
import org.plurigrid.console.plugins.spi.PluginApi;

/**
 * The enabled plugins' map overlays as the map shows them: each asked for its marks every refresh on {@code workers}
 * within a time limit, behind its plugin's {@link PluginGuard}, and what it shows handed to {@code sink} (id
 * {@code pluginId/overlayId}). An overlay that throws, overruns, returns nothing, too many marks, a null or two marks
 * with one id disables its plugin; the sink then gets the overlay empty, with the reason, so its marks leave the map.
 */
public final class PluginMapOverlays implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private record Guarded(String id, String title, Duration refresh, MapOverlay overlay, PluginGuard guard) {
    }

    private final List<Guarded> overlays;
    private final InstantSource clock;
    private final ExecutorService workers;
    private final Duration limit;
    private final Consumer<MapOverlayMarks> sink;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private final Set<String> ended = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private PluginMapOverlays(List<Guarded> overlays, InstantSource clock, ExecutorService workers, Duration limit,
                              Consumer<MapOverlayMarks> sink) {
        this.overlays = List.copyOf(overlays);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Asks each plugin for its overlays once (one that throws or names one badly is disabled and shows none). */
    public static PluginMapOverlays of(List<GuardedPlugin> plugins, InstantSource clock,
                                       ExecutorService workers, Duration limit, Consumer<MapOverlayMarks> sink) {
        List<Guarded> all = new ArrayList<>();
        for (GuardedPlugin p : plugins) {
            PluginGuard guard = p.guard();
            List<MapOverlay> declared = guard.call("listing its map overlays", p.plugin()::mapOverlays).orElse(List.of());
            List<Guarded> mine = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (MapOverlay o : declared) {
                java.util.Optional<String> id = o == null ? java.util.Optional.empty() : guard.call("naming a map overlay", o::id);
                java.util.Optional<String> title = o == null ? java.util.Optional.empty() : guard.call("titling a map overlay", o::title);
                java.util.Optional<Duration> refresh = o == null ? java.util.Optional.empty()
                        : guard.call("saying how often to refresh a map overlay", o::refresh);
                if (id.isEmpty() || title.isEmpty() || title.get().isBlank() || refresh.isEmpty()
                        || !ID.matcher(id.get()).matches() || !ids.add(id.get())) {
                    guard.disable("offered a map overlay without a valid id (lower-case letters, digits, dashes; unique),"
                            + " title or refresh" + id.map(s -> " ('" + s + "')").orElse(""), null);
                    mine.clear();
                    break;
                }
                Duration every = refresh.get().compareTo(PluginApi.OVERLAY_MIN_REFRESH) < 0 ? PluginApi.OVERLAY_MIN_REFRESH
                        : refresh.get();
                mine.add(new Guarded(guard.info().id() + "/" + id.get(), title.get().strip(), every, o, guard));
            }
            all.addAll(mine);
        }
        return new PluginMapOverlays(all, clock, workers, limit, sink);
    }

    /** Asks every overlay for its marks now, on the calling thread's watch (each call on a worker, within the limit). */
    public void refreshAll() {
        overlays.forEach(this::refresh);
    }

    /** Asks each overlay at its own pace on {@code ticker} until closed. */
    public void start(ScheduledExecutorService ticker) {
        synchronized (scheduled) {
            for (Guarded g : overlays) {
                scheduled.add(ticker.scheduleWithFixedDelay(() -> refresh(g), 0, g.refresh().toMillis(),
                        TimeUnit.MILLISECONDS));
            }
        }
    }

    private void refresh(Guarded g) {
        if (ended.contains(g.id())) {
            return;
        }
        if (!g.guard().active()) {
            end(g, "plugin '" + g.guard().info().title() + "' is disabled: it "
                    + g.guard().info().problem().orElse("was switched off"));
            return;
        }
        java.time.Instant now = clock.instant();
        Future<List<MapMark>> f = workers.submit(() -> g.overlay().marks(now));
        List<MapMark> marks;
        try {
            marks = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            fail(g, "took longer than " + limit.toMillis() + " ms for the marks of '" + g.title() + "'", null);
            return;
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            Throwable why = e.getCause() == null ? e : e.getCause();
            fail(g, "threw " + why.getClass().getSimpleName() + " for the marks of '" + g.title() + "'"
                    + (why.getMessage() == null ? "" : ": " + why.getMessage()), why);
            return;
        }
        String wrong = problemWith(marks);
        if (wrong != null) {
            fail(g, wrong + " in '" + g.title() + "'", null);
            return;
        }
        sink.accept(new MapOverlayMarks(g.id(), g.title(), marks, now, ""));
    }

    private static String problemWith(List<MapMark> marks) {
        if (marks == null) {
            return "returned no marks";
        }
        if (marks.size() > PluginApi.OVERLAY_MAX_MARKS) {
            return "returned " + marks.size() + " marks, more than " + PluginApi.OVERLAY_MAX_MARKS;
        }
        Set<String> ids = new HashSet<>();
        for (MapMark m : marks) {
            if (m == null) {
                return "returned a null mark";
            }
            if (!ids.add(m.id())) {
                return "returned two marks with the id '" + m.id() + "'";
            }
        }
        return null;
    }

    /**
     * The one way an overlay fails: its plugin is disabled for {@code why} (logged with {@code cause}, if any) and the
     * overlay ends with the plugin's problem, which is {@code why} unless the plugin had already failed otherwise.
     */
    private void fail(Guarded g, String why, Throwable cause) {
        g.guard().disable(why, cause);
        end(g, "plugin '" + g.guard().info().title() + "' is disabled: it " + g.guard().info().problem().orElse(why));
    }

    private void end(Guarded g, String why) {
        if (ended.add(g.id())) {
            sink.accept(new MapOverlayMarks(g.id(), g.title(), List.of(), clock.instant(), why));
        }
    }

    @Override
    public void close() {
        synchronized (scheduled) {
            scheduled.forEach(s -> s.cancel(false));
            scheduled.clear();
        }
    }
}
