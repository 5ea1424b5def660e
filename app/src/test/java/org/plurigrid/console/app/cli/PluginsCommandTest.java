package org.plurigrid.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code plugins list}: bundled and folder plugins with their state, and the reason a refused one is refused. */
class PluginsCommandTest {

    @TempDir
    Path home;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new PluginsCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listsTheBundledPluginAndRefusesAJarBuiltForAnotherApiWithItsReason() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plurigrid-Plugin-Api", "2.1");
        try (OutputStream os = Files.newOutputStream(plugins.resolve("next-gen.jar"));
             JarOutputStream jar = new JarOutputStream(os, manifest)) {
            jar.flush();
        }

        Run run = run("list", "--home", home.toString(), "--json");

        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("api").asText()).isEqualTo(org.plurigrid.console.plugins.spi.PluginApi.VERSION).isEqualTo("1.4");
        assertThat(json.get("plugins").findValuesAsText("id")).contains("data-quality", "next-gen.jar");
        JsonNode refused = null;
        for (JsonNode p : json.get("plugins")) {
            if (p.get("id").asText().equals("next-gen.jar")) {
                refused = p;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.get("state").asText()).isEqualTo("refused");
        assertThat(refused.get("problem").asText()).contains("plugin API 2.1");
    }

    @Test
    void aPluginSwitchedOffInTheSettingsIsListedAsDisabled() throws Exception {
        Files.writeString(home.resolve("plugins.json"), "{\"disabled\": [\"data-quality\"]}");

        Run run = run("list", "--home", home.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("data-quality\\s+\\S+\\s+disabled\\s+bundled");
    }

    @Test
    void aMalformedSettingsFileIsOneErrorLine() throws Exception {
        Files.writeString(home.resolve("plugins.json"), "{\"disabled\": 3}");

        Run run = run("list", "--home", home.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("Error: ").contains("plugins.json").doesNotContain("\tat ");
    }
}
