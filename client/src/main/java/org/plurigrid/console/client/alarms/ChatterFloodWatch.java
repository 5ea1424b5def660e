package org.plurigrid.console.client.alarms;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Watches alarm activations over sliding windows (ISA-18.2 nuisance alarms): an alarm raised
 * {@code chatterActivations} times within {@code chatterWindow} is chattering; more than {@code floodThreshold}
 * visible activations within {@code floodWindow} is a flood, which ends at {@code floodExitThreshold} or fewer.
 * Reports what changed; the engine journals it.
 *
 * <p>Not thread-safe: guarded by the engine's lock.
 */
final class ChatterFloodWatch {

    /** The flood started or ended; {@code activations} is the count in the window at that moment. */
    record FloodChange(boolean started, int activations) {
    }

    private final AlarmEngineSettings settings;
    private final Map<AlarmKey, ArrayDeque<Instant>> activationTimes = new HashMap<>();
    private final Set<AlarmKey> chattering = new HashSet<>();
    private final ArrayDeque<Instant> floodActivations = new ArrayDeque<>();
    private boolean flood;

    ChatterFloodWatch(AlarmEngineSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The alarm {@code key} was raised at {@code now}.
     *
     * @return the activations in the chatter window if the alarm started chattering now, else empty
     */
    OptionalInt activated(AlarmKey key, Instant now) {
        ArrayDeque<Instant> times = activationTimes.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        pruneOlderThan(times, now.minus(settings.chatterWindow()));
        if (times.size() >= settings.chatterActivations() && chattering.add(key)) {
            return OptionalInt.of(times.size());
        }
        return OptionalInt.empty();
    }

    /** A visible alarm was raised at {@code now}: it counts towards a flood. */
    Optional<FloodChange> countTowardsFlood(Instant now) {
        floodActivations.addLast(now);
        return pruneFlood(now);
    }

    /** The alarms whose chattering ended by {@code now} (fewer activations than the threshold in the window). */
    List<AlarmKey> pruneChattering(Instant now) {
        Instant horizon = now.minus(settings.chatterWindow());
        List<AlarmKey> ended = new ArrayList<>();
        for (Iterator<Map.Entry<AlarmKey, ArrayDeque<Instant>>> it = activationTimes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<AlarmKey, ArrayDeque<Instant>> e = it.next();
            pruneOlderThan(e.getValue(), horizon);
            if (e.getValue().size() < settings.chatterActivations() && chattering.remove(e.getKey())) {
                ended.add(e.getKey());
            }
            if (e.getValue().isEmpty()) {
                it.remove();
            }
        }
        return ended;
    }

    /** Slide the flood window to {@code now}: a change if the flood started or ended. */
    Optional<FloodChange> pruneFlood(Instant now) {
        pruneOlderThan(floodActivations, now.minus(settings.floodWindow()));
        int n = floodActivations.size();
        if (!flood && n > settings.floodThreshold()) {
            flood = true;
            return Optional.of(new FloodChange(true, n));
        }
        if (flood && n <= settings.floodExitThreshold()) {
            flood = false;
            return Optional.of(new FloodChange(false, n));
        }
        return Optional.empty();
    }

    boolean isChattering(AlarmKey key) {
        return chattering.contains(key);
    }

    boolean inFlood() {
        return flood;
    }

    private static void pruneOlderThan(ArrayDeque<Instant> times, Instant horizon) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }
}
