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
                new DemandResponseService.AckPolicy(Duration.ofSeconds(2), 3));
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
        TxOutcome settled = dr.reportAndSettle(event.eventId(), alice, progress::add);

        assertThat(settled).isInstanceOf(TxOutcome.Included.class);
        BigInteger paid = poolBefore.subtract(dr.chain().program().pool());
        assertThat(paid).isPositive();
        String anOwner = dr.chain().event(event.eventId()).orElseThrow().payouts().getFirst().owner();
        assertThat(client.balances(anOwner)).extracting(CoinAmount::amount).first().matches(b -> b.signum() > 0);
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
