package org.plurigrid.console.devnet.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.PropertyDataType;
import org.eclipse.tahu.message.model.PropertySet;
import org.eclipse.tahu.message.model.PropertySet.PropertySetBuilder;
import org.eclipse.tahu.message.model.PropertyValue;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.message.model.SparkplugBPayload.SparkplugBPayloadBuilder;
import org.plurigrid.console.client.dr.DeviceControl;

/**
 * The Sparkplug B side of one edge node, without MQTT: turns a {@link SparkplugSource}'s state (a fleet
 * {@link Substation}, or a grid EMS) into NBIRTH/DBIRTH,
 * NDATA/DDATA and NDEATH payloads with the right {@code seq}, {@code bdSeq} and aliases.
 * <p>
 * Births carry every metric with name, alias, datatype and an {@code engUnit} property. Data messages carry only
 * metrics whose published value changed, by alias (no names), with their datatype so a host can decode them without
 * having seen the birth. Not thread-safe: one thread publishes for a node.
 */
public final class SparkplugNode {

    public static final String NAMESPACE = "spBv1.0";
    public static final String BD_SEQ = "bdSeq";
    public static final String REBIRTH = "Node Control/Rebirth";
    static final long BD_SEQ_ALIAS = 0;
    static final long REBIRTH_ALIAS = 1;
    /** Aliases of the substation metrics start here; device metrics follow in device order. */
    private static final long FIRST_NODE_METRIC_ALIAS = 2;

    private final String groupId;
    private final Substation substation;
    private final SparkplugSource source;
    private final SequenceNumber seq = new SequenceNumber();
    private final long[] deviceAliasBase;
    private final double[] publishedNode;
    private final double[][] publishedDevice;
    private final String nbirthTopic;
    private final String ndataTopic;
    private final String ndeathTopic;
    private final String ncmdTopic;
    private final String[] dbirthTopics;
    private final String[] ddataTopics;
    private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();
    /** Per device of a substation: the acknowledgement last published (active control, event id, status). */
    private final String[][] publishedAck;
    private final String[] dcmdTopics;
    private long bdSeq;

    public SparkplugNode(Substation substation) {
        this(Objects.requireNonNull(substation, "substation"), SparkplugSource.of(substation));
    }

    /** An edge node for any source (e.g. a grid EMS); {@link #substation()} is then null. */
    public SparkplugNode(SparkplugSource source) {
        this(null, source);
    }

    private SparkplugNode(Substation substation, SparkplugSource source) {
        this.substation = substation;
        this.source = Objects.requireNonNull(source, "source");
        this.groupId = source.groupId();
        String node = source.nodeId();
        String prefix = NAMESPACE + "/" + groupId + "/";
        this.nbirthTopic = prefix + "NBIRTH/" + node;
        this.ndataTopic = prefix + "NDATA/" + node;
        this.ndeathTopic = prefix + "NDEATH/" + node;
        this.ncmdTopic = prefix + "NCMD/" + node;
        int devices = source.deviceCount();
        this.deviceAliasBase = new long[devices];
        this.publishedDevice = new double[devices][];
        this.dbirthTopics = new String[devices];
        this.ddataTopics = new String[devices];
        long alias = FIRST_NODE_METRIC_ALIAS + source.nodeMetrics().size();
        for (int i = 0; i < devices; i++) {
            int metrics = source.deviceMetrics(i).size();
            deviceAliasBase[i] = alias;
            alias += metrics + (substation != null ? DeviceControl.values().length : 0);
            publishedDevice[i] = new double[metrics];
            dbirthTopics[i] = prefix + "DBIRTH/" + node + "/" + source.deviceId(i);
            ddataTopics[i] = prefix + "DDATA/" + node + "/" + source.deviceId(i);
        }
        this.publishedNode = new double[source.nodeMetrics().size()];
        this.publishedAck = new String[devices][3];
        this.dcmdTopics = new String[devices];
        for (int i = 0; i < devices; i++) {
            dcmdTopics[i] = prefix + "DCMD/" + node + "/" + source.deviceId(i);
        }
    }

    /** The DCMD topic filter of this node's devices. */
    public String dcmdTopicFilter() {
        return NAMESPACE + "/" + groupId + "/DCMD/" + source.nodeId() + "/+";
    }

    /** Index of the device a DCMD topic addresses, or -1. */
    public int deviceOfDcmd(String topic) {
        for (int i = 0; i < dcmdTopics.length; i++) {
            if (dcmdTopics[i].equals(topic)) {
                return i;
            }
        }
        return -1;
    }

    /** The DER control of device {@code i}, or null when this node has no fleet devices (e.g. the grid EMS). */
    public DerControl control(int deviceIndex) {
        return substation == null ? null : substation.devices().get(deviceIndex).control();
    }

    /**
     * The DER control metrics a device declares in its DBIRTH, after its measurements: the writable 2030.5 controls
     * (what a DCMD may set, same names and types) and the read-only acknowledgement.
     */
    private void addControlMetrics(List<Metric> metrics, int device, Date ts) {
        DerControl c = control(device);
        long a = alias(device, source.deviceMetrics(device).size());
        for (DeviceControl dc : DeviceControl.values()) {
            Object value;
            MetricDataType type;
            switch (dc) {
                case CONNECT -> { type = MetricDataType.Boolean; value = true; }
                case EVENT_START, EVENT_END -> { type = MetricDataType.DateTime; value = new Date(0); }
                case EVENT_ID -> { type = MetricDataType.String; value = ""; }
                case ACTIVE_CONTROL -> { type = MetricDataType.String; value = c.activeControl(); }
                case ACTIVE_EVENT_ID -> { type = MetricDataType.String; value = c.eventId(); }
                case RESPONSE_STATUS -> { type = MetricDataType.String; value = c.responseStatus(); }
                default -> { type = MetricDataType.Double; value = 0.0; }
            }
            metrics.add(metric(dc.metric(), a + dc.ordinal(), type, value, ts, null));
        }
        publishedAck[device] = new String[] {c.activeControl(), c.eventId(), c.responseStatus()};
    }

    /** The acknowledgement metrics that changed since last published, by alias. */
    private List<Metric> ackChanges(int device, Date ts, List<Metric> metrics) {
        DerControl c = control(device);
        String[] now = {c.activeControl(), c.eventId(), c.responseStatus()};
        DeviceControl[] which = {DeviceControl.ACTIVE_CONTROL, DeviceControl.ACTIVE_EVENT_ID, DeviceControl.RESPONSE_STATUS};
        long a = alias(device, source.deviceMetrics(device).size());
        for (int k = 0; k < 3; k++) {
            if (!now[k].equals(publishedAck[device][k])) {
                publishedAck[device][k] = now[k];
                if (metrics == null) {
                    metrics = new ArrayList<>();
                }
                try {
                    metrics.add(new MetricBuilder(a + which[k].ordinal(), MetricDataType.String, now[k]).timestamp(ts).createMetric());
                } catch (SparkplugInvalidTypeException e) {
                    throw new IllegalStateException("ack metric type", e);
                }
            }
        }
        return metrics;
    }

    public String groupId() {
        return groupId;
    }

    public String nodeId() {
        return source.nodeId();
    }

    /** The fleet substation behind this node, or null for other sources. */
    public Substation substation() {
        return substation;
    }

    public String ncmdTopic() {
        return ncmdTopic;
    }

    public String ndeathTopic() {
        return ndeathTopic;
    }

    /** The birth/death sequence number of the current MQTT session. */
    public long bdSeq() {
        return bdSeq;
    }

    /** Starts a new MQTT session: the next births and death carry the next {@code bdSeq} (0–255, wrapping). */
    public void nextSession() {
        bdSeq = (bdSeq + 1) & 0xFF;
    }

    /** The alias of a node metric by name, or of {@code metric} of device {@code deviceIndex}. */
    public long alias(int deviceIndex, int metric) {
        return deviceAliasBase[deviceIndex] + metric;
    }

    /** The NDEATH of the current session, registered as the MQTT Will and published on a graceful stop. */
    public SparkplugMessage death(Instant time) {
        Date ts = Date.from(time);
        SparkplugBPayload payload = new SparkplugBPayloadBuilder()
                .setTimestamp(ts)
                .addMetric(metric(BD_SEQ, BD_SEQ_ALIAS, MetricDataType.Int64, bdSeq, ts, null))
                .createPayload();
        return new SparkplugMessage(ndeathTopic, payload);
    }

    /** NBIRTH (seq 0) then one DBIRTH per device; restarts the sequence and the report-by-exception baseline. */
    public List<SparkplugMessage> births(Instant time) {
        Date ts = Date.from(time);
        seq.reset();
        List<SparkplugMessage> out = new ArrayList<>(1 + ddataTopics.length);
        List<Metric> nodeMetrics = new ArrayList<>();
        nodeMetrics.add(metric(BD_SEQ, BD_SEQ_ALIAS, MetricDataType.Int64, bdSeq, ts, null));
        nodeMetrics.add(metric(REBIRTH, REBIRTH_ALIAS, MetricDataType.Boolean, false, ts, null));
        List<MetricSpec> nodeSpecs = source.nodeMetrics();
        for (int m = 0; m < nodeSpecs.size(); m++) {
            MetricSpec spec = nodeSpecs.get(m);
            double value = spec.quantize(source.nodeValue(m));
            publishedNode[m] = value;
            nodeMetrics.add(metric(spec.name(), FIRST_NODE_METRIC_ALIAS + m, dataType(spec), wireValue(spec, value), ts,
                    engUnit(spec)));
        }
        out.add(new SparkplugMessage(nbirthTopic, payload(ts, nodeMetrics)));
        for (int i = 0; i < ddataTopics.length; i++) {
            List<MetricSpec> specs = source.deviceMetrics(i);
            List<Metric> metrics = new ArrayList<>(specs.size());
            for (int m = 0; m < specs.size(); m++) {
                MetricSpec spec = specs.get(m);
                double value = spec.quantize(source.deviceValue(i, m));
                publishedDevice[i][m] = value;
                metrics.add(metric(spec.name(), alias(i, m), dataType(spec), wireValue(spec, value), ts,
                        engUnit(spec)));
            }
            if (substation != null) {
                addControlMetrics(metrics, i, ts);
            }
            out.add(new SparkplugMessage(dbirthTopics[i], payload(ts, metrics)));
        }
        return out;
    }

    /** NDATA/DDATA for every metric whose published value changed since the last birth or data message. */
    public List<SparkplugMessage> changes(Instant time) {
        Date ts = Date.from(time);
        List<SparkplugMessage> out = new ArrayList<>();
        List<Metric> nodeMetrics = null;
        List<MetricSpec> nodeSpecs = source.nodeMetrics();
        for (int m = 0; m < nodeSpecs.size(); m++) {
            MetricSpec spec = nodeSpecs.get(m);
            double value = spec.quantize(source.nodeValue(m));
            if (changed(value, publishedNode[m])) {
                publishedNode[m] = value;
                if (nodeMetrics == null) {
                    nodeMetrics = new ArrayList<>(nodeSpecs.size());
                }
                nodeMetrics.add(aliasOnly(FIRST_NODE_METRIC_ALIAS + m, spec, value, ts));
            }
        }
        if (nodeMetrics != null) {
            out.add(new SparkplugMessage(ndataTopic, payload(ts, nodeMetrics)));
        }
        for (int i = 0; i < ddataTopics.length; i++) {
            List<MetricSpec> specs = source.deviceMetrics(i);
            double[] published = publishedDevice[i];
            List<Metric> metrics = null;
            for (int m = 0; m < specs.size(); m++) {
                MetricSpec spec = specs.get(m);
                double value = spec.quantize(source.deviceValue(i, m));
                if (changed(value, published[m])) {
                    published[m] = value;
                    if (metrics == null) {
                        metrics = new ArrayList<>(specs.size());
                    }
                    metrics.add(aliasOnly(alias(i, m), spec, value, ts));
                }
            }
            if (substation != null) {
                metrics = ackChanges(i, ts, metrics);
            }
            if (metrics != null) {
                out.add(new SparkplugMessage(ddataTopics[i], payload(ts, metrics)));
            }
        }
        return out;
    }

    /** True when an NCMD payload asks for a rebirth ({@code Node Control/Rebirth} = true, by name or alias). */
    public static boolean isRebirthRequest(SparkplugBPayload ncmd) {
        if (ncmd == null || ncmd.getMetrics() == null) {
            return false;
        }
        for (Metric m : ncmd.getMetrics()) {
            if (m == null) {
                continue;
            }
            boolean named = REBIRTH.equals(m.getName());
            boolean aliased = m.getName() == null && m.hasAlias() && m.getAlias() == REBIRTH_ALIAS;
            if ((named || aliased) && Boolean.TRUE.equals(m.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Encodes a message's payload to protobuf bytes. */
    public byte[] encode(SparkplugMessage message) {
        try {
            return encoder.getBytes(message.payload(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode Sparkplug payload for " + message.topic(), e);
        }
    }

    /** Report by exception; a value that stays unknown (NaN) is not sent again. */
    private static boolean changed(double value, double published) {
        return value != published && !(Double.isNaN(value) && Double.isNaN(published));
    }

    private SparkplugBPayload payload(Date ts, List<Metric> metrics) {
        return new SparkplugBPayloadBuilder().setTimestamp(ts).setSeq(seq.next()).addMetrics(metrics).createPayload();
    }

    private static Metric aliasOnly(long alias, MetricSpec spec, double value, Date ts) {
        try {
            return new MetricBuilder(alias, dataType(spec), wireValue(spec, value)).timestamp(ts).createMetric();
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("Metric type mismatch for alias " + alias, e);
        }
    }

    private static Metric metric(String name, long alias, MetricDataType type, Object value, Date ts,
                                 PropertySet properties) {
        try {
            MetricBuilder b = new MetricBuilder(name, type, value).alias(alias).timestamp(ts);
            if (properties != null) {
                b.properties(properties);
            }
            return b.createMetric();
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("Metric type mismatch for " + name, e);
        }
    }

    private static PropertySet engUnit(MetricSpec spec) {
        try {
            return new PropertySetBuilder()
                    .addProperty("engUnit", new PropertyValue<>(PropertyDataType.String, spec.engUnit()))
                    .createPropertySet();
        } catch (SparkplugInvalidTypeException e) {
            throw new IllegalStateException("engUnit property of " + spec.name(), e);
        }
    }

    private static MetricDataType dataType(MetricSpec spec) {
        return spec.kind() == MetricSpec.Kind.BOOLEAN ? MetricDataType.Boolean : MetricDataType.Double;
    }

    private static Object wireValue(MetricSpec spec, double value) {
        return spec.kind() == MetricSpec.Kind.BOOLEAN ? (Object) (value != 0) : (Object) value;
    }

    @Override
    public String toString() {
        return groupId + "/" + nodeId() + " bdSeq=" + bdSeq + " devices=" + ddataTopics.length;
    }
}
