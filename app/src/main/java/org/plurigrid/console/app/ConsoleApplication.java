package org.plurigrid.console.app;

import org.plurigrid.console.app.telemetry.TelemetryStartup;
import org.plurigrid.console.app.telemetry.TelemetryBackend;
import org.plurigrid.console.app.telemetry.LiveTelemetryStartup;
import org.plurigrid.console.app.telemetry.DeferredTelemetryFeed;
import org.plurigrid.console.app.telemetry.ConsoleConnections;
import org.plurigrid.console.app.governance.ConsoleGovernance;
import org.plurigrid.console.app.recording.ModeTelemetryFeed;
import org.plurigrid.console.app.recording.ModeAlarmFeed;
import org.plurigrid.console.app.recording.RecordingStatusPoll;
import org.plurigrid.console.app.recording.ConsoleReplay;
import org.plurigrid.console.app.recording.ConsoleRecording;
import org.plurigrid.console.app.alarms.ConsoleAlarms;
import org.plurigrid.console.app.dr.ConsoleDemandResponse;
import org.plurigrid.console.app.map.ConsoleMap;
import org.plurigrid.console.app.plugins.PluginEntries;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.plugins.spi.PluginContext;
import org.plurigrid.console.views.common.FramePump;
import org.plurigrid.console.views.common.Theme;
import org.plurigrid.console.views.overview.OverviewViewModel;
import org.plurigrid.console.views.points.PointTableViewModel;
import org.plurigrid.console.views.replay.ReplayBanner;
import org.plurigrid.console.views.replay.ReplayView;
import org.plurigrid.console.views.replay.ReplayViewModel;
import org.plurigrid.console.views.shell.MainWindow;
import org.plurigrid.console.views.shell.NavigationEntry;
import org.plurigrid.console.views.shell.StatusBarViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * The console's composition root. It shows the window at once (status "connecting"), brings up the devnet and the
 * telemetry pipeline on a start-up thread, then attaches the live feed. Closing the window stops everything off
 * the FX thread before the platform exits.
 */
public final class ConsoleApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApplication.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    /** Replaced on the lifecycle thread when the Connections dialog saves brokers; read from several threads. */
    private volatile ConsoleOptions options;
    private AlarmRuleSet alarmRules;
    private java.util.List<org.plurigrid.console.client.alarms.AlarmRule> pluginAlarmRules = java.util.List.of();
    private ConsoleAlarms alarms;
    private ConsoleMap map;
    private ConsoleGovernance governance;
    private ConsoleDemandResponse demandResponse;
    private PluginEntries plugins;
    /** What plugins are lent (clock, operator); each is handed its own section of console.json with it. */
    private volatile PluginContext pluginContext;
    private List<org.plurigrid.console.client.dr.FlexibilityProvider> pluginFlexibility = List.of();
    private ConsoleRecording recording;
    private ConsoleReplay replay;
    private ModeTelemetryFeed shownFeed;
    /** Replay commands that read the recording (seek, step, open): one thread keeps them in order. */
    private final ExecutorService replayControl = Executors.newSingleThreadExecutor(NamedThreads.daemon("replay-control"));
    private final TelemetryStartup startup;
    private final InstantSource clock;

    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(NamedThreads.daemon("console-lifecycle"));
    private final AtomicReference<TelemetryBackend> backend = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Void>> shutdown = new AtomicReference<>();
    private CompletableFuture<TelemetryBackend> started;
    private DeferredTelemetryFeed feed;
    private FramePump pump;
    private MainWindow window;

    /** Used by {@code Application.launch}: options come from the command-line parameters. */
    public ConsoleApplication() {
        this(null, LiveTelemetryStartup.create(Clock.systemUTC()), Clock.systemUTC());
    }

    /** Used by tests and embedders: options and start-up given directly. */
    public ConsoleApplication(ConsoleOptions options, TelemetryStartup startup, InstantSource clock) {
        this.options = options;
        this.startup = Objects.requireNonNull(startup, "startup");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void init() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        if (options == null) {
            options = Options.parse(getParameters().getRaw().toArray(String[]::new));
        }
        // File I/O here, on the launcher thread, not in start() on the FX thread.
        alarmRules = ConsoleAlarms.loadRules(options.home());
        // Plugins are found here too (their folder and settings are files); their decoders join telemetry.
        // Each plugin's section of the configuration as it is when asked (the Connections dialog may save a new one).
        plugins = new PluginEntries(options.home(), ConsoleApplication.class.getClassLoader(), id -> options.config()
                .map(c -> c.pluginSection(id)).orElseGet(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::objectNode));
        // Alarm rules whose source is a plugin run beside the operator's file (never written to it).
        pluginAlarmRules = plugins.alarmRules();
        // Plugins may estimate devices' DR flexibility better than the console's rule of thumb.
        pluginFlexibility = plugins.flexibilityProviders();
    }

    @Override
    public void start(Stage stage) {
        if (options == null || alarmRules == null) {
            init();
        }
        ZoneId zone = ZoneId.systemDefault();
        String operator = System.getProperty("user.name", "operator");
        feed = new DeferredTelemetryFeed(firstConnectionName(), firstEndpoint());

        alarms = new ConsoleAlarms(alarmRules, pluginAlarmRules, options.home().resolve(ConsoleAlarms.RULES_FILE), clock);
        // Everything the console receives and does goes to <home>/recordings (opened on the start-up thread).
        recording = ConsoleRecording.inHome(options.home(), clock);
        recording.attachAlarms(alarms.engine());
        // Telemetry first: the devnet and the broker connection come up while the window is being built, and the
        // devnet chain waits until telemetry is live (on two cores every start-up task slows the others down).
        pluginContext = new PluginContext(clock, operator);
        started = CompletableFuture.supplyAsync(this::startBackend, lifecycle);

        StatusBarViewModel status = new StatusBarViewModel(feed::connections, clock, zone);
        PointTableViewModel pointTable = new PointTableViewModel(clock);
        pointTable.setAssetActions(plugins.actionRunner(pluginContext));
        alarms.setAssetActions(plugins.actionRunner(pluginContext));
        // What the views show: live telemetry and alarms, or a recording while Replay plays one.
        shownFeed = new ModeTelemetryFeed(feed, this::liveState, this::summary);
        ModeAlarmFeed shownAlarms = new ModeAlarmFeed(alarms.engine());
        OverviewViewModel overview = new OverviewViewModel(pointTable, shownFeed::summary, clock);
        pump = new FramePump(shownFeed);
        pump.addListener(status);
        pump.addListener(overview);
        pump.addListener(new StartupTimes.FirstLiveValue());
        pump.addListener(new RecordingStatusPoll(recording, status, feed::connections, clock));
        alarms.attach(pump, operator, shownAlarms, shownAlarms);
        replay = new ConsoleReplay(recording, shownFeed, shownAlarms, alarms.engine(), clock);
        ReplayViewModel replayView = new ReplayViewModel(replay, replayControl, Platform::runLater);
        pump.addListener(replayView);
        gridModel().ifPresent(model -> {
            map = new ConsoleMap(model, clock);
            map.rememberCameraIn(org.plurigrid.console.client.config.MapCameraStore.in(options.home()));
            map.attach(pump, shownAlarms);
            map.setAssetActions(plugins.actionRunner(pluginContext));
            ConsoleMap shownMap = map;
            plugins.startMapOverlays(pluginContext, marks -> Platform.runLater(() -> shownMap.viewModel().showOverlay(marks)));
            map.start();
        });

        if (options.chain().isPresent()) {
            governance = new ConsoleGovernance(options.home(), clock);
            governance.recordTransactionsIn(recording::chainTransaction);
            governance.startOnNode(options.chain().get(), status);
        } else if (options.usesDevnet()) {
            // The devnet's own chain, with its demo accounts in a devnet-only keystore, once telemetry is live.
            governance = new ConsoleGovernance(options.home(), clock);
            status.chainStatusProperty().set("chain: starts once telemetry is live");
            ConsoleGovernance chain = governance;
            // Demand response drives the same devnet chain's DR program and the devnet fleet's DER controls.
            demandResponse = new ConsoleDemandResponse(options.home(), clock, gridModel().orElse(null));
            ConsoleDemandResponse dr = demandResponse;
            // votes and DR transactions become chain markers on the replay timeline
            governance.recordTransactionsIn(recording::chainTransaction);
            dr.recordTransactionsIn(recording::chainTransaction);
            // days of this console's own recordings give the "X of Y days" baselines once there are enough of them
            recording.history().ifPresent(dr::baselinesFrom);
            dr.flexibilityProviders(pluginFlexibility);
            options.config().ifPresent(c -> dr.submitPowerFor(c::submitPower));
            governance.onDevnetChain(c -> {
                TelemetryBackend b = backend.get();
                java.util.Optional<org.plurigrid.console.devnet.Devnet> d = b == null ? java.util.Optional.empty() : b.devnet();
                d.ifPresentOrElse(devnet -> dr.start(devnet.mqttUri(), c),
                        () -> LOG.warn("Demand response needs the in-process devnet's broker; it is not running"));
            });
            started.whenComplete((b, e) -> Platform.runLater(() -> {
                if (shutdown.get() == null) {
                    chain.start(status, devnetDrProgram(b));
                }
            }));
        }

        List<NavigationEntry> navigation = new ArrayList<>(ConsoleNavigation.entries(overview,
                map == null ? null : map::page, () -> alarms.page(zone), governance == null ? null : governance::page,
                demandResponse == null ? null : demandResponse::page, () -> new ReplayView(replayView)));
        Set<String> builtIn = navigation.stream().map(NavigationEntry::id).collect(Collectors.toSet());
        navigation.addAll(plugins.create(pluginContext, pump, builtIn));
        window = new MainWindow(navigation, status);
        if (map != null) {
            map.viewModel().textScaleProperty().bind(window.uiScaleProperty());
        }
        window.setBanner(alarms.banner(zone));
        window.showReplay(replayView.replayingProperty(), new ReplayBanner(replayView));
        // The operator's most frequent actions, listed by F1 with the view shortcuts.
        window.addShortcut(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.A,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN),
                "Acknowledge the selected alarms", alarms::acknowledgeSelected);
        window.addShortcut(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.M,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), "Mute or unmute the horn", alarms::toggleHornMute);
        if (map != null && demandResponse != null) {
            // a lasso on the map becomes a DER group on the demand-response screen
            ConsoleDemandResponse dr = demandResponse;
            map.viewModel().onDemandResponse(sites -> {
                org.plurigrid.console.views.dr.DemandResponseViewModel v = dr.viewModel();
                if (v == null) {
                    LOG.info("Demand response has not started yet; the lasso's sites are not handed over");
                    return;
                }
                v.setGroup(sites);
                window.select("demand-response");
            });
        }
        if (map != null) {
            alarms.onShowOnMap(alarm -> {
                map.select(alarm);
                window.select("map");
            });
        }
        ConsoleConnections connections = new ConsoleConnections(options.home(), this::applyConnections, clock, Duration.ofSeconds(10));
        window.statusBar().addCommand("status-connections-edit", "Connections…",
                () -> connections.open(stage, connectionsInUse()));
        window.setUiScale(options.scale());
        // 1440 x 900 at scale 1 where it fits, larger in proportion to the display scale (the same layout at 150 %
        // needs 150 % of the room); a smaller screen gets its whole visible area.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, windowSize(1440, options.scale(), screen.getWidth()),
                windowSize(900, options.scale(), screen.getHeight()));
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle("Plurigrid Console");
        stage.setMinWidth(Math.min(960, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        Platform.setImplicitExit(false);
        stage.setOnCloseRequest(e -> {
            e.consume();
            stage.hide();
            shutdown().whenComplete((ok, err) -> Platform.exit());
        });
        stage.show();
        pump.start();
        StartupTimes.log("Window shown");
    }

    private TelemetryBackend startBackend() {
        long t0 = System.nanoTime();
        try {
            recording.start();
            List<Consumer<Measurement>> taps = List.of(alarms.engine(), recording.telemetryTap());
            TelemetryBackend b = startup.start(options, taps, plugins.decoders(pluginContext),
                    PluginEntries::decoderSwitchedOff,
                    feed::progress);
            if (shutdown.get() != null) {       // closed while starting: stop what just came up
                b.close();
                return b;
            }
            backend.set(b);
            feed.attach(b.feed());
            LOG.info("Telemetry live after {} ms", (System.nanoTime() - t0) / 1_000_000);
            return b;
        } catch (Exception e) {
            LOG.error("Start-up failed", e);
            feed.fail(firstConnectionName(), firstEndpoint(), "start-up failed: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /**
     * Brokers saved in the Connections dialog: telemetry restarts with them on the lifecycle thread. A console on its
     * in-process devnet or on --broker keeps running as started; the saved brokers apply at its next plain start.
     */
    String applyConnections(org.plurigrid.console.client.config.ConsoleConfig saved) throws Exception {
        if (!options.brokers().isEmpty() || options.usesDevnet()) {
            return "Saved to " + saved.file() + ". This console was started " + (options.usesDevnet()
                    ? "on its in-process devnet" : "with --broker") + "; the saved brokers apply at the next start without it.";
        }
        return CompletableFuture.supplyAsync(() -> {
            TelemetryBackend old = backend.getAndSet(null);
            if (old != null) {
                old.close();
            }
            options = options.withConfig(saved);
            startBackend();
            return "Saved; reconnecting to " + saved.brokers().size() + (saved.brokers().size() == 1 ? " broker." : " brokers.");
        }, lifecycle).get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the frame pump, then telemetry and devnet on the lifecycle thread (never on the FX thread).
     * Idempotent: every caller gets the same future.
     */
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        if (!shutdown.compareAndSet(null, mine)) {
            return shutdown.get();
        }
        if (pump != null && Platform.isFxApplicationThread()) {
            pump.stop();
        }
        lifecycle.execute(() -> {
            try {
                TelemetryBackend b = backend.getAndSet(null);
                if (b != null) {
                    LOG.info("Stopping telemetry and devnet");
                    b.close();
                }
                if (alarms != null) {
                    alarms.close();
                }
                if (map != null) {
                    map.close();
                }
                if (plugins != null) {
                    plugins.close();
                }
                if (demandResponse != null) {
                    demandResponse.close();
                }
                if (governance != null) {
                    governance.close();
                }
                replayControl.shutdownNow();
                if (replay != null) {
                    try {
                        replay.close();
                    } catch (Exception e) {
                        LOG.warn("Closing the replayed recording failed: {}", e.getMessage(), e);
                    }
                }
                if (recording != null) {
                    closeRecording();
                }
                mine.complete(null);
            } catch (RuntimeException e) {
                LOG.warn("Shutdown did not complete cleanly", e);
                mine.completeExceptionally(e);
            } finally {
                lifecycle.shutdown();
            }
        });
        return mine;
    }

    private void closeRecording() {
        try {
            recording.close();
        } catch (org.plurigrid.console.client.recording.RecordingException e) {
            LOG.warn("The recording did not close cleanly: {}", e.getMessage(), e);
        }
    }

    /** The replay port the Replay view drives, for tests. */
    public org.plurigrid.console.views.replay.ReplayControl replay() {
        return replay;
    }

    /** What the window records (status, the file written now), for tests. */
    public ConsoleRecording recording() {
        return recording;
    }

    @Override
    public void stop() {
        try {
            shutdown().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Stopping took too long or failed; exiting anyway", e);
        }
    }

    /** A window side: {@code base} pixels at scale 1, in proportion to the display scale, never beyond the screen. */
    static double windowSize(double base, double scale, double screen) {
        return Math.min(base * Math.max(1.0, scale), screen);
    }

    /**
     * The devnet chain's DR program: every site of the in-process fleet is a participant (with its deterministic owner
     * account), so settlement pays them; without a fleet here the program has none and the contract refuses to settle.
     */
    private static org.plurigrid.console.devnet.chain.DrGenesis devnetDrProgram(TelemetryBackend backend) {
        List<String> sites = backend == null ? List.of() : backend.devnet()
                .map(d -> d.fleet().edgeNodes().stream().map(org.plurigrid.console.devnet.fleet.EdgeNode::nodeId).toList())
                .orElse(List.of());
        return org.plurigrid.console.devnet.chain.DrGenesis.forSites(sites,
                org.plurigrid.console.devnet.chain.DevnetChain.Options.defaults().bech32Prefix());
    }

    /** The model the Map draws: the given file, else on the devnet its demo supergrid, else none (no Map). */
    private java.util.Optional<java.util.function.Supplier<com.powsybl.iidm.network.Network>> gridModel() {
        if (options.gridModel().isPresent()) {
            java.nio.file.Path file = options.gridModel().get();
            return java.util.Optional.of(() -> {
                try {
                    return new org.plurigrid.console.client.grid.GridImporter().importFile(file);
                } catch (org.plurigrid.console.client.grid.GridImportException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        }
        return options.usesDevnet()
                ? java.util.Optional.of(org.plurigrid.console.devnet.grid.DemoSupergrid::build)
                : java.util.Optional.empty();
    }

    private String firstConnectionName() {
        if (options.usesDevnet()) {
            return "devnet";
        }
        return options.brokers().isEmpty()
                ? options.config().orElseThrow().brokers().getFirst().name()
                : LiveTelemetryStartup.brokerName(options.brokers().getFirst());
    }

    private String firstEndpoint() {
        if (options.usesDevnet()) {
            return "in-process";
        }
        return options.brokers().isEmpty()
                ? options.config().orElseThrow().brokers().getFirst().serverUri().toString()
                : options.brokers().getFirst().toString();
    }

    /** The brokers in use now, for the Connections dialog: "devnet at tcp://127.0.0.1:1883 (connected)". */
    private String connectionsInUse() {
        return feed.connections().stream()
                .map(c -> c.name() + " at " + c.endpoint() + " (" + c.state().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + ")")
                .collect(Collectors.joining(", "));
    }

    private List<Measurement> liveState() {
        TelemetryBackend b = backend.get();
        return b == null ? List.of() : b.snapshot();
    }

    private SupergridSummary summary() {
        TelemetryBackend b = backend.get();
        return b == null ? SupergridSummary.EMPTY : b.summary();
    }

    /** The demand-response screen's view-model once it started (devnet mode only), for tests. */
    public java.util.Optional<org.plurigrid.console.views.dr.DemandResponseViewModel> demandResponse() {
        return demandResponse == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(demandResponse.viewModel());
    }

    /** The governance screen's wiring once the devnet chain is up (devnet mode only), for tests. */
    public java.util.Optional<org.plurigrid.console.app.governance.GovernanceWiring> governance() {
        return governance == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(governance.wiring());
    }

    /** The window content, for tests. */
    public MainWindow window() {
        return window;
    }

    /** The alarm engine the views show (journal, active alarms), for tests. */
    public org.plurigrid.console.client.alarms.AlarmEngine alarmEngine() {
        return alarms.engine();
    }

    /** The map's view-model (asset quality and alarms as the map draws them), devnet mode only, for tests. */
    public java.util.Optional<org.plurigrid.console.maplayers.map.SupergridMapViewModel> mapViewModel() {
        return map == null ? java.util.Optional.empty() : java.util.Optional.of(map.viewModel());
    }

    /** The in-process devnet once started (fault injection in tests); empty with external brokers or before start. */
    public java.util.Optional<org.plurigrid.console.devnet.Devnet> devnet() {
        TelemetryBackend b = backend.get();
        return b == null ? java.util.Optional.empty() : b.devnet();
    }

    /** Completes when the devnet and telemetry are up (or fails with the reason), for tests. */
    public CompletableFuture<TelemetryBackend> started() {
        return started;
    }

    /** The options parsed from raw launch arguments, with the same rules as the command line. */
    static final class Options {
        private Options() {
        }

        static ConsoleOptions parse(String[] args) {
            ConsoleCommand cmd = new ConsoleCommand();
            new picocli.CommandLine(cmd).parseArgs(args);
            return cmd.options();
        }
    }
}
