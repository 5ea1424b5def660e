package org.plurigrid.console.plugins.host;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which plugins the operator switched off, kept in {@code <home>/plugins.json} as {@code {"disabled": ["id", …]}}.
 * A missing file means every plugin is on; an unreadable one is reported and treated as "none disabled" (the
 * console starts; the manager shows the problem).
 */
public final class PluginSettings {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Path file;

    public PluginSettings(Path home) {
        this.file = home.resolve("plugins.json");
    }

    public Path file() {
        return file;
    }

    /** The disabled ids. */
    public Set<String> disabled() throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Set.of();
        }
        JsonNode list = root == null ? null : root.get("disabled");
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": expected {\"disabled\": [\"plugin-id\", …]}");
        }
        Set<String> ids = new TreeSet<>();
        for (JsonNode id : list) {
            if (!id.isTextual()) {
                throw new IOException(file + ": disabled: expected plugin ids as strings, found " + id);
            }
            ids.add(id.asText());
        }
        return ids;
    }

    /** Writes the set (temporary file and atomic move, so a crash leaves the old or the new file, never half). */
    public void write(Set<String> disabledIds) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        new TreeSet<>(disabledIds).forEach(list::add);
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.createObjectNode().set("disabled", list));
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "plugins", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
