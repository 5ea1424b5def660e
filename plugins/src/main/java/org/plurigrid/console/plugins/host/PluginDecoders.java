package org.plurigrid.console.plugins.host;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.client.telemetry.TopicFilter;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;

/**
 * A plugin's telemetry decoders as the telemetry service runs them: each behind the plugin's {@link PluginGuard}, named
 * {@code pluginId/decoderName}. A decoder the service switches off disables its plugin (the manager shows why); a
 * plugin disabled for another reason stops decoding too.
 */
public final class PluginDecoders {

    private PluginDecoders() {
    }

    /**
     * The decoders of the given plugins, asked for once each with the plugin's own context: those of plugins from the
     * plugins folder first, so a vendor's decoder reads a topic the bundled JSON mapping would also match.
     */
    public static List<TopicDecoder> of(List<GuardedPlugin> plugins, Function<String, PluginContext> contexts) {
        List<TopicDecoder> all = new ArrayList<>();
        plugins.stream().sorted(Comparator.comparing(p -> p.guard().info().source().equals("bundled")))
                .forEach(p -> all.addAll(of(p.plugin(), p.guard(), contexts.apply(p.guard().info().id()))));
        return all;
    }

    /** The plugin's decoders, asked for once; none if asking throws (the plugin is then disabled). */
    public static List<TopicDecoder> of(ConsolePlugin plugin, PluginGuard guard, PluginContext context) {
        List<TopicDecoder> declared = guard.call("listing its decoders", () -> plugin.decoders(context)).orElse(List.of());
        List<TopicDecoder> out = new ArrayList<>();
        for (TopicDecoder d : declared) {
            if (d == null) {
                guard.disable("listed a null decoder", null);
                return List.of();
            }
            Optional<String> name = guard.call("naming a decoder", d::name);
            Optional<List<TopicFilter>> filters = guard.call("naming a decoder's topic filters", () -> List.copyOf(d.filters()));
            if (name.isEmpty() || filters.isEmpty()) {
                return List.of();
            }
            for (TopicFilter filter : filters.get()) {
                if (filter.filter().startsWith("spBv1.0") || filter.filter().equals("#")) {
                    guard.disable("asked to decode '" + filter + "', which overlaps Sparkplug topics", null);
                    return List.of();
                }
            }
            if (filters.get().isEmpty()) {
                continue; // a decoder with nothing to read (the JSON mapping without mappings)
            }
            out.add(new Guarded(guard.info().id() + "/" + name.get(), filters.get(), d, guard));
        }
        return List.copyOf(out);
    }

    /** What the telemetry service calls when it switches a decoder off. */
    public static void switchedOff(TopicDecoder decoder, String why) {
        if (decoder instanceof Guarded g) {
            g.guard.disable("failed in its decoder '" + g.name + "' (" + why + ")", null);
        }
    }

    private record Guarded(String name, List<TopicFilter> filters, TopicDecoder plugin, PluginGuard guard)
            implements TopicDecoder {
        Guarded {
            Objects.requireNonNull(plugin, "plugin");
            filters = List.copyOf(filters);
        }

        @Override
        public TopicFilter filter() {
            return filters.getFirst();
        }

        /** Plugin code on the decoder's thread; what it throws switches the decoder off. */
        @Override
        public Optional<Duration> expectedPeriod(PointId point) {
            Optional<Duration> period = plugin.expectedPeriod(point);
            return period == null ? Optional.empty() : period;
        }

        @Override
        public Decoded decode(String topic, byte[] payload, Instant received) {
            if (!guard.active()) {
                throw new IllegalStateException("the plugin is disabled");
            }
            Decoded d = plugin.decode(topic, payload, received);
            if (d == null) {
                throw new IllegalStateException("it returned null instead of points or a reason");
            }
            return d;
        }
    }
}
