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
import java.time.InstantSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.plurigrid.console.client.telemetry.JsonMappingDecoder;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.plugins.bundled.json.JsonTopicsPlugin;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;

class PluginDecodersTest {

    private static final PluginContext CTX = new PluginContext(InstantSource.system(), "op");
    private final List<PluginInfo> disabled = new ArrayList<>();

    private PluginGuard guard(String id) {
        return guard(id, "/plugins/" + id + ".jar");
    }

    private PluginGuard guard(String id, String source) {
        return new PluginGuard(new PluginInfo(id, id, "", "1.1", source, PluginState.ENABLED, Optional.empty()),
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
        List<TopicDecoder> ds = PluginDecoders.of(plugin("acme", () -> List.of(decoder("meters", "acme/+/meter"))), guard, CTX);

        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("acme/meters");
            assertThat(d.filter().toString()).isEqualTo("acme/+/meter");
        });
    }

    @Test
    void aPluginWhoseDecoderListThrowsIsDisabledWithTheReason() {
        PluginGuard guard = guard("bomb");
        List<TopicDecoder> ds = PluginDecoders.of(plugin("bomb", () -> { throw new IllegalStateException("no config"); }), guard, CTX);

        assertThat(ds).isEmpty();
        assertThat(guard.active()).isFalse();
        assertThat(disabled).singleElement().satisfies(i ->
                assertThat(i.problem()).get().asString().contains("listing its decoders").contains("no config"));
    }

    @Test
    void aDecoderAskingForEveryTopicOrSparkplugIsRefused() {
        PluginGuard all = guard("greedy");
        assertThat(PluginDecoders.of(plugin("greedy", () -> List.of(decoder("all", "#"))), all, CTX)).isEmpty();
        assertThat(all.active()).isFalse();
        PluginGuard sp = guard("sp");
        assertThat(PluginDecoders.of(plugin("sp", () -> List.of(decoder("sp", "spBv1.0/+/NDATA/#"))), sp, CTX)).isEmpty();
        assertThat(disabled).extracting(i -> i.problem().orElseThrow()).allSatisfy(p -> assertThat(p).contains("overlaps Sparkplug"));
    }

    @Test
    void aDecoderSwitchedOffByTelemetryDisablesItsPluginAndADisabledPluginStopsDecoding() {
        PluginGuard guard = guard("acme");
        TopicDecoder d = PluginDecoders.of(plugin("acme", () -> List.of(decoder("meters", "acme/#"))), guard, CTX).getFirst();

        PluginDecoders.switchedOff(d, "it threw IllegalStateException while decoding acme/x");

        assertThat(guard.active()).isFalse();
        assertThat(guard.info().problem()).get().asString().isEqualTo(
                "failed in its decoder 'acme/meters' (it threw IllegalStateException while decoding acme/x)");
        assertThatThrownBy(() -> d.decode("acme/x", new byte[0], Instant.EPOCH)).hasMessageContaining("disabled");
    }

    @Test
    void theBundledJsonTopicsPluginDecodesByTheMappingsOfItsSectionAndFolderPluginsComeFirst() throws Exception {
        PluginContext configured = CTX.withConfig(new ObjectMapper().readTree("""
                {"jsonMappings": [ { "topic": "coop/{node}/{device}/state", "group": "cg-coop", "value": "/kw",
                                     "metric": "ActivePower", "unit": "kW", "expectedPeriod": "5s" } ]}"""));
        PluginGuard json = guard("json-topics", "bundled");
        PluginGuard acme = guard("acme");
        List<TopicDecoder> ds = PluginDecoders.of(List.of(new GuardedPlugin(new JsonTopicsPlugin(), json),
                new GuardedPlugin(plugin("acme", () -> List.of(decoder("meters", "coop/+/+/state"))), acme)),
                id -> id.equals("json-topics") ? configured : CTX);

        assertThat(ds).extracting(TopicDecoder::name).as("the vendor's decoder claims an overlapping topic first")
                .containsExactly("acme/meters", "json-topics/json");
        TopicDecoder mapping = ds.get(1);
        assertThat(mapping.filters()).extracting(TopicFilter::toString).containsExactly("coop/+/+/state");
        TopicDecoder.Decoded d = mapping.decode("coop/sub-1/pv-1/state", "{\"kw\": 2.5}".getBytes(), Instant.EPOCH);
        PointId pv = new PointId("cg-coop", "sub-1", "pv-1", "ActivePower");
        assertThat(d).isInstanceOfSatisfying(TopicDecoder.Decoded.Points.class, p -> assertThat(p.points())
                .singleElement().satisfies(m -> {
                    assertThat(m.id()).isEqualTo(pv);
                    assertThat(m.value()).isEqualTo(2.5);
                    assertThat(m.quality()).isEqualTo(Quality.GOOD);
                }));
        assertThat(mapping.expectedPeriod(pv)).as("the mapping's own period, through the guard")
                .contains(Duration.ofSeconds(5));
        assertThat(mapping.decode("coop/a/b/state", "[".getBytes(), Instant.EPOCH))
                .isInstanceOfSatisfying(TopicDecoder.Decoded.Malformed.class,
                        m -> assertThat(m.kind()).isEqualTo(JsonMappingDecoder.NOT_JSON));
    }

    @Test
    void withoutMappingsTheJsonTopicsPluginReadsNothingAndABadSectionDisablesItWithTheReadersMessage() throws Exception {
        PluginGuard empty = guard("json-topics", "bundled");
        assertThat(PluginDecoders.of(new JsonTopicsPlugin(), empty, CTX)).isEmpty();
        assertThat(empty.active()).isTrue();

        PluginGuard bad = guard("json-topics", "bundled");
        assertThat(PluginDecoders.of(new JsonTopicsPlugin(), bad, CTX.withConfig(new ObjectMapper().readTree("""
                {"jsonMappings": [ { "topic": "coop/{site}", "value": "/kw", "metric": "P" } ]}""")))).isEmpty();
        assertThat(bad.active()).isFalse();
        assertThat(bad.info().problem()).get().asString().contains("jsonMappings[0]");
    }
}
