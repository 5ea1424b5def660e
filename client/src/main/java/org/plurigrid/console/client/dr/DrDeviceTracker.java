package org.plurigrid.console.client.dr;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.plurigrid.console.client.telemetry.CommandPublisher;
import org.plurigrid.console.client.telemetry.MessageSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's view of DR-capable devices from their Sparkplug B traffic: which devices exist (DBIRTH, with their
 * control metrics and types), what they do now (power, state of charge, flexibility), a bounded power history for
 * baselines, and their DER-control acknowledgements in DDATA. Sends DCMDs with the names and datatypes each device
 * declared. Fed on the MQTT callback thread (never blocks); read from any thread.
 */
public final class DrDeviceTracker implements MessageSink, ImportHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DrDeviceTracker.class);
    /** Power samples kept per device: an hour at 1 Hz. */
    static final int HISTORY = 3600;

    /** A device's acknowledgement as its DDATA reported it. */
    public record Ack(DerDevice device, String activeControl, String eventId, String responseStatus, Instant at) {
    }

    private final InstantSource clock;
    private final CommandPublisher publisher;
    private final Map<DerDevice, Tracked> devices = new ConcurrentHashMap<>();
    private final List<Consumer<Ack>> ackListeners = new CopyOnWriteArrayList<>();
    private final SparkplugBPayloadDecoder decoder = new SparkplugBPayloadDecoder();
    private final Map<String, Long> rebirthAsked = new ConcurrentHashMap<>();

    public DrDeviceTracker(InstantSource clock, CommandPublisher publisher) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** Hears every acknowledgement, on the MQTT callback thread; must be quick. */
    public void addAckListener(Consumer<Ack> listener) {
        ackListeners.add(listener);
    }

    // ---- what the devices say ------------------------------------------------------------------------------------

    @Override
    public void onMessage(String topic, byte[] payload) {
        String[] p = topic.split("/");
        if (p.length < 4 || !p[0].equals("spBv1.0")) {
            return;
        }
        String kind = p[2];
        if (kind.equals("NDEATH") && p.length == 4) {
            devices.forEach((d, t) -> {
                if (d.group().equals(p[1]) && d.node().equals(p[3])) {
                    t.online = false;
                }
            });
            return;
        }
        if (p.length != 5 || !(kind.equals("DBIRTH") || kind.equals("DDATA") || kind.equals("DDEATH"))) {
            return;
        }
        DerDevice device = new DerDevice(p[1], p[3], p[4]);
        if (kind.equals("DDEATH")) {
            Tracked t = devices.get(device);
            if (t != null) {
                t.online = false;
            }
            return;
        }
        SparkplugBPayload sp;
        try {
            sp = decoder.buildFromByteArray(payload, null);
        } catch (Exception e) {
            return; // the telemetry decoder counts malformed payloads; DR only needs good ones
        }
        if (kind.equals("DBIRTH")) {
            devices.compute(device, (d, old) -> Tracked.birth(d, sp, old));
        }
        Tracked t = devices.get(device);
        if (t == null) {
            requestRebirth(device.group(), device.node());
            return;
        }
        if (sp.getMetrics() == null) {
            return;
        }
        Instant now = sp.getTimestamp() != null ? sp.getTimestamp().toInstant() : clock.instant();
        Ack ack = t.update(sp.getMetrics(), now);
        if (ack != null) {
            ackListeners.forEach(l -> l.accept(ack));
        }
    }

    /** Data from a device whose birth we missed (we joined late): ask its edge node to birth again, once per 10 s. */
    private void requestRebirth(String group, String node) {
        long now = clock.millis();
        Long last = rebirthAsked.get(group + "/" + node);
        if (last != null && now - last < 10_000) {
            return;
        }
        rebirthAsked.put(group + "/" + node, now);
        try {
            SparkplugBPayload ncmd = new SparkplugBPayload.SparkplugBPayloadBuilder().setTimestamp(new Date(now))
                    .addMetric(new Metric.MetricBuilder("Node Control/Rebirth", MetricDataType.Boolean, true).createMetric())
                    .createPayload();
            publisher.publish("spBv1.0/" + group + "/NCMD/" + node, new SparkplugBPayloadEncoder().getBytes(ncmd, false));
        } catch (Exception e) {
            LOG.debug("Cannot ask {}/{} for a rebirth: {}", group, node, e.toString());
        }
    }

    @Override
    public void onConnectionLost() {
        devices.values().forEach(t -> t.online = false);
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /**
     * Sends one DCMD to {@code device}: each control by the name and datatype its DBIRTH declared, timestamped now.
     *
     * @return false when the device has not declared these controls (not DR-capable) or is offline; nothing is sent then
     */
    public boolean command(DerDevice device, Map<DeviceControl, Object> controls) {
        Tracked t = devices.get(device);
        if (t == null || !t.online) {
            return false;
        }
        Date now = Date.from(clock.instant());
        SparkplugBPayload.SparkplugBPayloadBuilder b = new SparkplugBPayload.SparkplugBPayloadBuilder().setTimestamp(now);
        try {
            for (Map.Entry<DeviceControl, Object> c : controls.entrySet()) {
                MetricDataType type = t.controlTypes.get(c.getKey().metric());
                if (type == null) {
                    return false;
                }
                Object v = c.getValue();
                Object wire;
                if (type == MetricDataType.Double) {
                    wire = ((Number) v).doubleValue();
                } else if (type == MetricDataType.Float) {
                    wire = ((Number) v).floatValue();
                } else if (type == MetricDataType.Int64 || type == MetricDataType.UInt64) {
                    wire = ((Number) v).longValue();
                } else if (type == MetricDataType.Int32 || type == MetricDataType.UInt32) {
                    wire = ((Number) v).intValue();
                } else if (type == MetricDataType.DateTime) {
                    wire = v instanceof Instant i ? Date.from(i) : new Date(((Number) v).longValue());
                } else if (type == MetricDataType.Boolean) {
                    wire = (java.lang.Boolean) v;
                } else {
                    wire = String.valueOf(v);
                }
                b.addMetric(new Metric.MetricBuilder(c.getKey().metric(), type, wire).timestamp(now).createMetric());
            }
            publisher.publish(device.dcmdTopic(), new SparkplugBPayloadEncoder().getBytes(b.createPayload(), false));
            return true;
        } catch (Exception e) {
            LOG.warn("Cannot build the DCMD for {}: {}", device, e.toString());
            return false;
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Devices with DER controls in a target (a community grid, a site or a device). */
    public List<DerDevice> devicesIn(String target) {
        List<DerDevice> out = new ArrayList<>();
        devices.forEach((d, t) -> {
            if (d.inTarget(target) && !t.controlTypes.isEmpty()) {
                out.add(d);
            }
        });
        out.sort(java.util.Comparator.comparing(DerDevice::toString));
        return out;
    }

    /** The sites (edge nodes) with controllable devices, by community grid then id. */
    public List<String> sites() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        devices.forEach((d, t) -> {
            if (!t.controlTypes.isEmpty()) {
                out.add(d.group() + "\u0000" + d.node());
            }
        });
        return out.stream().map(s -> s.substring(s.indexOf('\u0000') + 1)).toList();
    }

    public boolean isOnline(DerDevice d) {
        Tracked t = devices.get(d);
        return t != null && t.online;
    }

    /** What the device reads now; empty before its birth. */
    public java.util.Optional<DeviceReading> reading(DerDevice d) {
        Tracked t = devices.get(d);
        return t == null ? java.util.Optional.empty() : java.util.Optional.of(t.reading());
    }

    /** Its latest acknowledgement, if it sent one. */
    public java.util.Optional<Ack> lastAck(DerDevice d) {
        Tracked t = devices.get(d);
        return t == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(t.lastAck);
    }

    /** Mean import of the device (kW, + drawn from the grid) over {@code [from, to)}; empty without samples. */
    @Override
    public java.util.OptionalDouble meanImportKw(DerDevice d, Instant from, Instant to) {
        Tracked t = devices.get(d);
        return t == null ? java.util.OptionalDouble.empty() : t.mean(from.toEpochMilli(), to.toEpochMilli());
    }

    /** How many devices were born. */
    public int size() {
        return devices.size();
    }

    /** What one device reads now: its power in its own sign convention, import to the grid, battery state, flexibility. */
    public record DeviceReading(DerDevice device, double activePowerKw, double importKw, double capacity, double stateOfCharge,
                                double flexibilityKw, boolean connected, boolean online) {
    }

    private static final class Tracked {
        final DerDevice device;
        final Map<Long, String> names = new HashMap<>();
        final Map<String, MetricDataType> controlTypes = new HashMap<>();
        volatile boolean online = true;
        double activePower = Double.NaN;
        double capacity = Double.NaN;
        double soc = Double.NaN;
        double flexibility = Double.NaN;
        boolean connected = true;
        String activeControl = "";
        String eventId = "";
        String status = "";
        Ack lastAck;
        final long[] times = new long[HISTORY];
        final double[] imports = new double[HISTORY];
        int count;
        int next;

        Tracked(DerDevice device) {
            this.device = device;
        }

        static Tracked birth(DerDevice d, SparkplugBPayload sp, Tracked old) {
            Tracked t = new Tracked(d);
            if (old != null) { // keep the history across rebirths: the baseline should not reset
                synchronized (old) {
                    System.arraycopy(old.times, 0, t.times, 0, HISTORY);
                    System.arraycopy(old.imports, 0, t.imports, 0, HISTORY);
                    t.count = old.count;
                    t.next = old.next;
                    t.lastAck = old.lastAck;
                }
            }
            if (sp.getMetrics() != null) {
                for (Metric m : sp.getMetrics()) {
                    if (m.getName() == null) {
                        continue;
                    }
                    if (m.hasAlias()) {
                        t.names.put(m.getAlias(), m.getName());
                    }
                    if (m.getName().startsWith("DERControl/")) {
                        t.controlTypes.put(m.getName(), m.getDataType());
                    }
                }
            }
            return t;
        }

        synchronized Ack update(List<Metric> metrics, Instant now) {
            boolean ackChanged = false;
            boolean powerChanged = false;
            for (Metric m : metrics) {
                String name = m.getName() != null ? m.getName() : m.hasAlias() ? names.get(m.getAlias()) : null;
                Object v = m.getValue();
                if (name == null || v == null) {
                    continue;
                }
                switch (name) {
                    case "ActivePower" -> {
                        activePower = ((Number) v).doubleValue();
                        powerChanged = true;
                    }
                    case "Capacity" -> capacity = ((Number) v).doubleValue();
                    case "StateOfCharge" -> soc = ((Number) v).doubleValue();
                    case "Flexibility" -> flexibility = ((Number) v).doubleValue();
                    case "Connected" -> connected = Boolean.TRUE.equals(v);
                    default -> {
                        if (name.equals(DeviceControl.ACTIVE_CONTROL.metric())) {
                            activeControl = v.toString();
                            ackChanged = true;
                        } else if (name.equals(DeviceControl.ACTIVE_EVENT_ID.metric())) {
                            eventId = v.toString();
                            ackChanged = true;
                        } else if (name.equals(DeviceControl.RESPONSE_STATUS.metric())) {
                            status = v.toString();
                            ackChanged = true;
                        }
                    }
                }
            }
            online = true;
            if (!Double.isNaN(activePower) && (powerChanged || count == 0)) {
                times[next] = now.toEpochMilli();
                imports[next] = importKw();
                next = (next + 1) % HISTORY;
                count = Math.min(HISTORY, count + 1);
            }
            if (ackChanged && !status.isEmpty()) {
                lastAck = new Ack(device, activeControl, eventId, status, now);
                return lastAck;
            }
            return null;
        }

        double importKw() {
            return device.importKw(activePower);
        }

        /** Time-weighted mean of the (report-by-exception) import samples over [from, to). */
        synchronized java.util.OptionalDouble mean(long from, long to) {
            if (count == 0 || to <= from) {
                return java.util.OptionalDouble.empty();
            }
            // samples oldest first
            int start = (next - count + HISTORY) % HISTORY;
            double area = 0;
            double lastValue = Double.NaN;
            long cursor = from;
            for (int k = 0; k < count; k++) {
                int i = (start + k) % HISTORY;
                long t = times[i];
                if (t <= from) {
                    lastValue = imports[i];
                    continue;
                }
                if (t >= to) {
                    break;
                }
                if (!Double.isNaN(lastValue)) {
                    area += lastValue * (t - cursor);
                } else {
                    from = t; // no value known before this sample: the window starts here
                }
                cursor = t;
                lastValue = imports[i];
            }
            if (Double.isNaN(lastValue)) {
                return java.util.OptionalDouble.empty();
            }
            area += lastValue * (to - cursor);
            return to > from ? java.util.OptionalDouble.of(area / (to - from)) : java.util.OptionalDouble.empty();
        }

        synchronized DeviceReading reading() {
            return new DeviceReading(device, activePower, importKw(), capacity, soc, flexibility, connected, online);
        }
    }

    /** The window before an event that the meter-before baseline averages. */
    public static final Duration BASELINE_WINDOW = Duration.ofMinutes(1);
}
