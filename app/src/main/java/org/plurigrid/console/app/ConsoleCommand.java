package org.plurigrid.console.app;

import org.plurigrid.console.app.telemetry.MqttVersionConverter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javafx.application.Application;
import org.plurigrid.console.client.telemetry.MqttVersion;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.config.ConfigException;
import org.plurigrid.console.client.config.ConsoleConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The root command: without a subcommand it opens the console window. Its options are shared with the
 * subcommands that need a home folder or brokers (they reach them with {@code @ParentCommand}).
 * Subcommands are registered in {@link Main#commandLine()}.
 */
@Command(name = "plurigrid-console",
        mixinStandardHelpOptions = true,
        versionProvider = ConsoleCommand.Version.class,
        description = {
                "Operator console for the Plurigrid supergrid.",
                "Without a subcommand it opens the console window. Without --broker it starts an in-process "
                        + "devnet (MQTT broker + simulated fleet) and connects to it."
        })
public final class ConsoleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${sys:user.home}/.plurigrid",
            description = "Console folder for configuration, keys, recordings and logs (default: ${DEFAULT-VALUE}).")
    Path home;

    @Option(names = "--broker", paramLabel = "URI",
            description = "MQTT broker to connect to, e.g. tcp://broker.example:1883. Repeatable. When given, no devnet is started.")
    List<URI> brokers = new ArrayList<>();

    @Option(names = "--mqtt-version", paramLabel = "5|3.1.1", defaultValue = "5",
            converter = MqttVersionConverter.class, completionCandidates = MqttVersionConverter.Candidates.class,
            description = "MQTT protocol version towards the brokers (default: ${DEFAULT-VALUE}).")
    MqttVersion mqttVersion;

    @Option(names = "--username", paramLabel = "NAME", description = "MQTT user name.")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the MQTT password (keeps it out of the process list and shell history).")
    Path passwordFile;

    @Option(names = "--devnet-port", paramLabel = "PORT", defaultValue = "1883",
            description = "MQTT port of the in-process devnet's broker on 127.0.0.1; 0 picks a free one "
                    + "(default: ${DEFAULT-VALUE}; a free one is used if it is taken).")
    int devnetPort;

    @Option(names = "--scale", paramLabel = "FACTOR", defaultValue = "1.0",
            description = "Display scale: 1.0 for a laptop, 1.5-2.0 for a video wall (Ctrl +/- in the window).")
    double scale;

    @Option(names = "--grid-model", paramLabel = "FILE",
            description = "Grid model for the Map (XIIDM, CGMES zip, IEEE-CDF, MATPOWER .m); default on the devnet: its demo supergrid.")
    Path gridModel;

    @Option(names = "--node", paramLabel = "HOST:PORT", split = ",",
            description = "Cosmos gRPC node(s) for governance, in failover order: HOST:PORT or https://HOST[:PORT]. Needs --chain-id.")
    List<String> nodes;

    @Option(names = "--chain-id", paramLabel = "ID", description = "Chain-id the node must serve; nothing is signed for another chain.")
    String chainId;

    @Option(names = "--bech32-prefix", paramLabel = "PREFIX", defaultValue = "cosmos",
            description = "Address prefix of the chain (default: ${DEFAULT-VALUE}).")
    String bech32Prefix;

    @Option(names = "--fee-denom", paramLabel = "DENOM", defaultValue = "ucosm", description = "Fee denom (default: ${DEFAULT-VALUE}).")
    String feeDenom;

    @Option(names = "--gas-price", paramLabel = "PRICE", defaultValue = "0.025", description = "Gas price in the fee denom (default: ${DEFAULT-VALUE}).")
    String gasPrice;

    /** The validated options; a picocli usage error names the option that is wrong. */
    public ConsoleOptions options() {
        try {
            ConsoleOptions options = new ConsoleOptions(home, brokers, mqttVersion, Optional.ofNullable(username),
                    Optional.ofNullable(passwordFile), devnetPort, scale, Optional.empty(), Optional.ofNullable(gridModel),
                    chain());
            if (gridModel != null && !java.nio.file.Files.isRegularFile(gridModel) && !java.nio.file.Files.isDirectory(gridModel)) {
                throw new IllegalArgumentException("--grid-model " + gridModel + ": no such file");
            }
            // console.json is optional; when present it must be right, or nothing starts (the message names the key).
            if (java.nio.file.Files.isRegularFile(home.resolve(ConsoleConfig.FILE_NAME))) {
                options = options.withConfig(ConsoleConfig.load(home));
            }
            return options;
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Optional<ChainConfig> chain() {
        if (nodes == null || nodes.isEmpty()) {
            if (chainId != null) {
                throw new IllegalArgumentException("--chain-id needs --node HOST:PORT (the chain's gRPC endpoint)");
            }
            return Optional.empty();
        }
        if (chainId == null || chainId.isBlank()) {
            throw new IllegalArgumentException("--node needs --chain-id: the console signs only for the chain you name");
        }
        return Optional.of(ChainConfig.of(chainId, bech32Prefix, feeDenom, gasPrice,
                nodes.stream().map(GrpcEndpoint::parse).toArray(GrpcEndpoint[]::new)));
    }

    @Override
    public Integer call() {
        options();   // fail on bad options here, with usage help, before a window opens
        Optional<String> cannot = GuiPreflight.ofThisMachine().problem();
        if (cannot.isPresent()) {
            System.err.println(cannot.get());
            return GuiPreflight.EXIT_NO_WINDOW;
        }
        try {
            Application.launch(ConsoleApplication.class, spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
        } catch (RuntimeException | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(ConsoleCommand.class).debug("The window could not open", e);
            System.err.println(GuiPreflight.launchFailed(e));
            return GuiPreflight.EXIT_NO_WINDOW;
        }
        return 0;
    }

    /** Version from the jar manifest when packaged, else "development". */
    /** "Plurigrid Console 0.1.0-SNAPSHOT (commit 0c1f9cc2ab)" from the jar's manifest; a class-path run says so. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.current().describe()};
        }
    }
}
