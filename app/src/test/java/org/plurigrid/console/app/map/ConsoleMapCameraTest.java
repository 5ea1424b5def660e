package org.plurigrid.console.app.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.eventually;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.config.MapCamera;
import org.plurigrid.console.client.config.MapCameraStore;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import org.plurigrid.console.maplayers.map.SupergridMapViewModel;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

@ExtendWith(FxPlatformExtension.class)
class ConsoleMapCameraTest {

    @TempDir
    Path home;

    @Test
    void reopensWhereTheOperatorLeftTheMap() throws Exception {
        ConsoleMap first = startedMap();
        onFx(() -> move(first.viewModel(), 51.98, 5.91, 11.5));
        first.close(); // writes the last camera without waiting for the debounce

        assertThat(MapCameraStore.in(home).load()).contains(new MapCamera(51.98, 5.91, 11.5));

        ConsoleMap second = startedMap();
        try {
            eventually("the camera restored", Duration.ofSeconds(10), () -> onFx(() ->
                    second.viewModel().zoomProperty().get() == 11.5
                            && second.viewModel().centerLatProperty().get() == 51.98
                            && second.viewModel().centerLonProperty().get() == 5.91));
        } finally {
            second.close();
        }
    }

    @Test
    void writesTheCameraSoonAfterTheOperatorStopsMovingWithoutBlockingTheFxThread() throws Exception {
        ConsoleMap map = startedMap();
        try {
            long start = System.nanoTime();
            onFx(() -> move(map.viewModel(), 52.37, 4.9, 10.25));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no file I/O on the FX thread")
                    .isLessThan(ConsoleMap.CAMERA_SAVE_DELAY);
            Path file = home.resolve(MapCameraStore.FILE_NAME);
            eventually("map-view.json written", Duration.ofSeconds(15), () -> Files.isRegularFile(file));
            assertThat(MapCameraStore.in(home).load()).contains(new MapCamera(52.37, 4.9, 10.25));
        } finally {
            map.close();
        }
    }

    @Test
    void aCorruptCameraFileLeavesTheMapOnItsHomeView() throws Exception {
        Files.writeString(home.resolve(MapCameraStore.FILE_NAME), "not json");
        ConsoleMap map = startedMap();
        try {
            Thread.sleep(500);
            assertThat(onFx(() -> map.viewModel().zoomProperty().get())).isEqualTo(SupergridMapViewModel.HOME_ZOOM);
        } finally {
            map.close();
        }
    }

    private ConsoleMap startedMap() {
        ConsoleMap map = new ConsoleMap(DemoSupergrid::build, InstantSource.system());
        onFx(() -> {
            map.rememberCameraIn(MapCameraStore.in(home));
            return null;
        });
        map.start();
        return map;
    }

    private static Void move(SupergridMapViewModel vm, double lat, double lon, double zoom) {
        vm.zoomProperty().set(zoom);
        vm.centerLatProperty().set(lat);
        vm.centerLonProperty().set(lon);
        return null;
    }
}
