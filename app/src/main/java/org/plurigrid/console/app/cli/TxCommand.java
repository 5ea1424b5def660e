package org.plurigrid.console.app.cli;

import org.plurigrid.console.client.chain.TxJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tx decode HEX}: a signed transaction as JSON, for audits. */
@Command(name = "tx", description = "Inspect transactions.", mixinStandardHelpOptions = true, subcommands = TxCommand.Decode.class)
public final class TxCommand {

    @Command(name = "decode", description = "Print a TxRaw (hex) as JSON.", mixinStandardHelpOptions = true)
    static final class Decode extends CliCommand {
        @Parameters(index = "0", paramLabel = "HEX")
        String hex;

        @Override
        int run() {
            out().println(TxJson.decodeTxRawHex(hex));
            return 0;
        }
    }
}
