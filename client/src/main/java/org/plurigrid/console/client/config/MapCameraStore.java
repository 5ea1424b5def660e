package org.plurigrid.console.client.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.plurigrid.console.client.files.AtomicFile;
import org.plurigrid.console.client.files.PrivateFiles;
import org.plurigrid.console.client.files.StrictJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The map camera in {@code <home>/map-view.json}. A missing, unreadable or invalid file means "no camera remembered"
 * (logged, never thrown): losing a view position must not stop a console from starting. Writes go through
 * {@link AtomicFile}, so a crash mid-write leaves the previous camera.
 */
public final class MapCameraStore {

    public static final String FILE_NAME = "map-view.json";
    private static final Logger LOG = LoggerFactory.getLogger(MapCameraStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public MapCameraStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The store in a console home folder. */
    public static MapCameraStore in(Path home) {
        return new MapCameraStore(home.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    public Optional<MapCamera> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = StrictJson.readFile(file);
            if (n == null || !n.path("lat").isNumber() || !n.path("lon").isNumber() || !n.path("zoom").isNumber()) {
                LOG.warn("{} has no numeric lat, lon and zoom; the map opens on its home view", file);
                return Optional.empty();
            }
            return Optional.of(new MapCamera(n.get("lat").asDouble(), n.get("lon").asDouble(), n.get("zoom").asDouble()));
        } catch (IOException | StrictJson.Invalid | IllegalArgumentException e) {
            LOG.warn("{} could not be used ({}); the map opens on its home view", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void save(MapCamera camera) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("lat", camera.lat());
        n.put("lon", camera.lon());
        n.put("zoom", camera.zoom());
        AtomicFile.write(file, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8),
                PrivateFiles.OWNER_ONLY_FILE, AtomicFile.IfExists.REPLACE);
    }
}
