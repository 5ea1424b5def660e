package org.plurigrid.console.plugins.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.plurigrid.console.client.files.AtomicFile;
import org.plurigrid.console.client.files.PrivateFiles;
import org.plurigrid.console.client.files.StrictJson;
import java.util.TreeSet;

/**
 * Which plugins the operator switched off, kept in {@code <home>/plugins.json} as {@code {"disabled": ["id", …]}}.
 * A missing file means every plugin is on; an unreadable one is reported and treated as "none disabled" (the
 * console starts; the manager shows the problem).
 */
public final class PluginSettings {

    private static final ObjectMapper JSON = StrictJson.mapper();

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
            root = StrictJson.readFile(file);
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (StrictJson.Invalid e) {
            throw new IOException(file + ": " + e.getMessage(), e);
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

    /** Writes the set through {@link AtomicFile} (a crash or power cut leaves the old or the new file, never half). */
    public void write(Set<String> disabledIds) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        new TreeSet<>(disabledIds).forEach(list::add);
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.createObjectNode().set("disabled", list));
        AtomicFile.write(file, bytes, PrivateFiles.OWNER_ONLY_FILE, AtomicFile.IfExists.REPLACE);
    }
}
