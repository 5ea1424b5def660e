package org.plurigrid.console.client.telemetry;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves decoding off the MQTT callback thread: the callback only checks the size and enqueues, one decoding thread
 * per connection feeds the {@link MessageSink} behind it in arrival order. The queue is bounded in messages and in
 * payload bytes; what does not fit is dropped and counted ({@link DecodeErrors#QUEUE_OVERFLOW}), so a flood costs
 * bounded memory and never stalls the client's network thread (a stalled client makes the broker drop its messages,
 * the real ones included). Large messages (births) may fill only a quarter of the byte budget, so a flood of huge
 * births cannot crowd out the small data messages of a real fleet queued with them.
 */
public final class DecodeQueue implements MessageSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DecodeQueue.class);
    private static final Item CONNECTION_LOST = new Item("", new byte[0]);
    /** Payloads from this size on count against the large-message share of the byte budget. */
    static final int LARGE_PAYLOAD = 64 * 1024;

    private final MessageSink target;
    private final DecodeErrors errors;
    private final int maxPayloadBytes;
    private final long maxQueuedBytes;
    private final ArrayBlockingQueue<Item> queue;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong queuedLargeBytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    public DecodeQueue(MessageSink target, DecodeErrors errors, TelemetryLimits limits, String threadName) {
        this.target = target;
        this.errors = errors;
        this.maxPayloadBytes = limits.maxPayloadBytes();
        this.maxQueuedBytes = limits.queueBytes();
        this.queue = new ArrayBlockingQueue<>(limits.queueMessages());
        this.thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(this::run);
    }

    /** Starts the decoding thread (once). */
    public synchronized void start() {
        if (!closed && thread.getState() == Thread.State.NEW) {
            thread.start();
        }
    }

    /** Called on the MQTT callback thread: never blocks, never parses. */
    @Override
    public void onMessage(String topic, byte[] payload) {
        byte[] bytes = payload == null ? new byte[0] : payload;
        if (bytes.length > maxPayloadBytes) {
            errors.count(DecodeErrors.PAYLOAD_TOO_LARGE, topic, bytes.length + " bytes, limit " + maxPayloadBytes);
            return;
        }
        boolean large = bytes.length >= LARGE_PAYLOAD;
        if (queuedBytes.get() + bytes.length > maxQueuedBytes
                || large && queuedLargeBytes.get() + bytes.length > maxQueuedBytes / 4
                || !queue.offer(new Item(topic, bytes))) {
            dropped.incrementAndGet();
            errors.count(DecodeErrors.QUEUE_OVERFLOW, topic, "decoding is " + queue.size() + " messages behind");
            return;
        }
        queuedBytes.addAndGet(bytes.length);
        if (large) {
            queuedLargeBytes.addAndGet(bytes.length);
        }
    }

    /** Queued behind the messages that came before it, so they cannot turn points GOOD after the loss. */
    @Override
    public void onConnectionLost() {
        try {
            if (queue.offer(CONNECTION_LOST, 2, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        target.onConnectionLost(); // the queue is stuck full: mark the loss now rather than never
    }

    /** Messages waiting to be decoded. */
    public int pending() {
        return queue.size();
    }

    /** Messages dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (!closed) {
            Item item;
            try {
                item = queue.poll(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (item == null) {
                continue;
            }
            try {
                if (item == CONNECTION_LOST) {
                    target.onConnectionLost();
                } else {
                    queuedBytes.addAndGet(-item.payload.length);
                    if (item.payload.length >= LARGE_PAYLOAD) {
                        queuedLargeBytes.addAndGet(-item.payload.length);
                    }
                    target.onMessage(item.topic, item.payload);
                }
            } catch (RuntimeException e) {
                errors.count(DecodeErrors.DECODE_FAILED, item.topic, e);
            } catch (Error e) {
                log.error("Telemetry decoding failed on {}", item.topic, e);
                throw e;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queue.clear();
    }

    private record Item(String topic, byte[] payload) {
    }
}
