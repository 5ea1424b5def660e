package org.plurigrid.console.client.config;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapCameraStoreTest {

    @TempDir
    Path home;

    @Test
    void remembersTheCameraAcrossInstances() throws Exception {
        MapCameraStore.in(home).save(new MapCamera(51.99, 5.9, 11.25));

        assertThat(MapCameraStore.in(home).load()).contains(new MapCamera(51.99, 5.9, 11.25));
        try (var files = Files.list(home)) {
            assertThat(files).containsExactly(home.resolve("map-view.json")); // no temp file left behind
        }
    }

    @Test
    void noFileMeansNoCamera() {
        assertThat(MapCameraStore.in(home).load()).isEmpty();
    }

    @Test
    void aCorruptOrInvalidFileIsIgnoredNotThrown() throws Exception {
        Path file = home.resolve(MapCameraStore.FILE_NAME);
        Files.writeString(file, "{\"lat\": 52.1, \"lon\": ");
        assertThat(MapCameraStore.in(home).load()).isEmpty();

        Files.writeString(file, "{\"lat\": 95, \"lon\": 5, \"zoom\": 9}");
        assertThat(MapCameraStore.in(home).load()).isEmpty();

        Files.writeString(file, "{\"lat\": \"52\", \"lon\": 5, \"zoom\": 9}");
        assertThat(MapCameraStore.in(home).load()).isEmpty();
    }

    @Test
    void aCameraOutsideTheMapIsRejected() {
        assertThatThrownBy(() -> new MapCamera(52, 5, 30)).hasMessageContaining("zoom");
        assertThatThrownBy(() -> new MapCamera(52, Double.NaN, 9)).hasMessageContaining("longitude");
    }
}
