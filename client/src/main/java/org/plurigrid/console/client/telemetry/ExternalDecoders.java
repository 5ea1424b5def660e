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
    /** Kinds of problem one decoder may count under its own names; more are counted as {@link #MALFORMED}. */
    static final int MAX_KINDS_PER_DECODER = 32;
    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int CLAIM_CACHE_LIMIT = 100_000;

    private static final Logger log = LoggerFactory.getLogger(ExternalDecoders.class);

    private final List<Lane> lanes;
    private final PointStore store;
    private final DecodeErrors errors;
    private final InstantSource clock;
    private final long limitNanos;
    private final BiConsumer<TopicDecoder, String> onDisabled;
    private final Duration defaultMaxAge;
    /** Topic → the lane that reads it, or empty when none does. */
    private final ConcurrentHashMap<String, java.util.Optional<Lane>> claims = new ConcurrentHashMap<>();

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
     * The entrance for one broker connection: its messages go to the decoders' queues, and its loss marks the points
     * last written through it COMMS_LOST once the messages it delivered before are decoded.
     */
    public Port port(String connection) {
        return new Port(Objects.requireNonNull(connection, "connection"));
    }

    /** One broker connection's entrance; see {@link #port}. */
    public final class Port {
        private final String connection;

        private Port(String connection) {
            this.connection = connection;
        }

        /**
         * Called on the connection's decode thread; never blocks. True if a decoder claims the topic (the message was
         * queued, or dropped and counted), false if none does.
         */
        public boolean offer(String topic, byte[] payload) {
            Lane lane = laneFor(topic);
            if (lane == null) {
                return false;
            }
            lane.offer(this, topic, payload);
            return true;
        }

        /** The connection was lost: each decoder's points last written through it become COMMS_LOST, in order. */
        public void connectionLost() {
            lanes.forEach(l -> l.lost(this));
        }

        @Override
        public String toString() {
            return connection;
        }
    }

    /** Called on a decode thread: the first decoder whose filters match, remembered per topic (bounded). */
    private Lane laneFor(String topic) {
        java.util.Optional<Lane> cached = claims.get(topic);
        if (cached != null) {
            return cached.orElse(null);
        }
        java.util.Optional<Lane> found = lanes.stream()
                .filter(lane -> lane.filters.stream().anyMatch(f -> f.matches(topic))).findFirst();
        if (claims.size() < CLAIM_CACHE_LIMIT) {
            claims.put(topic, found);
        }
        return found.orElse(null);
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

    /** A message, or (payload null) the loss of the port's connection. */
    private record Message(Port port, String topic, byte[] payload, long receivedMillis) {
    }

    private final class Lane {
        final TopicDecoder decoder;
        final List<TopicFilter> filters;
        final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        final Thread thread;
        final LongAdder decoded = new LongAdder();
        final ConcurrentHashMap<PointId, PointHandle> handles = new ConcurrentHashMap<>();
        /** Lane thread only: the connection each point was last written through. */
        final java.util.Map<PointHandle, Port> writtenVia = new java.util.HashMap<>();
        /** Lane thread only: the problem kinds counted under the decoder's own names. */
        final java.util.Set<String> kinds = new java.util.HashSet<>();
        volatile boolean disabled;
        /** System.nanoTime() when the running decode call started; 0 while idle. */
        volatile long callStarted;

        Lane(TopicDecoder decoder) {
            this.decoder = decoder;
            this.filters = List.copyOf(decoder.filters());
            this.thread = Thread.ofPlatform().daemon().name("decoder-" + decoder.name()).unstarted(this::run);
        }

        void start() {
            thread.start();
        }

        void offer(Port port, String topic, byte[] payload) {
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
            if (!queue.offer(new Message(port, topic, payload, clock.millis()))) {
                errors.count(OVERFLOW, topic, decoder.name() + " is " + QUEUE_CAPACITY + " messages behind");
            }
        }

        /**
         * Queued behind the messages the connection delivered before; if the queue is full those are dropped (counted)
         * to make room, as they would turn points GOOD after the loss anyway.
         */
        void lost(Port port) {
            if (disabled) {
                return;
            }
            Message marker = new Message(port, "", null, clock.millis());
            while (!queue.offer(marker)) {
                int dropped = queue.size();
                queue.clear();
                errors.count(OVERFLOW, "(" + port + ")", decoder.name() + ": " + dropped + " messages waiting when "
                        + port + " was lost were dropped");
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
                if (m.payload() == null) {
                    List<PointHandle> lost = new ArrayList<>();
                    writtenVia.forEach((h, via) -> {
                        if (via == m.port()) {
                            lost.add(h);
                        }
                    });
                    store.setQuality(lost, Quality.COMMS_LOST);
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
                case TopicDecoder.Decoded.Malformed bad -> errors.count(kind(bad.kind()), m.topic(),
                        decoder.name() + ": " + bad.reason());
                case TopicDecoder.Decoded.Points points -> {
                    for (TopicDecoder.Problem p : points.problems()) {
                        errors.count(kind(p.kind()), m.topic(), decoder.name() + ": " + p.detail());
                    }
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
                        writtenVia.put(h, m.port());
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
            if (h != null) {
                java.util.Optional<Duration> own;
                try {
                    own = decoder.expectedPeriod(id);
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    disable("it threw " + e.getClass().getSimpleName() + " when asked how often " + id
                            + " reports");
                    own = java.util.Optional.empty();
                }
                if (own != null && own.isPresent() && own.get().isPositive()) {
                    store.setExpectedPeriod(h, own.get());
                } else if (store.expectedPeriod(id).isEmpty()) {
                    store.setExpectedPeriod(h, defaultMaxAge);
                }
            }
            return h;
        }

        /** The counter for a kind the decoder named: its own while few and well-formed, else {@link #MALFORMED}. */
        private String kind(String kind) {
            if (kind.equals(MALFORMED) || !KIND.matcher(kind).matches()) {
                return MALFORMED;
            }
            if (kinds.contains(kind) || kinds.size() < MAX_KINDS_PER_DECODER && kinds.add(kind)) {
                return kind;
            }
            return MALFORMED;
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
