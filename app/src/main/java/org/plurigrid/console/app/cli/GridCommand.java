package org.plurigrid.console.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.powsybl.iidm.network.Network;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.plurigrid.console.client.grid.GridImportException;
import org.plurigrid.console.client.grid.GridImporter;
import org.plurigrid.console.client.grid.PowerFlowResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code grid}: commands about grid models. Also what its commands do alike, so they read files, say why one is
 * unreadable and print their one JSON object with its {@code powerFlow} part the same way.
 */
@Command(name = "grid", description = "Grid model commands.", mixinStandardHelpOptions = true,
        subcommands = {GridInfoCommand.class, GridSolveCommand.class})
public final class GridCommand {

    /** The exit code of a grid command given a file it cannot read. */
    static final int EXIT_UNREADABLE = 2;

    /** The model in {@code file}; empty, and why on stderr as one line ({@code grid info: …}), when it cannot be read. */
    static Optional<Network> read(CommandSpec spec, Path file) {
        try {
            return Optional.of(new GridImporter().importFile(file));
        } catch (GridImportException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("grid " + spec.name() + ": " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /** The {@code powerFlow} object of the commands' output: how the flow was solved and how it went. */
    static void putPowerFlow(ObjectNode out, PowerFlowResult flow) {
        ObjectNode pf = out.putObject("powerFlow");
        pf.put("mode", flow.mode().name());
        pf.put("status", flow.status().name());
        pf.put("converged", flow.ok());
        pf.put("dcFallback", flow.dcFallback());
        pf.put("iterations", flow.iterations());
        pf.put("elapsedMs", flow.elapsed().toMillis());
        pf.put("message", flow.message());
        pf.put("summary", flow.operatorText());
    }

    /** Prints {@code out} as the command's one line of JSON; the exit code: 0 when {@code flow} converged, else 1. */
    static int print(CommandSpec spec, ObjectMapper json, ObjectNode out, PowerFlowResult flow) throws JsonProcessingException {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(json.writeValueAsString(out));
        stdout.flush();
        return flow.ok() ? 0 : 1;
    }
}
