package org.plurigrid.console.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.dr.DemandResponseService;
import org.plurigrid.console.client.dr.DeviceState;
import org.plurigrid.console.client.dr.DispatchOutcome;
import org.plurigrid.console.client.dr.DispatchProgress;
import org.plurigrid.console.client.dr.DispatchRequest;
import org.plurigrid.console.client.dr.DrChainClient;
import org.plurigrid.console.client.dr.DrDeviceTracker;
import org.plurigrid.console.client.dr.EventBaselines;
import org.plurigrid.console.client.dr.Flexibility;
import org.plurigrid.console.client.dr.IntervalPeriod;
import org.plurigrid.console.client.dr.LiveEvent;
import org.plurigrid.console.client.dr.Measurement;
import org.plurigrid.console.client.dr.PayloadType;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.TelemetryClient;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.Mnemonic;
import org.plurigrid.console.client.wallet.SigningKey;
import org.plurigrid.console.devnet.broker.EmbeddedBroker;
import org.plurigrid.console.devnet.chain.DevnetChain;
import org.plurigrid.console.devnet.chain.DrGenesis;
import org.plurigrid.console.devnet.fleet.CommunityGrid;
import org.plurigrid.console.devnet.fleet.EdgeNode;

/** Demand response end to end on the devnet: chain, broker, fleet; dispatch → acks → delivered → cancel → settle. */
class DemandResponseDevnetTest {

    static final Mnemonic ALICE = Mnemonic.parse("special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling");

    EmbeddedBroker broker;
    Devnet devnet;
    DevnetChain chain;
    ChainClient client;
    TelemetryClient mqtt;
    ScheduledExecutorService scheduler;
    DrDeviceTracker tracker;
    DemandResponseService dr;
    SigningKey alice;
    final AtomicInteger dcmds = new AtomicInteger();
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path home;
    final List<DispatchProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedBroker.start(0);
        devnet = Devnet.start(DevnetConfig.defaults().withExternalBroker(broker.uri()).withDevices(60).withoutGrid()
                .withPublishRateHz(4).withSimTimeOfDay(LocalTime.of(19, 0)));
        chain = DevnetChain.start(DevnetChain.Options.defaults().withDemoMnemonics(List.of(ALICE)).withBlockTime(Duration.ofMillis(100)),
                DrGenesis.forSites(devnet.fleet().edgeNodes().stream().map(EdgeNode::nodeId).toList(), "cosmos"));
        alice = ALICE.deriveKey(HdPath.cosmos(0));
        client = new ChainClient(ChainConfig.of(chain.chainId(), "cosmos", "ucosm", "0.025", GrpcEndpoint.parse(chain.grpcTarget()))
                .withInclusionTimeout(Duration.ofSeconds(10)).withPollInterval(Duration.ofMillis(20)), InstantSource.system());
        scheduler = Executors.newScheduledThreadPool(2);
        mqtt = new TelemetryClient(BrokerConfig.builder("dr-test", broker.uri()).clientId("dr-test").build(), scheduler, pub -> {
            tracker = new DrDeviceTracker(InstantSource.system(), (topic, payload) -> {
                if (topic.contains("/DCMD/")) {
                    dcmds.incrementAndGet();
                }
                pub.publish(topic, payload);
            });
            return tracker;
        });
        mqtt.start();
        dr = new DemandResponseService(new DrChainClient(client, chain.drContractAddress()), tracker, InstantSource.system(), scheduler,
                new DemandResponseService.AckPolicy(Duration.ofSeconds(2), 3), EventBaselines.in(home.resolve("dr")));
        String target = CommunityGrid.DEVNET_GRIDS.getFirst().id();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (tracker.devicesIn(target).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100); // the fleet births again when the tracker asks (it joined after the births)
        }
        Thread.sleep(3000); // a few seconds of history for the meter-before baseline
    }

    @AfterEach
    void stop() {
        mqtt.close();
        scheduler.shutdownNow();
        client.close();
        chain.close();
        devnet.close();
        broker.close();
    }

    private DispatchRequest reduceBy(String target, double kw) {
        return new DispatchRequest(target, PayloadType.DISPATCH_SETPOINT_RELATIVE, -kw, "KW", IntervalPeriod.NOW,
                Duration.ofMinutes(2), Optional.empty(), Optional.empty(), Duration.ofSeconds(2));
    }

    @Test
    void dispatchIsAcknowledgedDeliversAndSettlesToTheOwners() throws Exception {
        String target = CommunityGrid.DEVNET_GRIDS.getFirst().id();
        Flexibility flex = dr.flexibility(target);
        assertThat(flex.reductionKw()).as("flexibility of %s", target).isPositive();

        DispatchOutcome out = dr.dispatch(reduceBy(target, flex.reductionKw() / 2), alice, false, progress::add);

        assertThat(out).isInstanceOf(DispatchOutcome.Dispatched.class);
        LiveEvent event = ((DispatchOutcome.Dispatched) out).event();
        assertThat(event.commanded()).isPositive();
        assertThat(event.awaitAcks(0.95, Duration.ofSeconds(20))).as("95 %% of %s acknowledged: %s", event.commanded(), event.counts()).isTrue();
        Thread.sleep(6000);
        Measurement m = event.measure(tracker, InstantSource.system().instant());
        assertThat(m.deliveredKw()).as("delivered of %s requested", m.requestedKw()).isPositive();
        assertThat(progress).first().isInstanceOf(DispatchProgress.Submitting.class);

        assertThat(dr.cancel(event.eventId(), alice, progress::add)).isInstanceOf(TxOutcome.Included.class);
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (event.counts().getOrDefault(DeviceState.RESTORED, 0) < event.acknowledged() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(event.counts().get(DeviceState.RESTORED)).as("restored: %s", event.counts()).isEqualTo(event.acknowledged());

        BigInteger poolBefore = dr.chain().program().pool();
        dr.submitPowerFor(program -> program.equals("prog-devnet")); // configured: delivery also as MsgSubmitPower
        TxOutcome settled = dr.reportAndSettle(event.eventId(), alice, progress::add);

        assertThat(settled).isInstanceOf(TxOutcome.Included.class);
        var reported = dr.chain().event(event.eventId()).orElseThrow();
        long wh = reported.deliveries().stream().mapToLong(d -> d.deliveredWh().longValue()).sum();
        assertThat(chain.powerRecords()).as("delivered power recorded with /grid.grid.MsgSubmitPower").singleElement().satisfies(r -> {
            assertThat(r.creator()).isEqualTo(alice.address("cosmos").bech32());
            assertThat(r.watt()).isPositive();
            // W × the delivery window = the Wh reported to the contract (whole Wh per device, so within a few Wh)
            double windowHours = java.time.Duration.between(reported.start(), reported.cancelledAt().orElseThrow()).toMillis() / 3.6e6;
            assertThat(r.watt() * windowHours).isCloseTo(wh, org.assertj.core.data.Offset.offset(Math.max(3.0, wh * 0.1)));
        });
        BigInteger paid = poolBefore.subtract(dr.chain().program().pool());
        assertThat(paid).isPositive();
        String anOwner = dr.chain().event(event.eventId()).orElseThrow().payouts().getFirst().owner();
        assertThat(client.balances(anOwner)).extracting(CoinAmount::amount).first().matches(b -> b.signum() > 0);
    }

    @Test
    void aConsoleRestartedMidEventRecoversItFromChainAndTelemetryThenCancelsAndSettles() throws Exception {
        String target = CommunityGrid.DEVNET_GRIDS.getFirst().id();
        DispatchOutcome out = dr.dispatch(reduceBy(target, dr.flexibility(target).reductionKw() / 2), alice, false, progress::add);
        LiveEvent before = ((DispatchOutcome.Dispatched) out).event();
        assertThat(before.awaitAcks(0.95, Duration.ofSeconds(20))).as("acks before the restart: %s", before.counts()).isTrue();
        int acknowledged = before.acknowledged();

        // the console dies: its MQTT session and everything it held in memory are gone
        mqtt.close();
        DrDeviceTracker[] fresh = new DrDeviceTracker[1];
        TelemetryClient again = new TelemetryClient(BrokerConfig.builder("dr-test-2", broker.uri()).clientId("dr-test-2").build(), scheduler,
                pub -> fresh[0] = new DrDeviceTracker(InstantSource.system(), pub));
        again.start();
        mqtt = again;
        DemandResponseService restarted = new DemandResponseService(new DrChainClient(client, chain.drContractAddress()), fresh[0],
                InstantSource.system(), scheduler, new DemandResponseService.AckPolicy(Duration.ofSeconds(2), 3),
                EventBaselines.in(home.resolve("dr")));
        assertThat(restarted.live(before.eventId())).as("nothing followed right after a restart").isEmpty();

        var onChain = restarted.chain().event(before.eventId()).orElseThrow();
        assertThat(onChain.isLive(InstantSource.system().instant())).isTrue();
        long deadline = System.nanoTime() + 20_000_000_000L;
        LiveEvent recovered = restarted.resume(onChain, p -> { });
        while (recovered.commanded() < acknowledged && System.nanoTime() < deadline) {
            Thread.sleep(200); // the devices' births and DDATA come back to the new session and name their active event
            recovered = restarted.resume(onChain, p -> { });
        }
        assertThat(recovered.commanded()).as("devices recovered from telemetry: %s", recovered.counts()).isEqualTo(acknowledged);
        assertThat(recovered.counts().getOrDefault(DeviceState.ACKNOWLEDGED, 0) + recovered.counts().getOrDefault(DeviceState.RESPONDING, 0))
                .as("still acting on it: %s", recovered.counts()).isEqualTo(acknowledged);

        assertThat(restarted.cancel(before.eventId(), alice, p -> { })).isInstanceOf(TxOutcome.Included.class);
        LiveEvent followed = restarted.live(before.eventId()).orElseThrow();
        deadline = System.nanoTime() + 15_000_000_000L;
        while (followed.counts().getOrDefault(DeviceState.RESTORED, 0) < acknowledged && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(followed.counts().get(DeviceState.RESTORED)).as("restored after the restart: %s", followed.counts()).isEqualTo(acknowledged);
        for (var b : recovered.baselines().entrySet()) {
            assertThat(b.getValue()).as("baseline of %s kept at dispatch", b.getKey()).isEqualTo(before.baselines().get(b.getKey()));
        }
        assertThat(restarted.reportAndSettle(before.eventId(), alice, p -> { })).isInstanceOf(TxOutcome.Included.class);
        var settled = restarted.chain().event(before.eventId()).orElseThrow();
        assertThat(settled.deliveries().stream().mapToLong(d -> d.deliveredWh().longValue()).sum()).as("delivered Wh").isPositive();
        assertThat(settled.payouts()).isNotEmpty();
    }

    @Test
    void aRefusedTransactionCommandsNoDevice() {
        SigningKey unfunded = ALICE.deriveKey(HdPath.cosmos(9));
        String target = CommunityGrid.DEVNET_GRIDS.getFirst().id();

        DispatchOutcome out = dr.dispatch(reduceBy(target, 1), unfunded, false, progress::add);

        assertThat(out).isInstanceOf(DispatchOutcome.Rejected.class);
        assertThat(dcmds.get()).isZero();
    }

    @Test
    void anOverlappingEventOnTheSameTargetIsRefusedUnlessAllowed() {
        String target = CommunityGrid.DEVNET_GRIDS.getFirst().id();
        assertThat(dr.dispatch(reduceBy(target, 1), alice, false, progress::add)).isInstanceOf(DispatchOutcome.Dispatched.class);

        DispatchOutcome second = dr.dispatch(reduceBy(target, 1), alice, false, progress::add);

        assertThat(second).isInstanceOfSatisfying(DispatchOutcome.Refused.class, r -> assertThat(r.reason()).contains("already act on"));
        assertThat(dr.dispatch(reduceBy(target, 1), alice, true, progress::add)).isInstanceOf(DispatchOutcome.Dispatched.class);
    }

    @Test
    void aValueBeyondTheProgramLimitIsRefusedBeforeSigning() {
        DispatchOutcome out = dr.dispatch(reduceBy(CommunityGrid.DEVNET_GRIDS.getFirst().id(), 50_000), alice, false, progress::add);

        assertThat(out).isInstanceOfSatisfying(DispatchOutcome.Refused.class, r -> assertThat(r.reason()).contains("limit"));
        assertThat(progress).isEmpty();
    }
}
