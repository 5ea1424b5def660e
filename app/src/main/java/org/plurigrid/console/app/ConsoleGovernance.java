package org.plurigrid.console.app;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.governance.GovernanceService;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.governance.WeightedVote;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.SigningKey;
import org.plurigrid.console.devnet.chain.DemoAccount;
import org.plurigrid.console.devnet.chain.DevnetChain;
import org.plurigrid.console.views.governance.GovernanceActions;
import org.plurigrid.console.views.governance.ProposalsView;
import org.plurigrid.console.views.governance.ProposalsViewModel;
import org.plurigrid.console.views.shell.StatusBarViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Governance on the devnet: the in-process devnet chain, a chain client towards it, and the proposals screen signing
 * as the devnet's demo account {@code alice} (a devnet-only session key; real keys come from the keystore). The
 * status bar says what the chain node is doing. Everything blocking runs on the "governance" thread.
 */
final class ConsoleGovernance implements GovernanceActions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleGovernance.class);
    static final String DEMO_OPERATOR = "alice";

    private final InstantSource clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> daemon(r, "governance"));
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "chain-status"));
    private final ProposalsViewModel viewModel;
    private volatile Session session;

    private record Session(DevnetChain chain, ChainClient client, GovernanceService governance, VoteService votes,
                           SigningKey key, String prefix) {
    }

    ConsoleGovernance(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.viewModel = new ProposalsViewModel(this, background, Platform::runLater);
    }

    /** Starts the devnet chain and connects (off the FX thread); the status bar follows. */
    void start(StatusBarViewModel status) {
        status.chainStatusProperty().set("chain: starting devnet chain");
        background.execute(() -> {
            try {
                DevnetChain chain = DevnetChain.start();
                String prefix = chain.options().bech32Prefix();
                ChainClient client = new ChainClient(ChainConfig.of(chain.chainId(), prefix,
                        chain.options().feeDenom(), chain.options().minGasPrice().toPlainString(),
                        GrpcEndpoint.parse(chain.grpcTarget())), clock);
                DemoAccount alice = chain.demoAccounts().stream().filter(a -> a.name().equals(DEMO_OPERATOR)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the devnet chain has no demo account " + DEMO_OPERATOR));
                SigningKey key = alice.mnemonic().deriveKey(HdPath.cosmos(0));
                session = new Session(chain, client, new GovernanceService(client), new VoteService(client), key, prefix);
                LOG.info("Devnet chain {} on {}; signing as {} ({})", chain.chainId(), chain.grpcTarget(), DEMO_OPERATOR,
                        alice.address());
                Platform.runLater(viewModel::refresh);
                poller.scheduleWithFixedDelay(() -> showStatus(status), 0, 2, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                LOG.error("The devnet chain did not start", e);
                Platform.runLater(() -> {
                    status.chainStatusProperty().set("chain: failed to start");
                    status.chainAbnormalProperty().set(true);
                });
            }
        });
    }

    private void showStatus(StatusBarViewModel status) {
        Session s = session;
        String text = "chain: " + s.chain().chainId() + " · block " + s.chain().height() + " · " + DEMO_OPERATOR;
        Platform.runLater(() -> {
            status.chainStatusProperty().set(text);
            status.chainAbnormalProperty().set(false);
        });
    }

    Node page() {
        return new ProposalsView(viewModel);
    }

    private Session session() {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("the devnet chain is still starting; try again in a moment");
        }
        return s;
    }

    @Override
    public List<ProposalSummary> loadProposals() {
        return session().governance().proposals();
    }

    @Override
    public UnsignedTx prepareVote(long proposalId, VoteOption option) {
        Session s = session();
        return s.votes().prepareVote(proposalId, option, s.key().address(s.prefix()), s.key().publicKey(), "");
    }

    @Override
    public UnsignedTx prepareWeightedVote(long proposalId, WeightedVote weights) {
        Session s = session();
        return s.votes().prepareWeightedVote(proposalId, weights, s.key().address(s.prefix()), s.key().publicKey(), "");
    }

    @Override
    public TxOutcome sign(UnsignedTx tx, TxProgress progress) {
        Session s = session();
        return s.client().signAndSubmit(tx, s.key(), progress);
    }

    /** Blocking: call it off the FX thread. */
    @Override
    public void close() {
        poller.shutdownNow();
        background.shutdownNow();
        Session s = session;
        if (s != null) {
            s.client().close();
            s.chain().close();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
