package org.plurigrid.console.client.telemetry;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
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
 * <p>Payloads are parsed with Tahu's protobuf model ({@link SparkplugBProto}) rather than converted to Tahu's
 * {@code SparkplugBPayload}: DATA messages may omit the datatype (it is known from the birth), and the conversion
 * allocates a builder, a {@code Date} and boxed values per metric, which matters at 50,000 messages/s.
 *
 * <p>Bad input is counted by reason in {@link DecodeErrors} and never thrown. Calls are serialized (the MQTT client
 * delivers them from one thread; the lock is uncontended).
 */
public final class SparkplugDecoder implements MessageSink {

    public static final String NAMESPACE = "spBv1.0";
    public static final String REBIRTH_METRIC = "Node Control/Rebirth";
    static final long REBIRTH_MIN_INTERVAL_MS = 5_000;
    private static final String PREFIX = NAMESPACE + "/";
    private static final int TOPIC_CACHE_LIMIT = 200_000;
    private static final Logger log = LoggerFactory.getLogger(SparkplugDecoder.class);

    // Sparkplug B metric datatypes (spec table 6.4.16)
    private static final int INT8 = 1, INT16 = 2, INT32 = 3, INT64 = 4, UINT8 = 5, UINT16 = 6, UINT32 = 7,
            UINT64 = 8, FLOAT = 9, DOUBLE = 10, BOOLEAN = 11;
    private static final int VALUE = 0, NULL_VALUE = 1, NOT_NUMERIC = 2;

    private final PointStore store;
    private final DecodeErrors errors;
    private final InstantSource clock;
    private final CommandPublisher commands;
    private final Map<String, Topic> topics = new HashMap<>();
    private final Map<String, NodeState> nodes = new HashMap<>();
    private final AtomicInteger liveNodes = new AtomicInteger();
    /** Scratch result of {@link #numeric}; the decoder is single-threaded. */
    private double scratch;

    public SparkplugDecoder(PointStore store, DecodeErrors errors, InstantSource clock, CommandPublisher commands) {
        this.store = store;
        this.errors = errors;
        this.clock = clock;
        this.commands = commands;
    }

    /** Edge nodes of this connection that are born and not dead. */
    public int liveNodes() {
        return liveNodes.get();
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
            SparkplugBProto.Payload p;
            try {
                p = SparkplugBProto.Payload.parseFrom(payload);
            } catch (InvalidProtocolBufferException e) {
                errors.count(DecodeErrors.NOT_PROTOBUF, topicName, e.getMessage());
                return;
            }
            long now = clock.millis();
            switch (topic.type) {
                case NBIRTH -> nodeBirth(topic, p, now);
                case NDEATH -> nodeDeath(topic, p, now);
                case DBIRTH -> deviceBirth(topic, p, now);
                case DDEATH -> deviceDeath(topic, p, now);
                case NDATA -> nodeData(topic, p, now);
                case DDATA -> deviceData(topic, p, now);
            }
        } catch (RuntimeException e) {
            // Never let an exception reach Paho: it would drop the connection.
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
        NodeState n = t.node;
        if (!n.born) {
            n.born = true;
            liveNodes.incrementAndGet();
        }
        n.bdSeq = -1;
        n.expectedSeq = p.hasSeq() ? (int) ((p.getSeq() + 1) & 0xFF) : 1;
        n.names.clear();
        n.aliases.clear();
        n.handles.clear();
        for (DeviceState d : n.devices.values()) {
            d.born = false; // DBIRTHs follow every NBIRTH
        }
        for (SparkplugBProto.Payload.Metric m : p.getMetricsList()) {
            if (!m.hasName()) {
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
            bindAndStore(PointId.nodeMetric(t.group, t.nodeId, name), m, n.names, n.aliases, n.handles, p, now);
        }
    }

    private void nodeDeath(Topic t, SparkplugBProto.Payload p, long now) {
        NodeState n = t.node;
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

    private void deviceBirth(Topic t, SparkplugBProto.Payload p, long now) {
        NodeState n = t.node;
        if (!bornOrRebirth(t, n, now)) {
            return;
        }
        checkSeq(t, n, p, now);
        DeviceState d = n.device(t.deviceId);
        d.born = true;
        d.names.clear();
        d.aliases.clear();
        d.handles.clear();
        for (SparkplugBProto.Payload.Metric m : p.getMetricsList()) {
            if (m.hasName()) {
                bindAndStore(new PointId(t.group, t.nodeId, t.deviceId, m.getName()), m, d.names, d.aliases,
                        d.handles, p, now);
            }
        }
    }

    private void deviceDeath(Topic t, SparkplugBProto.Payload p, long now) {
        NodeState n = t.node;
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

    private void nodeData(Topic t, SparkplugBProto.Payload p, long now) {
        NodeState n = t.node;
        if (!bornOrRebirth(t, n, now)) {
            return;
        }
        checkSeq(t, n, p, now);
        storeData(t, n.names, n.aliases, n.handles, p, now);
    }

    private void deviceData(Topic t, SparkplugBProto.Payload p, long now) {
        NodeState n = t.node;
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
        storeData(t, d.names, d.aliases, d.handles, p, now);
    }

    // --- helpers ---

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
            requestRebirth(t, n, now);
        }
        n.expectedSeq = (seq + 1) & 0xFF;
    }

    private void requestRebirth(Topic t, NodeState n, long now) {
        if (n.lastRebirthRequest != Long.MIN_VALUE && now - n.lastRebirthRequest < REBIRTH_MIN_INTERVAL_MS) {
            return; // one request is on its way; do not flood the node
        }
        n.lastRebirthRequest = now;
        String cmdTopic = PREFIX + t.group + "/NCMD/" + t.nodeId;
        try {
            commands.publish(cmdTopic, rebirthPayload(now));
            log.info("Requested rebirth of {}/{}", t.group, t.nodeId);
        } catch (RuntimeException e) {
            log.warn("Could not request rebirth of {}/{}: {}", t.group, t.nodeId, e.getMessage());
        }
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

    private void bindAndStore(PointId id, SparkplugBProto.Payload.Metric m, Map<String, Binding> names,
                              AliasTable<Binding> aliases, List<PointHandle> handles, SparkplugBProto.Payload p,
                              long now) {
        int type = m.getDatatype();
        int kind = numeric(m, type);
        if (kind == NOT_NUMERIC) {
            return; // strings, datasets, templates...: not shown as measurements
        }
        PointHandle h = store.register(id, unit(m));
        Binding b = new Binding(h, type);
        names.put(id.metric(), b);
        if (m.hasAlias()) {
            aliases.put(m.getAlias(), b);
        }
        handles.add(h);
        write(b.handle, kind, m, p, now);
    }

    private void storeData(Topic t, Map<String, Binding> names, AliasTable<Binding> aliases,
                           List<PointHandle> handles, SparkplugBProto.Payload p, long now) {
        boolean unknownAlias = false;
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
                b = names.get(m.getName());
                if (b == null) {
                    // Not announced in the birth, but named and typed: show it rather than drop it.
                    if (m.getDatatype() == 0 || numeric(m, m.getDatatype()) == NOT_NUMERIC) {
                        continue;
                    }
                    PointHandle h = store.register(
                            new PointId(t.group, t.nodeId, t.deviceId, m.getName()), unit(m));
                    b = new Binding(h, m.getDatatype());
                    names.put(m.getName(), b);
                    handles.add(h);
                }
            } else {
                unknownAlias = true;
                continue;
            }
            int type = m.getDatatype() != 0 ? m.getDatatype() : b.datatype;
            int kind = numeric(m, type);
            if (kind != NOT_NUMERIC) {
                write(b.handle, kind, m, p, now);
            }
        }
        if (unknownAlias) {
            errors.count(DecodeErrors.UNKNOWN_ALIAS, t.name, "metric alias not in the birth certificate");
        }
    }

    private void write(PointHandle h, int kind, SparkplugBProto.Payload.Metric m, SparkplugBProto.Payload p,
                       long now) {
        if (kind == NULL_VALUE) {
            store.updateQuality(h, Quality.BAD, now);
            return;
        }
        long time = m.hasTimestamp() ? m.getTimestamp() : p.hasTimestamp() ? p.getTimestamp() : now;
        store.update(h, scratch, time, now);
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
        NodeState node = nodes.computeIfAbsent(parts[1] + "/" + parts[3], k -> new NodeState());
        return new Topic(name, parts[1], type, parts[3], deviceMessage ? parts[4] : "", node);
    }

    enum MessageType { NBIRTH, NDEATH, DBIRTH, DDEATH, NDATA, DDATA, NCMD, DCMD }

    private record Topic(String name, String group, MessageType type, String nodeId, String deviceId, NodeState node) {
        static final Topic BAD = new Topic("", "", MessageType.NCMD, "", "", null);
        static final Topic IGNORED = new Topic("", "", MessageType.NCMD, "", "", null);
    }

    private record Binding(PointHandle handle, int datatype) {
    }

    private static final class NodeState {
        boolean born;
        long bdSeq = -1;
        int expectedSeq;
        long lastRebirthRequest = Long.MIN_VALUE;
        final Map<String, Binding> names = new HashMap<>();
        final AliasTable<Binding> aliases = new AliasTable<>();
        final List<PointHandle> handles = new ArrayList<>();
        final Map<String, DeviceState> devices = new HashMap<>();

        DeviceState device(String id) {
            return devices.computeIfAbsent(id, k -> new DeviceState());
        }
    }

    private static final class DeviceState {
        boolean born;
        final Map<String, Binding> names = new HashMap<>();
        final AliasTable<Binding> aliases = new AliasTable<>();
        final List<PointHandle> handles = new ArrayList<>();
    }
}
