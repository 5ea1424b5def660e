package org.plurigrid.console.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.dr.ChainEvent;
import org.plurigrid.console.client.dr.DispatchRequest;
import org.plurigrid.console.client.dr.DrChainClient;
import org.plurigrid.console.client.dr.IntervalPeriod;
import org.plurigrid.console.client.dr.PayloadType;
import org.plurigrid.console.client.dr.ProgramInfo;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.SigningKey;

/** The DR program contract through the real cosmwasm.wasm.v1 services, signed like votes. */
class DrContractDevnetTest {

    static MutableClock clock;
    static DevnetChain chain;
    static SigningKey alice;
    static SigningKey stranger;
    static final String SITE_A = "gw-a";
    static final String SITE_B = "gw-b";
    static String ownerA;
    static String ownerB;

    ChainClient client;
    DrChainClient dr;

    @BeforeAll
    static void start() {
        QuietLogs.apply();
        alice = ChainClientDevnetTest.ALICE.deriveKey(HdPath.cosmos(0));
        stranger = ChainClientDevnetTest.ALICE.deriveKey(HdPath.cosmos(3));
        ownerA = DrGenesis.ownerAccount("cosmos", SITE_A);
        ownerB = DrGenesis.ownerAccount("cosmos", SITE_B);
        clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
        chain = DevnetChain.start(DevnetChain.Options.defaults().withDemoMnemonics(List.of(ChainClientDevnetTest.ALICE))
                        .withBlockTime(Duration.ofMillis(50)).withClock(clock),
                DrGenesis.defaults().withParticipants(Map.of(SITE_A, ownerA, SITE_B, ownerB)));
        // The stranger gets tokens from alice after genesis: it can pay fees but is no operator of the program.
        try (ChainClient c = new ChainClient(ChainClientDevnetTest.config(chain.chainId(), GrpcEndpoint.parse(chain.grpcTarget())),
                InstantSource.system())) {
            assertThat(c.submit(List.of(org.plurigrid.console.client.chain.TxSigner.pack(
                    org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.MsgSend.newBuilder()
                            .setFromAddress(alice.address("cosmos").bech32()).setToAddress(stranger.address("cosmos").bech32())
                            .addAmount(CoinAmount.of(1_000_000, "ucosm").toProto()).build())), "", alice, TxProgress.NONE))
                    .isInstanceOf(TxOutcome.Included.class);
        }
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    @BeforeEach
    void connect() {
        client = new ChainClient(ChainClientDevnetTest.config(chain.chainId(), GrpcEndpoint.parse(chain.grpcTarget())), InstantSource.system());
        dr = new DrChainClient(client, chain.drContractAddress());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static DispatchRequest request(String target, double kw, Duration d) {
        return new DispatchRequest(target, PayloadType.IMPORT_CAPACITY_LIMIT, kw, "KW", IntervalPeriod.NOW, d, Optional.empty(),
                Optional.of(1), Duration.ofSeconds(10));
    }

    private TxOutcome send(SigningKey key, byte[] msg) {
        return client.submit(List.of(dr.execute(key.address("cosmos").bech32(), msg)), "", key, TxProgress.NONE);
    }

    @Test
    void programQueryShowsPoolLimitsAndParticipants() {
        ProgramInfo p = dr.program();

        assertThat(p.programId()).isEqualTo("prog-devnet");
        assertThat(p.pool()).isEqualTo(balance(chain.drContractAddress())).isPositive();
        assertThat(p.maxKw()).contains(5000.0);
        assertThat(p.participants()).containsEntry(SITE_A, ownerA);
        assertThat(p.operators()).contains(alice.address("cosmos").bech32());
    }

    @Test
    void dispatchedEventIsReadBackWithItsHeight() {
        TxOutcome out = send(alice, DrChainClient.dispatchJson("ev-read", request("cg-read", 250, Duration.ofMinutes(2)), clock.instant()));

        assertThat(out).isInstanceOf(TxOutcome.Included.class);
        ChainEvent e = dr.event("ev-read").orElseThrow();
        assertThat(e.height()).isEqualTo(((TxOutcome.Included) out).height());
        assertThat(e.state()).isEqualTo(ChainEvent.State.ACTIVE);
        assertThat(e.value()).isEqualTo(250.0);
        assertThat(e.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(dr.events()).extracting(ChainEvent::eventId).contains("ev-read");
    }

    @Test
    void settlementPaysOwnersFromThePoolInProportionToDeliveredEnergy() {
        send(alice, DrChainClient.dispatchJson("ev-pay", request("cg-pay", 100, Duration.ofMinutes(2)), clock.instant()));
        send(alice, DrChainClient.cancelJson("ev-pay"));
        send(alice, DrChainClient.reportJson("ev-pay", List.of(
                new ChainEvent.Delivery("load-1", SITE_A, BigInteger.valueOf(3000)),
                new ChainEvent.Delivery("bat-2", SITE_B, BigInteger.valueOf(1000))), 200, 120));
        BigInteger poolBefore = dr.program().pool();
        BigInteger aBefore = balance(ownerA);

        TxOutcome out = send(alice, DrChainClient.settleJson("ev-pay"));

        assertThat(out).isInstanceOf(TxOutcome.Included.class);
        // 4 kWh at 10,000 per kWh = 40,000, split 3:1
        assertThat(balance(ownerA).subtract(aBefore)).isEqualTo(BigInteger.valueOf(30_000));
        assertThat(balance(ownerB)).isEqualTo(BigInteger.valueOf(10_000));
        assertThat(poolBefore.subtract(dr.program().pool())).isEqualTo(BigInteger.valueOf(40_000));
        ChainEvent e = dr.event("ev-pay").orElseThrow();
        assertThat(e.state()).isEqualTo(ChainEvent.State.SETTLED);
        assertThat(e.toOpenAdr().isCancelled()).isTrue();
    }

    @Test
    void settlingARunningEventIsRefusedWithTheContractsReason() {
        send(alice, DrChainClient.dispatchJson("ev-early", request("cg-early", 100, Duration.ofMinutes(30)), clock.instant()));
        send(alice, DrChainClient.reportJson("ev-early", List.of(new ChainEvent.Delivery("load-1", SITE_A, BigInteger.TEN)), 1, 1));

        TxOutcome out = send(alice, DrChainClient.settleJson("ev-early"));

        assertThat(out).isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> assertThat(r.message())
                .contains("runs until").contains("execute wasm contract failed"));
    }

    @Test
    void aNonOperatorCannotDispatch() {
        TxOutcome out = send(stranger, DrChainClient.dispatchJson("ev-stranger", request("cg-x", 10, Duration.ofMinutes(1)), clock.instant()));

        assertThat(out).isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> assertThat(r.message()).contains("not an operator"));
        assertThat(dr.event("ev-stranger")).isEmpty();
    }

    @Test
    void theContractRefusesAValueBeyondTheProgramLimit() {
        TxOutcome out = send(alice, DrChainClient.dispatchJson("ev-big", request("cg-big", 9000, Duration.ofMinutes(1)), clock.instant()));

        assertThat(out).isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> assertThat(r.message()).contains("exceeds the program limit"));
    }

    @Test
    void overlappingEventsOnOneTargetAreFlagged() {
        send(alice, DrChainClient.dispatchJson("ev-o1", request("cg-overlap", 10, Duration.ofMinutes(10)), clock.instant()));
        send(alice, DrChainClient.dispatchJson("ev-o2", request("cg-overlap", 20, Duration.ofMinutes(10)), clock.instant()));

        assertThat(dr.event("ev-o2").orElseThrow().overlaps()).containsExactly("ev-o1");
    }

    @Test
    void reportForAnUnknownParticipantIsRefused() {
        send(alice, DrChainClient.dispatchJson("ev-unknown", request("cg-u", 10, Duration.ofMinutes(10)), clock.instant()));

        TxOutcome out = send(alice, DrChainClient.reportJson("ev-unknown",
                List.of(new ChainEvent.Delivery("pv-9", "gw-nowhere", BigInteger.ONE)), 1, 1));

        assertThat(out).isInstanceOfSatisfying(TxOutcome.Rejected.class, r -> assertThat(r.message()).contains("not a participant"));
    }

    @Test
    void queryOfAnotherAddressIsNotFound() {
        DrChainClient elsewhere = new DrChainClient(client, DrGenesis.defaults().withParticipants(Map.of())
                .contractAddress("cosmos").replace("q", "p"));

        assertThatThrownBy(elsewhere::program).isInstanceOf(ChainException.class);
    }

    private BigInteger balance(String address) {
        return client.balances(address).stream().filter(c -> c.denom().equals("ucosm")).map(CoinAmount::amount)
                .findFirst().orElse(BigInteger.ZERO);
    }
}
