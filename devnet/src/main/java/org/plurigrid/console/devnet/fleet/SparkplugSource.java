package org.plurigrid.console.devnet.fleet;

import java.util.List;

/**
 * What one Sparkplug edge node publishes, independent of where the values come from: the fleet's substations and the
 * devnet's grid EMS nodes both describe themselves this way, and {@link SparkplugNode} does the Sparkplug part
 * (births, aliases, seq, report by exception). The metric lists must not change after construction; the values may
 * change between publishes and are read on the publishing thread only.
 */
public interface SparkplugSource {

    String groupId();

    String nodeId();

    /** Node metrics after {@code bdSeq} and {@code Node Control/Rebirth}, in alias order. */
    List<MetricSpec> nodeMetrics();

    double nodeValue(int metric);

    int deviceCount();

    String deviceId(int device);

    List<MetricSpec> deviceMetrics(int device);

    double deviceValue(int device, int metric);

    /** A fleet substation and its DER devices as a source. */
    static SparkplugSource of(Substation substation) {
        return new SparkplugSource() {
            @Override
            public String groupId() {
                return substation.grid().id();
            }

            @Override
            public String nodeId() {
                return substation.nodeId();
            }

            @Override
            public List<MetricSpec> nodeMetrics() {
                return Substation.METRICS;
            }

            @Override
            public double nodeValue(int metric) {
                return substation.value(metric);
            }

            @Override
            public int deviceCount() {
                return substation.devices().size();
            }

            @Override
            public String deviceId(int device) {
                return substation.devices().get(device).id();
            }

            @Override
            public List<MetricSpec> deviceMetrics(int device) {
                return substation.devices().get(device).type().metrics();
            }

            @Override
            public double deviceValue(int device, int metric) {
                return substation.devices().get(device).value(metric);
            }
        };
    }
}
