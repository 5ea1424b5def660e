package org.plurigrid.console.devnet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.message.model.SparkplugBPayload.SparkplugBPayloadBuilder;
import org.junit.jupiter.api.Test;

class SparkplugNodeTest {

    private static final Instant NOON = Instant.parse("2026-06-21T11:40:00Z");

    /** A node with {@code devices} devices: one grid's fleet is laid out over four substations, so ask for four times as many. */
    private static SparkplugNode aNodeWithDevices(int devices) {
        FleetSimulation sim = FleetSimulation.create(List.of(CommunityGrid.DEVNET_GRIDS.getFirst()), devices * 4, 1);
        sim.step(NOON);
        SparkplugNode node = new SparkplugNode(sim.substations().getFirst());
        assertThat(node.substation().devices()).hasSize(devices);
        return node;
    }

    private static SimSparkplug aSteppingNode() {
        CommunityGrid grid = CommunityGrid.DEVNET_GRIDS.getFirst();
        FleetSimulation sim = FleetSimulation.create(List.of(grid), 40, 1);
        sim.step(NOON);
        return new SimSparkplug(sim, new SparkplugNode(sim.substations().getFirst()));
    }

    private record SimSparkplug(FleetSimulation sim, SparkplugNode node) {
    }

    @Test
    void nbirthComesFirstWithSeqZeroAndCarriesBdSeqAndRebirth() {
        SparkplugNode node = aNodeWithDevices(10);
        List<SparkplugMessage> births = node.births(NOON);

        SparkplugMessage nbirth = births.getFirst();
        assertThat(nbirth.topic()).isEqualTo("spBv1.0/" + node.groupId() + "/NBIRTH/" + node.nodeId());
        assertThat(nbirth.payload().getSeq()).isZero();
        assertThat(nbirth.payload().getTimestamp()).isNotNull();
        Map<String, Metric> byName = byName(nbirth.payload());
        assertThat(byName.get("bdSeq").getValue()).isEqualTo(0L);
        assertThat(byName.get("bdSeq").getDataType()).isEqualTo(MetricDataType.Int64);
        assertThat(byName.get("Node Control/Rebirth").getValue()).isEqualTo(false);
        assertThat(byName).containsKeys("Substation/ActivePower", "Substation/Voltage");
        assertThat(engUnit(byName.get("Substation/ActivePower"))).isEqualTo("kW");
        assertThat(engUnit(byName.get("Substation/Voltage"))).isEqualTo("pu");
        assertThat(nbirth.payload().getMetrics()).allSatisfy(m -> {
            assertThat(m.hasAlias()).isTrue();
            assertThat(m.getTimestamp()).isNotNull();
        });
    }

    @Test
    void dbirthDeclaresEveryMetricWithNameAliasDatatypeAndEngUnit() {
        SparkplugNode node = aNodeWithDevices(10);
        List<SparkplugMessage> births = node.births(NOON);
        List<SparkplugMessage> dbirths = births.subList(1, births.size());

        assertThat(dbirths).hasSize(node.substation().devices().size());
        for (int i = 0; i < dbirths.size(); i++) {
            SimulatedDevice device = node.substation().devices().get(i);
            SparkplugMessage m = dbirths.get(i);
            assertThat(m.topic()).isEqualTo("spBv1.0/%s/DBIRTH/%s/%s".formatted(node.groupId(), node.nodeId(), device.id()));
            assertThat(m.payload().getSeq()).isEqualTo(i + 1L);
            List<String> names = m.payload().getMetrics().stream().map(Metric::getName).toList();
            int measured = device.type().metrics().size();
            assertThat(names.subList(0, measured)).containsExactlyElementsOf(device.type().metrics().stream().map(MetricSpec::name).toList());
            // then the IEEE 2030.5 DER controls a DCMD may set, and the device's acknowledgement
            assertThat(names.subList(measured, names.size())).containsExactlyElementsOf(
                    java.util.Arrays.stream(org.plurigrid.console.client.dr.DeviceControl.values())
                            .map(org.plurigrid.console.client.dr.DeviceControl::metric).toList());
            assertThat(byName(m.payload()).get("DERControl/opModMaxLimW").getDataType()).isEqualTo(MetricDataType.Double);
            assertThat(byName(m.payload()).get("DERControl/eventEnd").getDataType()).isEqualTo(MetricDataType.DateTime);
            assertThat(byName(m.payload()).get("DERControl/responseStatus").getDataType()).isEqualTo(MetricDataType.String);
            assertThat(m.payload().getMetrics().subList(0, measured)).allSatisfy(metric -> {
                assertThat(metric.hasAlias()).isTrue();
                assertThat(metric.getDataType()).isIn(MetricDataType.Double, MetricDataType.Boolean);
                assertThat(metric.getProperties().getPropertyValue("engUnit")).isNotNull();
            });
            assertThat(byName(m.payload()).get("Capacity").getValue()).isEqualTo(
                    device.type().metrics().getLast().quantize(device.capacity()));
        }
    }

    @Test
    void dataMessagesUseAliasesOnlyAndOnlyChangedMetrics() {
        SimSparkplug s = aSteppingNode();
        s.node().births(NOON);
        s.sim().step(NOON.plusSeconds(60));

        List<SparkplugMessage> changes = s.node().changes(NOON.plusSeconds(60));
        assertThat(changes).isNotEmpty();
        assertThat(changes).allSatisfy(m -> {
            assertThat(m.messageType()).isIn("NDATA", "DDATA");
            assertThat(m.payload().getMetrics()).allSatisfy(metric -> {
                assertThat(metric.getName()).isNull();
                assertThat(metric.hasAlias()).isTrue();
                assertThat(metric.getTimestamp()).isNotNull();
            });
        });
        // Capacity never changes, so it never shows up in data.
        Set<Long> capacityAliases = new HashSet<>();
        List<SimulatedDevice> devices = s.node().substation().devices();
        for (int i = 0; i < devices.size(); i++) {
            capacityAliases.add(s.node().alias(i, devices.get(i).type().metrics().size() - 1));
        }
        assertThat(changes.stream().flatMap(m -> m.payload().getMetrics().stream()).map(Metric::getAlias))
                .doesNotContainAnyElementsOf(capacityAliases);
        // Nothing stepped since: nothing to report.
        assertThat(s.node().changes(NOON.plusSeconds(61))).isEmpty();
    }

    @Test
    void seqCountsEveryMessageOfTheNodeAndWrapsAfter255() {
        SimSparkplug s = aSteppingNode();
        List<Long> seqs = new ArrayList<>();
        s.node().births(NOON).forEach(m -> seqs.add(m.payload().getSeq()));
        for (int i = 1; i <= 60; i++) {
            s.sim().step(NOON.plusSeconds(i));
            s.node().changes(NOON.plusSeconds(i)).forEach(m -> seqs.add(m.payload().getSeq()));
        }
        assertThat(seqs.size()).isGreaterThan(300);
        assertThat(seqs.getFirst()).isZero();
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("seq after %d", seqs.get(i - 1)).isEqualTo((seqs.get(i - 1) + 1) % 256);
        }
        assertThat(seqs).contains(255L).allSatisfy(v -> assertThat(v).isBetween(0L, 255L));
    }

    @Test
    void rebirthRestartsSeqAtZeroAndKeepsAliasesAndBdSeq() {
        SimSparkplug s = aSteppingNode();
        Map<String, Long> first = aliasesByMetric(s.node().births(NOON));
        s.sim().step(NOON.plusSeconds(5));
        s.node().changes(NOON.plusSeconds(5));

        List<SparkplugMessage> again = s.node().births(NOON.plusSeconds(6));
        assertThat(again.getFirst().payload().getSeq()).isZero();
        assertThat(byName(again.getFirst().payload()).get("bdSeq").getValue()).isEqualTo(0L);
        assertThat(aliasesByMetric(again)).isEqualTo(first);
        assertThat(new HashSet<>(first.values())).as("aliases are unique within the node").hasSize(first.size());
    }

    @Test
    void newSessionIncrementsBdSeqInBirthAndDeath() {
        SparkplugNode node = aNodeWithDevices(4);
        assertThat(byName(node.death(NOON).payload()).get("bdSeq").getValue()).isEqualTo(0L);
        node.nextSession();
        assertThat(node.death(NOON).topic()).isEqualTo("spBv1.0/" + node.groupId() + "/NDEATH/" + node.nodeId());
        assertThat(node.death(NOON).payload().getSeq()).as("NDEATH has no seq").isNull();
        assertThat(byName(node.death(NOON).payload()).get("bdSeq").getValue()).isEqualTo(1L);
        assertThat(byName(node.births(NOON).getFirst().payload()).get("bdSeq").getValue()).isEqualTo(1L);
    }

    @Test
    void encodedPayloadsDecodeWithTahu() throws Exception {
        SimSparkplug s = aSteppingNode();
        SparkplugBPayloadDecoder decoder = new SparkplugBPayloadDecoder();
        SparkplugMessage dbirth = s.node().births(NOON).get(1);
        SparkplugBPayload decoded = decoder.buildFromByteArray(s.node().encode(dbirth), null);
        assertThat(decoded.getSeq()).isEqualTo(1L);
        assertThat(decoded.getMetrics()).extracting(Metric::getName)
                .containsExactlyElementsOf(dbirth.payload().getMetrics().stream().map(Metric::getName).toList());
        assertThat(engUnit(decoded.getMetrics().getFirst())).isEqualTo("kW");

        s.sim().step(NOON.plusSeconds(30));
        SparkplugMessage ddata = s.node().changes(NOON.plusSeconds(30)).stream()
                .filter(m -> m.messageType().equals("DDATA")).findFirst().orElseThrow();
        SparkplugBPayload data = decoder.buildFromByteArray(s.node().encode(ddata), null);
        assertThat(data.getMetrics()).allSatisfy(m -> {
            assertThat(m.getName()).isNull();
            assertThat(m.getValue()).isNotNull();
        });
    }

    @Test
    void recognisesRebirthRequestsByNameOrAlias() throws Exception {
        SparkplugBPayload byName = new SparkplugBPayloadBuilder().addMetric(
                new Metric.MetricBuilder("Node Control/Rebirth", MetricDataType.Boolean, true).createMetric())
                .createPayload();
        SparkplugBPayload byAlias = new SparkplugBPayloadBuilder().addMetric(
                new Metric.MetricBuilder(1L, MetricDataType.Boolean, true).createMetric()).createPayload();
        SparkplugBPayload no = new SparkplugBPayloadBuilder().addMetric(
                new Metric.MetricBuilder("Node Control/Rebirth", MetricDataType.Boolean, false).createMetric())
                .createPayload();
        assertThat(SparkplugNode.isRebirthRequest(byName)).isTrue();
        assertThat(SparkplugNode.isRebirthRequest(byAlias)).isTrue();
        assertThat(SparkplugNode.isRebirthRequest(no)).isFalse();
    }

    private static Map<String, Long> aliasesByMetric(List<SparkplugMessage> births) {
        Map<String, Long> out = new HashMap<>();
        for (SparkplugMessage m : births) {
            for (Metric metric : m.payload().getMetrics()) {
                out.put(m.topic() + "#" + metric.getName(), metric.getAlias());
            }
        }
        return out;
    }

    private static Map<String, Metric> byName(SparkplugBPayload payload) {
        Map<String, Metric> out = new HashMap<>();
        payload.getMetrics().forEach(m -> out.put(m.getName(), m));
        return out;
    }

    private static Object engUnit(Metric metric) {
        return metric.getProperties().getPropertyValue("engUnit").getValue();
    }
}
