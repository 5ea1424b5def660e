package org.plurigrid.console.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.powsybl.iidm.network.Network;
import org.plurigrid.console.client.grid.ContingencyReport;
import org.plurigrid.console.client.grid.ContingencyService;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridImporter;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code grid info [FILE]}: prints one JSON object describing a grid model file (XIIDM, CGMES, IEEE-CDF, MATPOWER)
 * or, without a file, the devnet's demo supergrid: counts, the power flow's status and iterations, the base-case
 * loading distribution and an AC N-1 summary (outages that overload something, the worst, how many a DC pass
 * screened out, the time it took).
 * Exit 0 on success, 2 when the file cannot be read.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print counts and the power-flow result of a grid model file (or of the demo supergrid) as JSON.")
public final class GridInfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Model file: " + GridImporter.SUPPORTED + ". Without it: the demo supergrid.")
    private Path file;

    @Mixin
    private HomeOption home;

    @Option(names = "--no-n1", description = "Skip the N-1 analysis (it solves one power flow per branch).")
    private boolean skipN1;

    /** Upper edges (percent of the permanent limit) of the loading bands reported, the last band open. */
    private static final double[] BAND_EDGES = {50, 70, 80, 90, 100};
    private static final String[] BAND_NAMES = {"below50", "50to70", "70to80", "80to90", "90to100", "above100"};

    @Override
    public Integer call() throws Exception {
        Optional<Network> read = file == null ? Optional.of(DemoSupergrid.build()) : GridCommand.read(spec, file);
        if (read.isEmpty()) {
            return GridCommand.EXIT_UNREADABLE;
        }
        Network network = read.get();
        String source = file == null ? "demo-supergrid" : file.toString();
        PowerFlowResult flow = new PowerFlowRunner().run(network);
        GridSnapshot s = new GridSnapshotFactory().snapshot(network, flow, Instant.now());

        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put("source", source);
        out.put("network", network.getId());
        out.put("format", network.getSourceFormat());
        out.put("areas", s.areas().size());
        out.put("substations", s.substations().size());
        out.put("buses", s.buses().size());
        out.put("branches", s.branches().size());
        out.put("interconnectors", s.interconnectorCount());
        out.put("ders", s.ders().size());
        GridCommand.putPowerFlow(out, flow);
        loading(out.putObject("loading"), s);
        n1(out.putObject("n1"), network, flow);
        return GridCommand.print(spec, json, out, flow);
    }

    /** Branch counts per band of base-case loading (percent of the permanent limit) and the most loaded branch. */
    private static void loading(ObjectNode node, GridSnapshot s) {
        int[] counts = new int[BAND_NAMES.length];
        int unrated = 0;
        GridBranch max = null;
        for (GridBranch b : s.branches()) {
            double l = b.loadingPercent();
            if (Double.isNaN(l)) {
                unrated++;
                continue;
            }
            int band = 0;
            while (band < BAND_EDGES.length && (l >= BAND_EDGES[band] && !(band == BAND_EDGES.length - 1 && l <= 100))) {
                band++;
            }
            counts[band]++;
            if (max == null || l > max.loadingPercent()) {
                max = b;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            node.put(BAND_NAMES[i], counts[i]);
        }
        node.put("unrated", unrated);
        if (max != null) {
            node.put("maxPercent", Math.round(max.loadingPercent() * 10) / 10.0);
            node.put("maxBranch", max.id());
        }
    }

    private void n1(ObjectNode node, Network network, PowerFlowResult flow) {
        boolean rated = network.getBranchStream().anyMatch(b -> b.getCurrentLimits1().isPresent()
                || b.getCurrentLimits2().isPresent());
        if (skipN1 || !rated || !flow.ok()) {
            node.put("skipped", skipN1 ? "--no-n1" : !rated ? "no current limits" : "the base-case power flow failed");
            return;
        }
        ContingencyReport r = new ContingencyService().runN1(network);
        node.put("mode", r.dc() ? "DC" : "AC");
        node.put("contingencies", r.contingencies());
        node.put("screenedOut", r.screenedOut());
        node.put("overloading", r.overloading().size());
        node.put("elapsedMs", r.elapsed().toMillis());
        r.worst().ifPresent(w -> {
            ObjectNode worst = node.putObject("worst");
            worst.put("outage", w.outagedBranchId());
            worst.put("overloads", w.overloads().get(0).branchId());
            worst.put("loadingPercent", Math.round(w.worstLoadingPercent() * 10) / 10.0);
        });
    }
}
