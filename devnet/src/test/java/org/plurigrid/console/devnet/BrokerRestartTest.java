package org.plurigrid.console.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.devnet.SparkplugRecorder.Received;
import org.plurigrid.console.devnet.broker.EmbeddedBroker;
import org.plurigrid.console.devnet.fleet.EdgeNode;

/** The fleet outlives its broker: when the broker comes back, every edge node starts a new session and re-births. */
class BrokerRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void edgeNodesReconnectWithTheNextBdSeqAndRebirthAfterTheBrokerRestarts() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start(0);
        int port = broker.port();
        try (Devnet devnet = Devnet.start(DevnetConfig.defaults().withExternalBroker(broker.uri()).withDevices(24).withoutGrid()
                .withPublishRateHz(5))) {
            Map<String, Long> before = devnet.fleet().edgeNodes().stream()
                    .collect(Collectors.toMap(EdgeNode::nodeId, EdgeNode::bdSeq));

            broker.close();
            broker = EmbeddedBroker.start(port);
            try (SparkplugRecorder recorder = new SparkplugRecorder(broker.uri())) {
                recorder.awaitCount(WAIT, "NBIRTHs of every node", r -> r.type().equals("NBIRTH"), before.size());

                Map<String, Object> rebirthBdSeq = recorder.matching(r -> r.type().equals("NBIRTH")).stream()
                        .collect(Collectors.toMap(Received::node, r -> r.metric("bdSeq"), (a, b) -> a));
                assertThat(rebirthBdSeq).hasSize(before.size());
                rebirthBdSeq.forEach((node, bdSeq) ->
                        assertThat((Long) bdSeq).as("bdSeq of %s", node).isGreaterThan(before.get(node)));
                assertThat(devnet.fleet().edgeNodes()).allSatisfy(n -> assertThat(n.isOnline()).isTrue());
                recorder.await(WAIT, "data after the rebirth", r -> r.type().equals("DDATA"));
            }
        } finally {
            broker.close();
        }
    }
}
