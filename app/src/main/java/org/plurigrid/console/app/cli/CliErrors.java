package org.plurigrid.console.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Exit statuses and error output of every subcommand: a usage error or another mistake the operator can fix exits
 * {@value #USER_ERROR} with one line on stderr; a failure of the outside world (a node, a broker) or of the console
 * exits {@value #FAILURE} with one line too. Stack traces go to the log at DEBUG ({@code -Dplurigrid.log.level=DEBUG}),
 * never to the terminal.
 */
public final class CliErrors {

    public static final int FAILURE = 1;
    public static final int USER_ERROR = 2;

    private CliErrors() {
    }

    /** Installs the handlers on a command line (and, through picocli, on its subcommands). */
    public static void install(CommandLine cl) {
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine where = e.getCommandLine();
            where.getErr().println("Error: " + oneLine(e.getMessage()) + " (see '" + where.getCommandSpec().qualifiedName()
                    + " --help')");
            where.getErr().flush();
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((e, where, parseResult) -> {
            // The logger is looked up here, not in a static field: Main builds a command line before logback is set up.
            Logger log = LoggerFactory.getLogger(CliErrors.class);
            log.debug("{} failed", where.getCommandSpec().qualifiedName(), e);
            where.getErr().println("Error: " + describe(e));
            where.getErr().flush();
            return FAILURE;
        });
    }

    /** One line for the operator: the message, or the kind of failure when there is none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : oneLine(message);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
