package org.plurigrid.console.plugins.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.dr.DerDevice;
import org.plurigrid.console.client.dr.DrDeviceTracker;
import org.plurigrid.console.client.dr.FlexibilityProvider;
import org.plurigrid.console.plugins.spi.ConsolePlugin;

class PluginFlexibilityTest {

    private static final Duration LIMIT = Duration.ofMillis(300);
    private static final DerDevice HEAT_PUMP = new DerDevice("grid-a", "site-a", "hp-1");
    private static final DrDeviceTracker.DeviceReading READING =
            new DrDeviceTracker.DeviceReading(HEAT_PUMP, 8, 8, Double.NaN, Double.NaN, Double.NaN, true, true);

    private final List<PluginInfo> disabled = new ArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void stop() {
        never.countDown();
        workers.shutdownNow();
    }

    private PluginGuard guard(String id) {
        return new PluginGuard(new PluginInfo(id, id, "", "1.3", "/plugins/" + id + ".jar", PluginState.ENABLED, Optional.empty()),
                Duration.ofMillis(100), System::nanoTime, System::nanoTime, disabled::add);
    }

    private static ConsolePlugin plugin(String id, List<FlexibilityProvider> providers) {
        return new ConsolePlugin() {
            public String id() { return id; }
            public String title() { return id; }
            public boolean hasView() { return false; }
            public List<FlexibilityProvider> flexibilityProviders() { return providers; }
        };
    }

    private static FlexibilityProvider provider(Function<DrDeviceTracker.DeviceReading, OptionalDouble> estimate) {
        return new FlexibilityProvider() {
            public String name() { return "heat-pumps"; }
            public OptionalDouble reductionKw(DrDeviceTracker.DeviceReading r) { return estimate.apply(r); }
        };
    }

    private List<FlexibilityProvider> of(String id, FlexibilityProvider p, PluginGuard guard) {
        return PluginFlexibility.of(plugin(id, List.of(p)), guard, workers, LIMIT);
    }

    @Test
    void aProvidersEstimatesReachTheConsoleUnderThePluginsName() {
        PluginGuard guard = guard("heat");
        List<FlexibilityProvider> providers = of("heat", provider(r -> OptionalDouble.of(3.5)), guard);

        assertThat(providers).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("heat/heat-pumps");
            assertThat(p.estimates(List.of(READING))).isEqualTo(Map.of(HEAT_PUMP, 3.5));
        });
        assertThat(guard.active()).isTrue();
    }

    @Test
    void aProviderThatThrowsIsSwitchedOffWithTheReasonAndKnowsNoDeviceAfterwards() {
        PluginGuard guard = guard("bomb");
        FlexibilityProvider p = of("bomb", provider(r -> { throw new IllegalStateException("model not loaded"); }), guard).getFirst();

        assertThat(p.estimates(List.of(READING))).isEmpty();

        assertThat(guard.active()).isFalse();
        assertThat(disabled).singleElement().satisfies(i -> assertThat(i.problem().orElseThrow())
                .contains("IllegalStateException").contains("model not loaded").contains("bomb/heat-pumps"));
    }

    @Test
    void aProviderThatBlocksIsCutOffAtTheLimitAndDisabled() {
        PluginGuard guard = guard("slow");
        FlexibilityProvider p = of("slow", provider(r -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return OptionalDouble.of(1);
        }), guard).getFirst();

        long start = System.nanoTime();
        assertThat(p.estimates(List.of(READING))).isEmpty();
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMs).as("waited for the limit, not for the plugin").isBetween(LIMIT.toMillis() - 10, LIMIT.toMillis() + 2_000);
        assertThat(guard.active()).isFalse();
        assertThat(disabled.getFirst().problem().orElseThrow()).contains("took longer than 300 ms");
    }

    @Test
    void anEstimateThatIsNotANumberOfKilowattsAtLeastZeroDisablesThePlugin() {
        PluginGuard guard = guard("nan");
        FlexibilityProvider p = of("nan", provider(r -> OptionalDouble.of(Double.NaN)), guard).getFirst();

        assertThat(p.estimates(List.of(READING))).isEmpty();
        assertThat(guard.active()).isFalse();
        assertThat(disabled.getFirst().problem().orElseThrow()).contains("NaN kW").contains("grid-a/site-a/hp-1");

        PluginGuard negative = guard("neg");
        assertThat(of("neg", provider(r -> OptionalDouble.of(-2)), negative).getFirst().estimates(List.of(READING))).isEmpty();
        assertThat(negative.active()).isFalse();
    }

    @Test
    void aPluginThatThrowsWhileListingOrListsANullContributesNone() {
        PluginGuard guard = guard("lister");
        ConsolePlugin throwing = new ConsolePlugin() {
            public String id() { return "lister"; }
            public String title() { return "lister"; }
            public List<FlexibilityProvider> flexibilityProviders() { throw new IllegalStateException("no licence"); }
        };
        assertThat(PluginFlexibility.of(throwing, guard, workers, LIMIT)).isEmpty();
        assertThat(guard.active()).isFalse();

        PluginGuard nulls = guard("nulls");
        assertThat(PluginFlexibility.of(plugin("nulls", java.util.Arrays.asList((FlexibilityProvider) null)), nulls, workers, LIMIT)).isEmpty();
        assertThat(nulls.active()).isFalse();
    }
}
