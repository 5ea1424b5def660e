package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link TopicDecoder}s beside the Sparkplug and JSON decoders so that none of them can stall telemetry: the MQTT
 * callback thread only offers a message to the bounded queue of the decoder whose filter matches (a full queue
 * drops and counts the message); each decoder has a daemon thread of its own that decodes and writes the points. A
 * decoder that throws, or whose call runs past its time limit, is switched off: its queue is dropped, later messages
 * are counted as {@link #DISABLED}, and the owner is told once why.
 */
public final class ExternalDecoders implements AutoCloseable {

    /** Messages waiting per decoder; more are dropped and counted ({@link #OVERFLOW}). */
    public static final int QUEUE_CAPACITY = 10_000;
    public static final String OVERFLOW = "decoder-queue-full";
    public static final String DISABLED = "decoder-disabled";
    public static final String MALFORMED = "decoder-malformed";
    /** Points one decoder may create; a decoder naming more is refused the rest, counted. */
    public static final int MAX_POINTS_PER_DECODER = 100_000;
    public static final String TOO_MANY_POINTS = "decoder-too-many-points";

    private static final Logger log = LoggerFactory.getLogger(ExternalDecoders.class);

    private final List<Lane> lanes;
    private final PointStore store;
    private final DecodeErrors errors;
    private final InstantSource clock;
    private final long limitNanos;
    private final BiConsumer<TopicDecoder, String> onDisabled;
    private final Duration defaultMaxAge;

    /**
     * @param limit      the longest one {@link TopicDecoder#decode} call may take
     * @param onDisabled told once per decoder switched off, with the reason in the operator's words
     */
    public ExternalDecoders(List<TopicDecoder> decoders, PointStore store, DecodeErrors errors, InstantSource clock,
                            Duration limit, BiConsumer<TopicDecoder, String> onDisabled) {
        this(decoders, store, errors, clock, limit, onDisabled, TelemetryService.DEFAULT_STALE_PERIOD);
    }

    /** @param defaultMaxAge maximum age of a decoder's points that no {@link StaleRule} gives one */
    public ExternalDecoders(List<TopicDecoder> decoders, PointStore store, DecodeErrors errors, InstantSource clock,
                            Duration limit, BiConsumer<TopicDecoder, String> onDisabled, Duration defaultMaxAge) {
        this.defaultMaxAge = Objects.requireNonNull(defaultMaxAge, "defaultMaxAge");
        this.store = Objects.requireNonNull(store, "store");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limitNanos = limit.toNanos();
        this.onDisabled = Objects.requireNonNull(onDisabled, "onDisabled");
        List<Lane> built = new ArrayList<>();
        for (TopicDecoder d : decoders) {
            built.add(new Lane(d));
        }
        this.lanes = List.copyOf(built);
        lanes.forEach(Lane::start);
    }

    /** No external decoders. */
    public static ExternalDecoders none(PointStore store, DecodeErrors errors, InstantSource clock) {
        return new ExternalDecoders(List.of(), store, errors, clock, Duration.ofSeconds(1), (d, why) -> { });
    }

    /**
     * Called on the MQTT callback thread; never blocks. True if a decoder claims the topic (the message was queued,
     * or dropped and counted), false if none does.
     */
    public boolean offer(String topic, byte[] payload) {
        for (Lane lane : lanes) {
            if (lane.decoder.filter().matches(topic)) {
                lane.offer(topic, payload);
                return true;
            }
        }
        return false;
    }

    /** Messages decoded so far by the named decoder (for tests and statistics). */
    public long decoded(String name) {
        return lanes.stream().filter(l -> l.decoder.name().equals(name)).mapToLong(l -> l.decoded.sum()).sum();
    }

    public boolean isActive(String name) {
        return lanes.stream().anyMatch(l -> l.decoder.name().equals(name) && !l.disabled);
    }

    @Override
    public void close() {
        lanes.forEach(l -> l.thread.interrupt());
    }

    private record Message(String topic, byte[] payload, long receivedMillis) {
    }

    private final class Lane {
        final TopicDecoder decoder;
        final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        final Thread thread;
        final LongAdder decoded = new LongAdder();
        final ConcurrentHashMap<PointId, PointHandle> handles = new ConcurrentHashMap<>();
        volatile boolean disabled;
        /** System.nanoTime() when the running decode call started; 0 while idle. */
        volatile long callStarted;

        Lane(TopicDecoder decoder) {
            this.decoder = decoder;
            this.thread = Thread.ofPlatform().daemon().name("decoder-" + decoder.name()).unstarted(this::run);
        }

        void start() {
            thread.start();
        }

        void offer(String topic, byte[] payload) {
            if (disabled) {
                errors.count(DISABLED, topic, decoder.name() + " is switched off");
                return;
            }
            long started = callStarted;
            if (started != 0 && System.nanoTime() - started > limitNanos) {
                disable("it took longer than " + Duration.ofNanos(limitNanos).toMillis() + " ms to decode a message");
                errors.count(DISABLED, topic, decoder.name() + " is switched off");
                return;
            }
            if (!queue.offer(new Message(topic, payload, clock.millis()))) {
                errors.count(OVERFLOW, topic, decoder.name() + " is " + QUEUE_CAPACITY + " messages behind");
            }
        }

        void run() {
            while (!disabled && !Thread.currentThread().isInterrupted()) {
                Message m;
                try {
                    m = queue.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (m == null) {
                    continue;
                }
                TopicDecoder.Decoded result;
                long start = System.nanoTime();
                callStarted = start == 0 ? 1 : start;
                try {
                    result = decoder.decode(m.topic(), m.payload(), java.time.Instant.ofEpochMilli(m.receivedMillis()));
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    disable("it threw " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " while decoding " + m.topic());
                    return;
                } finally {
                    callStarted = 0;
                }
                if (System.nanoTime() - start > limitNanos) {
                    disable("it took " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms to decode a message"
                            + " (limit " + Duration.ofNanos(limitNanos).toMillis() + " ms)");
                    return;
                }
                write(m, result);
            }
        }

        private void write(Message m, TopicDecoder.Decoded result) {
            switch (result) {
                case TopicDecoder.Decoded.Malformed bad -> errors.count(MALFORMED, m.topic(), decoder.name() + ": " + bad.reason());
                case TopicDecoder.Decoded.Points points -> {
                    for (Measurement p : points.points()) {
                        PointHandle h = handles.get(p.id());
                        if (h == null) {
                            if (handles.size() >= MAX_POINTS_PER_DECODER) {
                                errors.count(TOO_MANY_POINTS, m.topic(), decoder.name() + " already feeds "
                                        + MAX_POINTS_PER_DECODER + " points; " + p.id() + " is left out");
                                continue;
                            }
                            h = handles.computeIfAbsent(p.id(), id -> register(id, p.unit()));
                            if (h == null) {
                                errors.count(DecodeErrors.POINT_LIMIT, m.topic(), decoder.name() + ": the point store is"
                                        + " full; " + p.id() + " is left out");
                                continue;
                            }
                        }
                        if (p.quality() == Quality.GOOD && Double.isFinite(p.value())) {
                            store.update(h, p.value(), p.time().toEpochMilli(), m.receivedMillis());
                        } else {
                            store.updateQuality(h, p.quality() == Quality.GOOD ? Quality.BAD : p.quality(), m.receivedMillis());
                        }
                    }
                    decoded.increment();
                }
            }
        }

        /**
         * A decoder's source has no death certificate, so as with a JSON mapping silence is the only sign of its loss:
         * its points get the default maximum age unless a {@link StaleRule} gave them one.
         */
        private PointHandle register(PointId id, String unit) {
            PointHandle h = store.register(id, unit);
            if (h != null && store.expectedPeriod(id).isEmpty()) {
                store.setExpectedPeriod(h, defaultMaxAge);
            }
            return h;
        }

        private synchronized void disable(String why) {
            if (disabled) {
                return;
            }
            disabled = true;
            queue.clear();
            thread.interrupt();
            log.warn("Decoder '{}' switched off: {}", decoder.name(), why);
            try {
                onDisabled.accept(decoder, why);
            } catch (RuntimeException e) {
                log.warn("Telling the owner of decoder '{}' failed", decoder.name(), e);
            }
        }
    }
}
