package org.plurigrid.console.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GridSolveCommandTest {

    private static final String CASE = """
            function mpc = tiny
            mpc.version = '2';
            mpc.baseMVA = 100;
            mpc.bus = [
            \t1\t3\t0\t0\t0\t0\t1\t1.02\t5\t110\t1\t1.1\t0.9;
            \t2\t1\t60\t20\t0\t0\t1\t1\t0\t110\t1\t1.1\t0.9;
            \t7\t2\t30\t10\t0\t0\t1\t1\t0\t20\t1\t1.1\t0.9;
            ];
            mpc.gen = [
            \t1\t50\t0\t100\t-100\t1.02\t100\t1\t200\t0;
            \t7\t40\t0\t50\t-50\t1.01\t100\t1\t80\t0;
            ];
            mpc.branch = [
            \t1\t2\t0.01\t0.05\t0.02\t100\t100\t100\t0\t0\t1\t-360\t360;
            \t2\t7\t0.005\t0.08\t0\t60\t60\t60\t1.0\t0\t1\t-360\t360;
            ];
            """;

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
    void printsBusNumbersVoltagesAnglesAndBranchFlowsAsOneJsonObject() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.m"), CASE);

        int code = run("solve", file.toString(), "--matpower-settings", "--json");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString()); // stdout is the JSON object and nothing else
        assertThat(json.get("powerFlow").get("mode").asText()).isEqualTo("AC");
        assertThat(json.get("powerFlow").get("dcFallback").asBoolean()).isFalse();
        assertThat(json.get("settings").asText()).isEqualTo("MATPOWER");
        JsonNode buses = json.get("buses");
        assertThat(buses).hasSize(3);
        assertThat(buses.get(2).get("id").asInt()).isEqualTo(7);
        // PV and reference buses hold their set-points; the reference keeps its case angle (5°) as runpf reports it
        assertThat(buses.get(0).get("vm").asDouble()).isCloseTo(1.02, within(1e-6));
        assertThat(buses.get(0).get("va").asDouble()).isCloseTo(5.0, within(1e-6));
        assertThat(buses.get(2).get("vm").asDouble()).isCloseTo(1.01, within(1e-6));
        assertThat(buses.get(1).get("va").asDouble()).isLessThan(5.0);
        JsonNode first = json.get("branches").get(0);
        assertThat(first.get("from").asInt()).isEqualTo(1);
        assertThat(first.get("to").asInt()).isEqualTo(2);
        assertThat(first.get("p1").asDouble()).isPositive();
        assertThat(first.get("p2").asDouble()).isNegative();
        assertThat(first.get("loadingPercent").asDouble()).isPositive();
    }

    @Test
    void unreadableFileIsOneLineOnStderrAndExit2() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.m"), CASE.replace("1.02\t5\t110", "NaN\t5\t110"));

        int code = run("solve", file.toString(), "--json");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).contains("bad.m, line 5").contains("NaN").doesNotContain("\n").doesNotContain("Exception");
    }
}
