package org.plurigrid.console.app.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.eventually;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.runOnFx;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.wallet.AccountAddress;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.KdfStrength;
import org.plurigrid.console.client.wallet.Keystore;
import org.plurigrid.console.client.wallet.Mnemonic;
import org.plurigrid.console.devnet.chain.DevnetChain;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;
import org.plurigrid.console.views.governance.AccountEntry;
import org.plurigrid.console.views.governance.ChainStatus;
import org.plurigrid.console.views.governance.SessionState;

/** The real wiring (keystore, ChainClient, services, view-models, view) against a devnet chain on loopback. */
@ExtendWith(FxPlatformExtension.class)
class GovernanceWiringTest {

    /** cosmjs default test wallet (packages/proto-signing wallet.spec.ts): a public test phrase. */
    static final Mnemonic ALICE = Mnemonic.parse("special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling");
    static final Duration WAIT = Duration.ofSeconds(20);

    static DevnetChain chain;

    @TempDir
    Path home;
    ExecutorService background;
    GovernanceWiring wiring;

    @BeforeAll
    static void startChain() {
        chain = DevnetChain.start(DevnetChain.Options.defaults().withDemoMnemonics(List.of(ALICE)).withBlockTime(Duration.ofMillis(100)));
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @BeforeEach
    void wire() {
        Keystore keystore = new Keystore(home, KdfStrength.LIGHT, new SecureRandom());
        keystore.importMnemonic("alice", ALICE, "alice-password".toCharArray(), HdPath.cosmos(0), "cosmos");
        keystore.addWatchOnly("auditor", AccountAddress.parse(chain.demoAccounts().get(0).address()));
        background = Executors.newFixedThreadPool(2);
        wiring = wire(keystore, chain.grpcTarget());
    }

    private GovernanceWiring wire(Keystore keystore, String target) {
        ChainConfig config = ChainConfig.of(chain.chainId(), "cosmos", "ucosm", "0.025", GrpcEndpoint.parse(target))
                .withPollInterval(Duration.ofMillis(50)).withRequestTimeout(Duration.ofSeconds(3));
        return GovernanceWiring.create(config, keystore, background, Platform::runLater, InstantSource.system(), ZoneOffset.UTC,
                Duration.ofMillis(200));
    }

    @AfterEach
    void unwire() {
        wiring.close();
        background.shutdownNow();
    }

    private AccountEntry account(String name) throws Exception {
        return onFx(() -> wiring.session().accounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow());
    }

    @Test
    void unlocksVotesThroughTheViewModelAndSeesItIncludedAndTheTallyChange() throws Exception {
        Node view = onFx(wiring::view);
        assertThat(view).isNotNull();
        eventually("accounts listed", WAIT, () -> wiring.session().accounts().size() == 2);

        runOnFx(() -> wiring.session().choose(accountUnchecked("alice")));
        runOnFx(() -> wiring.session().unlock("not-the-password".toCharArray()));
        eventually("wrong password reported", WAIT, () -> wiring.session().messageProperty().get().equals("Wrong password for key 'alice'"));
        assertThat(onFx(() -> wiring.session().stateProperty().get())).isEqualTo(SessionState.LOCKED);

        runOnFx(() -> wiring.session().unlock("alice-password".toCharArray()));
        eventually("alice unlocked", WAIT, () -> wiring.session().stateProperty().get() == SessionState.UNLOCKED);

        eventually("proposals loaded", WAIT, () -> wiring.proposals().proposals().stream().anyMatch(ProposalSummary::open));
        ProposalSummary open = onFx(() -> wiring.proposals().proposals().stream().filter(ProposalSummary::open).findFirst().orElseThrow());
        BigInteger yesBefore = open.tally().yes();
        runOnFx(() -> wiring.proposals().select(open));
        eventually("vote buttons enabled", WAIT, () -> wiring.proposals().canVoteProperty().get());

        runOnFx(() -> wiring.proposals().requestVote(VoteOption.YES));
        eventually("confirmation shown", WAIT, () -> wiring.proposals().confirmationDetailsProperty().get() != null
                || !wiring.proposals().errorProperty().get().isEmpty());
        assertThat(onFx(() -> wiring.proposals().errorProperty().get())).isEmpty();
        var confirmation = onFx(() -> wiring.proposals().confirmationDetailsProperty().get());
        assertThat(confirmation.chainId()).isEqualTo(chain.chainId());
        assertThat(confirmation.account()).isEqualTo(chain.demoAccounts().get(0).address());
        assertThat(confirmation.messagesJson()).contains("\"proposal_id\": \"" + open.id() + "\"").contains("VOTE_OPTION_YES");

        runOnFx(() -> wiring.proposals().confirm());
        eventually("included", WAIT, () -> wiring.proposals().progressProperty().get().matches("signed → broadcast → included at height \\d+")
                || !wiring.proposals().errorProperty().get().isEmpty());
        assertThat(onFx(() -> wiring.proposals().errorProperty().get())).isEmpty();

        eventually("tally counts alice's voting power", WAIT, () -> wiring.proposals().selectedProperty().get().tally().yes()
                .equals(yesBefore.add(BigInteger.valueOf(DevnetChain.DEMO_BONDED))));
        eventually("alice's own vote shown", WAIT, () -> wiring.proposals().myVoteProperty().get().equals("alice voted yes"));
        var history = onFx(() -> List.copyOf(wiring.accounts().history()));
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("included");
            assertThat(r.height()).isPositive();
            assertThat(r.txHash()).hasSize(64);
        });
        eventually("voting power read from the node", WAIT, () -> wiring.accounts().overviewProperty().get() != null
                && wiring.accounts().overviewProperty().get().votingPower().equals(java.util.Optional.of(BigInteger.valueOf(DevnetChain.DEMO_BONDED))));
        eventually("balance paid the fee", WAIT, () -> wiring.accounts().overviewProperty().get() != null
                && !wiring.accounts().overviewProperty().get().balances().get(0).equals(DevnetChain.DEMO_BALANCE + "ucosm"));
        long included = history.get(0).height();
        eventually("status bar connected at the node's height", WAIT, () -> wiring.statusProperty().get().connected()
                && wiring.statusProperty().get().height().orElse(0) > included);
        assertThat(onFx(() -> wiring.statusProperty().get().text())).startsWith("connected · height ").endsWith(" · " + chain.chainId());

        // A weighted vote replaces the plain one; the weights are checked as typed, then signed as confirmed.
        runOnFx(() -> {
            wiring.proposals().weightProperty(VoteOption.YES).set("0.7");
            wiring.proposals().weightProperty(VoteOption.NO).set("0.3");
        });
        assertThat(onFx(() -> wiring.proposals().weightsValidProperty().get())).isTrue();
        eventually("vote buttons enabled again", WAIT, () -> wiring.proposals().canVoteProperty().get());
        runOnFx(() -> wiring.proposals().requestWeightedVote());
        eventually("weighted confirmation", WAIT, () -> wiring.proposals().confirmationDetailsProperty().get() != null);
        assertThat(onFx(() -> wiring.proposals().confirmationDetailsProperty().get().messagesJson()))
                .contains("MsgVoteWeighted").contains("\"weight\": \"0.700000000000000000\"");
        runOnFx(() -> wiring.proposals().confirm());
        eventually("weighted vote shown as alice's", WAIT, () -> wiring.proposals().myVoteProperty().get().equals("alice voted yes 0.7, no 0.3"));
        // the node may show the vote (periodic refresh) a moment before the signing call returns and records it
        eventually("weighted vote in the history", WAIT, () -> wiring.accounts().history().size() == 2);
        assertThat(onFx(() -> wiring.accounts().history().size())).isEqualTo(2);
    }

    private AccountEntry accountUnchecked(String name) {
        return wiring.session().accounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void watchOnlyAccountSeesProposalsButCannotSign() throws Exception {
        eventually("accounts listed", WAIT, () -> wiring.session().accounts().size() == 2);
        AccountEntry auditor = account("auditor");
        assertThat(auditor.watchOnly()).isTrue();
        runOnFx(() -> {
            wiring.session().choose(auditor);
            wiring.session().unlock(new char[0]);
        });
        eventually("proposals loaded", WAIT, () -> wiring.proposals().proposals().stream().anyMatch(ProposalSummary::open));
        runOnFx(() -> wiring.proposals().select(wiring.proposals().proposals().stream().filter(ProposalSummary::open).findFirst().orElseThrow()));
        assertThat(onFx(() -> wiring.session().stateProperty().get())).isEqualTo(SessionState.WATCHING);
        assertThat(onFx(() -> wiring.proposals().canVoteProperty().get())).isFalse();
        assertThat(onFx(() -> wiring.proposals().voteBlockedReasonProperty().get())).contains("watch-only").contains("cannot sign");
        eventually("balances of the watched address", WAIT, () -> wiring.accounts().overviewProperty().get() != null);
    }

    @Test
    void statusSaysUnreachableWhenNoNodeAnswers() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (GovernanceWiring offline = wire(new Keystore(home, KdfStrength.LIGHT, new SecureRandom()), "127.0.0.1:" + closedPort)) {
            eventually("unreachable", WAIT, () -> offline.statusProperty().get().connection() == ChainStatus.Connection.UNREACHABLE);
            assertThat(onFx(() -> offline.statusProperty().get().text())).isEqualTo("unreachable · " + chain.chainId());
            eventually("proposals error shown", WAIT, () -> offline.proposals().errorProperty().get().startsWith("Cannot reach any node"));
        }
    }
}
