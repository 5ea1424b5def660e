package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest value, source time, quality and unit of every point, shared by all broker connections.
 *
 * <p>Writers (the MQTT callback threads) lock only the point they write. A point that changes is queued once until
 * the next {@link #drainChanges()}, so however many messages arrive per frame the screen gets one update per point
 * (the newest). Listeners added with {@link #addListener} see every update and every quality change, before
 * coalescing, on the writing thread.
 */
public final class PointStore {

    private static final Logger log = LoggerFactory.getLogger(PointStore.class);

    private final ConcurrentHashMap<PointId, PointHandle> points = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<PointHandle> changed = new ConcurrentLinkedQueue<>();
    /** Handles queued in {@link #changed}; read at the start of a drain to bound it. */
    private final AtomicInteger changedCount = new AtomicInteger();
    /** Device ActivePower points, the inputs of the supergrid totals. */
    private final Set<PointHandle> powerPoints = ConcurrentHashMap.newKeySet();
    private final AtomicInteger notGood = new AtomicInteger();
    private final CopyOnWriteArrayList<Consumer<Measurement>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger listenerFailures = new AtomicInteger();
    private final List<StaleRule> staleRules;
    private final int maxPoints;

    /** A store without maximum ages, holding up to {@link TelemetryLimits#DEFAULTS}' points. */
    public PointStore() {
        this(List.of());
    }

    /** @param staleRules maximum ages by point pattern, applied when a point is first registered (first match) */
    public PointStore(List<StaleRule> staleRules) {
        this(staleRules, TelemetryLimits.DEFAULTS.maxPoints());
    }

    /** @param maxPoints registrations beyond this many points are refused ({@link #register} returns null) */
    public PointStore(List<StaleRule> staleRules, int maxPoints) {
        this.staleRules = List.copyOf(staleRules);
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be positive, got " + maxPoints);
        }
        this.maxPoints = maxPoints;
    }

    /**
     * The handle of a point, created (BAD, no value yet) on first use. A non-empty unit replaces the old one.
     *
     * @return the handle, or {@code null} when the point is new and the store already holds its maximum of points
     */
    public PointHandle register(PointId id, String unit) {
        PointHandle h = points.get(id);
        if (h == null) {
            if (points.size() >= maxPoints) {
                return null;
            }
            h = points.computeIfAbsent(id, k -> {
                PointHandle created = new PointHandle(k, unit);
                for (StaleRule rule : staleRules) {
                    if (rule.matches(k)) {
                        created.expectedPeriodMillis = rule.period().toMillis();
                        break;
                    }
                }
                notGood.incrementAndGet();
                if (created.powerOf != null) {
                    powerPoints.add(created);
                }
                return created;
            });
        }
        if (unit != null && !unit.isEmpty()) {
            synchronized (h) {
                h.unit = unit;
            }
        }
        return h;
    }

    /** A fresh value from the source: the point becomes GOOD. */
    public void update(PointHandle h, double value, long sourceMillis, long receivedMillis) {
        write(h, value, true, sourceMillis, receivedMillis, Quality.GOOD);
    }

    /**
     * A fresh value whose quality the decoder decides, e.g. STALE while its edge node has an unresolved sequence
     * gap: the value is the newest, but messages may have been lost before it.
     */
    public void update(PointHandle h, double value, long sourceMillis, long receivedMillis, Quality quality) {
        write(h, value, true, sourceMillis, receivedMillis, quality);
    }

    /**
     * Forgets points (e.g. metrics a new birth no longer announces): they leave the store, its totals and its
     * counts. A listener hears each one as COMMS_LOST first, so alarms on it can clear. Writes through a removed
     * handle are ignored.
     */
    public void remove(Collection<PointHandle> handles) {
        for (PointHandle h : handles) {
            setQuality(h, Quality.COMMS_LOST);
            synchronized (h) {
                if (h.removed) {
                    continue;
                }
                h.removed = true;
                if (h.quality != Quality.GOOD) {
                    notGood.decrementAndGet();
                }
            }
            points.remove(h.id(), h);
            if (h.powerOf != null) {
                powerPoints.remove(h);
            }
        }
    }

    /** The source reported a quality without a usable value (e.g. a null metric): the last value stays. */
    public void updateQuality(PointHandle h, Quality quality, long receivedMillis) {
        write(h, Double.NaN, false, 0, receivedMillis, quality);
    }

    private void write(PointHandle h, double value, boolean withValue, long sourceMillis, long receivedMillis,
                       Quality quality) {
        double v;
        long t;
        String unit;
        synchronized (h) {
            if (h.removed) {
                return;
            }
            Quality old = h.quality;
            if (withValue) {
                h.value = value;
                h.sourceMillis = sourceMillis;
                h.hasValue = true;
            }
            h.receivedMillis = receivedMillis;
            h.quality = quality;
            countTransition(old, quality);
            v = h.value;
            t = h.sourceMillis;
            unit = h.unit;
        }
        if (h.markDirty()) {
            changed.offer(h);
            changedCount.incrementAndGet();
        }
        if (!listeners.isEmpty()) {
            emit(new Measurement(h.id(), v, Instant.ofEpochMilli(t), quality, unit));
        }
    }

    /** Sets the quality of each handle (e.g. COMMS_LOST on NDEATH); notifies only those whose quality changed. */
    public void setQuality(Collection<PointHandle> handles, Quality quality) {
        for (PointHandle h : handles) {
            setQuality(h, quality);
        }
    }

    /** Sets {@code quality} on those handles that are GOOD now (e.g. STALE after a sequence gap); BAD stays BAD. */
    public void degrade(Collection<PointHandle> handles, Quality quality) {
        for (PointHandle h : handles) {
            boolean good;
            synchronized (h) {
                good = h.quality == Quality.GOOD;
            }
            if (good) {
                setQuality(h, quality);
            }
        }
    }

    public boolean setQuality(PointHandle h, Quality quality) {
        Measurement m;
        synchronized (h) {
            if (h.quality == quality || h.removed) {
                return false;
            }
            countTransition(h.quality, quality);
            h.quality = quality;
            m = listeners.isEmpty() ? null
                    : new Measurement(h.id(), h.value, Instant.ofEpochMilli(h.sourceMillis), quality, h.unit);
        }
        if (h.markDirty()) {
            changed.offer(h);
            changedCount.incrementAndGet();
        }
        if (m != null) {
            emit(m);
        }
        return true;
    }

    private void countTransition(Quality from, Quality to) {
        if (from == Quality.GOOD && to != Quality.GOOD) {
            notGood.incrementAndGet();
        } else if (from != Quality.GOOD && to == Quality.GOOD) {
            notGood.decrementAndGet();
        }
    }

    /** Sets the maximum age of this point (overrides any {@link StaleRule}). */
    public void setExpectedPeriod(PointHandle h, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("expected period must be positive, got " + period);
        }
        synchronized (h) {
            h.expectedPeriodMillis = period.toMillis();
        }
    }

    /** The maximum age of a known point, or empty when it has none (it never turns STALE by age). */
    public Optional<Duration> expectedPeriod(PointId id) {
        PointHandle h = points.get(id);
        if (h == null) {
            return Optional.empty();
        }
        synchronized (h) {
            return h.expectedPeriodMillis > 0 ? Optional.of(Duration.ofMillis(h.expectedPeriodMillis))
                    : Optional.empty();
        }
    }

    /**
     * Turns GOOD points that have a maximum age (a {@link StaleRule}, a JSON mapping's period) and received nothing
     * for longer into STALE. Points without one never age: a Sparkplug B edge node reports by exception, and its
     * death certificate, not silence, says when its data is lost.
     *
     * @return how many points went stale in this sweep
     */
    public int markStale(InstantSource now) {
        long nowMillis = now.millis();
        int count = 0;
        for (PointHandle h : points.values()) {
            boolean stale;
            synchronized (h) {
                long period = h.expectedPeriodMillis;
                stale = period > 0 && h.quality == Quality.GOOD && h.receivedMillis < nowMillis - period;
            }
            // Re-checked inside setQuality only for "still not STALE"; a value arriving in between wins next sweep.
            if (stale && setQuality(h, Quality.STALE)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The newest measurement of every point changed since the previous call, at most one per point. Never blocks
     * writers for more than one point at a time.
     */
    public List<Measurement> drainChanges() {
        // Only what was queued before the drain started: a point re-queued meanwhile waits for the next drain,
        // which keeps "one per point per drain" even under a write storm.
        int budget = changedCount.get();
        List<Measurement> out = new ArrayList<>(Math.min(budget, 16_384));
        int taken = 0;
        PointHandle h;
        while (taken < budget && (h = changed.poll()) != null) {
            taken++;
            h.clearDirty();
            out.add(h.snapshot());
        }
        changedCount.addAndGet(-taken);
        return out;
    }

    public Optional<Measurement> latest(PointId id) {
        PointHandle h = points.get(id);
        return h == null ? Optional.empty() : Optional.of(h.snapshot());
    }

    /** Every point with its current state, in no particular order (for a first fill of a table). */
    public List<Measurement> snapshot() {
        List<Measurement> out = new ArrayList<>(points.size());
        for (PointHandle h : points.values()) {
            out.add(h.snapshot());
        }
        return out;
    }

    /** Number of known points. */
    public int size() {
        return points.size();
    }

    /** Number of points whose quality is not GOOD. */
    public int notGoodCount() {
        return notGood.get();
    }

    /** Called for every update and quality change on the writing thread; must be quick and must not block. */
    public void addListener(Consumer<Measurement> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<Measurement> listener) {
        listeners.remove(listener);
    }

    private void emit(Measurement m) {
        for (Consumer<Measurement> l : listeners) {
            try {
                l.accept(m);
            } catch (RuntimeException e) {
                // One broken listener must not stop the pipeline or the other listeners.
                if (listenerFailures.getAndIncrement() % 10_000 == 0) {
                    log.warn("Telemetry listener {} failed on {}", l, m.id(), e);
                }
            }
        }
    }

    /** Sums of the device ActivePower points by DER kind ({@link DevicePower}'s rule). */
    DevicePower powerTotals() {
        DevicePower sums = new DevicePower();
        for (PointHandle h : powerPoints) {
            double v;
            Quality q;
            synchronized (h) {
                if (!h.hasValue) {
                    continue;
                }
                v = h.value;
                q = h.quality;
            }
            sums.add(h.powerOf, v, q);
        }
        return sums;
    }
}
