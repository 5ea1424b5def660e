package org.plurigrid.console.plugins.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.assets.AssetRef;
import org.plurigrid.console.client.assets.MapMark;
import org.plurigrid.console.client.assets.MapOverlayMarks;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.MapOverlay;
import org.plurigrid.console.plugins.spi.PluginApi;

class PluginMapOverlaysTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration LIMIT = Duration.ofMillis(300);

    private final List<PluginInfo> disabled = new ArrayList<>();
    private final List<MapOverlayMarks> shown = new ArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void stop() {
        never.countDown();
        workers.shutdownNow();
    }

    private GuardedPlugin plugin(String id, List<MapOverlay> overlays) {
        PluginGuard guard = new PluginGuard(new PluginInfo(id, id, "", "1.3", "/plugins/" + id + ".jar", PluginState.ENABLED,
                Optional.empty()), Duration.ofMillis(100), System::nanoTime, System::nanoTime, disabled::add);
        ConsolePlugin p = new ConsolePlugin() {
            public String id() { return id; }
            public String title() { return id; }
            public boolean hasView() { return false; }
            public List<MapOverlay> mapOverlays() { return overlays; }
        };
        return new GuardedPlugin(p, guard);
    }

    private static MapOverlay overlay(String id, Function<Instant, List<MapMark>> marks) {
        return new MapOverlay() {
            public String id() { return id; }
            public String title() { return "ACME meters"; }
            public List<MapMark> marks(Instant now) { return marks.apply(now); }
        };
    }

    private PluginMapOverlays of(GuardedPlugin... plugins) {
        return PluginMapOverlays.of(List.of(plugins), InstantSource.fixed(NOW), workers, LIMIT, shown::add);
    }

    private static MapMark meter(String id, MapMark.Status status) {
        return new MapMark(id, 52.1, 5.2, "Meter " + id, status, Optional.of(new AssetRef(AssetRef.Kind.SUBSTATION, "sub-" + id)));
    }

    @Test
    void anOverlaysMarksReachTheMapUnderThePluginsIdAskedAtTheConsolesTime() {
        List<Instant> askedAt = new ArrayList<>();
        of(plugin("acme", List.of(overlay("meters", now -> {
            askedAt.add(now);
            return List.of(meter("a", MapMark.Status.NORMAL), meter("b", MapMark.Status.ALARM));
        })))).refreshAll();

        assertThat(askedAt).containsExactly(NOW);
        assertThat(shown).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("acme/meters");
            assertThat(m.title()).isEqualTo("ACME meters");
            assertThat(m.marks()).extracting(MapMark::status).containsExactly(MapMark.Status.NORMAL, MapMark.Status.ALARM);
            assertThat(m.problem()).isEmpty();
        });
    }

    @Test
    void anOverlayThatThrowsIsDisabledAndItsMarksLeaveTheMapWithTheReason() {
        PluginMapOverlays overlays = of(plugin("bomb", List.of(overlay("meters", now -> {
            throw new IllegalStateException("no positions");
        }))));

        overlays.refreshAll();
        overlays.refreshAll();

        assertThat(disabled).singleElement().satisfies(i -> assertThat(i.problem().orElseThrow()).contains("no positions"));
        assertThat(shown).as("told once, then left alone").singleElement().satisfies(m -> {
            assertThat(m.marks()).isEmpty();
            assertThat(m.problem()).contains("disabled").contains("no positions");
        });
    }

    @Test
    void anOverlayThatBlocksIsCutOffAtTheLimit() {
        PluginMapOverlays overlays = of(plugin("slow", List.of(overlay("meters", now -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }))));

        long start = System.nanoTime();
        overlays.refreshAll();

        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(LIMIT.toMillis() - 10, LIMIT.toMillis() + 2_000);
        assertThat(disabled.getFirst().problem().orElseThrow()).contains("took longer than 300 ms");
        assertThat(shown.getFirst().marks()).isEmpty();
    }

    @Test
    void tooManyMarksANullOrARepeatedIdDisableThePlugin() {
        of(plugin("many", List.of(overlay("meters", now -> IntStream.rangeClosed(0, PluginApi.OVERLAY_MAX_MARKS)
                .mapToObj(i -> meter("m" + i, MapMark.Status.NORMAL)).toList())))).refreshAll();
        of(plugin("nulls", List.of(overlay("meters", now -> Arrays.asList(meter("a", MapMark.Status.NORMAL), null))))).refreshAll();
        of(plugin("twice", List.of(overlay("meters", now -> List.of(meter("a", MapMark.Status.NORMAL),
                meter("a", MapMark.Status.STALE)))))).refreshAll();

        assertThat(disabled).extracting(i -> i.id() + ": " + i.problem().orElseThrow()).containsExactly(
                "many: returned 10001 marks, more than 10000 in 'ACME meters'",
                "nulls: returned a null mark in 'ACME meters'",
                "twice: returned two marks with the id 'a' in 'ACME meters'");
        assertThat(shown).allSatisfy(m -> assertThat(m.marks()).isEmpty());
    }

    @Test
    void anOverlayWithABadOrRepeatedIdIsRefusedBeforeItsMarksAreAskedFor() {
        List<String> asked = new ArrayList<>();
        of(plugin("ids", List.of(overlay("meters", now -> { asked.add("meters"); return List.of(); }),
                overlay("meters", now -> { asked.add("again"); return List.of(); })))).refreshAll();
        of(plugin("upper", List.of(overlay("Meters", now -> { asked.add("upper"); return List.of(); })))).refreshAll();

        assertThat(asked).isEmpty();
        assertThat(disabled).extracting(PluginInfo::id).containsExactly("ids", "upper");
    }

    @Test
    void aMarkOffTheMapIsRefusedWhereItIsMade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MapMark("x", 91, 5, "north", MapMark.Status.NORMAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not on the map");
        assertThat(new MapMark("x", 52, 5, "m".repeat(200), MapMark.Status.NORMAL).label()).hasSize(MapMark.MAX_LABEL);
    }
}
