package org.plurigrid.console.client.dr;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A dispatched event as the console follows it: its chain record (id, tx, height), what each device was commanded, and
 * each device's state from its own acknowledgements. Thread-safe; listeners hear state changes on the thread that made
 * them (the MQTT callback or the retry scheduler).
 */
public final class LiveEvent {

    private final String eventId;
    private final String txHash;
    private final long height;
    private final String target;
    private final double requestedKw;
    private final Instant start;
    private final Instant end;
    private final Map<DerDevice, DeviceState> states = new ConcurrentHashMap<>();
    private volatile Map<DerDevice, Double> baselines;
    private final Map<DerDevice, Integer> attempts = new ConcurrentHashMap<>();
    private final Consumer<DispatchProgress> progress;
    private volatile Instant firstAck;
    private final List<Instant> ackTimes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Instant commandedAt;

    /** An event followed from now on; the service makes these (tests and other front ends may too). */
    public LiveEvent(String eventId, String txHash, long height, String target, double requestedKw, Instant start, Instant end,
              Map<DerDevice, Double> baselines, Instant commandedAt, Consumer<DispatchProgress> progress) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.txHash = txHash;
        this.height = height;
        this.target = target;
        this.requestedKw = requestedKw;
        this.start = start;
        this.end = end;
        this.baselines = Map.copyOf(baselines);
        this.commandedAt = commandedAt;
        this.progress = progress;
    }

    public String eventId() {
        return eventId;
    }

    public String txHash() {
        return txHash;
    }

    public long height() {
        return height;
    }

    public String target() {
        return target;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public double requestedKw() {
        return requestedKw;
    }

    /** Each commanded device's state now. */
    public Map<DerDevice, DeviceState> states() {
        return Map.copyOf(states);
    }

    /** How many devices are in each state. */
    public Map<DeviceState, Integer> counts() {
        Map<DeviceState, Integer> c = new EnumMap<>(DeviceState.class);
        states.values().forEach(s -> c.merge(s, 1, Integer::sum));
        return c;
    }

    public int commanded() {
        return states.size();
    }

    public int acknowledged() {
        return (int) states.values().stream().filter(DeviceState::acknowledged).count();
    }

    /** Each device's baseline, kW import: meter-before at dispatch, then "X of Y days" where history was recorded. */
    public Map<DerDevice, Double> baselines() {
        return baselines;
    }

    /**
     * Replaces the baselines of the devices in {@code better} (computed from days of history after the commands went
     * out, so as not to delay them); devices not of this event are ignored, the others keep theirs.
     */
    public void improveBaselines(Map<DerDevice, Double> better) {
        Map<DerDevice, Double> next = new java.util.LinkedHashMap<>(baselines);
        better.forEach((d, kw) -> next.computeIfPresent(d, (k, old) -> kw));
        baselines = Map.copyOf(next);
    }

    /** When the DCMDs went out, and when the first acknowledgement came (null before). */
    public Instant commandedAt() {
        return commandedAt;
    }

    public Instant firstAck() {
        return firstAck;
    }

    /**
     * Time from the DCMDs to the acknowledgement that brought the acknowledged devices to {@code share} (0..1) of those
     * commanded; empty until then.
     */
    public java.util.Optional<Duration> timeToAckShare(double share) {
        int needed = (int) Math.ceil(share * commanded());
        List<Instant> times;
        synchronized (ackTimes) {
            times = new ArrayList<>(ackTimes);
        }
        if (needed == 0 || times.size() < needed) {
            return java.util.Optional.empty();
        }
        times.sort(null);
        return java.util.Optional.of(Duration.between(commandedAt, times.get(needed - 1)));
    }

    /** Waits until at least {@code share} (0..1) of the commanded devices acknowledged, or {@code timeout} passed. */
    public boolean awaitAcks(double share, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (acknowledged() < Math.ceil(share * commanded())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    void commanded(DerDevice d) {
        states.put(d, DeviceState.COMMANDED);
        attempts.put(d, 1);
    }

    int attempt(DerDevice d) {
        return attempts.merge(d, 1, Integer::sum);
    }

    void update(DerDevice d, DeviceState s, InstantSource clock) {
        DeviceState old = states.get(d);
        if (old == null || old == s) {
            return;
        }
        states.put(d, s);
        if (s.acknowledged() && (old == null || !old.acknowledged())) {
            Instant t = clock.instant();
            if (firstAck == null) {
                firstAck = t;
            }
            ackTimes.add(t);
        }
        progress.accept(new DispatchProgress.DeviceUpdate(d, s));
        synchronized (this) {
            notifyAll();
        }
    }

    /** The measured response so far, from the tracker's power history. */
    public Measurement measure(DrDeviceTracker tracker, Instant now) {
        return measure(tracker, baselines, requestedKw, start, end, now);
    }

    /** The measured response of devices with these baselines over [start, now] (now capped at end). */
    public static Measurement measure(DrDeviceTracker tracker, Map<DerDevice, Double> baselines, double requestedKw, Instant start,
                               Instant end, Instant now) {
        Instant to = now.isBefore(end) ? now : end;
        Map<DerDevice, double[]> per = new HashMap<>();
        double base = 0;
        double measured = 0;
        List<DerDevice> devices = new ArrayList<>(baselines.keySet());
        for (DerDevice d : devices) {
            double b = baselines.get(d);
            double m = tracker.meanImportKw(d, start, to).orElse(b);
            per.put(d, new double[] {b, m});
            base += b;
            measured += m;
        }
        Duration elapsed = to.isAfter(start) ? Duration.between(start, to) : Duration.ZERO;
        return new Measurement(requestedKw, base, measured, base - measured, elapsed, per);
    }
}
