package org.plurigrid.console.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.client.wallet.KeystoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the leaf commands: writes to picocli's out/err (so tests capture them) and turns errors the operator can
 * act on into one line on stderr and exit status 1, instead of a stack trace.
 */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (CliException | KeystoreException | ChainException | IllegalArgumentException e) {
            err().println("Error: " + e.getMessage());
            err().flush();
            return 1;
        } finally {
            out().flush();
        }
    }

    abstract int run();
}
