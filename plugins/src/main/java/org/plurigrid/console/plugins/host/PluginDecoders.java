package org.plurigrid.console.plugins.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.client.telemetry.TopicFilter;
import org.plurigrid.console.plugins.spi.ConsolePlugin;

/**
 * A plugin's telemetry decoders as the telemetry service runs them: each behind the plugin's {@link PluginGuard}, named
 * {@code pluginId/decoderName}. A decoder the service switches off disables its plugin (the manager shows why); a
 * plugin disabled for another reason stops decoding too.
 */
public final class PluginDecoders {

    private PluginDecoders() {
    }

    /** The plugin's decoders, asked for once; none if asking throws (the plugin is then disabled). */
    public static List<TopicDecoder> of(ConsolePlugin plugin, PluginGuard guard) {
        List<TopicDecoder> declared = guard.call("listing its decoders", plugin::decoders).orElse(List.of());
        List<TopicDecoder> out = new ArrayList<>();
        for (TopicDecoder d : declared) {
            if (d == null) {
                guard.disable("listed a null decoder", null);
                return List.of();
            }
            java.util.Optional<String> name = guard.call("naming a decoder", d::name);
            java.util.Optional<TopicFilter> filter = guard.call("naming a decoder's topic filter", d::filter);
            if (name.isEmpty() || filter.isEmpty()) {
                return List.of();
            }
            if (filter.get().filter().startsWith("spBv1.0") || filter.get().filter().equals("#")) {
                guard.disable("asked to decode '" + filter.get() + "', which overlaps Sparkplug topics", null);
                return List.of();
            }
            out.add(new Guarded(guard.info().id() + "/" + name.get(), filter.get(), d, guard));
        }
        return List.copyOf(out);
    }

    /** What the telemetry service calls when it switches a decoder off. */
    public static void switchedOff(TopicDecoder decoder, String why) {
        if (decoder instanceof Guarded g) {
            g.guard.disable("failed in its decoder '" + g.name + "' (" + why + ")", null);
        }
    }

    private record Guarded(String name, TopicFilter filter, TopicDecoder plugin, PluginGuard guard) implements TopicDecoder {
        Guarded {
            Objects.requireNonNull(plugin, "plugin");
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
