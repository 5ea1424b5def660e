package org.plurigrid.console.client.telemetry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;

/**
 * The store's slot for one point. Decoders resolve a metric (by name or alias) to its handle once, at birth, and
 * then write through it, so the hot path needs no map lookup and no {@link PointId} per message.
 * All mutable fields are guarded by the handle's own monitor: there is no global lock.
 */
public final class PointHandle {

    private static final VarHandle DIRTY;

    static {
        try {
            DIRTY = MethodHandles.lookup().findVarHandle(PointHandle.class, "dirty", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PointId id;
    /** What this point contributes to the supergrid totals, decided once from its id. */
    final DerType powerOf;

    // guarded by this
    String unit;
    double value = Double.NaN;
    long sourceMillis;
    long receivedMillis;
    Quality quality = Quality.BAD;
    boolean hasValue;
    /** Maximum age of this point's value; 0 = none (it turns STALE only when its source says so). */
    long expectedPeriodMillis;
    /** Removed from its store: writes through it are ignored. */
    boolean removed;

    /** 1 while the handle sits in the store's change queue; written through {@link #DIRTY}. */
    @SuppressWarnings("unused")
    private volatile int dirty;

    PointHandle(PointId id, String unit) {
        this.id = id;
        this.unit = unit == null ? "" : unit;
        this.powerOf = !id.device().isEmpty() && "ActivePower".equals(id.metric())
                ? DerType.fromDeviceId(id.device()).orElse(null) : null;
    }

    public PointId id() {
        return id;
    }

    /** The current state as a value, or a BAD NaN measurement at time 0 when no value arrived yet. */
    public synchronized Measurement snapshot() {
        return new Measurement(id, value, Instant.ofEpochMilli(sourceMillis), quality, unit);
    }

    synchronized boolean hasValue() {
        return hasValue;
    }

    /** True exactly once until {@link #clearDirty()}: the caller then enqueues the handle. */
    boolean markDirty() {
        return dirty == 0 && DIRTY.compareAndSet(this, 0, 1);
    }

    void clearDirty() {
        dirty = 0;
    }

    @Override
    public String toString() {
        return "PointHandle[" + id + "]";
    }
}
