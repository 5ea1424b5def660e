package org.plurigrid.console.plugins.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;
import org.plurigrid.console.plugins.spi.PluginView;

import static org.assertj.core.api.Assertions.assertThat;

class PluginGuardTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final List<PluginInfo> disabled = new ArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private PluginGuard guard() {
        PluginInfo info = new PluginInfo("feeder", "Feeder load", "", "1.0", "/plugins/feeder.jar", PluginState.ENABLED, Optional.empty());
        return new PluginGuard(info, Duration.ofMillis(100), nanos::get, cpuNanos::get, disabled::add);
    }

    @Test
    void aPluginThatThrowsWhileHandlingTelemetryIsDisabledAndNeverCalledAgain() {
        PluginGuard guard = guard();
        AtomicInteger calls = new AtomicInteger();

        guard.frame(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad point id");
        });
        guard.frame(calls::incrementAndGet);

        assertThat(calls).hasValue(1);
        assertThat(guard.active()).isFalse();
        assertThat(disabled).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PluginState.FAILED);
            assertThat(p.problem()).get().asString()
                    .isEqualTo("threw IllegalArgumentException while handling telemetry: bad point id");
        });
    }

    @Test
    void aPluginUsingMoreCpuThanItsFrameBudgetAThirdTimeIsDisabled() {
        PluginGuard guard = guard();
        Runnable slow = () -> {
            nanos.addAndGet(Duration.ofMillis(150).toNanos());
            cpuNanos.addAndGet(Duration.ofMillis(150).toNanos());
        };

        guard.frame(slow);
        guard.frame(() -> cpuNanos.addAndGet(Duration.ofMillis(5).toNanos()));
        guard.frame(slow);
        assertThat(guard.active()).isTrue();
        guard.frame(slow);

        assertThat(guard.active()).isFalse();
        assertThat(disabled).singleElement().extracting(p -> p.problem().orElseThrow()).asString()
                .contains("used 150 ms of CPU for one frame").contains("budget of 100 ms");
    }

    @Test
    void aBusyMachineThatDelaysTheFxThreadDoesNotCountAgainstThePlugin() {
        PluginGuard guard = guard();
        // 400 ms of wall time but 2 ms of the plugin's own CPU: the thread was waiting for a core, not for the plugin.
        for (int i = 0; i < 5; i++) {
            guard.frame(() -> {
                nanos.addAndGet(Duration.ofMillis(400).toNanos());
                cpuNanos.addAndGet(Duration.ofMillis(2).toNanos());
            });
        }

        assertThat(guard.active()).isTrue();
    }

    @Test
    void aPluginThatBlocksTheFxThreadForTenBudgetsAThirdTimeIsDisabled() {
        PluginGuard guard = guard();
        for (int i = 0; i < 3; i++) {
            guard.frame(() -> nanos.addAndGet(Duration.ofMillis(1500).toNanos()));
        }

        assertThat(guard.active()).isFalse();
        assertThat(disabled).singleElement().extracting(p -> p.problem().orElseThrow()).asString()
                .contains("blocked for 1500 ms in one frame");
    }

    @Test
    void aPluginThatThrowsWhileBuildingItsViewIsDisabledAndTheFutureCompletesEmpty() throws Exception {
        PluginGuard guard = guard();
        ConsolePlugin plugin = plugin(() -> {
            throw new IllegalStateException("no data folder");
        });

        Optional<PluginView> view = PluginStarter.createView(plugin, context(), guard, background, Duration.ofSeconds(5))
                .get(5, TimeUnit.SECONDS);

        assertThat(view).isEmpty();
        assertThat(guard.info().problem()).get().asString().contains("while building its view: no data folder");
    }

    @Test
    void aPluginThatBlocksWhileBuildingItsViewIsDisabledAfterTheLimit() throws Exception {
        PluginGuard guard = guard();
        CountDownLatch never = new CountDownLatch(1);
        ConsolePlugin plugin = plugin(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });

        long start = System.nanoTime();
        Optional<PluginView> view = PluginStarter.createView(plugin, context(), guard, background, Duration.ofMillis(300))
                .get(5, TimeUnit.SECONDS);

        assertThat(view).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(guard.info().problem()).get().asString().startsWith("took longer than");
    }

    @Test
    void aWellBehavedPluginGetsItsView() throws Exception {
        PluginGuard guard = guard();
        PluginView built = new PluginView() {
            public Node node() {
                return null;
            }

            public void onFrame(ChangeSet changes) {
            }
        };

        Optional<PluginView> view = PluginStarter.createView(plugin(() -> built), context(), guard, background, Duration.ofSeconds(5))
                .get(5, TimeUnit.SECONDS);

        assertThat(view).containsSame(built);
        assertThat(guard.active()).isTrue();
    }

    private static PluginContext context() {
        return new PluginContext(java.time.InstantSource.system(), "tester");
    }

    private static ConsolePlugin plugin(java.util.function.Supplier<PluginView> create) {
        return new ConsolePlugin() {
            public String id() {
                return "feeder";
            }

            public String title() {
                return "Feeder load";
            }

            public PluginView createView(PluginContext context) {
                return create.get();
            }
        };
    }
}
