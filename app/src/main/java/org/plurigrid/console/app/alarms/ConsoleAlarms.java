package org.plurigrid.console.app.alarms;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.plurigrid.console.client.alarms.AlarmCounts;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmEngineSettings;
import org.plurigrid.console.client.alarms.AlarmRule;
import org.plurigrid.console.client.alarms.AlarmJournal;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleFileException;
import org.plurigrid.console.client.alarms.AlarmRuleService;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.views.alarms.AlarmBanner;
import org.plurigrid.console.views.alarms.AlarmBannerViewModel;
import org.plurigrid.console.views.alarms.AlarmJournalView;
import org.plurigrid.console.views.alarms.AlarmJournalViewModel;
import org.plurigrid.console.views.alarms.AlarmListView;
import org.plurigrid.console.views.alarms.AlarmListViewModel;
import org.plurigrid.console.views.alarms.AlarmRulesView;
import org.plurigrid.console.views.alarms.AlarmRulesViewModel;
import org.plurigrid.console.views.alarms.RepeatingAnnunciator;
import org.plurigrid.console.views.alarms.ToneAlarmSound;
import org.plurigrid.console.views.common.FramePump;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * The alarm system as the console wires it (docs/alarms.md): the engine fed by the telemetry taps and ticked four
 * times a second, the banner, list and journal view-models caught up once per frame, the horn, and the status bar's
 * counts by priority, and the rule editor (Apply writes the rules file and swaps the engine's rules at runtime).
 */
public final class ConsoleAlarms implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAlarms.class);
    public static final String RULES_FILE = "alarm-rules.json";

    private final AlarmEngine engine;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("alarm-ticker"));
    private final ExecutorService audio = Executors.newSingleThreadExecutor(NamedThreads.daemon("alarm-audio"));
    /** The rule editor's file I/O, never on the FX thread. */
    private final ExecutorService rulesIo = Executors.newSingleThreadExecutor(NamedThreads.daemon("alarm-rules-io"));
    private final Path rulesFile;
    private String operator = "operator";
    private AlarmRulesViewModel rulesEditor;
    private AlarmListViewModel list;
    private org.plurigrid.console.views.common.AssetActionRunner assetActions =
            org.plurigrid.console.views.common.AssetActionRunner.none();
    private AlarmBannerViewModel banner;
    private AlarmJournalViewModel journal;
    private RepeatingAnnunciator horn;
    private final InstantSource clock;
    private final List<AlarmRule> pluginRules;

    /**
     * @param rules     the rules to start with (see {@link #loadRules})
     * @param rulesFile where the rule editor writes them ({@code <home>/alarm-rules.json})
     */
    public ConsoleAlarms(AlarmRuleSet rules, Path rulesFile, InstantSource clock) {
        this(rules, List.of(), rulesFile, clock);
    }

    /**
     * @param pluginRules rules whose source is a plugin: they run beside the file's, the editor neither shows nor writes
     *                    them (a file rule with the same id wins and the plugin's is left out, logged)
     */
    public ConsoleAlarms(AlarmRuleSet rules, List<AlarmRule> pluginRules, Path rulesFile, InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rulesFile = Objects.requireNonNull(rulesFile, "rulesFile");
        java.util.Set<String> taken = rules.rules().stream().map(AlarmRule::id).collect(java.util.stream.Collectors.toSet());
        List<AlarmRule> extra = new java.util.ArrayList<>();
        for (AlarmRule r : pluginRules) {
            if (taken.add(r.id())) {
                extra.add(r);
            } else {
                LOG.warn("The plugin alarm rule {} is left out: the rules file has a rule with that id", r.id());
            }
        }
        this.pluginRules = List.copyOf(extra);
        List<AlarmRule> running = new java.util.ArrayList<>(rules.rules());
        running.addAll(this.pluginRules);
        if (!this.pluginRules.isEmpty()) {
            LOG.info("Alarm rules from plugins: {}", this.pluginRules.stream().map(AlarmRule::id).toList());
        }
        AlarmJournal journal = new AlarmJournal(AlarmEngineSettings.DEFAULTS.journalCapacity());
        this.engine = new AlarmEngine(new AlarmRuleSet(rules.origin(), running), clock, AlarmEngineSettings.DEFAULTS, journal);
        ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    /**
     * The operator's rules file under the home folder, written from the shipped defaults the first time. A broken
     * file must not keep the console dark: the defaults are used and the log says what to fix. File I/O: call it
     * off the FX thread.
     */
    public static AlarmRuleSet loadRules(Path home) {
        Path file = home.resolve(RULES_FILE);
        try {
            AlarmRuleSet rules = AlarmRuleFile.loadOrCreate(file);
            if (rules.rules().isEmpty()) {
                LOG.warn("{} holds no alarm rules (\"{}\": true): no alarm will be raised", file, AlarmRuleFile.ALLOW_EMPTY);
            }
            return rules;
        } catch (AlarmRuleFileException e) {
            LOG.error("{} — using the built-in alarm rules until the file is fixed", e.getMessage());
            return AlarmRuleFile.defaults();
        }
    }

    private void tick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            LOG.warn("Alarm engine tick failed", e);
        }
    }

    /** The engine: a telemetry tap, and the feed and commands of the alarm views. */
    public AlarmEngine engine() {
        return engine;
    }

    /** Extra actions on an alarm's point (plugins'); set before {@link #attach}. */
    public void setAssetActions(org.plurigrid.console.views.common.AssetActionRunner runner) {
        this.assetActions = runner;
    }

    /** Builds the view-models and hooks them and the horn to the frame pump (FX thread). */
    public void attach(FramePump pump, String operator) {
        attach(pump, operator, engine, engine);
    }

    /**
     * As {@link #attach(FramePump, String)}, with the list and banner showing {@code shown} (live or replayed alarms)
     * and commands going to {@code commands}. The horn and the journal always follow the live engine: a replay never
     * sounds, and a live alarm still does while a recording plays.
     */
    public void attach(FramePump pump, String operator, org.plurigrid.console.client.alarms.AlarmFeed shown,
                org.plurigrid.console.client.alarms.AlarmCommands commands) {
        this.operator = operator;
        list = new AlarmListViewModel(shown, commands, clock, operator);
        list.setAssetActions(assetActions);
        banner = new AlarmBannerViewModel(shown);
        journal = new AlarmJournalViewModel(engine.journal());
        // The horn says so when there is no audio output (checked at start, without a sound).
        ToneAlarmSound tone = new ToneAlarmSound(audio, reason -> Platform.runLater(() -> horn.markUnavailable(reason)));
        horn = new RepeatingAnnunciator(tone, clock, Duration.ofSeconds(10));
        tone.probe();
        pump.addListener(changes -> {
            list.onFrame();
            banner.onFrame();
            journal.onFrame();
            AlarmCounts counts = engine.counts();
            horn.onFrame(counts);
        });
    }

    /** Keyboard: acknowledges the alarms selected in the list (FX thread); how many were acknowledged. */
    public int acknowledgeSelected() {
        return list.acknowledgeSelected();
    }

    /** Keyboard: mutes or unmutes the horn; a dead horn (no audio output) has nothing to mute (FX thread). */
    public void toggleHornMute() {
        if (horn.unavailableProperty().get().isEmpty()) {
            horn.mutedProperty().set(!horn.mutedProperty().get());
        }
    }

    /** What "show on map" in the alarm list does. */
    public void onShowOnMap(java.util.function.Consumer<org.plurigrid.console.client.alarms.Alarm> action) {
        list.setOnShowOnMap(action);
    }

    /** The always-visible strip under the status bar. */
    public Node banner(ZoneId zone) {
        return new AlarmBanner(banner, horn, zone);
    }

    /** The Alarms page: the active list, the journal and the rule editor. */
    public Node page(ZoneId zone) {
        Tab active = new Tab("Active alarms", new AlarmListView(list, zone));
        Tab history = new Tab("Journal", new AlarmJournalView(journal, zone));
        rulesEditor = new AlarmRulesViewModel(new ConsoleAlarmRules(new AlarmRuleService(rulesFile, engine, pluginRules)), rulesIo,
                Platform::runLater, operator);
        Tab rules = new Tab("Rules", new AlarmRulesView(rulesEditor));
        // Read the running rules each time the tab opens, unless the operator has edits in progress.
        rules.selectedProperty().addListener((o, was, is) -> {
            if (is && !rulesEditor.dirtyProperty().get() && !rulesEditor.busyProperty().get()) {
                rulesEditor.load();
            }
        });
        active.setClosable(false);
        history.setClosable(false);
        rules.setClosable(false);
        active.setId("alarms-tab-active");
        history.setId("alarms-tab-journal");
        rules.setId("alarms-tab-rules");
        TabPane tabs = new TabPane(active, history, rules);
        tabs.setId("alarms-page");
        return tabs;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        audio.shutdownNow();
        rulesIo.shutdown(); // let an Apply in progress finish its atomic move
    }
}
