package org.plurigrid.console.plugins.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.client.telemetry.TopicFilter;
import org.plurigrid.console.plugins.spi.ConsolePlugin;

class PluginDecodersTest {

    private final List<PluginInfo> disabled = new ArrayList<>();

    private PluginGuard guard(String id) {
        return new PluginGuard(new PluginInfo(id, id, "", "1.1", "/plugins/" + id + ".jar", PluginState.ENABLED, Optional.empty()),
                Duration.ofMillis(100), System::nanoTime, System::nanoTime, disabled::add);
    }

    private static TopicDecoder decoder(String name, String filter) {
        return new TopicDecoder() {
            public String name() { return name; }
            public TopicFilter filter() { return TopicFilter.parse(filter); }
            public Decoded decode(String topic, byte[] payload, Instant received) { return new Decoded.Points(List.of()); }
        };
    }

    private static ConsolePlugin plugin(String id, java.util.function.Supplier<List<TopicDecoder>> decoders) {
        return new ConsolePlugin() {
            public String id() { return id; }
            public String title() { return id; }
            public boolean hasView() { return false; }
            public List<TopicDecoder> decoders() { return decoders.get(); }
        };
    }

    @Test
    void decodersAreNamedAfterTheirPluginAndKeepTheirFilter() {
        PluginGuard guard = guard("acme");
        List<TopicDecoder> ds = PluginDecoders.of(plugin("acme", () -> List.of(decoder("meters", "acme/+/meter"))), guard);

        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("acme/meters");
            assertThat(d.filter().toString()).isEqualTo("acme/+/meter");
        });
    }

    @Test
    void aPluginWhoseDecoderListThrowsIsDisabledWithTheReason() {
        PluginGuard guard = guard("bomb");
        List<TopicDecoder> ds = PluginDecoders.of(plugin("bomb", () -> { throw new IllegalStateException("no config"); }), guard);

        assertThat(ds).isEmpty();
        assertThat(guard.active()).isFalse();
        assertThat(disabled).singleElement().satisfies(i ->
                assertThat(i.problem()).get().asString().contains("listing its decoders").contains("no config"));
    }

    @Test
    void aDecoderAskingForEveryTopicOrSparkplugIsRefused() {
        PluginGuard all = guard("greedy");
        assertThat(PluginDecoders.of(plugin("greedy", () -> List.of(decoder("all", "#"))), all)).isEmpty();
        assertThat(all.active()).isFalse();
        PluginGuard sp = guard("sp");
        assertThat(PluginDecoders.of(plugin("sp", () -> List.of(decoder("sp", "spBv1.0/+/NDATA/#"))), sp)).isEmpty();
        assertThat(disabled).extracting(i -> i.problem().orElseThrow()).allSatisfy(p -> assertThat(p).contains("overlaps Sparkplug"));
    }

    @Test
    void aDecoderSwitchedOffByTelemetryDisablesItsPluginAndADisabledPluginStopsDecoding() {
        PluginGuard guard = guard("acme");
        TopicDecoder d = PluginDecoders.of(plugin("acme", () -> List.of(decoder("meters", "acme/#"))), guard).getFirst();

        PluginDecoders.switchedOff(d, "it threw IllegalStateException while decoding acme/x");

        assertThat(guard.active()).isFalse();
        assertThat(guard.info().problem()).get().asString().isEqualTo(
                "failed in its decoder 'acme/meters' (it threw IllegalStateException while decoding acme/x)");
        assertThatThrownBy(() -> d.decode("acme/x", new byte[0], Instant.EPOCH)).hasMessageContaining("disabled");
    }
}
