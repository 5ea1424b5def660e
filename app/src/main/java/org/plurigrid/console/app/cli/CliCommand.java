package org.plurigrid.console.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.wallet.KeystoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the leaf commands: writes to picocli's out/err (so tests capture them) and turns errors into one line on
 * stderr instead of a stack trace: exit {@link CliErrors#USER_ERROR} for what the operator can fix (arguments, a key,
 * a password, a file), {@link CliErrors#FAILURE} when the chain or a node fails.
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
        } catch (CliException | KeystoreException | IllegalArgumentException e) {
            err().println("Error: " + CliErrors.oneLine(e.getMessage()));
            err().flush();
            return CliErrors.USER_ERROR;
        } catch (ChainException e) {
            err().println("Error: " + CliErrors.oneLine(e.getMessage()));
            err().flush();
            return CliErrors.FAILURE;
        } finally {
            out().flush();
        }
    }

    abstract int run();

    /**
     * How every signing command reports its transaction: {@code what} included (height, gas, hash) on stdout and exit 0;
     * the chain's refusal, or a wait that ran out (the tx may still be included: its hash to check), on stderr and
     * {@link CliErrors#FAILURE}.
     */
    int txResult(TxOutcome outcome, String what) {
        return switch (outcome) {
            case TxOutcome.Included inc -> {
                out().println(what + " included at height " + inc.height() + ", gas used " + inc.gasUsed() + " of "
                        + inc.gasWanted() + ", tx " + inc.txHash());
                yield 0;
            }
            case TxOutcome.Rejected r -> {
                err().println("Error: " + r.message());
                yield CliErrors.FAILURE;
            }
            case TxOutcome.TimedOut t -> {
                err().println("Error: tx " + t.txHash() + " was broadcast but not seen in a block after "
                        + t.waited().toSeconds() + " s; it may still be included (check with the hash)");
                yield CliErrors.FAILURE;
            }
        };
    }
}
