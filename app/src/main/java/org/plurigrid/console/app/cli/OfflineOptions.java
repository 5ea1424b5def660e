package org.plurigrid.console.app.cli;

import picocli.CommandLine.Option;

/**
 * {@code --offline --account-number N --sequence S --fees 5000ucosm --gas 200000 [--memo M]}: sign without a node and
 * print only the signed TxRaw as hex, for air-gapped signing and audits.
 */
public final class OfflineOptions {

    @Option(names = "--offline", description = "Sign without contacting a node; print the signed TxRaw as hex and nothing else.")
    boolean offline;

    @Option(names = "--account-number", paramLabel = "N", description = "Account number (offline signing).")
    Long accountNumber;

    @Option(names = "--sequence", paramLabel = "S", description = "Account sequence (offline signing).")
    Long sequence;

    @Option(names = "--fees", paramLabel = "AMOUNT", description = "Fee, e.g. 5000ucosm (offline signing).")
    String fees;

    @Option(names = "--gas", paramLabel = "LIMIT", description = "Gas limit (offline signing).")
    Long gas;

    void requireComplete() {
        StringBuilder missing = new StringBuilder();
        if (accountNumber == null) {
            missing.append(" --account-number");
        }
        if (sequence == null) {
            missing.append(" --sequence");
        }
        if (fees == null) {
            missing.append(" --fees");
        }
        if (gas == null) {
            missing.append(" --gas");
        }
        if (!missing.isEmpty()) {
            throw new CliException("--offline needs" + missing);
        }
    }
}
