package org.plurigrid.console.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Terminal;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridImporter;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code grid solve FILE [--matpower-settings] [--json]}: solves the power flow of a model file and prints one JSON
 * object: the power-flow status, per bus {@code id} (the bus number for MATPOWER and IEEE-CDF files), {@code vm}
 * (pu) and {@code va} (degrees), per branch the flows at both ends (MW, Mvar, A) and the loading. Nothing else goes
 * to stdout. Exit 0 when a flow converged (see {@code powerFlow.dcFallback}), 1 when none did, 2 when the file
 * cannot be read.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve the power flow of a grid model file and print bus voltages and branch flows as JSON.")
public final class GridSolveCommand implements Callable<Integer> {

    private static final Pattern NUMBERED_BUS = Pattern.compile("B(\\d{1,10})");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Model file: " + GridImporter.SUPPORTED + ".")
    private Path file;

    @Option(names = "--matpower-settings",
            description = "Solve as MATPOWER's runpf does by default: all slack at the reference bus, no slack "
                    + "distribution, reactive limits off, angles referred to the reference bus's case angle.")
    private boolean matpowerSettings;

    @Mixin
    private HomeOption home;

    @Option(names = "--json", description = "Print JSON (the only output format; accepted for scripts).")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Optional<Network> read = GridCommand.read(spec, file);
        if (read.isEmpty()) {
            return GridCommand.EXIT_UNREADABLE;
        }
        Network network = read.get();
        PowerFlowRunner.Settings settings = matpowerSettings ? PowerFlowRunner.Settings.MATPOWER : PowerFlowRunner.Settings.CONSOLE;
        PowerFlowResult flow = new PowerFlowRunner().run(network, settings);
        Map<String, Double> loading = new HashMap<>();
        for (GridBranch b : new GridSnapshotFactory().snapshot(network, flow, Instant.EPOCH).branches()) {
            loading.put(b.id(), b.loadingPercent());
        }
        boolean numbered = "MATPOWER".equals(network.getSourceFormat()) || "IEEE-CDF".equals(network.getSourceFormat());

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode out = mapper.createObjectNode();
        out.put("source", file.toString());
        out.put("network", network.getId());
        out.put("format", network.getSourceFormat());
        out.put("settings", settings.name());
        GridCommand.putPowerFlow(out, flow);

        ArrayNode buses = out.putArray("buses");
        network.getBusBreakerView().getBuses().forEach(configured -> {
            Bus bus = configured.getVoltageLevel().getBusView().getMergedBus(configured.getId());
            ObjectNode b = buses.addObject();
            putId(b, "id", configured.getId(), numbered);
            double nominal = configured.getVoltageLevel().getNominalV();
            putNumber(b, "vm", bus == null ? Double.NaN : bus.getV() / nominal);
            putNumber(b, "va", bus == null ? Double.NaN : bus.getAngle());
        });
        ArrayNode branches = out.putArray("branches");
        network.getBranchStream().forEach(br -> {
            ObjectNode b = branches.addObject();
            b.put("id", br.getId());
            putId(b, "from", busOf(br.getTerminal1()), numbered);
            putId(b, "to", busOf(br.getTerminal2()), numbered);
            b.put("connected", br.getTerminal1().isConnected() && br.getTerminal2().isConnected());
            flows(b, br);
            putNumber(b, "loadingPercent", loading.getOrDefault(br.getId(), Double.NaN));
        });
        return GridCommand.print(spec, mapper, out, flow);
    }

    private static void flows(ObjectNode b, Branch<?> br) {
        putNumber(b, "p1", br.getTerminal1().getP());
        putNumber(b, "q1", br.getTerminal1().getQ());
        putNumber(b, "i1", br.getTerminal1().getI());
        putNumber(b, "p2", br.getTerminal2().getP());
        putNumber(b, "q2", br.getTerminal2().getQ());
        putNumber(b, "i2", br.getTerminal2().getI());
    }

    private static String busOf(Terminal t) {
        return t.getBusBreakerView().getConnectableBus().getId();
    }

    /** A bus id: its number where the file numbers buses (PowSyBl and our reader name them B<number>). */
    private static void putId(ObjectNode node, String field, String id, boolean numbered) {
        Matcher m = NUMBERED_BUS.matcher(id);
        if (numbered && m.matches()) {
            node.put(field, Long.parseLong(m.group(1)));
        } else {
            node.put(field, id);
        }
    }

    /** JSON has no NaN: a value the flow did not produce is null. */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
