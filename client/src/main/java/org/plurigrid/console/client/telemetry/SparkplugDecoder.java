package org.plurigrid.console.client.telemetry;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.protobuf.SparkplugBProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Sparkplug B host-side decoding for one broker connection: follows each edge node's births and deaths,
 * {@code bdSeq} and {@code seq}, resolves aliases and writes numeric and boolean metrics into the {@link PointStore}.
 *
 * <p>Quality follows the Sparkplug host rules (docs/telemetry-conventions.md, "Data quality"): a metric is GOOD while
 * its node (and device) is born and no sequence gap is unresolved; NDEATH/DDEATH and a lost connection make it
 * COMMS_LOST; a sequence gap makes the node's metrics STALE until its next NBIRTH. Silence alone never does: edge
 * nodes report by exception (maximum ages are the {@link PointStore}'s {@link StaleRule}s).
 *
 * <p>Only nodes seen born are followed ({@link TelemetryLimits#maxNodes()} at most); traffic from others is counted
 * ({@link DecodeErrors#UNKNOWN_NODE}) and answered with a rebirth request only as the {@link RebirthPolicy} allows,
 * under a global token bucket as well as a per-node interval, so spoofed traffic cannot make the console flood the
 * broker with commands. Births are bounded by {@link TelemetryLimits}; metrics a new birth no longer announces are
 * removed from the store.
 *
 * <p>Payloads are parsed with Tahu's protobuf model ({@link SparkplugBProto}) rather than converted to Tahu's
 * {@code SparkplugBPayload}: DATA messages may omit the datatype (it is known from the birth), and the conversion
 * allocates a builder, a {@code Date} and boxed values per metric, which matters at 50,000 messages/s.
 *
 * <p>Bad input is counted by reason in {@link DecodeErrors} and never thrown. Calls are serialized (one decoding
 * thread per connection; the lock is uncontended).
 */
public final class SparkplugDecoder implements MessageSink {

    public static final String NAMESPACE = "spBv1.0";
    public static final String REBIRTH_METRIC = "Node Control/Rebirth";
    /** One line per this period sums up the rebirth requests sent and held back. */
    static final long REBIRTH_LOG_INTERVAL_MS = 10_000;
    private static final String PREFIX = NAMESPACE + "/";
    private static final int TOPIC_CACHE_LIMIT = 100_000;
    /** Unknown nodes remembered for the per-node interval (only with an allow-list or {@link RebirthPolicy.Mode#ANY}). */
    private static final int ASKED_UNKNOWN_LIMIT = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SparkplugDecoder.class);

    // Sparkplug B metric datatypes (spec table 6.4.16)
    private static final int INT8 = 1, INT16 = 2, INT32 = 3, INT64 = 4, UINT8 = 5, UINT16 = 6, UINT32 = 7,
            UINT64 = 8, FLOAT = 9, DOUBLE = 10, BOOLEAN = 11;
    private static final int VALUE = 0, NULL_VALUE = 1, NOT_NUMERIC = 2;

    private final PointStore store;
    private final DecodeErrors errors;
    private final InstantSource clock;
    private final CommandPublisher commands;
    private final RebirthPolicy policy;
    private final TelemetryLimits limits;
    private final Map<String, Topic> topics = new HashMap<>();
    /** Nodes seen born on this connection, by {@code group/node}. */
    private final Map<String, NodeState> nodes = new HashMap<>();
    /** Last request time of nodes never seen born, oldest first (bounded). */
    private final LinkedHashMap<String, Long> askedUnknown = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > ASKED_UNKNOWN_LIMIT;
        }
    };
    private final AtomicInteger liveNodes = new AtomicInteger();
    private final TokenBucket rebirthBudget;
    private final java.util.concurrent.atomic.AtomicLong rebirthsSent = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong rebirthsHeldBack = new java.util.concurrent.atomic.AtomicLong();
    private long rebirthLogAt = Long.MIN_VALUE;
    private long sentSinceLog;
    private long heldBackSinceLog;
    private String lastAsked = "";
    /** Scratch result of {@link #numeric}; the decoder is single-threaded. */
    private double scratch;

    /** With the default {@link RebirthPolicy} and {@link TelemetryLimits}. */
    public SparkplugDecoder(PointStore store, DecodeErrors errors, InstantSource clock, CommandPublisher commands) {
        this(store, errors, clock, commands, RebirthPolicy.DEFAULTS, TelemetryLimits.DEFAULTS);
    }

    public SparkplugDecoder(PointStore store, DecodeErrors errors, InstantSource clock, CommandPublisher commands,
                            RebirthPolicy policy, TelemetryLimits limits) {
        this.store = store;
        this.errors = errors;
        this.clock = clock;
        this.commands = commands;
        this.policy = policy;
        this.limits = limits;
        this.rebirthBudget = new TokenBucket(policy.perSecond(), policy.burst());
    }

    /** Edge nodes of this connection that are born and not dead. */
    public int liveNodes() {
        return liveNodes.get();
    }

    /** Edge nodes followed (seen born at least once, dead or alive). */
    public synchronized int knownNodes() {
        return nodes.size();
    }

    /** Rebirth requests published since start. */
    public long rebirthsSent() {
        return rebirthsSent.get();
    }

    /** Rebirth requests the policy allowed but the global budget held back. */
    public long rebirthsHeldBack() {
        return rebirthsHeldBack.get();
    }

    @Override
    public synchronized void onMessage(String topicName, byte[] payload) {
        if (!topicName.startsWith(PREFIX)) {
            return; // not Sparkplug: other decoders (JSON mapping) may handle it
        }
        try {
            Topic topic = topic(topicName);
            if (topic == null) {
                return; // STATE and commands: not telemetry
            }
            if (topic == Topic.BAD) {
                errors.count(DecodeErrors.BAD_TOPIC, topicName, "expected spBv1.0/{group}/{type}/{node}[/{device}]");
                return;
            }
            if (payload == null || payload.length == 0) {
                errors.count(DecodeErrors.NOT_PROTOBUF, topicName, "empty payload");
                return;
            }
            if (payload.length > limits.maxPayloadBytes()) {
                errors.count(DecodeErrors.PAYLOAD_TOO_LARGE, topicName, payload.length + " bytes, limit "
                        + limits.maxPayloadBytes());
                return;
            }
            SparkplugBProto.Payload p;
            try {
                p = SparkplugBProto.Payload.parseFrom(payload);
            } catch (InvalidProtocolBufferException e) {
                errors.count(DecodeErrors.NOT_PROTOBUF, topicName, e.getMessage());
                return;
            }
            long now = clock.millis();
            if (topic.type == MessageType.NBIRTH) {
                nodeBirth(topic, p, now);
                return;
            }
            NodeState n = nodes.get(topic.nodeKey);
            if (n == null) {
                unknownNode(topic, now);
                return;
            }
            switch (topic.type) {
                case NDEATH -> nodeDeath(topic, n, p);
                case DBIRTH -> deviceBirth(topic, n, p, now);
                case DDEATH -> deviceDeath(topic, n, p, now);
                case NDATA -> nodeData(topic, n, p, now);
                case DDATA -> deviceData(topic, n, p, now);
                default -> { }
            }
        } catch (RuntimeException e) {
            // Never let an exception reach the MQTT client: it would drop the connection.
            errors.count(DecodeErrors.DECODE_FAILED, topicName, e);
        }
    }

    @Override
    public synchronized void onConnectionLost() {
        for (NodeState n : nodes.values()) {
            if (n.born) {
                n.born = false;
                liveNodes.decrementAndGet();
            }
            store.setQuality(n.handles, Quality.COMMS_LOST);
            for (DeviceState d : n.devices.values()) {
                d.born = false;
                store.setQuality(d.handles, Quality.COMMS_LOST);
            }
        }
    }

    // --- message types ---

    private void nodeBirth(Topic t, SparkplugBProto.Payload p, long now) {
        if (p.getMetricsCount() > limits.maxMetricsPerBirth()) {
            errors.count(DecodeErrors.BIRTH_TOO_LARGE, t.name, p.getMetricsCount() + " metrics, limit "
                    + limits.maxMetricsPerBirth());
            return;
        }
        NodeState n = nodes.get(t.nodeKey);
        if (n == null) {
            if (nodes.size() >= limits.maxNodes()) {
                errors.count(DecodeErrors.NODE_LIMIT, t.name, "already following " + nodes.size() + " edge nodes");
                return;
            }
            n = new NodeState();
            nodes.put(t.nodeKey, n);
        }
        if (!n.born) {
            n.born = true;
            liveNodes.incrementAndGet();
        }
        n.bdSeq = -1;
        n.gap = false;
        n.expectedSeq = p.hasSeq() ? (int) ((p.getSeq() + 1) & 0xFF) : 1;
        List<PointHandle> previous = new ArrayList<>(n.handles);
        n.names.clear();
        n.aliases.clear();
        n.handles.clear();
        for (DeviceState d : n.devices.values()) {
            d.born = false; // DBIRTHs follow every NBIRTH
        }
        boolean refused = false;
        for (SparkplugBProto.Payload.Metric m : p.getMetricsList()) {
            if (!m.hasName()) {
                continue;
            }
            if (emptyName(m, t)) {
                continue;
            }
            String name = m.getName();
            if ("bdSeq".equals(name)) {
                n.bdSeq = numeric(m, m.getDatatype()) == VALUE ? (long) scratch : -1;
                continue;
            }
            if (name.startsWith("Node Control/") || name.startsWith("Properties/")) {
                continue; // writable controls and static node properties are not telemetry
            }
            refused |= !bindAndStore(PointId.nodeMetric(t.group, t.nodeId, name), m, n, n.names, n.aliases,
                    n.handles, p, now);
        }
        if (refused) {
            errors.count(DecodeErrors.POINT_LIMIT, t.name, "metrics beyond the node's or the store's limit ignored");
        }
        forgetReplaced(previous, n.handles);
    }

    /** A name that is there but empty names no point (fuzzing finding: it threw in PointId): counted, ignored. */
    private boolean emptyName(SparkplugBProto.Payload.Metric m, Topic t) {
        if (!m.getName().isEmpty()) {
            return false;
        }
        errors.count(DecodeErrors.EMPTY_METRIC_NAME, t.name, "a metric with an empty name ignored");
        return true;
    }

    private void nodeDeath(Topic t, NodeState n, SparkplugBProto.Payload p) {
        if (!n.born) {
            return;
        }
        long deathBdSeq = -1;
        for (SparkplugBProto.Payload.Metric m : p.getMetricsList()) {
            if ("bdSeq".equals(m.getName()) && numeric(m, m.getDatatype()) == VALUE) {
                deathBdSeq = (long) scratch;
            }
        }
        if (n.bdSeq >= 0 && deathBdSeq >= 0 && deathBdSeq != n.bdSeq) {
            // The Will of an earlier session, delivered late: the current session is alive.
            log.debug("Ignoring NDEATH of {}/{} with bdSeq {} (current session has {})", t.group, t.nodeId,
                    deathBdSeq, n.bdSeq);
            return;
        }
        n.born = false;
        liveNodes.decrementAndGet();
        store.setQuality(n.handles, Quality.COMMS_LOST);
        for (DeviceState d : n.devices.values()) {
            d.born = false;
            store.setQuality(d.handles, Quality.COMMS_LOST);
        }
    }

    private void deviceBirth(Topic t, NodeState n, SparkplugBProto.Payload p, long now) {
        if (!bornOrRebirth(t, n, now)) {
            return;
        }
        checkSeq(t, n, p, now);
        if (p.getMetricsCount() > limits.maxMetricsPerBirth()) {
            errors.count(DecodeErrors.BIRTH_TOO_LARGE, t.name, p.getMetricsCount() + " metrics, limit "
                    + limits.maxMetricsPerBirth());
            return;
        }
        DeviceState d = n.devices.get(t.deviceId);
        if (d == null) {
            d = new DeviceState();
            n.devices.put(t.deviceId, d);
        }
        d.born = true;
        List<PointHandle> previous = new ArrayList<>(d.handles);
        n.devicePoints -= d.handles.size();
        d.names.clear();
        d.aliases.clear();
        d.handles.clear();
        boolean refused = false;
        for (SparkplugBProto.Payload.Metric m : p.getMetricsList()) {
            if (m.hasName() && !emptyName(m, t)) {
                refused |= !bindAndStore(new PointId(t.group, t.nodeId, t.deviceId, m.getName()), m, n, d.names,
                        d.aliases, d.handles, p, now);
            }
        }
        n.devicePoints += d.handles.size();
        if (refused) {
            errors.count(DecodeErrors.POINT_LIMIT, t.name, "metrics beyond the node's or the store's limit ignored");
        }
        forgetReplaced(previous, d.handles);
    }

    private void deviceDeath(Topic t, NodeState n, SparkplugBProto.Payload p, long now) {
        if (!bornOrRebirth(t, n, now)) {
            return;
        }
        checkSeq(t, n, p, now);
        DeviceState d = n.devices.get(t.deviceId);
        if (d != null) {
            d.born = false;
            store.setQuality(d.handles, Quality.COMMS_LOST);
        }
    }

    private void nodeData(Topic t, NodeState n, SparkplugBProto.Payload p, long now) {
        if (!bornOrRebirth(t, n, now)) {
            return;
        }
        checkSeq(t, n, p, now);
        storeData(t, n, n.names, n.aliases, n.handles, p, now, false);
    }

    private void deviceData(Topic t, NodeState n, SparkplugBProto.Payload p, long now) {
        if (!bornOrRebirth(t, n, now)) {
            return;
        }
        DeviceState d = n.devices.get(t.deviceId);
        if (d == null || !d.born) {
            errors.count(DecodeErrors.NO_BIRTH, t.name, "DDATA before DBIRTH");
            checkSeq(t, n, p, now);
            requestRebirth(t, n, now);
            return;
        }
        checkSeq(t, n, p, now);
        storeData(t, n, d.names, d.aliases, d.handles, p, now, true);
    }

    // --- helpers ---

    /** Traffic from a node this connection never saw born: counted; asked for a birth only if the policy says so. */
    private void unknownNode(Topic t, long now) {
        errors.count(DecodeErrors.UNKNOWN_NODE, t.name, t.type + " from an edge node never seen born");
        if (t.type == MessageType.NDEATH || t.type == MessageType.DDEATH || !policy.mayAskUnknown(t.group, t.nodeId)) {
            return;
        }
        Long last = askedUnknown.get(t.nodeKey);
        if (last != null && now - last < policy.perNode().toMillis()) {
            return;
        }
        if (sendRebirth(t, now)) {
            askedUnknown.put(t.nodeKey, now);
        }
    }

    private boolean bornOrRebirth(Topic t, NodeState n, long now) {
        if (n.born) {
            return true;
        }
        errors.count(DecodeErrors.NO_BIRTH, t.name, t.type + " before NBIRTH");
        requestRebirth(t, n, now);
        return false;
    }

    private void checkSeq(Topic t, NodeState n, SparkplugBProto.Payload p, long now) {
        if (!p.hasSeq()) {
            return;
        }
        int seq = (int) (p.getSeq() & 0xFF);
        if (seq != n.expectedSeq) {
            errors.count(DecodeErrors.SEQ_GAP, t.name, "expected seq " + n.expectedSeq + ", got " + seq);
            if (!n.gap) {
                // Messages were lost: every value of the node may be out of date until its next birth.
                n.gap = true;
                store.degrade(n.handles, Quality.STALE);
                for (DeviceState d : n.devices.values()) {
                    store.degrade(d.handles, Quality.STALE);
                }
            }
            requestRebirth(t, n, now);
        }
        n.expectedSeq = (seq + 1) & 0xFF;
    }

    /** A node seen born: asked unless passive, at most once per node interval, within the global budget. */
    private void requestRebirth(Topic t, NodeState n, long now) {
        if (policy.mode() == RebirthPolicy.Mode.PASSIVE) {
            return;
        }
        if (n.lastRebirthRequest != Long.MIN_VALUE && now - n.lastRebirthRequest < policy.perNode().toMillis()) {
            return; // one request is on its way; do not flood the node
        }
        if (sendRebirth(t, now)) {
            n.lastRebirthRequest = now;
        }
    }

    private boolean sendRebirth(Topic t, long now) {
        boolean sent = false;
        if (rebirthBudget.tryTake(now)) {
            try {
                commands.publish(PREFIX + t.group + "/NCMD/" + t.nodeId, rebirthPayload(now));
                rebirthsSent.incrementAndGet();
                sentSinceLog++;
                lastAsked = t.group + "/" + t.nodeId;
                sent = true;
            } catch (RuntimeException e) {
                log.warn("Could not request rebirth of {}/{}: {}", t.group, t.nodeId, e.getMessage());
            }
        } else {
            rebirthsHeldBack.incrementAndGet();
            heldBackSinceLog++;
        }
        logRebirths(now);
        return sent;
    }

    /** One line per period instead of one per request: a flood must not flood the log too. */
    private void logRebirths(long now) {
        if (rebirthLogAt != Long.MIN_VALUE && now - rebirthLogAt < REBIRTH_LOG_INTERVAL_MS) {
            return;
        }
        if (sentSinceLog == 1 && heldBackSinceLog == 0) {
            log.info("Requested rebirth of {}", lastAsked);
        } else if (sentSinceLog > 0 || heldBackSinceLog > 0) {
            log.info("Requested rebirth of {} edge nodes (last {}); {} more requests held back by the rate limit",
                    sentSinceLog, lastAsked, heldBackSinceLog);
        }
        rebirthLogAt = now;
        sentSinceLog = 0;
        heldBackSinceLog = 0;
    }

    static byte[] rebirthPayload(long now) {
        try {
            SparkplugBPayload payload = new SparkplugBPayload.SparkplugBPayloadBuilder()
                    .setTimestamp(new Date(now))
                    .addMetric(new Metric.MetricBuilder(REBIRTH_METRIC, MetricDataType.Boolean, true).createMetric())
                    .createPayload();
            return new SparkplugBPayloadEncoder().getBytes(payload, false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode a rebirth request", e);
        }
    }

    /** Frees the points of an earlier birth that the new one no longer announces. */
    private void forgetReplaced(List<PointHandle> previous, List<PointHandle> current) {
        if (previous.isEmpty()) {
            return;
        }
        Set<PointHandle> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(current);
        List<PointHandle> gone = new ArrayList<>();
        for (PointHandle h : previous) {
            if (!kept.contains(h)) {
                gone.add(h);
            }
        }
        if (!gone.isEmpty()) {
            store.remove(gone);
        }
    }

    /** @return false when the point was refused by a limit */
    private boolean bindAndStore(PointId id, SparkplugBProto.Payload.Metric m, NodeState n,
                                 Map<String, Binding> names, AliasTable<Binding> aliases, List<PointHandle> handles,
                                 SparkplugBProto.Payload p, long now) {
        int type = m.getDatatype();
        int kind = numeric(m, type);
        if (kind == NOT_NUMERIC) {
            return true; // strings, datasets, templates...: not shown as measurements
        }
        Binding b = names.get(id.metric());
        if (b == null) {
            // During a DBIRTH the device's new points are in handles, not yet in devicePoints.
            int points = n.handles.size() + n.devicePoints + (handles == n.handles ? 0 : handles.size());
            if (points >= limits.maxPointsPerNode()) {
                return false;
            }
            PointHandle h = store.register(id, unit(m));
            if (h == null) {
                return false;
            }
            b = new Binding(h, type);
            names.put(id.metric(), b);
            handles.add(h);
        } // else: the same metric twice in one birth; the last value wins
        if (m.hasAlias()) {
            aliases.put(m.getAlias(), b);
        }
        write(b.handle, kind, m, p, now, n.gap);
        return true;
    }

    private void storeData(Topic t, NodeState n, Map<String, Binding> names, AliasTable<Binding> aliases,
                           List<PointHandle> handles, SparkplugBProto.Payload p, long now, boolean device) {
        boolean unknownAlias = false;
        boolean refused = false;
        for (SparkplugBProto.Payload.Metric m : p.getMetricsList()) {
            if (m.getIsHistorical()) {
                continue; // back-filled values belong to history, not to the live view
            }
            Binding b;
            if (m.hasAlias()) {
                b = aliases.get(m.getAlias());
                if (b == null && m.hasName()) {
                    b = names.get(m.getName());
                }
                if (b == null) {
                    unknownAlias = true;
                    continue;
                }
            } else if (m.hasName()) {
                if (emptyName(m, t)) {
                    continue;
                }
                b = names.get(m.getName());
                if (b == null) {
                    // Not announced in the birth, but named and typed: show it rather than drop it.
                    if (m.getDatatype() == 0 || numeric(m, m.getDatatype()) == NOT_NUMERIC) {
                        continue;
                    }
                    PointHandle h = n.handles.size() + n.devicePoints >= limits.maxPointsPerNode() ? null
                            : store.register(new PointId(t.group, t.nodeId, t.deviceId, m.getName()), unit(m));
                    if (h == null) {
                        refused = true;
                        continue;
                    }
                    b = new Binding(h, m.getDatatype());
                    names.put(m.getName(), b);
                    handles.add(h);
                    if (device) {
                        n.devicePoints++;
                    }
                }
            } else {
                unknownAlias = true;
                continue;
            }
            int type = m.getDatatype() != 0 ? m.getDatatype() : b.datatype;
            int kind = numeric(m, type);
            if (kind != NOT_NUMERIC) {
                write(b.handle, kind, m, p, now, n.gap);
            }
        }
        if (unknownAlias) {
            errors.count(DecodeErrors.UNKNOWN_ALIAS, t.name, "metric alias not in the birth certificate");
        }
        if (refused) {
            errors.count(DecodeErrors.POINT_LIMIT, t.name, "metrics beyond the node's or the store's limit ignored");
        }
    }

    private void write(PointHandle h, int kind, SparkplugBProto.Payload.Metric m, SparkplugBProto.Payload p,
                       long now, boolean gap) {
        if (kind == NULL_VALUE) {
            store.updateQuality(h, Quality.BAD, now);
            return;
        }
        long time = m.hasTimestamp() ? m.getTimestamp() : p.hasTimestamp() ? p.getTimestamp() : now;
        store.update(h, scratch, time, now, gap ? Quality.STALE : Quality.GOOD);
    }

    /** Reads a numeric or boolean metric into {@link #scratch}; booleans become 0/1. */
    private int numeric(SparkplugBProto.Payload.Metric m, int type) {
        if (m.getIsNull()) {
            return isNumericType(type) ? NULL_VALUE : NOT_NUMERIC;
        }
        switch (type) {
            case INT8 -> scratch = (byte) m.getIntValue();
            case INT16 -> scratch = (short) m.getIntValue();
            case INT32 -> scratch = m.getIntValue();
            case UINT8 -> scratch = m.getIntValue() & 0xFF;
            case UINT16 -> scratch = m.getIntValue() & 0xFFFF;
            case UINT32 -> scratch = m.hasLongValue() ? m.getLongValue() : Integer.toUnsignedLong(m.getIntValue());
            case INT64 -> scratch = m.getLongValue();
            case UINT64 -> {
                long v = m.getLongValue();
                scratch = v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            case FLOAT -> scratch = m.getFloatValue();
            case DOUBLE -> scratch = m.getDoubleValue();
            case BOOLEAN -> scratch = m.getBooleanValue() ? 1 : 0;
            default -> {
                return NOT_NUMERIC;
            }
        }
        return VALUE;
    }

    private static boolean isNumericType(int type) {
        return type >= INT8 && type <= BOOLEAN;
    }

    private static String unit(SparkplugBProto.Payload.Metric m) {
        if (!m.hasProperties()) {
            return "";
        }
        SparkplugBProto.Payload.PropertySet props = m.getProperties();
        for (int i = 0; i < props.getKeysCount() && i < props.getValuesCount(); i++) {
            if ("engUnit".equals(props.getKeys(i))) {
                SparkplugBProto.Payload.PropertyValue v = props.getValues(i);
                return v.hasStringValue() ? v.getStringValue() : "";
            }
        }
        return "";
    }

    /** Parses (and caches) a topic; {@code null} for Sparkplug topics that carry no telemetry. */
    private Topic topic(String name) {
        Topic t = topics.get(name);
        if (t != null) {
            return t == Topic.IGNORED ? null : t;
        }
        t = parse(name);
        if (topics.size() >= TOPIC_CACHE_LIMIT) {
            topics.clear(); // bounded: a flood of distinct bogus topics must not eat the heap
        }
        topics.put(name, t);
        return t == Topic.IGNORED ? null : t;
    }

    private Topic parse(String name) {
        String[] parts = name.split("/", -1);
        if (parts.length == 3 && "STATE".equals(parts[1])) {
            return Topic.IGNORED; // Sparkplug 3.0 host application state
        }
        if (parts.length < 4 || parts.length > 5) {
            return Topic.BAD;
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                return Topic.BAD;
            }
        }
        MessageType type;
        try {
            type = MessageType.valueOf(parts[2]);
        } catch (IllegalArgumentException e) {
            return Topic.BAD;
        }
        if (type == MessageType.NCMD || type == MessageType.DCMD) {
            return Topic.IGNORED;
        }
        boolean deviceMessage = type == MessageType.DBIRTH || type == MessageType.DDEATH || type == MessageType.DDATA;
        if (deviceMessage != (parts.length == 5)) {
            return Topic.BAD;
        }
        return new Topic(name, parts[1], type, parts[3], deviceMessage ? parts[4] : "", parts[1] + "/" + parts[3]);
    }

    enum MessageType { NBIRTH, NDEATH, DBIRTH, DDEATH, NDATA, DDATA, NCMD, DCMD }

    private record Topic(String name, String group, MessageType type, String nodeId, String deviceId, String nodeKey) {
        static final Topic BAD = new Topic("", "", MessageType.NCMD, "", "", null);
        static final Topic IGNORED = new Topic("", "", MessageType.NCMD, "", "", null);
    }

    private record Binding(PointHandle handle, int datatype) {
    }

    private static final class NodeState {
        boolean born;
        /** A sequence gap since the last NBIRTH: values may be out of date until the next one. */
        boolean gap;
        long bdSeq = -1;
        int expectedSeq;
        long lastRebirthRequest = Long.MIN_VALUE;
        /** Points of all devices of the node, for {@link TelemetryLimits#maxPointsPerNode()}. */
        int devicePoints;
        final Map<String, Binding> names = new HashMap<>();
        final AliasTable<Binding> aliases = new AliasTable<>();
        final List<PointHandle> handles = new ArrayList<>();
        final Map<String, DeviceState> devices = new HashMap<>();
    }

    /** Global budget of rebirth requests: {@code perSecond} refill, at most {@code burst} saved up. */
    private static final class TokenBucket {
        private final double perMilli;
        private final double capacity;
        private double tokens;
        private long last = Long.MIN_VALUE;

        TokenBucket(double perSecond, int burst) {
            this.perMilli = perSecond / 1000.0;
            this.capacity = burst;
            this.tokens = burst;
        }

        boolean tryTake(long now) {
            if (last != Long.MIN_VALUE && now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            }
            if (last == Long.MIN_VALUE || now > last) {
                last = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    private static final class DeviceState {
        boolean born;
        final Map<String, Binding> names = new HashMap<>();
        final AliasTable<Binding> aliases = new AliasTable<>();
        final List<PointHandle> handles = new ArrayList<>();
    }
}
