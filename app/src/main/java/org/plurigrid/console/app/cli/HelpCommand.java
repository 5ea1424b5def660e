package org.plurigrid.console.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help [COMMAND...]}: usage of the console or of a (nested) subcommand, on stdout. Like every subcommand it
 * accepts {@code --home}; it reads nothing there and writes nothing anywhere.
 */
@Command(name = "help", helpCommand = true, description = "Show the usage of the console or of a subcommand, e.g. help gov vote.")
public final class HelpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The subcommand to describe, e.g. gov vote.")
    String[] commands = new String[0];

    @Mixin
    HomeOption home;

    @Override
    public Integer call() {
        CommandLine target = spec.commandLine().getParent();
        for (String name : commands) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown subcommand '" + name + "'");
            }
            target = next;
        }
        target.usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
