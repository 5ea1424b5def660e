package org.plurigrid.console.plugins.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.assets.AssetActions;
import org.plurigrid.console.client.assets.AssetRef;
import org.plurigrid.console.plugins.spi.AssetAction;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;

class PluginAssetActionsTest {

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<PluginInfo> disabled = new ArrayList<>();
    private static final AssetRef METER = new AssetRef(AssetRef.Kind.POINT, "cg-utrecht/utrecht-sub-01/Substation/ActivePower");
    private static final AssetRef LINE = new AssetRef(AssetRef.Kind.LINE, "utrecht-hv-01");

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private PluginGuard guard(String id) {
        return new PluginGuard(new PluginInfo(id, id, "", "1.1", "bundled", PluginState.ENABLED, Optional.empty()),
                Duration.ofMillis(100), System::nanoTime, System::nanoTime, disabled::add);
    }

    private static AssetAction action(String label, Predicate<AssetRef> applies, Function<AssetRef, AssetAction.ActionResult> run) {
        return new AssetAction() {
            public String label() { return label; }
            public boolean appliesTo(AssetRef asset) { return applies.test(asset); }
            public ActionResult run(AssetRef asset, PluginContext context) { return run.apply(asset); }
        };
    }

    private PluginAssetActions actions(PluginGuard guard, AssetAction... as) {
        ConsolePlugin plugin = new ConsolePlugin() {
            public String id() { return guard.info().id(); }
            public String title() { return guard.info().title(); }
            public List<AssetAction> assetActions() { return List.of(as); }
        };
        return PluginAssetActions.of(List.of(new GuardedPlugin(plugin, guard)),
                new PluginContext(InstantSource.system(), "op"), workers, Duration.ofMillis(300));
    }

    @Test
    void offersOnlyWhereTheActionAppliesAndReturnsItsMessage() throws Exception {
        PluginAssetActions a = actions(guard("register"), action("Open in register", r -> r.kind() == AssetRef.Kind.POINT,
                r -> new AssetAction.ActionResult.Done("opened " + r.id())));

        assertThat(a.offersFor(LINE)).isEmpty();
        List<AssetActions.Offer> offers = a.offersFor(METER);
        assertThat(offers).extracting(AssetActions.Offer::label).containsExactly("Open in register");
        assertThat(offers.getFirst().run().call()).isEqualTo("opened " + METER.id());
    }

    @Test
    void aRefusalIsShownAndThePluginStaysEnabled() {
        PluginGuard g = guard("register");
        PluginAssetActions a = actions(g, action("Open", r -> true, r -> new AssetAction.ActionResult.Refused("register offline")));

        assertThatThrownBy(() -> a.offersFor(METER).getFirst().run().call()).hasMessage("register offline");
        assertThat(g.active()).isTrue();
    }

    @Test
    void anActionThatThrowsOrOverrunsDisablesItsPluginWithTheReason() {
        PluginGuard thrower = guard("thrower");
        PluginAssetActions a = actions(thrower, action("Boom", r -> true, r -> { throw new IllegalStateException("no db"); }));
        assertThatThrownBy(() -> a.offersFor(METER).getFirst().run().call()).hasMessageContaining("was disabled");
        assertThat(thrower.active()).isFalse();
        assertThat(thrower.info().problem()).get().asString().contains("IllegalStateException").contains("'Boom'").contains("no db");
        assertThat(a.offersFor(METER)).as("a disabled plugin offers nothing").isEmpty();

        CountDownLatch never = new CountDownLatch(1);
        PluginGuard slow = guard("slow");
        PluginAssetActions b = actions(slow, action("Wait", r -> true, r -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new AssetAction.ActionResult.Done("late");
        }));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> b.offersFor(METER).getFirst().run().call()).hasMessageContaining("did not finish");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(slow.active()).isFalse();
    }

    @Test
    void anAppliesToThatThrowsDisablesThePluginAndOffersNothing() {
        PluginGuard g = guard("picky");
        PluginAssetActions a = actions(g, action("Pick", r -> { throw new NullPointerException(); }, r -> null));

        assertThat(a.offersFor(METER)).isEmpty();
        assertThat(g.active()).isFalse();
        assertThat(disabled).hasSize(1);
    }
}
