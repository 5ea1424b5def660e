package org.plurigrid.console.devnet;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.plurigrid.console.devnet.fleet.CommunityGrid;
import org.plurigrid.console.devnet.fleet.FleetConfig;
import org.plurigrid.console.devnet.fleet.SparkplugNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the devnet on its own: {@code java -jar plurigrid-devnet.jar --mqtt-port 1883}; stops on Ctrl-C. */
@Command(name = "plurigrid-devnet", mixinStandardHelpOptions = true,
        description = "The Plurigrid supergrid in a box: an MQTT 5 broker and a simulated Sparkplug B edge fleet.")
public final class DevnetMain implements Callable<Integer> {

    @Option(names = "--mqtt-port", paramLabel = "PORT",
            description = "Port of the embedded MQTT broker on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int mqttPort = DevnetConfig.DEFAULT_MQTT_PORT;

    @Option(names = "--broker", paramLabel = "tcp://HOST:PORT",
            description = "Publish the fleet to this external broker instead of starting one.")
    String broker;

    @Option(names = "--devices", paramLabel = "N",
            description = "Number of simulated DER devices (default: ${DEFAULT-VALUE}).")
    int devices = FleetConfig.DEFAULT_DEVICES;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Fleet steps per second; each publishes the metrics that changed (default: ${DEFAULT-VALUE}).")
    double rate = FleetConfig.DEFAULT_PUBLISH_RATE_HZ;

    @Option(names = "--seed", description = "Seed of the fleet layout and physics (default: ${DEFAULT-VALUE}).")
    long seed = FleetConfig.DEFAULT_SEED;

    @Option(names = "--sim-time", paramLabel = "HH:MM",
            description = "Start the simulated clock at this local solar time (e.g. 12:00 for daylight); "
                    + "default: real time.")
    String simTime;

    @Option(names = "--grid-step", paramLabel = "SECONDS",
            description = "Solve and publish the demo supergrid's power flow every SECONDS (default: ${DEFAULT-VALUE}); "
                    + "0 runs the fleet alone.")
    double gridStepSeconds = DevnetConfig.DEFAULT_GRID_STEP.toSeconds();

    @Option(names = "--primary-host", paramLabel = "HOST_ID",
            description = "Sparkplug host id the edge nodes follow: they publish their births again when its STATE "
                    + "says online (a console with \"hostId\": HOST_ID in its console.json). Default: none.")
    String primaryHost;

    @Option(names = "--grpc-port", paramLabel = "PORT",
            description = "Serve the devnet chain's gRPC on this port of 127.0.0.1; 0 picks a free one; -1 runs no chain "
                    + "(default: ${DEFAULT-VALUE}).")
    int grpcPort = 9090;

    @Option(names = "--fund", paramLabel = "ADDRESS=AMOUNT",
            description = "Fund this account at genesis with AMOUNT ucosm (repeatable); it may also operate the DR program.")
    java.util.List<String> fund = new java.util.ArrayList<>();

    @Option(names = "--block-time", paramLabel = "MS", description = "Milliseconds between blocks (default: ${DEFAULT-VALUE}).")
    long blockMillis = 1000;

    @Option(names = "--dr-ignore-share", paramLabel = "SHARE",
            description = "Share (0..1) of devices that ignore DER controls, so partial response shows (default: ${DEFAULT-VALUE}).")
    double ignoreShare = 0.05;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** {@code ADDRESS=AMOUNT} (AMOUNT in ucosm, optionally with the denom). */
    static org.plurigrid.console.devnet.chain.GenesisAccount fundOption(String text, String prefix) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--fund must be ADDRESS=AMOUNT, was '" + text + "'");
        }
        String address = text.substring(0, eq).strip();
        String amount = text.substring(eq + 1).strip().replaceFirst("ucosm$", "");
        try {
            org.plurigrid.console.client.wallet.AccountAddress.parse(address, prefix);
            return new org.plurigrid.console.devnet.chain.GenesisAccount(address, Long.parseLong(amount), 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fund amount must be a whole number of ucosm, was '" + text.substring(eq + 1) + "'", e);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DevnetMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = new PrintWriter(System.out, true);
        DevnetConfig config;
        try {
            config = new DevnetConfig(mqttPort, broker, devices, rate, seed, parseSimTime(simTime),
                    gridStepSeconds <= 0 ? null : java.time.Duration.ofMillis(Math.round(gridStepSeconds * 1000)));
        } catch (IllegalArgumentException e) {
            System.err.println("plurigrid-devnet: " + e.getMessage());
            return 2;
        }
        if (primaryHost != null && primaryHost.matches(".*[/+#].*")) {
            System.err.println("plurigrid-devnet: a host id cannot contain '/', '+' or '#', got '" + primaryHost + "'");
            return 2;
        }
        java.util.List<org.plurigrid.console.devnet.chain.GenesisAccount> funded = new java.util.ArrayList<>();
        try {
            for (String f : fund) {
                funded.add(fundOption(f, "cosmos"));
            }
            if (!(ignoreShare >= 0 && ignoreShare <= 1)) {
                throw new IllegalArgumentException("--dr-ignore-share must be 0..1, was " + ignoreShare);
            }
            if (grpcPort < -1 || grpcPort > 65_535) {
                throw new IllegalArgumentException("--grpc-port must be -1, 0 or 1..65535, was " + grpcPort);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("plurigrid-devnet: " + e.getMessage());
            return 2;
        }
        Devnet devnet;
        org.plurigrid.console.devnet.chain.DevnetChain chain = null;
        try {
            devnet = Devnet.start(config);
        } catch (RuntimeException e) {
            System.err.println("plurigrid-devnet: cannot start: " + e.getMessage());
            return 1;
        }
        try {
            devnet.fleet().ignoreCommands(ignoreShare).get(10, java.util.concurrent.TimeUnit.SECONDS);
            if (grpcPort >= 0) {
                chain = org.plurigrid.console.devnet.chain.DevnetChain.start(
                        org.plurigrid.console.devnet.chain.DevnetChain.Options.defaults().withPort(grpcPort).withGenesisAccounts(funded)
                                .withBlockTime(java.time.Duration.ofMillis(Math.max(50, blockMillis))),
                        org.plurigrid.console.devnet.chain.DrGenesis.forSites(devnet.fleet().edgeNodes().stream()
                                .map(org.plurigrid.console.devnet.fleet.EdgeNode::nodeId).toList(), "cosmos"));
            }
        } catch (Exception e) {
            devnet.close();
            System.err.println("plurigrid-devnet: cannot start the chain: " + e.getMessage());
            return 1;
        }
        final org.plurigrid.console.devnet.chain.DevnetChain runningChain = chain;
        if (primaryHost != null && !primaryHost.isBlank()) {
            devnet.followPrimaryHost(primaryHost);
        }
        Thread hook = new Thread(() -> {
            if (runningChain != null) {
                runningChain.close();
            }
            devnet.close();
            stopped.countDown();
        }, "devnet-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        out.println("Plurigrid devnet running");
        out.println(devnet.hasEmbeddedBroker()
                ? "MQTT       " + devnet.mqttUri() + " (MQTT 5 and 3.1.1)"
                : "MQTT       " + devnet.mqttUri() + " (external broker)");
        out.println("Sparkplug  " + SparkplugNode.NAMESPACE + "/{group}/{NBIRTH|NDEATH|DBIRTH|DDATA|NDATA|NCMD}/"
                + "{edge node}[/{device}]  subscribe to " + devnet.sparkplugTopicFilter());
        out.println("Groups     " + String.join(", ",
                CommunityGrid.DEVNET_GRIDS.stream().map(CommunityGrid::id).toList()));
        out.println("Fleet      " + devnet.fleet().simulation().deviceCount() + " devices, "
                + devnet.fleet().edgeNodes().size() + " edge nodes, " + rate + " steps/s, seed " + seed
                + ", simulated time " + devnet.fleet().simulatedTime());
        if (primaryHost != null && !primaryHost.isBlank()) {
            out.println("Host       edge nodes follow primary host " + primaryHost + " (spBv1.0/STATE/" + primaryHost + ")");
        }
        if (runningChain != null) {
            out.println("Chain      gRPC " + runningChain.grpcTarget() + ", chain-id " + runningChain.chainId() + ", fees in "
                    + runningChain.options().feeDenom() + ", a block every " + runningChain.options().blockTime().toMillis() + " ms");
            out.println("DR program " + org.plurigrid.console.devnet.chain.DrGenesis.defaults().programId() + " contract "
                    + runningChain.drContractAddress() + " (" + devnet.fleet().edgeNodes().size() + " sites as participants, "
                    + Math.round(ignoreShare * 100) + " % of devices ignore commands)");
            for (org.plurigrid.console.devnet.chain.GenesisAccount g : funded) {
                out.println("Funded     " + g.address() + " " + g.balance() + runningChain.options().feeDenom());
            }
        }
        out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    private static LocalTime parseSimTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--sim-time must be HH:MM (e.g. 12:00), was " + text, e);
        }
    }
}
