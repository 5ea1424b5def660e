package org.plurigrid.console.app.cli;

import org.plurigrid.console.client.chain.TxJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tx decode HEX}: a signed transaction as JSON, for audits. */
@Command(name = "tx", description = "Inspect transactions.", mixinStandardHelpOptions = true, subcommands = TxCommand.Decode.class)
public final class TxCommand {

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Print a TxRaw (hex) as one JSON object; messages the console does not know are shown as "
                    + "{\"@type\": URL, \"value_base64\": …}. Exit 2 when HEX is empty, not hex or not a TxRaw.")
    static final class Decode extends CliCommand {
        @Parameters(index = "0", paramLabel = "HEX")
        String hex;
        @Mixin
        HomeOption home;

        @Override
        int run() {
            out().println(TxJson.decodeTxRawHex(hex));
            return 0;
        }
    }
}
