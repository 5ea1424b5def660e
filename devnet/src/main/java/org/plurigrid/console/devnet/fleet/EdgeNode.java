package org.plurigrid.console.devnet.fleet;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One substation gateway on MQTT: a Paho MQTT 5 client that registers the NDEATH as its Will, publishes births and
 * data for its {@link SparkplugNode}, answers Rebirth commands and reconnects (with a new {@code bdSeq}) when the link
 * drops. Everything that publishes runs on the fleet's single thread, so {@code seq} stays in publish order.
 */
public final class EdgeNode {

    private static final Logger log = LoggerFactory.getLogger(EdgeNode.class);
    private static final long OPERATION_TIMEOUT_MS = 10_000;
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final int DISCONNECT_WITH_WILL = 0x04;
    /**
     * Above this many unsent messages a node skips a step instead of queueing more: report by exception then sends
     * the latest values next time, so a slow broker costs resolution, not unbounded memory.
     */
    static final int MAX_UNSENT = 4096;
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final SparkplugNode sparkplug;
    private final String brokerUri;
    private final String clientId;
    private final InstantSource clock;
    private final ScheduledExecutorService publisher;
    private final AtomicBoolean reconnectPending = new AtomicBoolean();
    private final AtomicLong messagesPublished = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    /** Messages handed to Paho and not yet written to the socket (Paho confirms QoS 0 once written). */
    private final AtomicInteger unsent = new AtomicInteger();
    private final AtomicLong stepsSkipped = new AtomicLong();
    private volatile MqttAsyncClient client;
    private volatile boolean online;
    private volatile boolean closed;
    /** Sparkplug 3.0 primary host application whose STATE this node follows ("" = none). */
    private volatile String primaryHostId = "";
    /** Wall-clock ms of the last NBIRTH: a host that came online after it has not seen our births. */
    private volatile long lastBirthMillis;
    private Duration backoff = INITIAL_BACKOFF;

    EdgeNode(SparkplugNode sparkplug, String brokerUri, String clientId, InstantSource clock,
             ScheduledExecutorService publisher) {
        this.sparkplug = Objects.requireNonNull(sparkplug, "sparkplug");
        this.brokerUri = Objects.requireNonNull(brokerUri, "brokerUri");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * An edge node for any Sparkplug source (e.g. a grid EMS) outside the fleet. Everything that publishes for it
     * (and {@link #publishChanges()}) must run on {@code publisher}, a single thread.
     */
    public static EdgeNode create(SparkplugSource source, String brokerUri, String clientId, InstantSource clock,
                                  ScheduledExecutorService publisher) {
        return new EdgeNode(new SparkplugNode(source), brokerUri, clientId, clock, publisher);
    }

    /** Connects and publishes the births, waiting up to the operation timeout; call it off the publisher thread. */
    public void connect() throws MqttException {
        beginConnect().waitForCompletion(OPERATION_TIMEOUT_MS);
        try {
            publisher.submit(() -> {
                completeSession();
                return null;
            }).get(OPERATION_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting " + nodeId(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(nodeId() + " could not publish its births: " + e.getMessage(), e);
        }
    }

    public String groupId() {
        return sparkplug.groupId();
    }

    public String nodeId() {
        return sparkplug.nodeId();
    }

    /** The {@code bdSeq} of the current (or, while offline, the last) MQTT session. */
    public long bdSeq() {
        return sparkplug.bdSeq();
    }

    public boolean isOnline() {
        return online;
    }

    /** MQTT messages this node has handed to its client, births and deaths included. */
    public long messagesPublished() {
        return messagesPublished.get();
    }

    /** Messages handed to the MQTT client that it has not written to the network yet. */
    public int unsentMessages() {
        return unsent.get();
    }

    /** Steps this node skipped because the broker was not taking its messages fast enough. */
    public long stepsSkipped() {
        return stepsSkipped.get();
    }

    /** MQTT sessions this node has started: 1 after start, +1 for every reconnect. */
    public long sessions() {
        return sessions.get();
    }

    public Substation substation() {
        return sparkplug.substation();
    }

    /** Starts connecting with the current session's NDEATH as the Will; finish with {@link #completeSession}. */
    IMqttToken beginConnect() throws MqttException {
        return beginConnect(null);
    }

    private IMqttToken beginConnect(MqttActionListener listener) throws MqttException {
        if (client == null) {
            client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
            client.setCallback(new Callback());
        }
        SparkplugMessage death = sparkplug.death(clock.instant());
        MqttMessage will = new MqttMessage(sparkplug.encode(death), 1, false, new MqttProperties());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout((int) (OPERATION_TIMEOUT_MS / 1000));
        // Reconnecting is ours to do: every new session needs a new bdSeq in its Will, which Paho cannot change.
        options.setAutomaticReconnect(false);
        options.setWill(death.topic(), will);
        return client.connect(options, null, listener);
    }

    /** Subscribes to NCMD (before the NBIRTH, so no Rebirth request is missed), then publishes the births. */
    void completeSession() throws MqttException {
        client.subscribe(new MqttSubscription(sparkplug.ncmdTopic(), 1)).waitForCompletion(OPERATION_TIMEOUT_MS);
        if (sparkplug.substation() != null) {
            // DER controls: Sparkplug DCMDs are QoS 0.
            client.subscribe(new MqttSubscription(sparkplug.dcmdTopicFilter(), 0)).waitForCompletion(OPERATION_TIMEOUT_MS);
        }
        goOnline();
        subscribeToPrimaryHost();
    }

    /**
     * Follows a Sparkplug 3.0 primary host application: whenever its retained {@code spBv1.0/STATE/{hostId}} says
     * online with a timestamp at or after this node's last NBIRTH (the host connected after our births and missed
     * them), the node publishes its births again. Saves a console that joins a running fleet from seeing data before
     * births and asking every node for a Rebirth.
     */
    public void followPrimaryHost(String hostId) {
        Objects.requireNonNull(hostId, "hostId");
        if (hostId.contains("/") || hostId.contains("+") || hostId.contains("#")) {
            throw new IllegalArgumentException("A host id cannot contain '/', '+' or '#', got '" + hostId + "'");
        }
        primaryHostId = hostId;
        subscribeToPrimaryHost();
    }

    private String stateTopic() {
        return "spBv1.0/STATE/" + primaryHostId;
    }

    private void subscribeToPrimaryHost() {
        MqttAsyncClient c = client;
        if (primaryHostId.isEmpty() || c == null || !c.isConnected()) {
            return;
        }
        try {
            c.subscribe(new MqttSubscription(stateTopic(), 1));
        } catch (MqttException e) {
            log.debug("{} STATE subscription failed: {}", nodeId(), e.toString());
        }
    }

    /** Publishes what changed since the last message; called on every step, on the publisher thread. */
    public void publishChanges() {
        if (!online) {
            return;
        }
        if (unsent.get() > MAX_UNSENT) {
            stepsSkipped.incrementAndGet();
            return;
        }
        publishAll(sparkplug.changes(clock.instant()));
    }

    /** Publishes NBIRTH and all DBIRTHs again (seq restarts at 0, same bdSeq): the answer to a Rebirth command. */
    void rebirth() {
        if (online) {
            log.info("{} rebirth requested", nodeId());
            lastBirthMillis = System.currentTimeMillis();
            publishAll(sparkplug.births(clock.instant()));
        }
    }

    private void publishAll(List<SparkplugMessage> messages) {
        MqttAsyncClient c = client;
        try {
            for (SparkplugMessage m : messages) {
                unsent.incrementAndGet();
                c.publish(m.topic(), sparkplug.encode(m), 0, false);
                messagesPublished.incrementAndGet();
            }
        } catch (MqttException e) {
            log.debug("{} lost its broker while publishing: {}", nodeId(), e.getMessage());
            connectionLost();
        }
    }

    /**
     * Fault injection: drops the link as a crash would, asking the broker to publish the Will (the NDEATH). The node
     * comes back after {@code reconnectAfter} with the next {@code bdSeq}.
     */
    public void dropConnection(Duration reconnectAfter) {
        runOnPublisher(() -> {
            if (!online) {
                return;
            }
            online = false;
            try {
                client.disconnect(OPERATION_TIMEOUT_MS, null, null, DISCONNECT_WITH_WILL, new MqttProperties())
                        .waitForCompletion(OPERATION_TIMEOUT_MS);
            } catch (MqttException e) {
                log.debug("{} disconnect with Will", nodeId(), e);
            }
            scheduleReconnect(reconnectAfter);
        });
    }

    private void connectionLost() {
        online = false;
        if (!closed) {
            Duration delay = backoff;
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            scheduleReconnect(delay);
        }
    }

    private void scheduleReconnect(Duration delay) {
        if (closed || !reconnectPending.compareAndSet(false, true)) {
            return;
        }
        // Jitter keeps a whole fleet from reconnecting in lock step after a broker restart.
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, delay.toMillis() / 4 + 1));
        try {
            publisher.schedule(this::reconnect, delay.toMillis() + jitter, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            reconnectPending.set(false); // the fleet is shutting down
        }
    }

    private void runOnPublisher(Runnable task) {
        if (closed) {
            return;
        }
        try {
            publisher.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("{}: fleet stopped, dropped a task", nodeId());
        }
    }

    /** A new session without blocking the fleet thread: connect, subscribe, then births back on the fleet thread. */
    private void reconnect() {
        reconnectPending.set(false);
        if (closed || online) {
            return;
        }
        // Every CONNECT carries the next bdSeq in its Will, attempts that fail included (Sparkplug 3.0).
        sparkplug.nextSession();
        try {
            beginConnect(new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    subscribeThenBirth();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    log.debug("{} reconnect failed: {}", nodeId(), String.valueOf(cause));
                    runOnPublisher(EdgeNode.this::connectionLost);
                }
            });
        } catch (MqttException e) {
            log.debug("{} reconnect failed: {}", nodeId(), e.getMessage());
            connectionLost();
        }
    }

    private void subscribeThenBirth() {
        try {
            client.subscribe(sparkplug.ncmdTopic(), 1, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    runOnPublisher(EdgeNode.this::goOnline);
                    subscribeToPrimaryHost();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    log.debug("{} NCMD subscription failed: {}", nodeId(), String.valueOf(cause));
                    runOnPublisher(EdgeNode.this::connectionLost);
                }
            });
        } catch (MqttException e) {
            runOnPublisher(this::connectionLost);
        }
    }

    private void goOnline() {
        if (closed || online || !client.isConnected()) {
            return;
        }
        online = true;
        sessions.incrementAndGet();
        backoff = INITIAL_BACKOFF;
        unsent.set(0);
        lastBirthMillis = System.currentTimeMillis();
        publishAll(sparkplug.births(clock.instant()));
        log.debug("{} online at {}, bdSeq {}", nodeId(), brokerUri, sparkplug.bdSeq());
    }

    /** Graceful stop: publishes the NDEATH itself (a clean MQTT disconnect does not fire the Will), then disconnects. */
    public void close() {
        closed = true;
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (online && c.isConnected()) {
                online = false;
                SparkplugMessage death = sparkplug.death(clock.instant());
                c.publish(death.topic(), sparkplug.encode(death), 1, false).waitForCompletion(OPERATION_TIMEOUT_MS);
                messagesPublished.incrementAndGet();
                c.disconnect(OPERATION_TIMEOUT_MS).waitForCompletion(OPERATION_TIMEOUT_MS);
            }
        } catch (MqttException e) {
            log.debug("{} graceful stop", nodeId(), e);
        } finally {
            try {
                c.close(true);
            } catch (MqttException e) {
                log.debug("{} close", nodeId(), e);
            }
        }
    }

    /** A STATE message of the primary host: {@code {"online":true,"timestamp":…}} (Sparkplug 3.0). */
    private void hostState(byte[] payload) {
        try {
            com.fasterxml.jackson.databind.JsonNode state = STATE_JSON.readTree(payload);
            if (state.path("online").asBoolean(false) && state.path("timestamp").asLong(0) >= lastBirthMillis) {
                log.debug("{}: primary host {} came online after our births", nodeId(), primaryHostId);
                runOnPublisher(this::rebirth);
            }
        } catch (java.io.IOException e) {
            log.warn("{} ignored a malformed STATE from {}: {}", nodeId(), primaryHostId, e.toString());
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper STATE_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final class Callback implements MqttCallback {
        private final SparkplugBPayloadDecoder decoder = new SparkplugBPayloadDecoder();

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (online && !closed) {
                // Debug only: a broker restart drops every node at once; the fleet logs one summary line.
                log.debug("{} disconnected from {}: {}", nodeId(), brokerUri, response);
                runOnPublisher(EdgeNode.this::connectionLost);
            }
            online = false;
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.debug("{} MQTT error", nodeId(), exception);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (!primaryHostId.isEmpty() && topic.equals(stateTopic())) {
                hostState(message.getPayload());
                return;
            }
            int device = sparkplug.deviceOfDcmd(topic);
            if (device >= 0) {
                deviceCommand(device, message.getPayload());
                return;
            }
            if (!topic.equals(sparkplug.ncmdTopic())) {
                return;
            }
            try {
                SparkplugBPayload payload = decoder.buildFromByteArray(message.getPayload(), null);
                if (SparkplugNode.isRebirthRequest(payload)) {
                    runOnPublisher(EdgeNode.this::rebirth);
                }
            } catch (Exception e) {
                // A host sent something that is not Sparkplug B: ignore it, as a real gateway would.
                log.warn("{} ignored a malformed NCMD: {}", nodeId(), e.toString());
            }
        }

        /** A DCMD for one device: its metrics by name go to the device's DER control, which acknowledges in DDATA. */
        private void deviceCommand(int device, byte[] bytes) {
            DerControl control = sparkplug.control(device);
            try {
                SparkplugBPayload payload = decoder.buildFromByteArray(bytes, null);
                java.util.Map<String, Object> metrics = new java.util.HashMap<>();
                if (payload.getMetrics() != null) {
                    for (org.eclipse.tahu.message.model.Metric m : payload.getMetrics()) {
                        if (m != null && m.getName() != null && m.getValue() != null) {
                            metrics.put(m.getName(), m.getValue() instanceof java.util.Date d ? d.getTime() : m.getValue());
                        }
                    }
                }
                runOnPublisher(() -> {
                    control.command(metrics, clock.millis());
                    publishChanges();
                });
            } catch (Exception e) {
                log.warn("{} ignored a malformed DCMD: {}", nodeId(), e.toString());
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            unsent.decrementAndGet();
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
