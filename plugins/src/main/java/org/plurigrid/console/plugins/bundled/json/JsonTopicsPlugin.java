package org.plurigrid.console.plugins.bundled.json;

import java.nio.file.Path;
import java.util.List;
import org.plurigrid.console.client.config.ConfigException;
import org.plurigrid.console.client.config.ConsoleConfig;
import org.plurigrid.console.client.config.JsonMappingsReader;
import org.plurigrid.console.client.telemetry.JsonMappingDecoder;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginContext;

/**
 * Bundled plugin: plain-JSON telemetry, decoded by the operator's {@code jsonMappings} from {@code console.json},
 * through the same decoder SPI as any third party's vendor format. Switched off in the plugin manager, the console
 * reads no plain-JSON topic (they are counted as unmapped) from its next start.
 */
public final class JsonTopicsPlugin implements ConsolePlugin {

    @Override
    public String id() {
        return JsonMappingsReader.PLUGIN_ID;
    }

    @Override
    public String title() {
        return "JSON topics";
    }

    @Override
    public String description() {
        return "Decodes plain-JSON MQTT topics into points by the jsonMappings of console.json.";
    }

    @Override
    public boolean hasView() {
        return false;
    }

    /**
     * One decoder for all mappings; none without mappings. The console checked them when it read its file, so a
     * problem here (a section not from the console) disables the plugin with the reader's message.
     */
    @Override
    public List<TopicDecoder> decoders(PluginContext context) {
        try {
            List<org.plurigrid.console.client.telemetry.JsonMapping> mappings = JsonMappingsReader.read(
                    Path.of(ConsoleConfig.FILE_NAME), context.config());
            return mappings.isEmpty() ? List.of() : List.of(new JsonMappingDecoder(mappings));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
