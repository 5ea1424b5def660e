package org.plurigrid.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.telemetry.MqttVersion;
import picocli.CommandLine;

class ConsoleCommandTest {

    private static ConsoleOptions parse(String... args) {
        return ConsoleApplication.Options.parse(args);
    }

    @Test
    void withoutOptionsStartsTheDevnetWithMqtt5UnderTheUsersHome() {
        ConsoleOptions o = parse();

        assertThat(o.usesDevnet()).isTrue();
        assertThat(o.mqttVersion()).isEqualTo(MqttVersion.V5);
        assertThat(o.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".plurigrid"));
        assertThat(o.scale()).isEqualTo(1.0);
        assertThat(o.devnetPort()).isEqualTo(1883);
    }

    @Test
    void repeatedBrokersReplaceTheDevnet() {
        ConsoleOptions o = parse("--broker", "tcp://a.example:1883", "--broker", "ssl://b.example:8883",
                "--mqtt-version", "3.1.1", "--username", "operator", "--password-file", "/run/secrets/mqtt");

        assertThat(o.usesDevnet()).isFalse();
        assertThat(o.brokers()).containsExactly(URI.create("tcp://a.example:1883"), URI.create("ssl://b.example:8883"));
        assertThat(o.mqttVersion()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(o.username()).contains("operator");
        assertThat(o.passwordFile()).contains(Path.of("/run/secrets/mqtt"));
    }

    @Test
    void brokersInConsoleJsonReplaceTheDevnet(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("console.json"), """
                { "version": 1,
                  "brokers": [ { "name": "co-op", "uri": "tcp://127.0.0.1:1884", "mqttVersion": "3.1.1" } ] }
                """);

        ConsoleOptions o = parse("--home", home.toString());

        assertThat(o.usesDevnet()).isFalse();
        assertThat(o.config()).get().satisfies(c -> {
            assertThat(c.brokers()).extracting(b -> b.name()).containsExactly("co-op");
            assertThat(c.brokers().getFirst().version()).isEqualTo(MqttVersion.V3_1_1);
        });
    }

    @Test
    void aBrokenConsoleJsonStopsStartUpNamingTheFileAndKey(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("console.json"), """
                { "version": 1, "brokers": [ { "name": "co-op", "uri": "tcp://127.0.0.1:1884", "mqttVersoin": "5" } ] }
                """);

        assertThatThrownBy(() -> parse("--home", home.toString()))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("console.json")
                .hasMessageContaining("mqttVersoin");
    }

    @Test
    void aConsoleJsonNestedTooDeepStopsStartUpWithOneMessageNotACrash(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("console.json"), "{\"version\": 1, \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");

        assertThatThrownBy(() -> parse("--home", home.toString()))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("console.json")
                .hasMessageContaining("nested more than 64 levels deep");
    }

    @Test
    void aNodeAndChainIdPointGovernanceAtARealChain() {
        ConsoleOptions o = parse("--node", "grpc.example.org:9090,https://backup.example.org", "--chain-id", "plurigrid-1",
                "--bech32-prefix", "plg", "--fee-denom", "uplg", "--gas-price", "0.05");

        assertThat(o.chain()).get().satisfies(c -> {
            assertThat(c.chainId()).isEqualTo("plurigrid-1");
            assertThat(c.bech32Prefix()).isEqualTo("plg");
            assertThat(c.endpoints()).hasSize(2);
        });
    }

    @Test
    void aNodeWithoutChainIdIsRefused() {
        assertThatThrownBy(() -> parse("--node", "grpc.example.org:9090"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--chain-id");
    }

    @Test
    void rejectsAnUnknownMqttVersionNamingTheAllowedOnes() {
        assertThatThrownBy(() -> parse("--mqtt-version", "4"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("5 or 3.1.1");
    }

    @Test
    void rejectsABrokerThatIsNotAnMqttAddress() {
        assertThatThrownBy(() -> parse("--broker", "http://example.org"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--broker http://example.org").hasMessageContaining("tcp://host:1883");
    }

    @Test
    void rejectsABrokerWithoutAPort() {
        assertThatThrownBy(() -> parse("--broker", "tcp://broker.example"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("tcp://host:1883");
    }

    @Test
    void passwordFileNeedsAUserName() {
        assertThatThrownBy(() -> parse("--broker", "tcp://a:1883", "--password-file", "pw"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--username");
    }

    @Test
    void helpListsTheOptionsAndTheHelpSubcommand() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));

        int code = cl.execute("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--home", "--broker", "--mqtt-version", "--username", "--password-file",
                "--scale", "--devnet-port", "help", "keys", "gov", "tx", "grid");
    }

    @Test
    void badOptionsExitWithUsageErrorBeforeAnyWindowOpens() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));

        int code = cl.execute("--scale", "9");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--scale must be between 0.75 and 3.0");
    }
}
