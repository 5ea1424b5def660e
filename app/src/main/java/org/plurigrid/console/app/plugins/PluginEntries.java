package org.plurigrid.console.app.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.plugins.host.GuardedPlugin;
import org.plurigrid.console.plugins.host.PluginAssetActions;
import org.plurigrid.console.plugins.host.PluginCatalog;
import org.plurigrid.console.plugins.host.PluginDecoders;
import org.plurigrid.console.plugins.host.PluginGuard;
import org.plurigrid.console.plugins.host.PluginInfo;
import org.plurigrid.console.plugins.host.PluginHost;
import com.fasterxml.jackson.databind.JsonNode;
import org.plurigrid.console.plugins.host.PluginStarter;
import org.plurigrid.console.plugins.manager.PluginManagerView;
import org.plurigrid.console.views.common.ColumnFit;
import org.plurigrid.console.plugins.manager.PluginManagerViewModel;
import org.plurigrid.console.plugins.spi.PluginApi;
import org.plurigrid.console.plugins.spi.PluginContext;
import org.plurigrid.console.views.common.AssetActionRunner;
import org.plurigrid.console.views.common.FramePump;
import org.plurigrid.console.views.shell.NavigationEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugins in the console: bundled ones and those in {@code <home>/plugins}, each behind a {@link PluginGuard} shared by
 * its view and its telemetry decoders. Found once (file I/O: construct it off the FX thread). A
 * plugin's navigation entry appears at once with a "starting" note; its view is built off the FX thread within
 * {@link PluginApi#CREATE_VIEW_LIMIT} and swapped in; a plugin that throws or overruns is replaced by a message naming
 * it, and the plugin manager shows it as failed. Plugin views are fed by the frame pump from the first frame.
 */
public final class PluginEntries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginEntries.class);

    private final PluginHost host;
    private final PluginManagerViewModel manager;
    private final ExecutorService background = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("plugin-", 0).daemon().factory());
    private PluginAssetActions assetActions;
    private final java.util.Map<String, StackPane> holders = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService overlayTicker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("plugin-overlays").daemon().factory());
    private final ExecutorService settingsIo = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("plugin-settings").daemon().factory());

    private final java.util.function.Function<String, JsonNode> sections;

    /** @param sections each plugin's section of {@code console.json} by plugin id (an empty object for none) */
    public PluginEntries(Path home, ClassLoader appLoader, java.util.function.Function<String, JsonNode> sections) {
        this.sections = java.util.Objects.requireNonNull(sections, "sections");
        this.host = new PluginHost(Optional.of(home), appLoader, this::failed);
        this.manager = new PluginManagerViewModel(host.catalog().infos(), this::save, Platform::runLater);
    }

    /**
     * The enabled plugins' telemetry decoders, for the telemetry service (asked once, before the brokers connect;
     * runs plugin code: call it off the FX thread), each plugin with its own section of {@code console.json}. A decoder
     * the service switches off disables its plugin.
     */
    public List<TopicDecoder> decoders(PluginContext context) {
        return host.decoders(context, sections);
    }

    /**
     * The enabled plugins' alarm rules, ids prefixed with the plugin's (asked once at start-up; runs plugin code: call it
     * off the FX thread). A plugin that fails to list them is disabled and contributes none.
     */
    public List<org.plurigrid.console.client.alarms.AlarmRule> alarmRules() {
        List<org.plurigrid.console.client.alarms.AlarmRule> all = new ArrayList<>();
        enabled().forEach(p -> all.addAll(org.plurigrid.console.plugins.host.PluginAlarmRules.of(p.plugin(), p.guard())));
        return all;
    }

    /**
     * The enabled plugins' demand-response flexibility providers (asked once at start-up; runs plugin code: call it
     * off the FX thread). Each estimate runs on a plugin thread within {@link PluginApi#FLEXIBILITY_LIMIT}.
     */
    public List<org.plurigrid.console.client.dr.FlexibilityProvider> flexibilityProviders() {
        List<org.plurigrid.console.client.dr.FlexibilityProvider> all = new ArrayList<>();
        enabled().forEach(p -> all.addAll(org.plurigrid.console.plugins.host.PluginFlexibility.of(p.plugin(), p.guard(),
                background, PluginApi.FLEXIBILITY_LIMIT)));
        if (!all.isEmpty()) {
            LOG.info("Plugin flexibility providers: {}", all.stream().map(p -> p.name()).toList());
        }
        return all;
    }

    /**
     * Starts asking the enabled plugins' map overlays for their marks, each at its own refresh, handing what they show
     * to {@code sink} on a plugin thread (listing them runs plugin code: done here off the FX thread). Stopped with this.
     */
    public void startMapOverlays(PluginContext context, java.util.function.Consumer<org.plurigrid.console.client.assets.MapOverlayMarks> sink) {
        background.execute(() -> {
            org.plurigrid.console.plugins.host.PluginMapOverlays overlays = org.plurigrid.console.plugins.host.PluginMapOverlays
                    .of(enabled(), context.clock(), background, PluginApi.OVERLAY_LIMIT, sink);
            overlays.start(overlayTicker);
        });
    }

    /**
     * A runner of the enabled plugins' asset actions for one view-model (each keeps its own last result); the actions
     * are asked for once, on the first call.
     */
    public AssetActionRunner actionRunner(PluginContext context) {
        synchronized (this) {
            if (assetActions == null) {
                assetActions = PluginAssetActions.of(enabled(), context, background, PluginApi.ACTION_LIMIT);
            }
        }
        return new AssetActionRunner(assetActions, background, Platform::runLater);
    }

    /** The plugins that loaded and run, each with its guard, in the catalogue's order. */
    private List<GuardedPlugin> enabled() {
        return host.enabled();
    }

    /** What the telemetry service calls when it switches a plugin's decoder off. */
    public static void decoderSwitchedOff(TopicDecoder decoder, String why) {
        PluginDecoders.switchedOff(decoder, why);
    }

    private void failed(PluginInfo failed) {
        Platform.runLater(() -> {
            StackPane holder = holders.get(failed.id());
            if (holder != null) {
                holder.getChildren().setAll(note("Plugin '" + failed.title() + "' was disabled: it "
                        + failed.problem().orElse("failed") + ". The console carries on without it."));
            }
            manager.update(failed);
        });
    }

    /** Navigation entries for the enabled plugins (ids not taken by built-in views), then the plugin manager. */
    public List<NavigationEntry> create(PluginContext context, FramePump pump, Set<String> takenIds) {
        List<NavigationEntry> entries = new ArrayList<>();
        for (PluginCatalog.Entry found : host.catalog().entries()) {
            if (found.plugin().isEmpty()) {
                continue;
            }
            PluginInfo info = found.info();
            if (takenIds.contains(info.id())) {
                LOG.warn("Plugin '{}' ({}) uses the id of a built-in view; it is left out", info.title(), info.source());
                continue;
            }
            PluginGuard guard = host.guard(info.id()).orElse(null);
            if (guard == null || !guard.call("saying whether it has a view", found.plugin().get()::hasView).orElse(false)) {
                continue;
            }
            StackPane holder = new StackPane(note("Starting " + info.title() + "…"));
            holders.put(info.id(), holder);
            PluginStarter.createView(found.plugin().get(), context.withConfig(sections.apply(info.id())), guard, background, PluginApi.CREATE_VIEW_LIMIT)
                    .thenAccept(view -> view.ifPresent(v -> Platform.runLater(() -> {
                        guard.call("showing its view", v::node).ifPresent(node -> holder.getChildren().setAll(node));
                        pump.addListener(changes -> {
                            if (guard.active()) {
                                guard.frame(() -> v.onFrame(changes));
                            }
                        });
                    })));
            entries.add(new NavigationEntry(info.id(), info.title(), () -> holder));
        }
        entries.add(new NavigationEntry("plugins", "Plugins", () -> new PluginManagerView(manager, ColumnFit::key)));
        return entries;
    }

    private CompletableFuture<Void> save(Set<String> disabled) {
        return CompletableFuture.runAsync(() -> {
            try {
                host.settings().orElseThrow().write(disabled);
            } catch (IOException e) {
                throw new UncheckedIOException(host.settings().orElseThrow().file() + ": " + e.getMessage(), e);
            }
        }, settingsIo);
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("plugin-note");
        StackPane.setAlignment(label, Pos.CENTER);
        return label;
    }

    @Override
    public void close() {
        overlayTicker.shutdownNow();
        background.shutdownNow();
        settingsIo.shutdown();
        host.close();
    }
}
