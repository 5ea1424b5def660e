package org.plurigrid.console.client.telemetry;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.PropertyDataType;
import org.eclipse.tahu.message.model.PropertySet;
import org.eclipse.tahu.message.model.PropertyValue;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/** Builds real Sparkplug B payloads with Eclipse Tahu, the way an edge node would. */
final class SparkplugPayloads {

    private final List<Metric> metrics = new ArrayList<>();
    private Long seq;
    private long timestamp = 1_700_000_000_000L;
    private boolean stripDataTypes;

    static SparkplugPayloads payload() {
        return new SparkplugPayloads();
    }

    SparkplugPayloads seq(long s) {
        this.seq = s;
        return this;
    }

    SparkplugPayloads timestamp(long t) {
        this.timestamp = t;
        return this;
    }

    /** Leaves datatypes out of the metrics, as Sparkplug recommends for DATA messages. */
    SparkplugPayloads withoutDataTypes() {
        this.stripDataTypes = true;
        return this;
    }

    SparkplugPayloads bdSeq(long bdSeq) {
        return add(metric("bdSeq", null, MetricDataType.Int64, bdSeq, null, false));
    }

    SparkplugPayloads rebirthControl() {
        return add(metric("Node Control/Rebirth", null, MetricDataType.Boolean, false, null, false));
    }

    SparkplugPayloads birthMetric(String name, long alias, double value, String unit) {
        return add(metric(name, alias, MetricDataType.Double, value, unit, false));
    }

    SparkplugPayloads birthBoolean(String name, long alias, boolean value) {
        return add(metric(name, alias, MetricDataType.Boolean, value, null, false));
    }

    SparkplugPayloads aliased(long alias, double value) {
        return add(metric(null, alias, MetricDataType.Double, value, null, false));
    }

    SparkplugPayloads aliasedBoolean(long alias, boolean value) {
        return add(metric(null, alias, MetricDataType.Boolean, value, null, false));
    }

    SparkplugPayloads named(String name, double value) {
        return add(metric(name, null, MetricDataType.Double, value, null, false));
    }

    SparkplugPayloads historical(long alias, double value) {
        return add(metric(null, alias, MetricDataType.Double, value, null, true));
    }

    SparkplugPayloads add(Metric m) {
        metrics.add(m);
        return this;
    }

    byte[] bytes() {
        // Tahu stamps each metric with the wall clock; an edge node samples them all at the payload's time.
        metrics.forEach(m -> m.setTimestamp(new Date(timestamp)));
        SparkplugBPayload p = new SparkplugBPayload.SparkplugBPayloadBuilder()
                .setTimestamp(new Date(timestamp)).addMetrics(metrics).createPayload();
        if (seq != null) {
            p.setSeq(seq);
        }
        try {
            return new SparkplugBPayloadEncoder().getBytes(p, stripDataTypes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SparkplugBPayload decode(byte[] bytes) {
        try {
            return new SparkplugBPayloadDecoder().buildFromByteArray(bytes, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Metric metric(String name, Long alias, MetricDataType type, Object value, String unit,
                                 boolean historical) {
        try {
            Metric.MetricBuilder b = name != null ? new Metric.MetricBuilder(name, type, value)
                    : new Metric.MetricBuilder(alias, type, value);
            if (name != null && alias != null) {
                b.alias(alias);
            }
            if (unit != null) {
                PropertySet props = new PropertySet.PropertySetBuilder()
                        .addProperty("engUnit", new PropertyValue<>(PropertyDataType.String, unit))
                        .createPropertySet();
                b.properties(props);
            }
            if (historical) {
                b.isHistorical(true);
            }
            return b.createMetric();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
