package org.plurigrid.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxBody;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxRaw;
import org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.MsgExecuteContract;
import org.plurigrid.console.client.dr.OpenAdrJson;
import org.plurigrid.console.devnet.Devnet;
import org.plurigrid.console.devnet.DevnetConfig;
import org.plurigrid.console.devnet.chain.DevnetChain;
import org.plurigrid.console.devnet.chain.DrGenesis;
import org.plurigrid.console.devnet.chain.GenesisAccount;
import org.plurigrid.console.devnet.fleet.CommunityGrid;
import org.plurigrid.console.devnet.fleet.EdgeNode;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** {@code dr …} as an operator runs it against a standalone-style devnet (broker, fleet, chain on free ports). */
class DrCliTest {

    static Devnet devnet;
    static DevnetChain chain;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    static Path passwordFile;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("plurigrid.kdf", "light");
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        devnet = Devnet.start(DevnetConfig.defaults().withMqttPort(0).withDevices(60).withoutGrid().withPublishRateHz(4)
                .withSimTimeOfDay(LocalTime.of(19, 0)));
        chain = DevnetChain.start(DevnetChain.Options.defaults().withBlockTime(Duration.ofMillis(100))
                        .withGenesisAccounts(List.of(new GenesisAccount(GovernanceCliTest.ADDRESS, 50_000_000, 0))),
                DrGenesis.forSites(devnet.fleet().edgeNodes().stream().map(EdgeNode::nodeId).toList(), "cosmos"));
        passwordFile = Files.writeString(home.resolve("pw.txt"), "correct horse battery\n");
        // Password files readable by others are refused (as key files are).
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path phrase = Files.writeString(home.resolve("phrase.txt"), GovernanceCliTest.PHRASE + "\n");
        Run r = run(new KeysCommand(), "import", "alice", "--mnemonic-file", phrase.toString(), "--password-file", passwordFile.toString(),
                "--home", home.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @AfterAll
    static void stop() {
        chain.close();
        devnet.close();
        System.clearProperty("plurigrid.kdf");
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run dr(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--node", chain.grpcTarget(), "--contract", chain.drContractAddress()));
        return run(new DrCommand(), all.toArray(String[]::new));
    }

    /** {@code dr SUBCOMMAND ARGS…} with the signing, chain and broker options after the subcommand. */
    static Run drSigned(String... subcommandAndArgs) {
        return dr(concat(subcommandAndArgs, signing()));
    }

    static String[] signing() {
        return new String[] {"--key", "alice", "--password-file", passwordFile.toString(), "--home", home.toString(),
                "--chain-id", chain.chainId(), "--broker", devnet.mqttUri()};
    }

    static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }

    @Test
    void dispatchAcknowledgeDeliverCancelSettle() throws Exception {
        String target = CommunityGrid.DEVNET_GRIDS.getFirst().id();
        assertThat(dr("programs").out()).contains("prog-devnet");

        Run d = drSigned("dispatch", "--program", "prog-devnet", "--target", target, "--type", "DISPATCH_SETPOINT_RELATIVE",
                "--value", "-20", "--units", "KW", "--duration", "PT2M", "--wait", "PT15S", "--json", "--ramp", "PT1S");

        assertThat(d.code()).as(d.err()).isZero();
        JsonNode j = JSON.readTree(d.out());
        assertThat(j.get("eventId").asText()).startsWith("ev-");
        assertThat(j.get("txHash").asText()).hasSize(64);
        assertThat(j.get("height").asLong()).isPositive();
        assertThat(j.get("commanded").asInt()).isPositive();
        assertThat(j.get("acknowledged").asInt()).isPositive();
        String eventId = j.get("eventId").asText();

        Run s = dr(concat(new String[] {"status", eventId, "--json", "--listen", "PT4S", "--home", home.toString(), "--broker",
                devnet.mqttUri()}));
        assertThat(s.code()).as(s.err()).isZero();
        JsonNode st = JSON.readTree(s.out());
        assertThat(st.get("state").asText()).isEqualTo("active");
        assertThat(st.get("deliveredKw").asDouble()).as(s.out()).isPositive();
        for (String f : List.of("commanded", "acknowledged", "requestedKw", "baselineKw", "measuredKw")) {
            assertThat(st.has(f)).as(f).isTrue();
        }

        Run export = dr("export", eventId);
        assertThat(OpenAdrJson.readEvent(export.out()).targets()).containsExactly(target);

        Run report = dr("export", eventId, "--report", "--home", home.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("\"objectType\" : \"REPORT\"", "BASELINE", "DELTA_USAGE", "AGGREGATED_REPORT");

        Run c = drSigned("cancel", eventId);
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(OpenAdrJson.readEvent(dr("export", eventId).out()).isCancelled()).isTrue();

        Run settle = drSigned("settle", eventId);
        assertThat(settle.code()).as(settle.err()).isZero();
        JsonNode after = JSON.readTree(dr("events", "--json").out());
        assertThat(after.findValuesAsText("state")).contains("settled");
        String owner = DrGenesis.ownerAccount("cosmos", devnet.fleet().edgeNodes().stream()
                .filter(n -> n.groupId().equals(target)).findFirst().orElseThrow().nodeId());
        try (ChainClient client = new ChainClient(ChainConfig.of(chain.chainId(), "cosmos", "ucosm", "0.025",
                GrpcEndpoint.parse(chain.grpcTarget())), InstantSource.system())) {
            BigInteger paidToOwners = BigInteger.valueOf(DrGenesis.defaults().pool()).subtract(
                    client.balances(chain.drContractAddress()).stream().map(CoinAmount::amount).findFirst().orElseThrow());
            assertThat(paidToOwners).isPositive();
        }
        assertThat(owner).startsWith("cosmos1");
    }

    @Test
    void dispatchWithHistoryReadsItAfterTheCommandsAndPrintsOnlyTheResult() throws Exception {
        // a real recording without days of these devices: every baseline stays meter-before, and it says so
        Path history = home.resolve("history.duckdb");
        try (var r = new org.plurigrid.console.client.recording.Recorder(
                org.plurigrid.console.client.recording.DuckDbRecordingStore.singleFile(history), InstantSource.system(),
                org.plurigrid.console.client.recording.RecordingSettings.DEFAULTS)) {
            r.start();
        }
        String target = CommunityGrid.DEVNET_GRIDS.get(1).id();
        Run d = drSigned("dispatch", "--program", "prog-devnet", "--target", target, "--type", "DISPATCH_SETPOINT_RELATIVE",
                "--value", "-10", "--units", "KW", "--duration", "PT2M", "--wait", "PT5S", "--json", "--ramp", "PT1S",
                "--history", history.toString());

        assertThat(d.code()).as(d.err()).isZero();
        JsonNode j = JSON.readTree(d.out());
        assertThat(j.get("commanded").asInt()).isPositive();
        assertThat(d.out().strip().lines()).as("stdout is the one JSON object").allMatch(l -> !l.startsWith("…"));
        assertThat(d.err()).as("progress on stderr, the baselines after the commands")
                .contains("Commanded[", "Baselines[eventId=" + j.get("eventId").asText() + ", fromHistory=0");
        assertThat(d.err().indexOf("Baselines[")).isGreaterThan(d.err().indexOf("Commanded["));
        assertThat(drSigned("cancel", j.get("eventId").asText()).code()).isZero();

        Run missing = drSigned("dispatch", "--program", "prog-devnet", "--target", target, "--type", "DISPATCH_SETPOINT_RELATIVE",
                "--value", "-10", "--units", "KW", "--duration", "PT2M", "--history", home.resolve("nope.duckdb").toString());
        assertThat(missing.code()).isNotZero();
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("--history:", "does not exist");
    }

    @Test
    void offlineDispatchPrintsOnlyTheSignedTxRaw() throws Exception {
        Run r = drSigned("dispatch", "--target", "groningen", "--type", "IMPORT_CAPACITY_LIMIT", "--value", "100",
                "--duration", "PT5M", "--offline", "--account-number", "7", "--sequence", "3", "--fees", "5000ucosm", "--gas", "200000");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).matches("[0-9a-f]+");
        TxRaw raw = TxRaw.parseFrom(HexFormat.of().parseHex(r.out().strip()));
        MsgExecuteContract msg = TxBody.parseFrom(raw.getBodyBytes()).getMessages(0).unpack(MsgExecuteContract.class);
        assertThat(msg.getContract()).isEqualTo(chain.drContractAddress());
        assertThat(msg.getMsg().toStringUtf8()).startsWith("{\"dispatch_event\":").contains("\"target\":\"groningen\"");
    }

    @Test
    void aValueBeyondTheProgramLimitIsRefusedWithAClearMessage() {
        Run r = drSigned("dispatch", "--target", "groningen", "--type", "IMPORT_CAPACITY_LIMIT", "--value", "90000",
                "--duration", "PT5M");

        assertThat(r.code()).as("a value the operator can fix").isEqualTo(CliErrors.USER_ERROR);
        assertThat(r.err()).contains("beyond program prog-devnet's limit");
        assertThat(r.out()).isEmpty();
    }
}
