package org.plurigrid.console.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.config.ConsoleConfig;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.client.telemetry.TelemetrySettings;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.client.threads.NamedThreads;
import org.plurigrid.console.plugins.host.PluginDecoders;
import org.plurigrid.console.plugins.host.PluginHost;
import org.plurigrid.console.plugins.spi.PluginContext;

/**
 * What {@code record} and {@code telemetry stats} share with each other and with the window: the plugins' telemetry
 * decoders, loaded as the window loads them (the bundled ones, among them the JSON topic mapping, and with
 * {@code --home} those in {@code <home>/plugins} minus the ones switched off), each with its section of
 * {@code console.json}, so the command line decodes the same topics the same way; and the listening window itself.
 * A plugin disabled on the way is said on stderr.
 */
final class HeadlessTelemetry implements AutoCloseable {

    private final PluginHost plugins;
    private final List<TopicDecoder> decoders;

    /** @param config the configuration read from {@code home}; empty without {@code --home} */
    HeadlessTelemetry(Optional<Path> home, Optional<ConsoleConfig> config, PrintWriter err) {
        this.plugins = new PluginHost(home, HeadlessTelemetry.class.getClassLoader(), info -> err.println(
                "Plugin '" + info.title() + "' was disabled: it " + info.problem().orElse("failed")));
        PluginContext context = new PluginContext(InstantSource.system(), System.getProperty("user.name", "operator"));
        this.decoders = plugins.decoders(context, id -> config.map(c -> c.pluginSection(id))
                .orElseGet(JsonNodeFactory.instance::objectNode));
    }

    /** The telemetry service of these brokers with the plugins' decoders beside Sparkplug. */
    TelemetryService service(List<BrokerConfig> brokers, TelemetrySettings settings) {
        return new TelemetryService(brokers, InstantSource.system(), null, settings, decoders, PluginDecoders::switchedOff);
    }

    /**
     * Starts the service with the alarm engine ticking as in the window, listens for {@code seconds}, and ends with a
     * last stale sweep and alarm tick, so what is reported reflects the end of the window.
     */
    static void listen(TelemetryService service, AlarmEngine alarms, int seconds) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("alarm-tick"));
        try {
            ticker.scheduleAtFixedRate(alarms::tick, 250, 250, TimeUnit.MILLISECONDS);
            service.start();
            try {
                Thread.sleep(Duration.ofSeconds(seconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            ticker.shutdownNow();
        }
        service.tick();
        alarms.tick();
    }

    @Override
    public void close() {
        plugins.close();
    }
}
