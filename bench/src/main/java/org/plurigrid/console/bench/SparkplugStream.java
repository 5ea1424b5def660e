package org.plurigrid.console.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.tahu.protobuf.SparkplugBProto;

/**
 * A fixed, pre-encoded Sparkplug B stream: births for {@code nodes} edge nodes with {@code devicesPerNode} devices,
 * then DDATA messages round-robin over nodes and devices that can be replayed in a loop without seq gaps (each node
 * gets 256 messages per loop). Each DDATA carries {@code ActivePower} (alias 1) and {@code Bench/PublishedAtMs}
 * (alias 2), a double whose 8 bytes are patched at publish time so the pipeline's latency can be measured.
 */
final class SparkplugStream {

    static final String GROUP = "cg-bench";
    static final String CLOCK_METRIC = "Bench/PublishedAtMs";
    private static final double SENTINEL = 1234567.891011;

    record Message(String topic, byte[] payload, int clockOffset) {
        /** A copy with the publish time written into the clock metric. */
        byte[] stamped(double publishedAtMs) {
            byte[] copy = payload.clone();
            if (clockOffset >= 0) {
                ByteBuffer.wrap(copy, clockOffset, 8).order(ByteOrder.LITTLE_ENDIAN).putDouble(publishedAtMs);
            }
            return copy;
        }
    }

    final List<Message> births = new ArrayList<>();
    final List<Message> data = new ArrayList<>();
    final int nodes;
    final int devicesPerNode;

    SparkplugStream(int nodes, int devicesPerNode) {
        if (devicesPerNode > 200) {
            throw new IllegalArgumentException("at most 200 devices per node (births and data share one seq space)");
        }
        this.nodes = nodes;
        this.devicesPerNode = devicesPerNode;
        for (int n = 0; n < nodes; n++) {
            String node = node(n);
            births.add(new Message("spBv1.0/" + GROUP + "/NBIRTH/" + node, SparkplugBProto.Payload.newBuilder()
                    .setTimestamp(0).setSeq(0)
                    .addMetrics(metric("bdSeq", 0, 4).setLongValue(0))
                    .addMetrics(metric("Node Control/Rebirth", 0, 11).setBooleanValue(false))
                    .build().toByteArray(), -1));
            for (int d = 0; d < devicesPerNode; d++) {
                births.add(new Message("spBv1.0/" + GROUP + "/DBIRTH/" + node + "/" + device(d),
                        SparkplugBProto.Payload.newBuilder().setTimestamp(0).setSeq(1 + d)
                                .addMetrics(metric("ActivePower", 1, 10).setDoubleValue(1.5))
                                .addMetrics(metric(CLOCK_METRIC, 2, 10).setDoubleValue(0))
                                .build().toByteArray(), -1));
            }
        }
        int firstDataSeq = 1 + devicesPerNode;
        for (int k = 0; k < 256; k++) {
            for (int n = 0; n < nodes; n++) {
                String topic = "spBv1.0/" + GROUP + "/DDATA/" + node(n) + "/" + device(k % devicesPerNode);
                byte[] payload = SparkplugBProto.Payload.newBuilder().setTimestamp(1_700_000_000_000L)
                        .setSeq((firstDataSeq + k) & 0xFF)
                        .addMetrics(SparkplugBProto.Payload.Metric.newBuilder().setAlias(1).setDoubleValue(k % 50))
                        .addMetrics(SparkplugBProto.Payload.Metric.newBuilder().setAlias(2).setDoubleValue(SENTINEL))
                        .build().toByteArray();
                data.add(new Message(topic, payload, offsetOf(payload)));
            }
        }
    }

    int points() {
        return nodes * devicesPerNode * 2;
    }

    static String node(int n) {
        return String.format("bench-sub-%03d", n);
    }

    static String device(int d) {
        return String.format("pv-%04d", d);
    }

    private static SparkplugBProto.Payload.Metric.Builder metric(String name, long alias, int dataType) {
        return SparkplugBProto.Payload.Metric.newBuilder().setName(name).setAlias(alias).setDatatype(dataType);
    }

    private static int offsetOf(byte[] payload) {
        byte[] needle = new byte[8];
        ByteBuffer.wrap(needle).order(ByteOrder.LITTLE_ENDIAN).putDouble(SENTINEL);
        outer:
        for (int i = 0; i <= payload.length - 8; i++) {
            for (int j = 0; j < 8; j++) {
                if (payload[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("clock metric not found in the encoded payload");
    }
}
