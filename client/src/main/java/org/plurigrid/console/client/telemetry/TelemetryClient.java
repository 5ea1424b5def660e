package org.plurigrid.console.client.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One broker connection: connects, subscribes, hands every message to a {@link MessageSink} on the MQTT callback
 * thread, and when the connection drops, reconnects with exponential backoff and jitter and subscribes again.
 * Every state change is published as a {@link ConnectionStatus}.
 *
 * <p>Reconnecting is done here rather than by Paho because Paho retries only after a first successful connect, has no
 * jitter, and does not tell us each attempt.
 */
public final class TelemetryClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelemetryClient.class);
    /** Doublings of the reconnect delay after which the maximum delay is used. */
    private static final int MAX_BACKOFF_STEPS = 20;
    private static final int SUBSCRIBE_QOS = 1;
    /** Sparkplug 3.0: STATE messages are QoS 1 and retained. */
    private static final int STATE_QOS = 1;

    private final BrokerConfig config;
    private final ScheduledExecutorService scheduler;
    private final MessageSink sink;
    private final LongAdder messages = new LongAdder();
    private final CopyOnWriteArrayList<Consumer<ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final MqttTransport transport;
    private final InstantSource clock;

    // guarded by this
    private ConnectionStatus status;
    private boolean started;
    private boolean closed;
    private boolean everConnected;
    private int failedAttempts;
    /** Why the connection last failed or dropped; kept in the CONNECTED detail so the operator sees the history. */
    private String lastError = "";
    private ScheduledFuture<?> pendingAttempt;
    /** Bumped on every connect attempt so that late callbacks of an abandoned attempt are ignored. */
    private long attempt;
    /** Timestamp of the STATE birth/Will of the current attempt (Sparkplug 3.0: both carry the same one). */
    private long stateTimestamp;

    /**
     * @param sinkFactory builds the consumer of this connection's messages; it receives a publisher for commands
     *                    (rebirth requests) that go out on this same connection
     */
    public TelemetryClient(BrokerConfig config, ScheduledExecutorService scheduler,
                           Function<CommandPublisher, MessageSink> sinkFactory) {
        this(config, scheduler, sinkFactory, InstantSource.system());
    }

    /** @param clock source of the Sparkplug STATE timestamps */
    public TelemetryClient(BrokerConfig config, ScheduledExecutorService scheduler,
                           Function<CommandPublisher, MessageSink> sinkFactory, InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sink = Objects.requireNonNull(sinkFactory.apply(this::publish), "sink");
        this.status = new ConnectionStatus(config.name(), config.serverUri().toString(), ConnectionState.DISCONNECTED,
                0, "not started", ConnectionStatus.warningFor(config));
        MqttTransport.Events events = new MqttTransport.Events() {
            @Override
            public void messageArrived(String topic, byte[] payload) {
                messages.increment();
                sink.onMessage(topic, payload);
            }

            @Override
            public void connectionLost(Throwable cause) {
                onConnectionLost(cause);
            }
        };
        MqttTransport t;
        try {
            t = config.version() == MqttVersion.V5 ? new PahoV5Transport(config, events)
                    : new PahoV3Transport(config, events);
        } catch (Exception | LinkageError e) {
            log.error("Cannot create the MQTT client for {}: {}", config.name(), e.getMessage());
            t = null;
            status = status(ConnectionState.FAILED, 0, "cannot create MQTT client: " + e.getMessage());
        }
        this.transport = t;
    }

    public BrokerConfig config() {
        return config;
    }

    public MessageSink sink() {
        return sink;
    }

    /** Messages received since start, over all reconnects. */
    public long messages() {
        return messages.sum();
    }

    public synchronized ConnectionStatus status() {
        return status;
    }

    /** Called on every state change, on whichever thread made it; must be quick. */
    public void addStatusListener(Consumer<ConnectionStatus> listener) {
        statusListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        synchronized (this) {
            if (started || closed || transport == null) {
                return;
            }
            started = true;
        }
        transition(ConnectionState.CONNECTING, "connecting to " + config.serverUri());
        connectNow();
    }

    /** Publishes at QoS 0 from the scheduler thread, so the caller (often the MQTT callback thread) never waits. */
    public void publish(String topic, byte[] payload) {
        try {
            scheduler.execute(() -> {
                try {
                    if (transport != null) {
                        transport.publish(topic, payload, 0, false);
                    }
                } catch (Exception e) {
                    log.warn("Publish to {} on {} failed: {}", topic, config.name(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Publish to {} dropped: shutting down", topic);
        }
    }

    /** The Sparkplug 3.0 host application STATE topic of this connection, e.g. {@code spBv1.0/STATE/console-1}. */
    public static String stateTopic(String hostId) {
        return SparkplugDecoder.NAMESPACE + "/STATE/" + hostId;
    }

    /** The Sparkplug 3.0 STATE payload: {@code {"online":true,"timestamp":1700000000000}}. */
    public static byte[] statePayload(boolean online, long timestamp) {
        return ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}").getBytes(StandardCharsets.UTF_8);
    }

    private void connectNow() {
        long myAttempt;
        MqttTransport.Will will = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            pendingAttempt = null;
            myAttempt = ++attempt;
            if (config.isSparkplugHost()) {
                stateTimestamp = clock.millis();
                will = new MqttTransport.Will(stateTopic(config.hostId()), statePayload(false, stateTimestamp),
                        STATE_QOS, true);
            }
        }
        transport.connect(will,
                () -> transport.subscribe(config.topicFilters(), SUBSCRIBE_QOS,
                        () -> onSubscribed(myAttempt),
                        e -> onAttemptFailed(myAttempt, "subscribe failed: " + MqttTransport.describe(e), false)),
                e -> onAttemptFailed(myAttempt, MqttTransport.describe(e), MqttTransport.isCertificateFailure(e)));
    }

    private void onSubscribed(long myAttempt) {
        ConnectionStatus s;
        synchronized (this) {
            if (closed || myAttempt != attempt) {
                return;
            }
            if (config.isSparkplugHost()) {
                // Births after subscribing: edge nodes that wait for us online then find us listening.
                publishState(true);
            }
            int reconnects = status.reconnects() + (everConnected ? 1 : 0);
            everConnected = true;
            failedAttempts = 0;
            s = status = status(ConnectionState.CONNECTED, reconnects, "subscribed to "
                    + String.join(", ", config.topicFilters())
                    + (lastError.isEmpty() ? "" : " (last error: " + lastError + ")"));
        }
        log.info("{}: connected to {} ({})", config.name(), config.serverUri(), config.version());
        notifyStatus(s);
    }

    private void onAttemptFailed(long myAttempt, String why, boolean certificate) {
        synchronized (this) {
            if (closed || myAttempt != attempt) {
                return;
            }
            if (certificate) {
                // Retrying sooner cannot fix a certificate: wait the longest delay between attempts.
                failedAttempts = Math.max(failedAttempts, MAX_BACKOFF_STEPS);
            }
        }
        if (certificate) {
            log.error("{}: the broker {} was refused: its TLS certificate did not pass the checks: {}", config.name(),
                    config.serverUri(), why);
            scheduleRetry("TLS certificate refused: " + why);
            return;
        }
        log.info("{}: connection attempt to {} failed: {}", config.name(), config.serverUri(), why);
        scheduleRetry(why);
    }

    private void onConnectionLost(Throwable cause) {
        String why = MqttTransport.describe(cause);
        synchronized (this) {
            if (closed) {
                return;
            }
            attempt++; // any callback still pending from the old session is stale now
        }
        log.warn("{}: connection to {} lost: {}", config.name(), config.serverUri(), why);
        try {
            sink.onConnectionLost();
        } catch (RuntimeException e) {
            log.warn("{}: sink failed on connection loss", config.name(), e);
        }
        scheduleRetry("connection lost: " + why);
    }

    // guarded by this (reads stateTimestamp)
    private void publishState(boolean online) {
        try {
            transport.publish(stateTopic(config.hostId()), statePayload(online, stateTimestamp), STATE_QOS, true);
        } catch (Exception e) {
            log.warn("{}: cannot publish Sparkplug STATE {}: {}", config.name(), online ? "online" : "offline",
                    e.getMessage());
        }
    }

    private void scheduleRetry(String why) {
        ConnectionStatus s;
        synchronized (this) {
            if (closed || pendingAttempt != null) {
                return;
            }
            lastError = why;
            long delay = backoffMillis(failedAttempts++);
            ConnectionState state = everConnected ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING;
            s = status = status(state, status.reconnects(),
                    why + "; retrying in " + String.format(java.util.Locale.ROOT, "%.1f s", delay / 1000.0));
            try {
                pendingAttempt = scheduler.schedule(this::connectNow, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                return;
            }
        }
        notifyStatus(s);
    }

    /** Exponential backoff from the configured first delay to the maximum, with ±20 % jitter to spread a fleet. */
    private long backoffMillis(int failures) {
        long first = config.reconnectDelay().toMillis();
        long max = config.maxReconnectDelay().toMillis();
        long base = failures >= MAX_BACKOFF_STEPS ? max : Math.min(max, first << failures);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(1, Math.round(base * jitter));
    }

    @Override
    public void close() {
        ScheduledFuture<?> pending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            attempt++;
            pending = pendingAttempt;
            pendingAttempt = null;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        if (transport != null) {
            if (config.isSparkplugHost() && transport.isConnected()) {
                // A clean goodbye: the broker drops the Will on DISCONNECT, so say offline ourselves.
                synchronized (this) {
                    publishState(false);
                }
            }
            transport.close();
        }
        transition(ConnectionState.DISCONNECTED, "closed");
    }

    private void transition(ConnectionState state, String detail) {
        ConnectionStatus s;
        synchronized (this) {
            s = status = status(state, status.reconnects(), detail);
        }
        notifyStatus(s);
    }

    private ConnectionStatus status(ConnectionState state, int reconnects, String detail) {
        return new ConnectionStatus(config.name(), config.serverUri().toString(), state, reconnects, detail,
                ConnectionStatus.warningFor(config));
    }

    private void notifyStatus(ConnectionStatus s) {
        for (Consumer<ConnectionStatus> l : statusListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                log.warn("Status listener failed", e);
            }
        }
    }
}
