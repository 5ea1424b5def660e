package org.plurigrid.console.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.devnet.SparkplugRecorder.Received;
import org.plurigrid.console.devnet.broker.EmbeddedBroker;
import org.plurigrid.console.devnet.fleet.EdgeNode;
import org.plurigrid.console.devnet.fleet.SimulatedDevice;

/**
 * The devnet's fleet seen from outside, as a Sparkplug host would: a plain Paho subscriber decodes everything with
 * Tahu. The broker is shared; every test gets a fresh fleet and subscriber (subscribed before the fleet starts, so
 * it sees the births).
 */
class DevnetIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static EmbeddedBroker broker;
    private Devnet devnet;
    private SparkplugRecorder recorder;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void startFleet() throws Exception {
        recorder = new SparkplugRecorder(broker.uri());
        devnet = Devnet.start(DevnetConfig.defaults().withExternalBroker(broker.uri()).withDevices(120).withoutGrid()
                .withPublishRateHz(5).withSimTimeOfDay(LocalTime.NOON));
    }

    @AfterEach
    void stopFleet() throws Exception {
        if (devnet != null) {
            devnet.close();
        }
        recorder.close();
    }

    @Test
    void birthsPrecedeDataForEveryNodeAndDevice() throws Exception {
        recorder.awaitCount(WAIT, "DDATA", r -> r.type().equals("DDATA"), 300);

        Map<String, List<Received>> byNode = recorder.byNode();
        assertThat(byNode).hasSize(devnet.fleet().edgeNodes().size());
        for (Map.Entry<String, List<Received>> e : byNode.entrySet()) {
            List<Received> messages = e.getValue();
            assertThat(messages.getFirst().type()).as("first message of %s", e.getKey()).isEqualTo("NBIRTH");
            Map<String, Integer> birthIndex = new HashMap<>();
            for (Received r : messages) {
                if (r.type().equals("DBIRTH")) {
                    birthIndex.putIfAbsent(r.device(), r.index());
                } else if (r.type().equals("DDATA")) {
                    assertThat(birthIndex).as("DBIRTH of %s before its DDATA", r.device()).containsKey(r.device());
                }
            }
        }
        assertThat(recorder.errors()).isEmpty();
    }

    @Test
    void seqIncrementsWithoutGapsPerNode() throws Exception {
        recorder.awaitCount(WAIT, "data messages", r -> r.type().endsWith("DATA"), 1500);

        for (Map.Entry<String, List<Received>> e : recorder.byNode().entrySet()) {
            List<Long> seqs = e.getValue().stream().map(Received::seq).toList();
            assertThat(seqs.getFirst()).isZero();
            for (int i = 1; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("%s seq after %d", e.getKey(), seqs.get(i - 1))
                        .isEqualTo((seqs.get(i - 1) + 1) % 256);
            }
        }
        // Paho confirms QoS 0 messages once written; if it did not, the backlog guard would silence the fleet.
        assertThat(devnet.fleet().edgeNodes()).allSatisfy(n -> assertThat(n.stepsSkipped()).isZero());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (devnet.fleet().edgeNodes().stream().mapToInt(EdgeNode::unsentMessages).sum() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(devnet.fleet().edgeNodes()).as("backlog drains between steps")
                .allSatisfy(n -> assertThat(n.unsentMessages()).isZero());
        assertThat(recorder.all()).filteredOn(r -> r.type().endsWith("DATA"))
                .allSatisfy(r -> assertThat(r.payload().getMetrics()).allSatisfy(m -> {
                    assertThat(m.getName()).as("DATA metrics use aliases only").isNull();
                    assertThat(m.hasAlias()).isTrue();
                }));
    }

    @Test
    void rebirthCommandProducesFreshBirthsWithSeqFromZero() throws Exception {
        EdgeNode node = devnet.fleet().edgeNodes().get(3);
        String key = node.groupId() + "/" + node.nodeId();
        recorder.awaitCount(WAIT, "DDATA of " + key, r -> isNode(r, node) && r.type().equals("DDATA"), 5);
        int before = recorder.all().size();

        recorder.requestRebirth(node.groupId(), node.nodeId());

        Received rebirth = recorder.await(WAIT, "a second NBIRTH of " + key,
                r -> r.index() >= before && isNode(r, node) && r.type().equals("NBIRTH"));
        assertThat(rebirth.seq()).isZero();
        assertThat(rebirth.metric("bdSeq")).as("same session, same bdSeq").isEqualTo(node.bdSeq());
        Set<String> deviceIds = node.substation().devices().stream().map(SimulatedDevice::id)
                .collect(Collectors.toSet());
        recorder.awaitCount(WAIT, "DBIRTHs after the rebirth",
                r -> r.index() > rebirth.index() && isNode(r, node) && r.type().equals("DBIRTH"), deviceIds.size());
        List<Received> after = recorder.matching(r -> r.index() > rebirth.index() && isNode(r, node));
        List<Received> dbirths = after.subList(0, deviceIds.size());
        assertThat(dbirths).extracting(Received::type).containsOnly("DBIRTH");
        assertThat(dbirths).extracting(Received::device).containsExactlyInAnyOrderElementsOf(deviceIds);
        assertThat(dbirths).extracting(Received::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, deviceIds.size()).boxed().toList());
    }

    @Test
    void droppedLinkYieldsNdeathWithTheSessionsBdSeqThenANewSession() throws Exception {
        EdgeNode node = devnet.fleet().edgeNodes().get(7);
        recorder.awaitCount(WAIT, "DDATA", r -> isNode(r, node) && r.type().equals("DDATA"), 3);
        long bdSeq = node.bdSeq();

        node.dropConnection(Duration.ofMillis(300));

        Received death = recorder.await(WAIT, "NDEATH of " + node.nodeId(),
                r -> isNode(r, node) && r.type().equals("NDEATH"));
        assertThat(death.metric("bdSeq")).isEqualTo(bdSeq);
        Received reborn = recorder.await(WAIT, "NBIRTH after the NDEATH",
                r -> r.index() > death.index() && isNode(r, node) && r.type().equals("NBIRTH"));
        assertThat(reborn.metric("bdSeq")).isEqualTo(bdSeq + 1);
        assertThat(reborn.seq()).isZero();
    }

    @Test
    void closingTheDevnetPublishesNdeathForEveryNode() throws Exception {
        recorder.awaitCount(WAIT, "DDATA", r -> r.type().equals("DDATA"), 50);
        Map<String, Long> bdSeqs = devnet.fleet().edgeNodes().stream()
                .collect(Collectors.toMap(n -> n.groupId() + "/" + n.nodeId(), EdgeNode::bdSeq));

        devnet.close();
        devnet = null;

        recorder.awaitCount(WAIT, "NDEATHs", r -> r.type().equals("NDEATH"), bdSeqs.size());
        Map<String, Object> deaths = recorder.matching(r -> r.type().equals("NDEATH")).stream()
                .collect(Collectors.toMap(r -> r.group() + "/" + r.node(), r -> r.metric("bdSeq")));
        assertThat(deaths).isEqualTo(new HashMap<String, Object>(bdSeqs));
    }

    @Test
    void embeddedBrokerDevnetServesItsFleetOnItsMqttUri() throws Exception {
        try (Devnet own = Devnet.start(DevnetConfig.defaults().withMqttPort(0).withDevices(12).withSeed(5).withoutGrid());
             SparkplugRecorder local = new SparkplugRecorder(own.mqttUri())) {
            assertThat(own.mqttUri()).matches("tcp://127\\.0\\.0\\.1:\\d+");
            assertThat(own.hasEmbeddedBroker()).isTrue();
            local.requestRebirth(own.fleet().edgeNodes().getFirst().groupId(),
                    own.fleet().edgeNodes().getFirst().nodeId());
            local.await(WAIT, "an NBIRTH", r -> r.type().equals("NBIRTH"));
        }
    }

    private static boolean isNode(Received r, EdgeNode node) {
        return r.group().equals(node.groupId()) && r.node().equals(node.nodeId());
    }
}
