package org.plurigrid.console.plugins.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.plugins.spi.PluginApi;
import org.plurigrid.console.plugins.spi.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of one console, window or command line alike: the bundled ones and those in {@code <home>/plugins}
 * (minus those the operator switched off in {@code <home>/plugins.json}), each enabled one behind a
 * {@link PluginGuard}. Found once (file I/O: construct it off the FX thread). Its telemetry decoders are what makes
 * the window and the headless {@code record} and {@code telemetry stats} decode the same topics the same way.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final PluginCatalog catalog;
    private final PluginSettings settings;
    private final Map<String, PluginGuard> guards = new ConcurrentHashMap<>();

    /**
     * @param home     the console's home; empty for the bundled plugins only (a command without {@code --home})
     * @param onFailed told when an enabled plugin is disabled for what it did, with the reason in its info
     */
    public PluginHost(Optional<Path> home, ClassLoader appLoader, Consumer<PluginInfo> onFailed) {
        this.settings = home.map(PluginSettings::new).orElse(null);
        Set<String> disabled = Set.of();
        if (settings != null) {
            try {
                disabled = settings.disabled();
            } catch (IOException e) {
                LOG.warn("Plugin settings not read, every plugin runs: {}", e.getMessage());
            }
        }
        this.catalog = PluginCatalog.discover(appLoader, home.map(h -> h.resolve("plugins")), disabled);
        for (PluginCatalog.Entry found : catalog.entries()) {
            found.plugin().ifPresent(p -> guards.put(found.info().id(), new PluginGuard(found.info(),
                    PluginApi.FRAME_BUDGET, System::nanoTime, PluginGuard::currentThreadCpuTime, onFailed)));
        }
    }

    public PluginCatalog catalog() {
        return catalog;
    }

    /** Where the operator's enable/disable choices are kept; empty without a home. */
    public Optional<PluginSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** The guard of a plugin that loaded and is enabled. */
    public Optional<PluginGuard> guard(String id) {
        return Optional.ofNullable(guards.get(id));
    }

    /** The plugins that loaded and run, each with its guard, in the catalogue's order. */
    public List<GuardedPlugin> enabled() {
        List<GuardedPlugin> enabled = new ArrayList<>();
        for (PluginCatalog.Entry found : catalog.entries()) {
            PluginGuard guard = guards.get(found.info().id());
            if (found.plugin().isPresent() && guard != null) {
                enabled.add(new GuardedPlugin(found.plugin().get(), guard));
            }
        }
        return enabled;
    }

    /**
     * The enabled plugins' telemetry decoders, each plugin asked with {@code context} carrying its own section of
     * {@code console.json} (runs plugin code: call it off the FX thread; asked once, before the brokers connect).
     */
    public List<TopicDecoder> decoders(PluginContext context, Function<String, JsonNode> sections) {
        List<TopicDecoder> all = PluginDecoders.of(enabled(), id -> context.withConfig(sections.apply(id)));
        if (!all.isEmpty()) {
            LOG.info("Telemetry decoders: {}", all.stream().map(d -> d.name() + " " + d.filters()).toList());
        }
        return all;
    }

    @Override
    public void close() {
        catalog.close();
    }
}
