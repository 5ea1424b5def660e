package org.plurigrid.console.client.telemetry;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * The live telemetry pipeline the app wires: one {@link TelemetryClient} and {@link SparkplugDecoder} per broker,
 * all writing into one {@link PointStore}; a ticker that marks silent points STALE and measures the message rate;
 * and the {@link TelemetryFeed} the screen drains once per frame.
 */
public final class TelemetryService implements AutoCloseable {

    /** Maximum age of JSON-mapped and plugin-decoded points that set none (Sparkplug B points do not age unless configured). */
    public static final Duration DEFAULT_STALE_PERIOD = Duration.ofSeconds(15);
    private static final long TICK_MS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(TelemetryService.class);

    private final InstantSource clock;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final PointStore store;
    private final AreaTotals areaTotals = new AreaTotals();
    private final DecodeErrors errors;
    private final RateMeter rate = new RateMeter();
    private final List<TelemetryClient> clients = new ArrayList<>();
    private final List<SparkplugDecoder> decoders = new ArrayList<>();
    private final List<DecodeQueue> queues = new ArrayList<>();
    /** The longest one call of a {@link TopicDecoder} may take before it is switched off. */
    public static final java.time.Duration TOPIC_DECODER_LIMIT = java.time.Duration.ofSeconds(1);
    private final ExternalDecoders external;
    private final TelemetryFeed feed = new LiveFeed();
    private ScheduledFuture<?> ticker;
    private boolean started;
    private boolean closed;

    /** With the default stale period and a scheduler of its own (shut down by {@link #close()}). */
    public TelemetryService(List<BrokerConfig> brokers, InstantSource clock) {
        this(brokers, clock, null, DEFAULT_STALE_PERIOD);
    }

    /**
     * @param scheduler   runs the stale sweep, the rate sampling, reconnect attempts and outgoing commands; when
     *                    {@code null} the service creates a single daemon thread and shuts it down on close
     * @param stalePeriod maximum age of JSON-mapped points that set none
     */
    public TelemetryService(List<BrokerConfig> brokers, InstantSource clock, ScheduledExecutorService scheduler,
                            Duration stalePeriod) {
        this(brokers, clock, scheduler, TelemetrySettings.DEFAULTS.withStalePeriod(stalePeriod));
    }

    /**
     * @param scheduler as above; {@code null} = own daemon thread
     * @param settings  maximum ages (default and by point pattern), rebirth policy, resource limits
     */
    public TelemetryService(List<BrokerConfig> brokers, InstantSource clock, ScheduledExecutorService scheduler,
                            TelemetrySettings settings) {
        this(brokers, clock, scheduler, settings, List.of(), (d, why) -> { });
    }

    /**
     * @param topicDecoders     decoders of the topics that are not Sparkplug (the JSON mapping's and other plugins'):
     *                          every broker also subscribes to their filters; each runs on a thread of its own, see
     *                          {@link ExternalDecoders}. Without any, non-Sparkplug topics are counted as unmapped
     * @param onDecoderDisabled told when one of them is switched off, and why
     */
    public TelemetryService(List<BrokerConfig> brokers, InstantSource clock, ScheduledExecutorService scheduler,
                            TelemetrySettings settings, List<TopicDecoder> topicDecoders,
                            java.util.function.BiConsumer<TopicDecoder, String> onDecoderDisabled) {
        Objects.requireNonNull(brokers, "brokers");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        this.store = new PointStore(settings.staleRules(), settings.limits().maxPoints());
        store.addListener(areaTotals);
        this.ownsScheduler = scheduler == null;
        this.scheduler = scheduler != null ? scheduler : Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("telemetry-scheduler"));
        this.errors = new DecodeErrors(clock);
        this.external = new ExternalDecoders(topicDecoders, store, errors, clock, TOPIC_DECODER_LIMIT, onDecoderDisabled,
                settings.stalePeriod());
        for (BrokerConfig config : withDecoderFilters(brokers, topicDecoders)) {
            TelemetryClient client = new TelemetryClient(config, this.scheduler, commands -> {
                SparkplugDecoder decoder = new SparkplugDecoder(store, errors, clock, commands, settings.rebirth(),
                        settings.limits());
                decoders.add(decoder);
                DecodeQueue queue = new DecodeQueue(new TopicRouter(decoder, external.port(config.name()), errors),
                        errors, settings.limits(),
                        "telemetry-decode-" + config.name());
                queues.add(queue);
                return queue;
            }, clock);
            clients.add(client);
        }
    }

    /** Connects every broker (in the background) and starts the stale sweep; returns at once. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        ticker = scheduler.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        queues.forEach(DecodeQueue::start);
        clients.forEach(TelemetryClient::start);
    }

    /** One ticker step: stale sweep and message-rate sample. Public so tests and replay can drive it by hand. */
    public void tick() {
        try {
            store.markStale(clock);
            rate.sample(messages(), clock.millis());
        } catch (RuntimeException e) {
            log.warn("Telemetry tick failed", e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (ticker != null) {
                ticker.cancel(false);
            }
        }
        clients.forEach(TelemetryClient::close);
        queues.forEach(DecodeQueue::close);
        external.close();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    /**
     * Each broker's subscriptions plus the decoders' filters they do not cover yet (covering ones bring duplicates).
     * A filter whose first level is a wildcard is not added: it would also subscribe to Sparkplug topics and deliver
     * them twice (the operator subscribes to such topics with filters of their own; the decoder still reads them).
     */
    private static List<BrokerConfig> withDecoderFilters(List<BrokerConfig> brokers, List<TopicDecoder> topicDecoders) {
        if (topicDecoders.isEmpty()) {
            return brokers;
        }
        List<BrokerConfig> out = new ArrayList<>();
        for (BrokerConfig b : brokers) {
            List<String> filters = new ArrayList<>(b.topicFilters());
            for (TopicDecoder d : topicDecoders) {
                for (TopicFilter f : d.filters()) {
                    if (f.filter().startsWith("+") || f.filter().startsWith("#")) {
                        log.warn("Decoder '{}' reads {}, which would also subscribe to Sparkplug topics; not subscribed"
                                + " on {}: add a subscription for those topics to the broker", d.name(), f, b.name());
                        continue;
                    }
                    if (filters.stream().map(TopicFilter::parse).noneMatch(have -> have.covers(f))) {
                        filters.add(f.toString());
                    }
                }
            }
            out.add(b.withTopicFilters(filters));
        }
        return out;
    }

    /** What the screen drains once per frame. */
    public TelemetryFeed feed() {
        return feed;
    }

    public PointStore store() {
        return store;
    }

    /** The broker connections, in configuration order (e.g. to add status listeners). */
    public List<TelemetryClient> clients() {
        return List.copyOf(clients);
    }

    public List<ConnectionStatus> connections() {
        List<ConnectionStatus> out = new ArrayList<>(clients.size());
        for (TelemetryClient c : clients) {
            out.add(c.status());
        }
        return out;
    }

    /**
     * Called for every decoded measurement and every quality change, before coalescing, on the MQTT thread (or the
     * scheduler thread for STALE): the alarm engine and the recorder hook here. Must be quick and must not block.
     */
    public void addListener(Consumer<Measurement> listener) {
        store.addListener(listener);
    }

    public void removeListener(Consumer<Measurement> listener) {
        store.removeListener(listener);
    }

    public TelemetryStats stats() {
        return new TelemetryStats(messages(), store.size(), errors.snapshot(), rate.perSecond(), liveNodes(),
                store.notGoodCount());
    }

    /**
     * Cheap enough to call every frame: it walks only the device ActivePower points and the areas' figures. Load and
     * generation are the sums of the areas' EMS figures when any is known (so the Overview equals the sum of the areas),
     * else of the devices.
     */
    public SupergridSummary summary() {
        return store.powerTotals().summary(areaTotals.totals(), liveNodes(), store.size(), rate.perSecond(),
                errors.total());
    }

    /** Every point's current state (e.g. to refill the screen after a replay). */
    public List<Measurement> snapshot() {
        return store.snapshot();
    }

    /** Rejected messages by reason, shared by all brokers. */
    public DecodeErrors decodeErrors() {
        return errors;
    }

    /** Rebirth requests published over all connections since start. */
    public long rebirthRequests() {
        long sum = 0;
        for (SparkplugDecoder d : decoders) {
            sum += d.rebirthsSent();
        }
        return sum;
    }

    /** Messages received but not decoded yet, over all connections. */
    public int pendingMessages() {
        int sum = 0;
        for (DecodeQueue q : queues) {
            sum += q.pending();
        }
        return sum;
    }

    private long messages() {
        long sum = 0;
        for (TelemetryClient c : clients) {
            sum += c.messages();
        }
        return sum;
    }

    private int liveNodes() {
        int sum = 0;
        for (SparkplugDecoder d : decoders) {
            sum += d.liveNodes();
        }
        return sum;
    }

    private final class LiveFeed implements TelemetryFeed {
        @Override
        public ChangeSet drainChanges() {
            return new ChangeSet(store.drainChanges(), stats());
        }

        @Override
        public List<ConnectionStatus> connections() {
            return TelemetryService.this.connections();
        }
    }
}
