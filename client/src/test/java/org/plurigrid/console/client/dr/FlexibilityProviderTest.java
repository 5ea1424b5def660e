package org.plurigrid.console.client.dr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlexibilityProviderTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final DrDeviceTracker tracker = new DrDeviceTracker(InstantSource.fixed(NOW), (topic, payload) -> { });
    private final DemandResponseService service = new DemandResponseService(null, tracker, InstantSource.fixed(NOW), null,
            DemandResponseService.AckPolicy.defaults());
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void devices() throws Exception {
        birth("load-1", 30, 10);   // the console's own estimate: min(30, 10) = 10 kW
        birth("hp-1", 8, Double.NaN); // a heat pump: the console has no rule for it, 0 kW
        birth("pv-1", 50, Double.NaN); // a generator: never asked
    }

    @Test
    void aProvidersEstimateReplacesTheConsolesForTheDevicesItKnowsAndCountsOtherKindsApart() {
        service.flexibilityProviders(List.of(provider(Map.of("load-1", 4.0, "hp-1", 6.0))));

        Flexibility f = service.flexibility("site-a");

        assertThat(f.curtailableLoadKw()).isEqualTo(4.0);
        assertThat(f.otherKw()).isEqualTo(6.0);
        assertThat(f.reductionKw()).isEqualTo(10.0);
        assertThat(f.curtailablePvKw()).isEqualTo(50.0);
        assertThat(asked).containsExactlyInAnyOrder("load-1", "hp-1");
    }

    @Test
    void withoutAProviderOrWhereItKnowsNothingOrSaysNonsenseTheConsolesOwnEstimateHolds() {
        assertThat(service.flexibility("site-a").reductionKw()).isEqualTo(10.0);

        service.flexibilityProviders(List.of(provider(Map.of("load-1", Double.NaN, "hp-1", -3.0)), provider(Map.of())));

        Flexibility f = service.flexibility("site-a");
        assertThat(f.curtailableLoadKw()).isEqualTo(10.0);
        assertThat(f.otherKw()).isZero();
    }

    @Test
    void theFirstProviderThatKnowsADeviceWins() {
        service.flexibilityProviders(List.of(provider(Map.of("hp-1", 2.0)), provider(Map.of("hp-1", 7.0, "load-1", 1.0))));

        Flexibility f = service.flexibility("site-a");

        assertThat(f.otherKw()).isEqualTo(2.0);
        assertThat(f.curtailableLoadKw()).isEqualTo(1.0);
    }

    @Test
    void aDispatchSharesTheReductionByTheProvidersEstimates() {
        service.flexibilityProviders(List.of(provider(Map.of("load-1", 4.0, "hp-1", 6.0))));
        // import 30 + 8 - 50 = -12 kW; a relative setpoint asks 5 kW less: half of the 10 kW available
        DispatchRequest r = new DispatchRequest("site-a", PayloadType.DISPATCH_SETPOINT_RELATIVE, -5, "KW", NOW,
                Duration.ofMinutes(15), Optional.empty(), Optional.empty(), Duration.ZERO);

        var plan = service.plan(r, NOW);

        assertThat(plan.get(device("load-1")).get(DeviceControl.MAX_LIMIT_W)).isEqualTo((30 - 2.0) * 1000);
        assertThat(plan.get(device("hp-1")).get(DeviceControl.MAX_LIMIT_W)).isEqualTo((8 - 3.0) * 1000);
        assertThat(plan).doesNotContainKey(device("pv-1"));
    }

    @Test
    void theSitesTableAsksEachProviderOnceForTheDevicesOfAllSitesWithTheSameResultsAsSiteBySite() throws Exception {
        birth("site-b", "load-2", 20, 5);
        birth("site-b", "hp-2", 4, Double.NaN);
        List<List<String>> batches = new ArrayList<>();
        Map<String, Double> kw = Map.of("load-1", 4.0, "hp-1", 6.0, "hp-2", 1.5);
        service.flexibilityProviders(List.of(batchProvider(kw, batches), batchProvider(Map.of("load-2", 3.0), batches)));
        List<Flexibility> siteBySite = List.of(service.flexibility("site-a"), service.flexibility("site-b"));
        batches.clear();

        List<Flexibility> sites = service.siteFlexibility();

        assertThat(sites).isEqualTo(siteBySite);
        assertThat(sites.get(1).curtailableLoadKw()).isEqualTo(3.0);
        assertThat(sites.get(1).otherKw()).isEqualTo(1.5);
        assertThat(batches).as("one call per provider, not one per site and provider").hasSize(2);
        assertThat(batches).allSatisfy(b -> assertThat(b).containsExactlyInAnyOrder("hp-1", "hp-2", "load-1", "load-2"));
    }

    /** A provider that knows {@code kw} and records each batch it is asked for (device ids). */
    private static FlexibilityProvider batchProvider(Map<String, Double> kw, List<List<String>> batches) {
        return new FlexibilityProvider() {
            @Override
            public String name() {
                return "batch";
            }

            @Override
            public OptionalDouble reductionKw(DrDeviceTracker.DeviceReading reading) {
                throw new AssertionError("the console asks for estimates in batches");
            }

            @Override
            public Map<DerDevice, Double> estimates(List<DrDeviceTracker.DeviceReading> readings) {
                batches.add(readings.stream().map(r -> r.device().device()).toList());
                Map<DerDevice, Double> out = new java.util.HashMap<>();
                readings.stream().filter(r -> kw.containsKey(r.device().device()))
                        .forEach(r -> out.put(r.device(), kw.get(r.device().device())));
                return out;
            }
        };
    }

    private FlexibilityProvider provider(Map<String, Double> kw) {
        return new FlexibilityProvider() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public OptionalDouble reductionKw(DrDeviceTracker.DeviceReading reading) {
                asked.add(reading.device().device());
                Double v = kw.get(reading.device().device());
                return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
            }
        };
    }

    private static DerDevice device(String id) {
        return new DerDevice("grid-a", "site-a", id);
    }

    private void birth(String id, double activePowerKw, double flexibilityKw) throws Exception {
        birth("site-a", id, activePowerKw, flexibilityKw);
    }

    private void birth(String site, String id, double activePowerKw, double flexibilityKw) throws Exception {
        SparkplugBPayload.SparkplugBPayloadBuilder b = new SparkplugBPayload.SparkplugBPayloadBuilder()
                .setTimestamp(Date.from(NOW)).setSeq(0L)
                .addMetric(new Metric.MetricBuilder("ActivePower", MetricDataType.Double, activePowerKw).createMetric())
                .addMetric(new Metric.MetricBuilder(DeviceControl.MAX_LIMIT_W.metric(), MetricDataType.Double, 0.0).createMetric());
        if (!Double.isNaN(flexibilityKw)) {
            b.addMetric(new Metric.MetricBuilder("Flexibility", MetricDataType.Double, flexibilityKw).createMetric());
        }
        tracker.onMessage("spBv1.0/grid-a/DBIRTH/" + site + "/" + id, new SparkplugBPayloadEncoder().getBytes(b.createPayload(), false));
    }
}
