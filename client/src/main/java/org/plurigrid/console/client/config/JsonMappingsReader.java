package org.plurigrid.console.client.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.plurigrid.console.client.telemetry.JsonMapping;

/**
 * The one reader of JSON topic mappings ({@code jsonMappings} in {@code console.json}, format in
 * {@code docs/configuration.md}): {@link ConsoleConfig} checks them with it when the file is loaded, and the bundled
 * JSON-topics plugin builds its decoder with it from the section the console hands it.
 */
public final class JsonMappingsReader {

    /** The id of the bundled plugin that decodes the mappings. */
    public static final String PLUGIN_ID = "json-topics";

    /** The key of the mappings in {@code console.json}, and in the section handed to the plugin. */
    public static final String KEY = "jsonMappings";

    private JsonMappingsReader() {
    }

    /**
     * The mappings under {@link #KEY} in {@code section} (none if absent); a problem is reported with {@code file} and
     * the path of the offending key.
     */
    public static List<JsonMapping> read(Path file, JsonNode section) throws ConfigException {
        ConfigNode root = new ConfigNode(file, "", section == null ? JsonNodeFactory.instance.objectNode() : section);
        List<JsonMapping> mappings = new ArrayList<>();
        for (ConfigNode m : root.objects(KEY)) {
            mappings.add(mapping(m));
        }
        return List.copyOf(mappings);
    }

    /** A section holding just these mappings' JSON, as {@link #read} takes it. */
    static ObjectNode section(JsonNode mappings) {
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        if (mappings != null) {
            section.set(KEY, mappings.deepCopy());
        }
        return section;
    }

    private static JsonMapping mapping(ConfigNode m) throws ConfigException {
        m.onlyKeys("topic", "value", "metric", "unit", "scale", "timestamp", "expectedPeriod", "group", "node",
                "device");
        JsonMapping.Builder b = JsonMapping.builder(m.string("topic"), m.optString("value").orElse(""),
                m.string("metric"));
        m.optString("unit").ifPresent(b::unit);
        m.optNumber("scale").ifPresent(b::scale);
        m.optString("timestamp").ifPresent(b::timestampPointer);
        m.optDuration("expectedPeriod").ifPresent(b::expectedPeriod);
        m.optString("group").ifPresent(b::group);
        m.optString("node").ifPresent(b::node);
        m.optString("device").ifPresent(b::device);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(m.file, m.path, e.getMessage(), e);
        }
    }
}
