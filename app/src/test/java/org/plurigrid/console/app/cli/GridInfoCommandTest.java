package org.plurigrid.console.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class GridInfoCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new GridCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void printsOneJsonObjectForAModelFile() throws Exception {
        Path file = dir.resolve("ieee118.xiidm");
        IeeeCdfNetworkFactory.create118().write("XIIDM", new Properties(), file);

        int code = run("info", file.toString());

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("buses").asInt()).isEqualTo(118);
        assertThat(json.get("branches").asInt()).isEqualTo(186);
        assertThat(json.get("powerFlow").get("status").asText()).isEqualTo("CONVERGED");
        assertThat(json.get("powerFlow").get("iterations").asInt()).isPositive();
    }

    @Test
    void describesTheDemoSupergridWithoutAFile() throws Exception {
        int code = run("info");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("areas").asInt()).isEqualTo(6);
        assertThat(json.get("buses").asInt()).isGreaterThanOrEqualTo(300);
        assertThat(json.get("ders").asInt()).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void unreadableFileGivesClearMessageAndNonZeroExit() throws Exception {
        Path file = Files.writeString(dir.resolve("garbage.xiidm"), "<not a grid/>");

        int code = run("info", file.toString());

        assertThat(code).isEqualTo(GridInfoCommand.EXIT_UNREADABLE);
        assertThat(err.toString()).contains("garbage.xiidm").contains("supported format");
        assertThat(out.toString()).isEmpty();
    }
}
