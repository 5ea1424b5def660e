package org.plurigrid.console.app.cli;

import picocli.CommandLine.Command;

/** {@code grid}: commands about grid models. */
@Command(name = "grid", description = "Grid model commands.", mixinStandardHelpOptions = true,
        subcommands = {GridInfoCommand.class, GridSolveCommand.class})
public final class GridCommand {
}
