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
        // IEEE cases carry no ratings: nothing to band, nothing for N-1 to find
        assertThat(json.get("loading").get("unrated").asInt()).isEqualTo(186);
        assertThat(json.get("n1").get("skipped").asText()).isEqualTo("no current limits");
    }

    @Test
    void describesTheDemoSupergridWithoutAFile() throws Exception {
        int code = run("info");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("areas").asInt()).isEqualTo(6);
        // community grids at the fleet's scale: six 150 kV substations, 24 MV stations, the fleet's 360 devices
        assertThat(json.get("buses").asInt()).isEqualTo(36);
        assertThat(json.get("ders").asInt()).isEqualTo(360);
        // the planned ratings: nothing above 100 % in the base case, N-1 overloads only at a few weak spots
        JsonNode loading = json.get("loading");
        assertThat(loading.get("above100").asInt()).isZero();
        assertThat(loading.get("unrated").asInt()).isZero();
        assertThat(loading.get("below50").asInt() + loading.get("50to70").asInt())
                .isGreaterThan(json.get("branches").asInt() - 8);
        JsonNode n1 = json.get("n1");
        assertThat(n1.get("mode").asText()).isEqualTo("AC");
        assertThat(n1.get("contingencies").asInt()).isEqualTo(json.get("branches").asInt());
        // Zeeland's two 150/20 kV transformers: at the evening peak, losing either overloads the other
        assertThat(n1.get("overloading").asInt()).isEqualTo(2);
        assertThat(n1.get("worst").get("loadingPercent").asDouble()).isGreaterThan(100);
        assertThat(n1.get("elapsedMs").asLong()).isPositive();
    }

    @Test
    void canSkipTheN1Analysis() throws Exception {
        int code = run("info", "--no-n1");

        assertThat(code).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("n1").get("skipped").asText()).isEqualTo("--no-n1");
    }

    @Test
    void unreadableFileGivesClearMessageAndNonZeroExit() throws Exception {
        Path file = Files.writeString(dir.resolve("garbage.xiidm"), "<not a grid/>");

        int code = run("info", file.toString());

        assertThat(code).isEqualTo(GridCommand.EXIT_UNREADABLE);
        assertThat(err.toString()).contains("garbage.xiidm").contains("supported format");
        assertThat(out.toString()).isEmpty();
    }
}
