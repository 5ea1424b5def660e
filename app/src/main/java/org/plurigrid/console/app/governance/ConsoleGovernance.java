package org.plurigrid.console.app.governance;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.plurigrid.console.app.governance.GovernanceWiring;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.config.TransportWarnings;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.threads.NamedThreads;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.KdfStrength;
import org.plurigrid.console.client.wallet.Keystore;
import org.plurigrid.console.devnet.chain.DemoAccount;
import org.plurigrid.console.devnet.chain.DevnetChain;
import org.plurigrid.console.devnet.chain.DrGenesis;
import org.plurigrid.console.views.governance.ChainStatus;
import org.plurigrid.console.views.shell.StatusBarViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Governance on the devnet: starts the in-process devnet chain, puts its freshly generated demo accounts into a
 * devnet-only keystore ({@code <home>/devnet/keys}, never the operator's real keystore) under the devnet password,
 * and shows the governance screen of {@link GovernanceWiring}: the operator unlocks an account and votes exactly as on a
 * real chain. Everything blocking runs on the "governance" thread.
 */
public final class ConsoleGovernance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleGovernance.class);
    /** Password of the devnet demo keys: local, throw-away accounts whose phrases change on every start. */
    public static final String DEVNET_KEY_PASSWORD = "devnet-demo";

    private final Path home;
    private final InstantSource clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(NamedThreads.daemon("governance"));
    private final StackPane page = new StackPane(new Label("Starting the devnet chain…"));
    private volatile DevnetChain chain;
    private volatile GovernanceWiring wiring;
    private volatile java.util.function.Consumer<DevnetChain> onDevnetChain = c -> { };
    private volatile org.plurigrid.console.client.chain.IncludedTxListener included =
            org.plurigrid.console.client.chain.IncludedTxListener.NONE;

    public ConsoleGovernance(Path home, InstantSource clock) {
        this.home = Objects.requireNonNull(home, "home");
        this.clock = Objects.requireNonNull(clock, "clock");
        page.getStyleClass().add("governance-page");
    }

    /**
     * Starts the devnet chain and connects (off the FX thread); the status bar follows the node. {@code dr} is its DR
     * program at genesis: with the fleet's sites as participants, settlement pays their owners.
     */
    public void start(StatusBarViewModel status, DrGenesis dr) {
        status.chainStatusProperty().set("chain: starting devnet chain");
        background.execute(() -> {
            try {
                DevnetChain c = DevnetChain.start(DevnetChain.Options.defaults(), dr);
                chain = c;
                onDevnetChain.accept(c);
                Keystore keystore = devnetKeystore(c);
                ChainConfig config = ChainConfig.of(c.chainId(), c.options().bech32Prefix(), c.options().feeDenom(),
                        c.options().minGasPrice().toPlainString(), GrpcEndpoint.parse(c.grpcTarget()));
                GovernanceWiring w = GovernanceWiring.create(config, keystore, background, Platform::runLater, clock,
                        ZoneId.systemDefault(), GovernanceWiring.STATUS_INTERVAL);
                w.onIncluded(included);
                wiring = w;
                LOG.info("Devnet chain {} on {}; demo keys in {}", c.chainId(), c.grpcTarget(), keystore.directory());
                System.out.println("Devnet chain " + c.chainId() + " on " + c.grpcTarget() + ": demo accounts "
                        + c.demoAccounts().stream().map(DemoAccount::name).toList() + " are in the devnet keystore "
                        + keystore.directory() + " with password '" + DEVNET_KEY_PASSWORD + "' (local use only).");
                Platform.runLater(() -> {
                    page.getChildren().setAll(w.view());
                    w.statusProperty().addListener((o, before, now) -> show(status, now));
                    show(status, w.statusProperty().get());
                });
            } catch (RuntimeException e) {
                LOG.error("The devnet chain did not start", e);
                Platform.runLater(() -> {
                    page.getChildren().setAll(new Label("The devnet chain did not start: " + e.getMessage()
                            + " (details in the log)"));
                    status.chainStatusProperty().set("chain: failed to start");
                    status.chainAbnormalProperty().set(true);
                });
            }
        });
    }

    /**
     * Governance against a real node: the operator's own encrypted keystore ({@code <home>/keys}) and the configured
     * chain; nothing devnet about it.
     */
    public void startOnNode(ChainConfig config, StatusBarViewModel status) {
        TransportWarnings.logged(TransportWarnings.ofChain(config));
        status.chainStatusProperty().set("chain: connecting to " + config.chainId());
        background.execute(() -> {
            try {
                GovernanceWiring w = GovernanceWiring.create(config, new Keystore(home), background, Platform::runLater,
                        clock, ZoneId.systemDefault(), GovernanceWiring.STATUS_INTERVAL);
                w.onIncluded(included);
                wiring = w;
                Platform.runLater(() -> {
                    page.getChildren().setAll(w.view());
                    w.statusProperty().addListener((o, before, now) -> show(status, now));
                    show(status, w.statusProperty().get());
                });
            } catch (RuntimeException e) {
                LOG.error("Governance could not start for chain {}", config.chainId(), e);
                Platform.runLater(() -> {
                    page.getChildren().setAll(new Label("Governance could not start: " + e.getMessage()
                            + " (details in the log)"));
                    status.chainStatusProperty().set("chain: " + config.chainId() + " unavailable");
                    status.chainAbnormalProperty().set(true);
                });
            }
        });
    }

    /** A fresh devnet keystore with this run's demo accounts (their phrases change with every devnet start). */
    private Keystore devnetKeystore(DevnetChain c) {
        Keystore keystore = new Keystore(home.resolve("devnet"), KdfStrength.LIGHT, new SecureRandom());
        keystore.list().forEach(k -> keystore.delete(k.name()));
        for (DemoAccount a : c.demoAccounts()) {
            char[] password = DEVNET_KEY_PASSWORD.toCharArray();
            try {
                keystore.importMnemonic(a.name(), a.mnemonic(), password, HdPath.cosmos(0), c.options().bech32Prefix());
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return keystore;
    }

    private static void show(StatusBarViewModel status, ChainStatus s) {
        if (s == null) {
            return;
        }
        status.chainStatusProperty().set("chain: " + s.text());
        status.chainAbnormalProperty().set(!s.connected());
    }

    /** Called on the governance thread once the devnet chain is up (demand response uses its program contract). */
    /** Every vote this console signs is told to {@code listener} once included (set before starting). */
    public void recordTransactionsIn(org.plurigrid.console.client.chain.IncludedTxListener listener) {
        included = Objects.requireNonNull(listener, "listener");
    }

    public void onDevnetChain(java.util.function.Consumer<DevnetChain> listener) {
        onDevnetChain = Objects.requireNonNull(listener, "listener");
    }

    public Node page() {
        return page;
    }

    /** For tests: the governance screen's wiring once the chain is up, else null. */
    public GovernanceWiring wiring() {
        return wiring;
    }

    /** Blocking: call it off the FX thread. */
    @Override
    public void close() {
        GovernanceWiring w = wiring;
        if (w != null) {
            w.close();
        }
        background.shutdownNow();
        DevnetChain c = chain;
        if (c != null) {
            c.close();
        }
    }
}
