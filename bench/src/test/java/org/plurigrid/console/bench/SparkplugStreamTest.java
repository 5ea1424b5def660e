package org.plurigrid.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.tahu.protobuf.SparkplugBProto;
import org.junit.jupiter.api.Test;

/** The benchmark's stream is valid Sparkplug: stamped clocks decode, and replaying the loop never skips a seq. */
class SparkplugStreamTest {

    private final SparkplugStream stream = new SparkplugStream(3, 7);

    @Test
    void stampedPublishTimeDecodesAsTheClockMetric() throws Exception {
        SparkplugStream.Message m = stream.data.get(5);

        SparkplugBProto.Payload p = SparkplugBProto.Payload.parseFrom(m.stamped(98765.4321));

        assertThat(p.getMetricsList()).anySatisfy(metric -> {
            assertThat(metric.getAlias()).isEqualTo(2);
            assertThat(metric.getDoubleValue()).isEqualTo(98765.4321);
        });
        assertThat(SparkplugBProto.Payload.parseFrom(m.payload()).getSeq()).as("the template stays untouched")
                .isEqualTo(p.getSeq());
    }

    @Test
    void replayingTheLoopKeepsEveryNodesSeqContiguous() throws Exception {
        Map<String, Long> expected = new HashMap<>();
        for (SparkplugStream.Message b : stream.births) {
            String node = b.topic().split("/")[3];
            expected.put(node, (SparkplugBProto.Payload.parseFrom(b.payload()).getSeq() + 1) & 0xFF);
        }
        for (int round = 0; round < 3; round++) {
            for (SparkplugStream.Message m : stream.data) {
                String node = m.topic().split("/")[3];
                long seq = SparkplugBProto.Payload.parseFrom(m.payload()).getSeq();
                assertThat(seq).as(m.topic()).isEqualTo(expected.get(node));
                expected.put(node, (seq + 1) & 0xFF);
            }
        }
        assertThat(stream.points()).isEqualTo(3 * 7 * 2);
    }
}
