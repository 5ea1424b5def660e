package org.plurigrid.console.devnet.gridtelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridPoints;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.GridTelemetryOverlay;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.devnet.Devnet;
import org.plurigrid.console.devnet.DevnetConfig;
import org.plurigrid.console.devnet.grid.DemoSupergrid;

/**
 * The whole loop on loopback: the devnet's fleet drives the demo supergrid's power flow, its EMS nodes publish the
 * result over MQTT, and the console's telemetry pipeline plus {@link GridTelemetryOverlay} (on the console's own copy
 * of the model) rebuild a picture that is physically consistent with the fleet.
 */
class GridLiveIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static Devnet devnet;
    private static TelemetryService telemetry;
    private static GridTelemetryOverlay overlay;
    /** Every value seen per point path, keyed by source time: one EMS step stamps all its messages alike. */
    private static final Map<String, Map<Instant, Double>> seen = new ConcurrentHashMap<>();
    /** The latest Area/Load_MW per community grid. */
    private static final Map<String, Double> areaLoadMw = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        devnet = Devnet.start(DevnetConfig.defaults().withMqttPort(0).withGridStep(Duration.ofSeconds(1))
                .withSimTimeOfDay(LocalTime.NOON));
        // The console loads its own copy of the model: topology and ratings only, no values from the devnet.
        GridSnapshot topology = new GridSnapshotFactory().snapshot(DemoSupergrid.build(), null, Instant.now());
        overlay = new GridTelemetryOverlay(topology);
        // The console as the fleet's primary host: the nodes birth again when it comes online.
        devnet.followPrimaryHost("grid-live-test");
        telemetry = new TelemetryService(List.of(BrokerConfig.builder("devnet", devnet.mqttUri())
                .hostId("grid-live-test").build()), InstantSource.system());
        telemetry.addListener(m -> {
            String metric = m.id().metric();
            if (metric.equals(GridPoints.AREA_LOAD)) {
                areaLoadMw.put(m.id().group(), m.value());
            }
            if (metric.equals(GridPoints.BRANCH_P1) || metric.equals(GridPoints.BRANCH_P2)
                    || metric.equals(GridPoints.SUBSTATION_DER_IMPORT)
                    || metric.equals(GridPoints.FLEET_SUBSTATION_POWER)) {
                seen.computeIfAbsent(m.id().path(), k -> new ConcurrentHashMap<>()).put(m.time(), m.value());
            }
        });
        telemetry.start();
    }

    @AfterAll
    static void stop() {
        if (telemetry != null) {
            telemetry.close();
        }
        if (devnet != null) {
            devnet.close();
        }
    }

    /** Drains the feed into the overlay once per "frame" until the condition holds or the wait is over. */
    private static void pumpUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            overlay.apply(telemetry.feed().drainChanges().changed());
            overlay.frame();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void branchLoadingsArriveOnTheConsolesModelAndAreGood() throws InterruptedException {
        int branches = overlay.topology().branches().size();
        pumpUntil(() -> overlay.quality().keySet().containsAll(
                overlay.topology().branches().stream().map(GridBranch::id).toList()));

        GridSnapshot live = overlay.snapshot();
        assertThat(live.branches().stream().filter(b -> overlay.quality().get(b.id()) == Quality.GOOD).count())
                .as("branches with live telemetry").isEqualTo(branches);
        assertThat(live.branches()).allSatisfy(b -> assertThat(b.loadingPercent()).as(b.id()).isBetween(0.0, 500.0));
        assertThat(live.mostLoaded(1).get(0).loadingPercent()).isGreaterThan(10);
    }

    @Test
    void interconnectorEndsBalanceWithinLineLossesAndAreasNetToLosses() throws InterruptedException {
        List<GridBranch> ties = overlay.topology().branches().stream().filter(GridBranch::interconnector).toList();
        assertThat(ties).hasSizeGreaterThanOrEqualTo(9);
        pumpUntil(() -> ties.stream().allMatch(t -> sameStep(t) != null));

        double totalLosses = 0;
        for (GridBranch t : ties) {
            double[] ends = sameStep(t);
            assertThat(ends).as("both ends of %s from one EMS step", t.id()).isNotNull();
            double losses = ends[0] + ends[1];
            totalLosses += losses;
            assertThat(losses).as("%s: P1 %.3f MW, P2 %.3f MW", t.id(), ends[0], ends[1])
                    .isBetween(-0.002, 0.05 * Math.abs(ends[0]) + 0.5);
        }
        pumpUntil(() -> overlay.areaIds().stream().noneMatch(a -> Double.isNaN(overlay.netInterchangeMw(a))));
        double net = overlay.areaIds().stream().mapToDouble(overlay::netInterchangeMw).sum();
        // Areas' exports and imports cancel up to the interconnectors' losses (values may be a step apart).
        assertThat(net).isCloseTo(totalLosses, within(5.0));
    }

    @Test
    void derImportAtEachFleetSubstationEqualsTheFleetsOwnAggregate() throws InterruptedException {
        List<String> covered = devnet.fleet().edgeNodes().stream().map(n -> n.nodeId()).sorted().toList();
        pumpUntil(() -> covered.stream().allMatch(sub -> matchingFleetValue(sub) != null));

        for (String sub : covered) {
            double[] match = matchingFleetValue(sub);
            assertThat(match).as("an EMS DerImport of %s equal to one the fleet published", sub).isNotNull();
            assertThat(match[0]).isCloseTo(match[1] / 1000, within(0.0005));
        }
    }

    @Test
    void theOverviewsTotalLoadIsTheSumOfTheAreas() throws InterruptedException {
        java.util.function.DoubleSupplier areas = () -> areaLoadMw.values().stream().mapToDouble(Double::doubleValue)
                .sum() * 1000;
        pumpUntil(() -> areaLoadMw.size() == 6
                && Math.abs(telemetry.summary().loadKw() - areas.getAsDouble()) <= 0.01 * areas.getAsDouble());

        assertThat(areaLoadMw).hasSize(6);
        // the EMS values change every step: compare within 1 % (a step may land between the two reads)
        assertThat(telemetry.summary().loadKw()).isCloseTo(areas.getAsDouble(), within(0.01 * areas.getAsDouble()));
        // a supergrid of community grids: tens of MW, not GW
        assertThat(telemetry.summary().loadKw()).isBetween(5_000.0, 100_000.0);
    }

    /** P1 and P2 of a tie from the same EMS step (same source time), or null. */
    private static double[] sameStep(GridBranch tie) {
        String group1 = groupOf(tie.substation1Id());
        String group2 = groupOf(tie.substation2Id());
        Map<Instant, Double> p1 = seen.get(group1 + "/" + GridPoints.emsNodeId(group1) + "/" + tie.id() + "/"
                + GridPoints.BRANCH_P1);
        Map<Instant, Double> p2 = seen.get(group2 + "/" + GridPoints.emsNodeId(group2) + "/" + tie.id() + "/"
                + GridPoints.BRANCH_P2);
        if (p1 == null || p2 == null) {
            return null;
        }
        for (Map.Entry<Instant, Double> e : p1.entrySet()) {
            Double other = p2.get(e.getKey());
            if (other != null) {
                return new double[]{e.getValue(), other};
            }
        }
        return null;
    }

    /** [EMS DerImport MW, fleet ActivePower kW] where the EMS value matches a value the fleet published, or null. */
    private static double[] matchingFleetValue(String sub) {
        String group = groupOf(sub);
        Map<Instant, Double> ems = seen.get(group + "/" + GridPoints.emsNodeId(group) + "/" + sub + "/"
                + GridPoints.SUBSTATION_DER_IMPORT);
        Map<Instant, Double> fleet = seen.get(group + "/" + sub + "/" + GridPoints.FLEET_SUBSTATION_POWER);
        if (ems == null || fleet == null) {
            return null;
        }
        Set<Double> published = fleet.values().stream().collect(Collectors.toSet());
        for (double mw : new ArrayList<>(ems.values())) {
            for (double kw : published) {
                if (Math.abs(mw - kw / 1000) <= 0.0005) {
                    return new double[]{mw, kw};
                }
            }
        }
        return null;
    }

    private static String groupOf(String substationId) {
        return overlay.topology().substation(substationId).orElseThrow().areaId();
    }
}
