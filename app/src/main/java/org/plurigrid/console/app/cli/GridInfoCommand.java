package org.plurigrid.console.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.powsybl.iidm.network.Network;
import org.plurigrid.console.client.grid.GridImportException;
import org.plurigrid.console.client.grid.GridImporter;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSnapshotFactory;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.grid.PowerFlowRunner;
import org.plurigrid.console.devnet.grid.DemoSupergrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code grid info [FILE]}: prints one JSON object describing a grid model file (XIIDM, CGMES, IEEE-CDF, MATPOWER)
 * or, without a file, the devnet's demo supergrid: counts and the power flow's status and iterations.
 * Exit 0 on success, 2 when the file cannot be read.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print counts and the power-flow result of a grid model file (or of the demo supergrid) as JSON.")
public final class GridInfoCommand implements Callable<Integer> {

    static final int EXIT_UNREADABLE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Model file: " + GridImporter.SUPPORTED + ". Without it: the demo supergrid.")
    private Path file;

    @Override
    public Integer call() throws Exception {
        Network network;
        String source;
        try {
            if (file == null) {
                network = DemoSupergrid.build();
                source = "demo-supergrid";
            } else {
                network = new GridImporter().importFile(file);
                source = file.toString();
            }
        } catch (GridImportException e) {
            spec.commandLine().getErr().println("grid info: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return EXIT_UNREADABLE;
        }
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
        ObjectNode pf = out.putObject("powerFlow");
        pf.put("mode", flow.mode().name());
        pf.put("status", flow.status().name());
        pf.put("converged", flow.ok());
        pf.put("iterations", flow.iterations());
        pf.put("elapsedMs", flow.elapsed().toMillis());
        pf.put("message", flow.message());
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        spec.commandLine().getOut().flush();
        return flow.ok() ? 0 : 1;
    }
}
