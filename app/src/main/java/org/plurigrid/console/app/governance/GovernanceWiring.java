package org.plurigrid.console.app.governance;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.threads.NamedThreads;
import org.plurigrid.console.client.wallet.Keystore;
import org.plurigrid.console.views.governance.AccountsViewModel;
import org.plurigrid.console.views.governance.ChainStatus;
import org.plurigrid.console.views.governance.GovernanceView;
import org.plurigrid.console.views.governance.ProposalsViewModel;
import org.plurigrid.console.views.governance.SessionViewModel;
import org.plurigrid.console.views.governance.TxHistory;

/**
 * The governance feature put together for the app: one chain's client, the keystore of the home folder, the
 * view-models and the view. The app makes one call and shows {@link #view()}; the status bar binds
 * {@link #statusProperty()}; {@link #close()} forgets the key and closes the node connection.
 *
 * <pre>{@code
 * GovernanceWiring gov = GovernanceWiring.create(chainConfig, home, backgroundExecutor);
 * tab.setContent(gov.view());                       // on the FX thread
 * statusLabel.textProperty().bind(Bindings.createStringBinding(() -> gov.statusProperty().get().text(), gov.statusProperty()));
 * ...
 * gov.close();
 * }</pre>
 */
public final class GovernanceWiring implements AutoCloseable {

    /** How often the node is asked whether it is still there (GetNodeInfo, GetLatestBlock) and tallies are read again. */
    public static final Duration STATUS_INTERVAL = Duration.ofSeconds(5);

    private final ChainClient chain;
    private final ChainGovernance actions;
    private final ChainStatusMonitor monitor;
    private final SessionViewModel session;
    private final ProposalsViewModel proposals;
    private final AccountsViewModel accounts;
    private final ZoneId zone;
    private final ScheduledExecutorService ticker;
    private final Executor background;
    private final java.util.concurrent.atomic.AtomicReference<org.plurigrid.console.client.chain.IncludedTxListener> included =
            new java.util.concurrent.atomic.AtomicReference<>(org.plurigrid.console.client.chain.IncludedTxListener.NONE);
    private GovernanceView view;

    private GovernanceWiring(ChainClient chain, Keystore keystore, Executor background, Executor fx, InstantSource clock, ZoneId zone,
            Duration statusInterval) {
        this.chain = chain;
        this.background = background;
        this.zone = zone;
        this.monitor = new ChainStatusMonitor(chain, clock, fx);
        ChainGovernance core = new ChainGovernance(keystore, chain);
        this.actions = core;
        // Heights of the console's own inclusions feed the status bar.
        org.plurigrid.console.views.governance.GovernanceActions watched = new HeightWatchingActions(core, monitor, included);
        TxHistory history = new TxHistory();
        this.session = new SessionViewModel(watched, background, fx);
        this.proposals = new ProposalsViewModel(watched, session, history, clock, background, fx);
        this.accounts = new AccountsViewModel(watched, session, history, background, fx);
        this.ticker = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("governance-status"));
        long ms = statusInterval.toMillis();
        ticker.scheduleWithFixedDelay(() -> background.execute(monitor::check), 0, ms, TimeUnit.MILLISECONDS);
        // Live tallies: other voters change them; the list is read again on the same beat (on the FX thread).
        ticker.scheduleWithFixedDelay(() -> fx.execute(proposals::refresh), ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * For the app: keystore in {@code home}, node calls on {@code background}, results on the FX thread, system clock
     * and time zone; starts loading accounts and proposals at once.
     */
    public static GovernanceWiring create(ChainConfig config, Path home, Executor background) {
        return create(config, new Keystore(home), background, Platform::runLater, InstantSource.system(), ZoneId.systemDefault(),
                STATUS_INTERVAL);
    }

    /** Everything injected (tests, benchmarks, a second chain). */
    public static GovernanceWiring create(ChainConfig config, Keystore keystore, Executor background, Executor fx, InstantSource clock,
            ZoneId zone, Duration statusInterval) {
        GovernanceWiring w = new GovernanceWiring(new ChainClient(config, clock), keystore, background, fx, clock, zone, statusInterval);
        w.session.refreshAccounts();
        w.proposals.refresh();
        return w;
    }

    /** The governance screen (session strip, Proposals and Accounts tabs); built once, on the FX thread. */
    public Node view() {
        if (view == null) {
            view = new GovernanceView(session, proposals, accounts, zone);
        }
        return view;
    }

    /** Node connection for the status bar: chain-id, connected / wrong chain / unreachable, height when known. */
    public ReadOnlyObjectProperty<ChainStatus> statusProperty() {
        return monitor.statusProperty();
    }

    /** Asks the node now instead of at the next tick (e.g. a "retry" in the status bar). */
    public void checkNow() {
        background.execute(monitor::check);
    }

    public SessionViewModel session() {
        return session;
    }

    public ProposalsViewModel proposals() {
        return proposals;
    }

    public AccountsViewModel accounts() {
        return accounts;
    }

    /** Forgets the session key, stops asking the node and closes its connection. */
    @Override
    public void close() {
        actions.lock();
        ticker.shutdownNow();
        chain.close();
    }

    /**
     * Tells {@code listener} of every transaction signed here once it is included (the recording: votes become chain
     * markers on the replay timeline).
     */
    public void onIncluded(org.plurigrid.console.client.chain.IncludedTxListener listener) {
        included.set(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Passes calls through, tells the monitor the heights at which the console's transactions landed and the listener
     * what was included.
     */
    private record HeightWatchingActions(ChainGovernance core, ChainStatusMonitor monitor,
                                         java.util.concurrent.atomic.AtomicReference<org.plurigrid.console.client.chain.IncludedTxListener> included)
            implements org.plurigrid.console.views.governance.GovernanceActions {

        @Override
        public java.util.List<org.plurigrid.console.client.governance.ProposalSummary> loadProposals() {
            return core.loadProposals();
        }

        @Override
        public java.util.List<org.plurigrid.console.views.governance.AccountEntry> accounts() {
            return core.accounts();
        }

        @Override
        public void unlock(String account, char[] password) {
            core.unlock(account, password);
        }

        @Override
        public void lock() {
            core.lock();
        }

        @Override
        public org.plurigrid.console.views.governance.AccountOverview account(String address) {
            return core.account(address);
        }

        @Override
        public java.util.Optional<String> voteOf(long proposalId, String voter) {
            return core.voteOf(proposalId, voter);
        }

        @Override
        public java.math.BigDecimal vetoThreshold() {
            return core.vetoThreshold();
        }

        @Override
        public UnsignedTx prepareVote(long proposalId, org.plurigrid.console.client.governance.VoteOption option) {
            return core.prepareVote(proposalId, option);
        }

        @Override
        public UnsignedTx prepareWeightedVote(long proposalId, org.plurigrid.console.client.governance.WeightedVote weights) {
            return core.prepareWeightedVote(proposalId, weights);
        }

        @Override
        public TxOutcome sign(UnsignedTx tx, TxProgress progress) {
            TxOutcome o = core.sign(tx, progress);
            if (o instanceof TxOutcome.Included inc) {
                monitor.sawHeight(inc.height());
                included.get().included("governance " + tx.messages().stream().map(m -> {
                            String url = m.getTypeUrl();
                            return url.substring(url.lastIndexOf('.') + 1);
                        }).collect(java.util.stream.Collectors.joining(", ")), inc.txHash(), inc.height(),
                        tx.messages().stream().map(org.plurigrid.console.client.chain.TxJson::compact)
                                .collect(java.util.stream.Collectors.joining("; ")));
            } else if (o instanceof TxOutcome.Rejected r && r.height() > 0) {
                monitor.sawHeight(r.height());
            }
            return o;
        }
    }
}
