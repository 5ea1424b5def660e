package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.plurigrid.console.client.telemetry.SparkplugPayloads.payload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SparkplugDecoderTest {

    private static final String G = "cg-utrecht";
    private static final String N = "utrecht-sub-01";
    private static final String NODE = "spBv1.0/" + G + "/";

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final PointStore store = new PointStore();
    private final DecodeErrors errors = new DecodeErrors(clock);
    private final List<String> commandTopics = new ArrayList<>();
    private final List<byte[]> commandPayloads = new ArrayList<>();
    private SparkplugDecoder decoder;

    private static final PointId SUB_POWER = PointId.nodeMetric(G, N, "Substation/ActivePower");
    private static final PointId PV_POWER = new PointId(G, N, "pv-0001", "ActivePower");
    private static final PointId EV_CONNECTED = new PointId(G, N, "ev-0002", "Connected");

    @BeforeEach
    void setUp() {
        decoder = new SparkplugDecoder(store, errors, clock, (topic, bytes) -> {
            commandTopics.add(topic);
            commandPayloads.add(bytes);
        });
    }

    private void nbirth(long bdSeq) {
        decoder.onMessage(NODE + "NBIRTH/" + N, payload().seq(0).bdSeq(bdSeq).rebirthControl()
                .birthMetric("Substation/ActivePower", 1, 420.0, "kW")
                .birthMetric("Substation/Voltage", 2, 1.01, "pu").bytes());
    }

    private void dbirthPv(long seq) {
        decoder.onMessage(NODE + "DBIRTH/" + N + "/pv-0001", payload().seq(seq)
                .birthMetric("ActivePower", 10, 3.5, "kW").birthMetric("Irradiance", 11, 640, "W/m²").bytes());
    }

    private void ddataPv(long seq, double kw) {
        decoder.onMessage(NODE + "DDATA/" + N + "/pv-0001", payload().seq(seq).aliased(10, kw).bytes());
    }

    private double value(PointId id) {
        return store.latest(id).orElseThrow(() -> new AssertionError("no point " + id)).value();
    }

    private Quality quality(PointId id) {
        return store.latest(id).orElseThrow(() -> new AssertionError("no point " + id)).quality();
    }

    @Test
    void nodeBirthRegistersNodeMetricsWithValueUnitAndGoodQuality() {
        nbirth(0);

        Measurement m = store.latest(SUB_POWER).orElseThrow();
        assertThat(m.value()).isEqualTo(420.0);
        assertThat(m.unit()).isEqualTo("kW");
        assertThat(m.quality()).isEqualTo(Quality.GOOD);
        assertThat(m.time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(decoder.liveNodes()).isEqualTo(1);
        assertThat(store.latest(PointId.nodeMetric(G, N, "bdSeq"))).as("bdSeq is bookkeeping, not telemetry").isEmpty();
        assertThat(errors.total()).isZero();
    }

    @Test
    void deviceDataResolvesAliasesFromTheDeviceBirth() {
        nbirth(0);
        dbirthPv(1);
        ddataPv(2, 7.25);

        assertThat(value(PV_POWER)).isEqualTo(7.25);
        assertThat(store.latest(PV_POWER).orElseThrow().unit()).isEqualTo("kW");
        assertThat(errors.total()).isZero();
    }

    @Test
    void dataWithoutDatatypesTakesTheTypeFromTheBirth() {
        nbirth(0);
        dbirthPv(1);
        decoder.onMessage(NODE + "DDATA/" + N + "/pv-0001",
                payload().seq(2).aliased(10, 9.5).withoutDataTypes().bytes());

        assertThat(value(PV_POWER)).isEqualTo(9.5);
        assertThat(errors.total()).isZero();
    }

    @Test
    void booleanMetricsBecomeZeroOrOne() {
        nbirth(0);
        decoder.onMessage(NODE + "DBIRTH/" + N + "/ev-0002", payload().seq(1).birthBoolean("Connected", 20, false)
                .bytes());
        assertThat(value(EV_CONNECTED)).isEqualTo(0.0);

        decoder.onMessage(NODE + "DDATA/" + N + "/ev-0002", payload().seq(2).aliasedBoolean(20, true).bytes());
        assertThat(value(EV_CONNECTED)).isEqualTo(1.0);
    }

    @Test
    void nodeDataUpdatesNodeMetricsByAlias() {
        nbirth(0);
        decoder.onMessage(NODE + "NDATA/" + N, payload().seq(1).aliased(1, 512.0).bytes());

        assertThat(value(SUB_POWER)).isEqualTo(512.0);
    }

    @Test
    void seqWrapsFrom255ToZeroWithoutAGap() {
        nbirth(0);
        dbirthPv(1);
        for (int seq = 2; seq <= 255 + 3; seq++) {
            ddataPv(seq & 0xFF, seq);
        }

        assertThat(errors.count(DecodeErrors.SEQ_GAP)).isZero();
        assertThat(commandTopics).isEmpty();
        assertThat(value(PV_POWER)).isEqualTo(258.0);
    }

    @Test
    void seqGapIsCountedAndRequestsARebirthOverNcmd() {
        nbirth(0);
        dbirthPv(1);
        ddataPv(2, 1);
        ddataPv(5, 2); // 3 and 4 lost

        assertThat(errors.count(DecodeErrors.SEQ_GAP)).isEqualTo(1);
        assertThat(commandTopics).containsExactly("spBv1.0/" + G + "/NCMD/" + N);
        SparkplugBPayload cmd = SparkplugPayloads.decode(commandPayloads.get(0));
        Metric rebirth = cmd.getMetrics().get(0);
        assertThat(rebirth.getName()).isEqualTo("Node Control/Rebirth");
        assertThat(rebirth.getValue()).isEqualTo(true);
        assertThat(value(PV_POWER)).as("the newest value is kept").isEqualTo(2.0);

        ddataPv(6, 3);
        assertThat(errors.count(DecodeErrors.SEQ_GAP)).as("resynchronised after the gap").isEqualTo(1);
    }

    @Test
    void anUnresolvedSeqGapMakesEveryMetricOfTheNodeStaleUntilItsNextBirth() {
        nbirth(0);
        dbirthPv(1);
        ddataPv(2, 1);
        ddataPv(5, 2); // 3 and 4 lost

        assertThat(quality(SUB_POWER)).isEqualTo(Quality.STALE);
        assertThat(quality(PV_POWER)).isEqualTo(Quality.STALE);
        ddataPv(6, 3);
        assertThat(value(PV_POWER)).isEqualTo(3.0);
        assertThat(quality(PV_POWER)).as("still unresolved: messages were lost").isEqualTo(Quality.STALE);

        nbirth(1); // the requested rebirth
        dbirthPv(1);
        assertThat(quality(SUB_POWER)).isEqualTo(Quality.GOOD);
        assertThat(quality(PV_POWER)).isEqualTo(Quality.GOOD);
        ddataPv(2, 4);
        assertThat(quality(PV_POWER)).isEqualTo(Quality.GOOD);
    }

    @Test
    void silenceAloneNeverMakesASparkplugMetricStale() {
        nbirth(0);
        dbirthPv(1);
        clock.advance(Duration.ofHours(1));

        assertThat(store.markStale(clock)).isZero();
        assertThat(quality(SUB_POWER)).isEqualTo(Quality.GOOD);
        assertThat(quality(PV_POWER)).isEqualTo(Quality.GOOD);
    }

    @Test
    void aStaleRuleGivesSparkplugMetricsOfPeriodicSourcesAMaximumAge() {
        PointStore ruled = new PointStore(List.of(new StaleRule(G + "/+/+/Irradiance", Duration.ofSeconds(30))));
        SparkplugDecoder d = new SparkplugDecoder(ruled, errors, clock, (t, b) -> { });
        d.onMessage(NODE + "NBIRTH/" + N, payload().seq(0).bdSeq(0).birthMetric("Substation/ActivePower", 1, 1, "kW")
                .bytes());
        d.onMessage(NODE + "DBIRTH/" + N + "/pv-0001", payload().seq(1).birthMetric("ActivePower", 10, 3.5, "kW")
                .birthMetric("Irradiance", 11, 640, "W/m²").bytes());

        clock.advance(Duration.ofSeconds(31));
        ruled.markStale(clock);

        assertThat(ruled.latest(new PointId(G, N, "pv-0001", "Irradiance")).orElseThrow().quality())
                .isEqualTo(Quality.STALE);
        assertThat(ruled.latest(PV_POWER).orElseThrow().quality()).isEqualTo(Quality.GOOD);
    }

    @Test
    void rebirthRequestsToOneNodeAreRateLimited() {
        nbirth(0);
        dbirthPv(1);
        ddataPv(5, 1);
        ddataPv(9, 1);
        assertThat(errors.count(DecodeErrors.SEQ_GAP)).isEqualTo(2);
        assertThat(commandTopics).hasSize(1);

        clock.advance(RebirthPolicy.DEFAULTS.perNode());
        ddataPv(20, 1);
        assertThat(commandTopics).hasSize(2);
    }

    @Test
    void nodeDeathWithMatchingBdSeqMarksEveryMetricOfTheNodeCommsLost() {
        nbirth(7);
        dbirthPv(1);

        decoder.onMessage(NODE + "NDEATH/" + N, payload().bdSeq(7).bytes());

        assertThat(quality(SUB_POWER)).isEqualTo(Quality.COMMS_LOST);
        assertThat(quality(PV_POWER)).isEqualTo(Quality.COMMS_LOST);
        assertThat(value(PV_POWER)).as("last value kept").isEqualTo(3.5);
        assertThat(decoder.liveNodes()).isZero();
    }

    @Test
    void nodeDeathWithAStaleBdSeqIsIgnored() {
        nbirth(8);
        dbirthPv(1);

        decoder.onMessage(NODE + "NDEATH/" + N, payload().bdSeq(7).bytes()); // Will of the previous session

        assertThat(quality(SUB_POWER)).isEqualTo(Quality.GOOD);
        assertThat(quality(PV_POWER)).isEqualTo(Quality.GOOD);
        assertThat(decoder.liveNodes()).isEqualTo(1);
        ddataPv(2, 4.0);
        assertThat(value(PV_POWER)).isEqualTo(4.0);
        assertThat(errors.total()).isZero();
    }

    @Test
    void deviceDeathMarksOnlyThatDeviceCommsLost() {
        nbirth(0);
        dbirthPv(1);
        decoder.onMessage(NODE + "DDEATH/" + N + "/pv-0001", payload().seq(2).bytes());

        assertThat(quality(PV_POWER)).isEqualTo(Quality.COMMS_LOST);
        assertThat(store.latest(new PointId(G, N, "pv-0001", "Irradiance")).orElseThrow().quality())
                .isEqualTo(Quality.COMMS_LOST);
        assertThat(quality(SUB_POWER)).isEqualTo(Quality.GOOD);

        ddataPv(3, 1.0);
        assertThat(errors.count(DecodeErrors.NO_BIRTH)).as("dead device sends data").isEqualTo(1);
    }

    @Test
    void rebirthAfterDeathRestoresGoodQuality() {
        nbirth(0);
        dbirthPv(1);
        decoder.onMessage(NODE + "NDEATH/" + N, payload().bdSeq(0).bytes());
        nbirth(1);
        dbirthPv(1);

        assertThat(quality(PV_POWER)).isEqualTo(Quality.GOOD);
        assertThat(decoder.liveNodes()).isEqualTo(1);
    }

    @Test
    void historicalMetricsAreKeptOutOfTheLiveStore() {
        nbirth(0);
        dbirthPv(1);
        decoder.onMessage(NODE + "DDATA/" + N + "/pv-0001", payload().seq(2).historical(10, 99.0).bytes());

        assertThat(value(PV_POWER)).isEqualTo(3.5);
        assertThat(errors.total()).isZero();
    }

    @Test
    void payloadThatIsNotProtobufIsCountedNotThrown() {
        nbirth(0);
        assertThatCode(() -> {
            decoder.onMessage(NODE + "NDATA/" + N, new byte[] {0x0A, 0x05, 0x01});
            decoder.onMessage(NODE + "NDATA/" + N, "{\"power\": 12.5}".getBytes(StandardCharsets.UTF_8));
            decoder.onMessage(NODE + "NDATA/" + N, new byte[0]);
        }).doesNotThrowAnyException();

        assertThat(errors.count(DecodeErrors.NOT_PROTOBUF)).isEqualTo(3);
        assertThat(value(SUB_POWER)).isEqualTo(420.0);
    }

    @Test
    void topicsOfTheWrongShapeAreCountedAsBadTopic() {
        byte[] p = payload().seq(1).aliased(1, 1).bytes();
        decoder.onMessage("spBv1.0/" + G + "/NDATA", p);
        decoder.onMessage("spBv1.0/" + G + "/FOO/" + N, p);
        decoder.onMessage("spBv1.0/" + G + "/DDATA/" + N, p);               // device message without device
        decoder.onMessage("spBv1.0/" + G + "/NDATA/" + N + "/pv-0001", p);  // node message with a device
        decoder.onMessage("spBv1.0//NDATA/" + N, p);

        assertThat(errors.count(DecodeErrors.BAD_TOPIC)).isEqualTo(5);
        assertThat(store.size()).isZero();
    }

    @Test
    void hostStateCommandsAndForeignTopicsAreNotErrors() {
        decoder.onMessage("spBv1.0/STATE/console-1", "{\"online\":true}".getBytes(StandardCharsets.UTF_8));
        decoder.onMessage(NODE + "NCMD/" + N, SparkplugDecoder.rebirthPayload(0));
        decoder.onMessage("coop/meter/42", "12.5".getBytes(StandardCharsets.UTF_8));

        assertThat(errors.total()).isZero();
    }

    @Test
    void dataFromANodeNeverSeenBornIsCountedNotAnswered() {
        ddataPv(5, 1.0);

        assertThat(errors.count(DecodeErrors.UNKNOWN_NODE)).isEqualTo(1);
        assertThat(commandTopics).isEmpty();
        assertThat(store.size()).isZero();
        assertThat(decoder.knownNodes()).as("no state kept for it").isZero();
    }

    @Test
    void anAllowListedNodeNeverSeenBornIsAskedForABirth() {
        SparkplugDecoder allowing = new SparkplugDecoder(store, errors, clock, (t, b) -> commandTopics.add(t),
                RebirthPolicy.DEFAULTS.withAllowList(List.of(G + "/+")), TelemetryLimits.DEFAULTS);
        allowing.onMessage(NODE + "DDATA/" + N + "/pv-0001", payload().seq(5).aliased(10, 1).bytes());
        allowing.onMessage("spBv1.0/cg-other/DDATA/x/pv-0001", payload().seq(5).aliased(10, 1).bytes());
        allowing.onMessage(NODE + "DDATA/" + N + "/pv-0001", payload().seq(6).aliased(10, 1).bytes());

        assertThat(commandTopics).as("once per node interval, only the allowed group")
                .containsExactly("spBv1.0/" + G + "/NCMD/" + N);
    }

    @Test
    void aPassiveDecoderNeverSendsACommand() {
        SparkplugDecoder passive = new SparkplugDecoder(store, errors, clock, (t, b) -> commandTopics.add(t),
                RebirthPolicy.DEFAULTS.withMode(RebirthPolicy.Mode.PASSIVE), TelemetryLimits.DEFAULTS);
        passive.onMessage(NODE + "NBIRTH/" + N, payload().seq(0).bdSeq(0).birthMetric("Substation/ActivePower", 1, 1,
                "kW").bytes());
        passive.onMessage(NODE + "NDATA/" + N, payload().seq(9).aliased(1, 2).bytes()); // a gap
        passive.onMessage("spBv1.0/" + G + "/NDATA/unknown", payload().seq(9).aliased(1, 2).bytes());

        assertThat(errors.count(DecodeErrors.SEQ_GAP)).isEqualTo(1);
        assertThat(commandTopics).isEmpty();
    }

    @Test
    void spoofedTrafficFromFreshIdsIsAnsweredOnlyWithinTheGlobalBudget() {
        SparkplugDecoder any = new SparkplugDecoder(store, errors, clock, (t, b) -> commandTopics.add(t),
                RebirthPolicy.DEFAULTS.withMode(RebirthPolicy.Mode.ANY), TelemetryLimits.DEFAULTS);
        byte[] data = payload().seq(1).aliased(1, 1).bytes();
        for (int i = 0; i < 10_000; i++) {
            any.onMessage("spBv1.0/" + G + "/NDATA/spoof-" + i, data);
            if (i % 100 == 99) {
                clock.advance(Duration.ofMillis(100)); // 1,000 msg/s for 10 s
            }
        }

        long budget = RebirthPolicy.DEFAULTS.burst() + (long) (RebirthPolicy.DEFAULTS.perSecond() * 10);
        assertThat(commandTopics).hasSizeBetween(RebirthPolicy.DEFAULTS.burst(), (int) budget);
        assertThat(any.rebirthsHeldBack()).isEqualTo(10_000 - commandTopics.size());
        assertThat(any.knownNodes()).isZero();
        assertThat(errors.count(DecodeErrors.UNKNOWN_NODE)).isEqualTo(10_000);
    }

    @Test
    void aMetricWithAnEmptyNameIsCountedAndTheRestOfTheMessageApplies() {
        // fuzzing finding (finding-birth-metric-with-empty-name): an empty name threw inside the decoder
        decoder.onMessage(NODE + "NBIRTH/" + N, payload().seq(0).bdSeq(0)
                .birthMetric("", 1, 7.0, "kW").birthMetric("Substation/ActivePower", 2, 420.0, "kW").bytes());
        decoder.onMessage(NODE + "DBIRTH/" + N + "/pv-0001", payload().seq(1)
                .birthMetric("", 10, 1.0, "kW").birthMetric("ActivePower", 11, 3.5, "kW").bytes());
        decoder.onMessage(NODE + "DDATA/" + N + "/pv-0001", payload().seq(2).named("", 9.0).bytes());

        assertThat(errors.count(DecodeErrors.DECODE_FAILED)).isZero();
        assertThat(errors.count(DecodeErrors.EMPTY_METRIC_NAME)).isEqualTo(3);
        assertThat(value(SUB_POWER)).isEqualTo(420.0);
        assertThat(value(PV_POWER)).isEqualTo(3.5);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void aBirthWithTooManyMetricsIsRefusedWhole() {
        SparkplugDecoder limited = new SparkplugDecoder(store, errors, clock, (t, b) -> { }, RebirthPolicy.DEFAULTS,
                new TelemetryLimits(1 << 20, 3, 100, 10, 1_000, 100, 1 << 20));
        SparkplugPayloads birth = payload().seq(0).bdSeq(0);
        for (int i = 0; i < 4; i++) {
            birth.birthMetric("m" + i, i + 1, i, "");
        }
        limited.onMessage(NODE + "NBIRTH/" + N, birth.bytes());

        assertThat(errors.count(DecodeErrors.BIRTH_TOO_LARGE)).isEqualTo(1);
        assertThat(store.size()).isZero();
        assertThat(limited.liveNodes()).isZero();
    }

    @Test
    void pointsPerNodeAndNodesPerConnectionAreBounded() {
        SparkplugDecoder limited = new SparkplugDecoder(store, errors, clock, (t, b) -> { }, RebirthPolicy.DEFAULTS,
                new TelemetryLimits(1 << 20, 100, 5, 2, 1_000, 100, 1 << 20));
        for (int node = 0; node < 3; node++) {
            limited.onMessage(NODE + "NBIRTH/n" + node, payload().seq(0).bdSeq(0).birthMetric("a", 1, 1, "")
                    .birthMetric("b", 2, 2, "").bytes());
        }
        SparkplugPayloads dbirth = payload().seq(1);
        for (int i = 0; i < 10; i++) {
            dbirth.birthMetric("d" + i, 10 + i, i, "");
        }
        limited.onMessage(NODE + "DBIRTH/n0/pv-0001", dbirth.bytes());

        assertThat(limited.knownNodes()).isEqualTo(2);
        assertThat(errors.count(DecodeErrors.NODE_LIMIT)).isEqualTo(1);
        assertThat(store.snapshot()).filteredOn(m -> m.id().node().equals("n0")).hasSize(5);
        assertThat(errors.count(DecodeErrors.POINT_LIMIT)).isEqualTo(1);
    }

    @Test
    void metricsANewBirthNoLongerAnnouncesAreFreed() {
        nbirth(0);
        dbirthPv(1);
        for (int session = 1; session <= 50; session++) {
            decoder.onMessage(NODE + "NBIRTH/" + N, payload().seq(0).bdSeq(session)
                    .birthMetric("Session" + session + "/Value", 1, session, "").bytes());
            decoder.onMessage(NODE + "DBIRTH/" + N + "/pv-0001", payload().seq(1)
                    .birthMetric("Gen" + session, 10, 3.5, "kW").bytes());
        }

        assertThat(store.snapshot()).extracting(m -> m.id().metric())
                .containsExactlyInAnyOrder("Session50/Value", "Gen50");
    }

    @Test
    void unknownAliasIsCountedAndTheKnownMetricsOfTheMessageStillApply() {
        nbirth(0);
        dbirthPv(1);
        decoder.onMessage(NODE + "DDATA/" + N + "/pv-0001", payload().seq(2).aliased(10, 8.0).aliased(999, 1)
                .bytes());

        assertThat(errors.count(DecodeErrors.UNKNOWN_ALIAS)).isEqualTo(1);
        assertThat(value(PV_POWER)).isEqualTo(8.0);
    }

    @Test
    void connectionLossMarksEverythingCommsLostAndWaitsForNewBirths() {
        nbirth(0);
        dbirthPv(1);

        decoder.onConnectionLost();

        assertThat(quality(SUB_POWER)).isEqualTo(Quality.COMMS_LOST);
        assertThat(quality(PV_POWER)).isEqualTo(Quality.COMMS_LOST);
        assertThat(decoder.liveNodes()).isZero();
        ddataPv(2, 1.0);
        assertThat(errors.count(DecodeErrors.NO_BIRTH)).isEqualTo(1);
        assertThat(commandTopics).hasSize(1);
    }

    @Test
    void listenersSeeEveryMeasurementWhileTheFeedSeesTheNewestOnly() {
        List<Measurement> tapped = new ArrayList<>();
        store.addListener(tapped::add);
        nbirth(0);
        dbirthPv(1);
        store.drainChanges();
        tapped.clear();

        ddataPv(2, 1.0);
        ddataPv(3, 2.0);
        ddataPv(4, 3.0);

        assertThat(tapped).extracting(Measurement::value).containsExactly(1.0, 2.0, 3.0);
        assertThat(store.drainChanges()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(PV_POWER);
            assertThat(m.value()).isEqualTo(3.0);
        });
    }

    @Test
    void randomAndTruncatedPayloadsNeverEscapeTheDecoder() {
        nbirth(0);
        dbirthPv(1);
        byte[] valid = payload().seq(2).aliased(10, 1.0).aliased(11, 2.0).bytes();
        java.util.Random random = new java.util.Random(42);
        assertThatCode(() -> {
            for (int i = 0; i < 5_000; i++) {
                byte[] junk = new byte[random.nextInt(64)];
                random.nextBytes(junk);
                decoder.onMessage(NODE + "DDATA/" + N + "/pv-0001", junk);
                decoder.onMessage(NODE + "NBIRTH/" + N, junk);
                decoder.onMessage(NODE + "DDEATH/" + N + "/pv-0001", junk);
            }
            for (int len = 0; len < valid.length; len++) {
                decoder.onMessage(NODE + "DDATA/" + N + "/pv-0001", java.util.Arrays.copyOf(valid, len));
            }
        }).doesNotThrowAnyException();

        assertThat(errors.count(DecodeErrors.NOT_PROTOBUF)).isPositive();
        assertThat(errors.count(DecodeErrors.DECODE_FAILED)).as("no unexpected failure inside the decoder").isZero();
    }
}
