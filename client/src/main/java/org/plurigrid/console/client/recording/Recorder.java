package org.plurigrid.console.client.recording;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.client.recording.RecordingBatch.NumberedValue;
import org.plurigrid.console.client.recording.RecordingBatch.PointDefinition;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records everything it is handed into a {@link RecordingStore}. The taps ({@link #value}, {@link #alarm},
 * {@link #event}) only number the entry, stamp it with the recorder clock and append it to a bounded buffer: they
 * never wait for the store. A writer thread commits the buffer at least every {@link RecordingSettings#batchPeriod}
 * (one transaction per batch), adds a snapshot of every point each {@link RecordingSettings#snapshotPeriod}, rolls
 * files and, when the store fails, keeps the failed batch and retries while the buffer fills; entries that do not fit
 * are dropped and counted.
 */
public final class Recorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Recorder.class);
    private static final long RETRY_MILLIS = 1_000;

    private final RecordingStore store;
    private final InstantSource clock;
    private final RecordingSettings settings;

    private final Object lock = new Object();
    // Guarded by lock: the taps' side.
    private ArrayList<RecordingEntry> pending = new ArrayList<>();
    private long nextSequence = 1;
    private long lastReceived = Long.MIN_VALUE;
    private long dropped;
    private int inRetry;
    private long oldestUncommitted = Long.MIN_VALUE;
    private boolean stopping;
    private boolean started;
    private long flushUpTo;

    // Writer thread only.
    private final Map<PointId, Integer> pointNumbers = new HashMap<>();
    private final Map<Integer, PointDefinition> definitions = new HashMap<>();
    private final Map<Integer, NumberedValue> lastValues = new HashMap<>();
    private long lastSnapshotMillis = Long.MIN_VALUE;
    private boolean snapshotNeeded = true;
    private long lastWrittenSequence;
    private long lastWrittenReceived = Long.MIN_VALUE;
    private long rateWindowStart = Long.MIN_VALUE;
    private long rateWindowRows;

    // Read by status().
    private volatile long committedSequence;
    private volatile long committedReceived = Long.MIN_VALUE;
    private volatile long rowsWritten;
    private volatile double rowsPerSecond;
    private volatile String lastError = "";
    private volatile Recovery recovery;
    private volatile RecordingStatus.State state = RecordingStatus.State.NOT_RECORDING;
    private volatile String location = "";

    private Thread writer;

    public Recorder(RecordingStore store, InstantSource clock, RecordingSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Opens the store (reporting what an earlier run left there) and starts the writer thread. Entries handed in
     * before start wait in the buffer.
     */
    public Recovery start() throws RecordingException {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("recorder already started");
            }
            started = true;
        }
        Recovery r = store.open(clock.instant());
        recovery = r;
        location = store.location();
        for (PointDefinition d : r.points()) {
            pointNumbers.put(d.id(), d.number());
            definitions.put(d.number(), d);
        }
        for (NumberedValue nv : r.lastValues()) {
            lastValues.put(nv.point(), nv);
        }
        lastWrittenSequence = r.lastSequence();
        committedSequence = r.lastSequence();
        r.to().ifPresent(t -> lastWrittenReceived = t.toEpochMilli());
        synchronized (lock) {
            // Carry on after what is already there: sequence and receive time keep going forward.
            if (r.lastSequence() > 0) {
                renumberPending(r.lastSequence());
            }
            nextSequence = Math.max(nextSequence, r.lastSequence() + pending.size() + 1);
            if (r.to().isPresent()) {
                lastReceived = Math.max(lastReceived, r.to().get().toEpochMilli());
            }
        }
        if (!r.isEmpty()) {
            log.info("Recording: {}", r.describe());
            event(RecordedEvent.EventKind.RECORDER, "recovered", r.describe());
        }
        state = RecordingStatus.State.RECORDING;
        writer = Thread.ofPlatform().name("recording-writer").daemon(true).start(this::writeLoop);
        return r;
    }

    /** Entries taken before start were numbered from 1; move them after what the reopened file holds. */
    private void renumberPending(long after) {
        ArrayList<RecordingEntry> renumbered = new ArrayList<>(pending.size());
        long seq = after;
        for (RecordingEntry e : pending) {
            seq++;
            renumbered.add(withSequence(e, seq, Math.max(e.receivedMillis(), lastReceived)));
        }
        pending = renumbered;
    }

    private static RecordingEntry withSequence(RecordingEntry e, long seq, long recv) {
        return switch (e) {
            case RecordedValue v -> new RecordedValue(seq, recv, v.sourceMillis(), v.id(), v.value(), v.quality(),
                    v.unit());
            case RecordedAlarm a -> new RecordedAlarm(seq, recv, a.eventMillis(), a.journalSequence(), a.event(),
                    a.alarmKey(), a.source(), a.priority(), a.state(), a.message(), a.operator(), a.comment());
            case RecordedEvent ev -> new RecordedEvent(seq, recv, ev.kind(), ev.subject(), ev.detail(), ev.txHash(),
                    ev.height());
            case RecordedRules r -> new RecordedRules(seq, recv, r.origin(), r.json());
        };
    }

    // ------------------------------------------------------------------------------------------------ taps

    /** A telemetry value or quality change (the point store listener). Never blocks. */
    public void value(Measurement m) {
        offerEntry((seq, recv) -> new RecordedValue(seq, recv, m.time().toEpochMilli(), m.id(), m.value(),
                m.quality(), m.unit()));
    }

    /** The point store listener: {@code store.addListener(recorder.telemetryTap())}. */
    public Consumer<Measurement> telemetryTap() {
        return this::value;
    }

    /** The alarm journal listener: {@code engine.journal().addListener(recorder.alarmTap())}. */
    public Consumer<JournalEntry> alarmTap() {
        return this::alarm;
    }

    public void alarm(JournalEntry e) {
        Objects.requireNonNull(e, "entry");
        offerEntry((seq, recv) -> RecordedAlarm.of(seq, recv, e));
    }

    /** A connection change, operator action or recorder note. */
    public void event(RecordedEvent.EventKind kind, String subject, String detail) {
        offerEntry((seq, recv) -> new RecordedEvent(seq, recv, kind, subject, detail, "", 0));
    }

    /** A chain transaction the console sent or followed (vote, DR event), with where it landed. */
    public void chainTransaction(String what, String txHash, long height, String detail) {
        offerEntry((seq, recv) -> new RecordedEvent(seq, recv, RecordedEvent.EventKind.CHAIN_TX, what, detail,
                txHash, height));
    }

    /** The alarm rules in force from now on (at start and after every change), so replay can re-evaluate. */
    public void rules(AlarmRuleSet rules) {
        String json = AlarmRuleFile.toJson(rules);
        offerEntry((seq, recv) -> new RecordedRules(seq, recv, rules.origin(), json));
    }

    @FunctionalInterface
    private interface EntryMaker {
        RecordingEntry make(long sequence, long receivedMillis);
    }

    private void offerEntry(EntryMaker maker) {
        long now = clock.millis();
        synchronized (lock) {
            if (stopping) {
                return; // closed: late listeners are not losses
            }
            if (pending.size() + inRetry >= settings.bufferCapacity()) {
                dropped++;
                return;
            }
            long recv = Math.max(now, lastReceived);
            lastReceived = recv;
            if (pending.isEmpty() && inRetry == 0) {
                oldestUncommitted = recv;
            }
            pending.add(maker.make(nextSequence++, recv));
            if (pending.size() == settings.maxBatch()) {
                lock.notifyAll();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ writer

    private void writeLoop() {
        RecordingBatch retry = null;
        long retryLastSeq = 0;
        long retryLastRecv = 0;
        while (true) {
            if (retry != null) {
                if (tryWrite(retry, retryLastSeq, retryLastRecv)) {
                    retry = null;
                    synchronized (lock) {
                        inRetry = 0;
                    }
                } else {
                    synchronized (lock) {
                        if (stopping) {
                            log.error("Recording stopped with {} entries not written: {}", inRetry, lastError);
                            break;
                        }
                        waitQuietly(RETRY_MILLIS);
                    }
                    continue;
                }
            }
            ArrayList<RecordingEntry> taken;
            boolean stop;
            synchronized (lock) {
                long deadline = System.nanoTime() + settings.batchPeriod().toNanos();
                while (!stopping && pending.size() < settings.maxBatch()
                        && !(flushUpTo > committedSequence && !pending.isEmpty())) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    waitQuietly(Math.max(1, left / 1_000_000));
                }
                taken = pending;
                pending = new ArrayList<>(Math.min(Math.max(16, taken.size()), settings.maxBatch()));
                inRetry = taken.size();
                stop = stopping;
            }
            try {
                if (store.rollIfDue(clock.instant())) {
                    location = store.location();
                    rolled();
                }
            } catch (RecordingException e) {
                fail(e);
            }
            if (!taken.isEmpty() || snapshotDue()) {
                RecordingBatch batch = build(taken);
                boolean nothing = batch.entryCount() == 0 && batch.snapshot().isEmpty() && batch.newPoints().isEmpty();
                long lastSeq = taken.isEmpty() ? lastWrittenSequence : taken.getLast().sequence();
                long lastRecv = taken.isEmpty() ? lastWrittenReceived : taken.getLast().receivedMillis();
                if (!nothing && !tryWrite(batch, lastSeq, lastRecv)) {
                    retry = batch;
                    retryLastSeq = lastSeq;
                    retryLastRecv = lastRecv;
                    continue;
                }
            }
            synchronized (lock) {
                inRetry = 0;
                if (!pending.isEmpty()) {
                    oldestUncommitted = pending.getFirst().receivedMillis();
                }
                lock.notifyAll();
                if (stop && pending.isEmpty()) {
                    break;
                }
            }
        }
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void waitQuietly(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** After a roll the new file gets every point definition and, with the next batch, a snapshot. */
    private void rolled() {
        snapshotNeeded = true;
        rolledDefinitions = true;
    }

    private boolean rolledDefinitions;

    private boolean snapshotDue() {
        return snapshotNeeded || lastWrittenReceived != Long.MIN_VALUE
                && lastWrittenReceived - lastSnapshotMillis >= settings.snapshotPeriod().toMillis()
                && lastWrittenSequence > 0;
    }

    private RecordingBatch build(List<RecordingEntry> taken) {
        List<PointDefinition> newPoints = new ArrayList<>();
        if (rolledDefinitions) {
            newPoints.addAll(definitions.values());
            rolledDefinitions = false;
        }
        List<NumberedValue> values = new ArrayList<>(taken.size());
        List<RecordedAlarm> alarms = new ArrayList<>();
        List<RecordedEvent> events = new ArrayList<>();
        List<RecordedRules> rules = new ArrayList<>();
        for (RecordingEntry e : taken) {
            switch (e) {
                case RecordedValue v -> {
                    Integer n = pointNumbers.get(v.id());
                    if (n == null) {
                        n = pointNumbers.size() + 1;
                        while (definitions.containsKey(n)) {
                            n++;
                        }
                        pointNumbers.put(v.id(), n);
                        PointDefinition d = new PointDefinition(n, v.id(), v.unit());
                        definitions.put(n, d);
                        newPoints.add(d);
                    }
                    NumberedValue nv = new NumberedValue(n, v);
                    values.add(nv);
                    lastValues.put(n, nv);
                }
                case RecordedAlarm a -> alarms.add(a);
                case RecordedEvent ev -> events.add(ev);
                case RecordedRules r -> rules.add(r);
            }
        }
        long lastSeq = taken.isEmpty() ? lastWrittenSequence : taken.getLast().sequence();
        long lastRecv = taken.isEmpty() ? lastWrittenReceived : taken.getLast().receivedMillis();
        Optional<RecordingBatch.Snapshot> snapshot = Optional.empty();
        boolean due = snapshotNeeded || lastRecv - lastSnapshotMillis >= settings.snapshotPeriod().toMillis();
        if (due && lastRecv != Long.MIN_VALUE) {
            snapshot = Optional.of(new RecordingBatch.Snapshot(lastSeq, lastRecv, new ArrayList<>(lastValues.values())));
        }
        return new RecordingBatch(newPoints, values, alarms, events, rules, snapshot);
    }

    private boolean tryWrite(RecordingBatch batch, long lastSeq, long lastRecv) {
        try {
            store.write(batch);
        } catch (RecordingException | RuntimeException e) {
            fail(e);
            return false;
        }
        if (batch.snapshot().isPresent()) {
            lastSnapshotMillis = batch.snapshot().get().millis();
            snapshotNeeded = false;
        }
        lastWrittenSequence = lastSeq;
        lastWrittenReceived = lastRecv;
        committedSequence = lastSeq;
        committedReceived = lastRecv;
        rowsWritten += batch.entryCount();
        sampleRate(batch.entryCount());
        if (state == RecordingStatus.State.FAILING) {
            log.info("Recording: writing to {} again", store.location());
        }
        state = RecordingStatus.State.RECORDING;
        lastError = "";
        return true;
    }

    private void sampleRate(int rows) {
        long now = clock.millis();
        if (rateWindowStart == Long.MIN_VALUE) {
            rateWindowStart = now;
        }
        rateWindowRows += rows;
        if (now - rateWindowStart >= 1_000) {
            rowsPerSecond = rateWindowRows * 1000.0 / (now - rateWindowStart);
            rateWindowStart = now;
            rateWindowRows = 0;
        }
    }

    private void fail(Exception e) {
        if (!e.getMessage().equals(lastError)) {
            log.warn("Recording: {}", e.getMessage(), e);
        }
        lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        state = RecordingStatus.State.FAILING;
    }

    // ------------------------------------------------------------------------------------------------ control

    /**
     * Commits everything handed in so far and waits for it, at most {@code timeout}.
     *
     * @return true when everything up to the call is committed
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long target = nextSequence - 1;
            flushUpTo = Math.max(flushUpTo, target);
            lock.notifyAll();
            while (committedSequence < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || writer == null || !writer.isAlive()) {
                    return committedSequence >= target;
                }
                waitQuietly(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Sequence number of the newest entry committed (acknowledged by the store). */
    public long committedSequence() {
        return committedSequence;
    }

    /** Receive time of the newest committed entry, empty before the first commit. */
    public Optional<Instant> committedUntil() {
        long r = committedReceived;
        return r == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(r));
    }

    /** What the store held when it was opened, empty before {@link #start}. */
    public Optional<Recovery> recovery() {
        return Optional.ofNullable(recovery);
    }

    public long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }

    /** A consistent, read-only picture for the status bar. */
    public RecordingStatus status() {
        int buffered;
        long drops;
        long oldest;
        synchronized (lock) {
            buffered = pending.size() + inRetry;
            drops = dropped;
            oldest = buffered == 0 ? Long.MIN_VALUE : oldestUncommitted;
        }
        Duration lag = oldest == Long.MIN_VALUE ? Duration.ZERO
                : Duration.ofMillis(Math.max(0, clock.millis() - oldest));
        Recovery r = recovery;
        return new RecordingStatus(state, state == RecordingStatus.State.NOT_RECORDING ? "" : store.kind(), location,
                rowsWritten, rowsPerSecond, lag, buffered, drops, lastError, r == null ? "" : r.describe());
    }

    /** Commits what is buffered (waiting at most 10 s for the store) and closes it. */
    @Override
    public void close() throws RecordingException {
        Thread w;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            flushUpTo = nextSequence - 1;
            stopping = true;
            lock.notifyAll();
            w = writer;
        }
        if (w != null) {
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (w.isAlive()) {
                w.interrupt();
            }
        }
        state = RecordingStatus.State.STOPPED;
        store.close();
    }
}
