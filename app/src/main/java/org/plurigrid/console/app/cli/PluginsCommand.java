package org.plurigrid.console.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.plurigrid.console.plugins.host.PluginCatalog;
import org.plurigrid.console.plugins.host.PluginInfo;
import org.plurigrid.console.plugins.host.PluginSettings;
import org.plurigrid.console.plugins.spi.PluginApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plugins list}: what the window would load, bundled and from {@code <home>/plugins}, and why a refused one is refused. */
@Command(name = "plugins", description = "Plugins: what would load and why not.", mixinStandardHelpOptions = true,
        subcommands = PluginsCommand.ListPlugins.class)
public final class PluginsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the plugins the console would load (bundled and from <home>/plugins) with version, "
                    + "source and state; a refused or failed one with its reason. Plugin API " + PluginApi.VERSION + ".")
    static final class ListPlugins extends CliCommand {
        @Mixin
        HomeOption home;

        @Option(names = "--json", description = "One JSON object: {\"api\": …, \"plugins\": [ … ]}.")
        boolean json;

        @Override
        int run() {
            PluginSettings settings = new PluginSettings(home.home());
            Set<String> disabled;
            try {
                disabled = settings.disabled();
            } catch (IOException e) {
                throw new CliException(e.getMessage());
            }
            try (PluginCatalog catalog = PluginCatalog.discover(PluginsCommand.class.getClassLoader(),
                    Optional.of(home.home().resolve("plugins")), disabled)) {
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode root = mapper.createObjectNode().put("api", PluginApi.VERSION);
                    ArrayNode list = root.putArray("plugins");
                    for (PluginInfo p : catalog.infos()) {
                        ObjectNode o = list.addObject().put("id", p.id()).put("title", p.title())
                                .put("version", p.version()).put("source", p.source()).put("state", p.state().label());
                        p.problem().ifPresent(why -> o.put("problem", why));
                    }
                    out().println(root.toPrettyString());
                } else {
                    for (PluginInfo p : catalog.infos()) {
                        out().printf("%-20s %-14s %-9s %s%s%n", p.id(), p.version(), p.state().label(), p.source(),
                                p.problem().map(why -> "  (" + why + ")").orElse(""));
                    }
                }
            }
            return 0;
        }
    }
}
