package org.plurigrid.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.app.Main;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxBody;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxRaw;
import org.plurigrid.console.testsupport.mqtt.LoopbackPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;

/**
 * Every subcommand run as the operator runs it (a separate JVM through {@link Main}, with the shipped logging
 * configuration): stdout holds only the result, logs and errors go to stderr as one line without a stack trace, the
 * exit status says user error (2) or failure (1), and nothing is written under the home folder or ~/.plurigrid.
 * INFO logging is switched on so that log lines exist and could land on stdout.
 */
class CommandLineOutputTest {

    @TempDir
    Path dir;
    private Path userHome;
    private Path home;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeEach
    void folders() throws IOException {
        userHome = Files.createDirectories(dir.resolve("user"));
        home = Files.createDirectories(dir.resolve("home"));
    }

    private Run run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + userHome, "-Dplurigrid.log.level=INFO",
                "-Dplurigrid.kdf=light", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time: " + args[0]).isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertThat(r.err()).as("stderr of %s", List.of(args)).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(userHome.resolve(".plurigrid")).as("~/.plurigrid after " + List.of(args)).doesNotExist();
        assertThat(home.resolve("logs")).as("<home>/logs after " + List.of(args)).doesNotExist();
        return r;
    }

    private static void assertOneErrorLine(Run r) {
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().strip().lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("Error: "))).as(r.err()).hasSize(1);
        assertThat(lines.getLast()).as("the error is the last thing said").startsWith("Error: ");
    }

    @Test
    void txDecodeOfNothingIsAUserError() throws Exception {
        Run r = run("tx", "decode", "", "--home", home.toString());
        assertThat(r.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertOneErrorLine(r);
        assertThat(r.err()).contains("No transaction given");
    }

    @Test
    void txDecodeOfGarbageIsAUserError() throws Exception {
        for (String bad : List.of("zz", "0a", "00")) {
            Run r = run("tx", "decode", bad, "--home", home.toString());
            assertThat(r.exit()).as(bad).isEqualTo(CliErrors.USER_ERROR);
            assertOneErrorLine(r);
        }
    }

    @Test
    void txDecodeShowsAnUnknownMessageAsBase64WithItsTypeUrlInJson() throws Exception {
        Any unknown = Any.newBuilder().setTypeUrl("/example.v1.MsgUnknown").setValue(ByteString.copyFromUtf8("AB")).build();
        byte[] raw = TxRaw.newBuilder().setBodyBytes(TxBody.newBuilder().addMessages(unknown).setMemo("m").build().toByteString())
                .build().toByteArray();

        Run r = run("tx", "decode", HexFormat.of().formatHex(raw), "--home", home.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode message = r.json().path("body").path("messages").get(0);
        assertThat(message.path("@type").asText()).isEqualTo("/example.v1.MsgUnknown");
        assertThat(message.path("value_base64").asText()).isEqualTo("QUI=");
        assertThat(r.json().path("body").path("memo").asText()).isEqualTo("m");
    }

    @Test
    void gridInfoPrintsOnlyItsJsonObject() throws Exception {
        Run r = run("grid", "info", "--no-n1", "--home", home.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).doesNotContain("\n");
        assertThat(r.json().path("source").asText()).isEqualTo("demo-supergrid");
    }

    @Test
    void gridInfoOfAMissingFileIsOneLineAndExit2() throws Exception {
        Run r = run("grid", "info", dir.resolve("nope.m").toString(), "--home", home.toString());
        assertThat(r.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void gridSolveRefusesEachInvalidMatpowerValueInOneLineNamingFileAndLine() throws Exception {
        String head = "function mpc = t\nmpc.version = '2';\nmpc.baseMVA = 100;\n";
        String bus = "mpc.bus = [\n1 3 0 0 0 0 1 1 0 110 1 1.1 0.9;\n2 1 50 10 0 0 1 1 0 110 1 1.1 0.9;\n];\n";
        String gen = "mpc.gen = [\n1 50 0 100 -100 1 100 1 200 0;\n];\n";
        String branch = "mpc.branch = [\n1 2 0.01 0.05 0.02 100 100 100 0 0 1 -360 360;\n];\n";
        Path good = Files.writeString(dir.resolve("good.m"), head + bus + gen + branch);
        Run ok = run("grid", "solve", good.toString(), "--json", "--home", home.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.json().path("buses")).hasSize(2);

        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put(head + bus.replace("1 0 110 1 1.1", "NaN 0 110 1 1.1") + gen + branch, "line 5");
        hostile.put(head + bus + gen + branch.replace("0.01 0.05", "1e308 0.05"), "line 12");
        hostile.put(head + bus + gen + branch.replace("1 2 0.01", "1 7 0.01"), "line 12");
        hostile.put(head + bus.replace("2 1 50", "1 1 50") + gen + branch, "line 6");
        hostile.put(head.replace("100;", "0;") + bus + gen + branch, "line 3");
        hostile.put(head + bus + gen + branch.replace("];\n", ""), "line 11"); // truncated
        for (Map.Entry<String, String> e : hostile.entrySet()) {
            Path bad = Files.writeString(dir.resolve("bad.m"), e.getKey());
            Run r = run("grid", "solve", bad.toString(), "--json", "--home", home.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(CliErrors.USER_ERROR);
            assertThat(r.out()).isEmpty();
            assertThat(saidBesidesLogs(r)).hasSize(1).first().asString().contains("bad.m, " + e.getValue());
        }
    }

    @Test
    void gridSolveOfATruncatedXiidmIsOneLine() throws Exception {
        Path full = dir.resolve("ieee14.xiidm");
        com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory.create14().write("XIIDM", new java.util.Properties(), full);
        String xml = Files.readString(full);
        Path cut = Files.writeString(dir.resolve("cut.xiidm"), xml.substring(0, xml.length() / 2));
        Run r = run("grid", "solve", cut.toString(), "--home", home.toString());
        assertThat(r.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(saidBesidesLogs(r)).hasSize(1).first().asString().contains("cut.xiidm");
    }

    /** The lines of stderr that are not log lines (this test runs at INFO). */
    private static List<String> saidBesidesLogs(Run r) {
        return r.err().lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
    }

    @Test
    void telemetryStatsPrintsOnlyItsJsonObjectWhileLogsGoToStderr() throws Exception {
        int closed = LoopbackPort.free();
        Run r = run("telemetry", "stats", "--broker", "tcp://127.0.0.1:" + closed, "--seconds", "1");

        assertThat(r.exit()).isEqualTo(CliErrors.FAILURE);
        assertThat(r.out().strip()).doesNotContain("\n");
        assertThat(r.json().path("brokers").get(0).path("state").asText()).isNotEqualTo("CONNECTED");
        assertThat(r.err()).contains("Not every broker could be reached");
    }

    @Test
    void govProposalsAgainstADeadNodeFailsWithOneLine() throws Exception {
        Run r = run("gov", "proposals", "--node", "127.0.0.1:" + LoopbackPort.free(), "--timeout", "2", "--home", home.toString());
        assertThat(r.exit()).isEqualTo(CliErrors.FAILURE);
        assertOneErrorLine(r);
    }

    @Test
    void helpAcceptsHomeAndPrintsUsageOnStdout() throws Exception {
        Run r = run("help", "--home", home.toString(), "tx", "decode");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Usage: plurigrid-console tx decode");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anUnknownOptionIsOneLineAndExit2() throws Exception {
        Run r = run("keys", "list", "--home", home.toString(), "--bogus");
        assertThat(r.exit()).isEqualTo(CliErrors.USER_ERROR);
        assertOneErrorLine(r);
        assertThat(r.err()).contains("--bogus");
    }

    @Test
    void keysListOfAnEmptyHomePrintsNothing() throws Exception {
        Run r = run("keys", "list", "--home", home.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void keysListShowsTheGoodKeysAndOneLinePerBrokenFile() throws Exception {
        String address = GovernanceCliTest.ADDRESS;
        assertThat(run("keys", "add", "treasury", "--address", address, "--home", home.toString()).exit()).isZero();
        Files.writeString(home.resolve("keys/broken.json"), "{\"name\": ");

        Run r = run("keys", "list", "--home", home.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("treasury").contains(address).doesNotContain("broken");
        assertThat(r.err().strip().lines()).singleElement().asString().startsWith("Warning: ").contains("broken.json");
    }
}
