package org.plurigrid.console.devnet.chain;

import java.util.Objects;
import org.plurigrid.console.client.wallet.Mnemonic;

/**
 * A demo account the devnet funds at genesis, with its recovery phrase so a developer can import it. For local use
 * only: the phrase is printed to the console by whoever starts the devnet, never logged.
 */
public record DemoAccount(String name, String address, Mnemonic mnemonic, long balance, long bonded) {
    public DemoAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mnemonic, "mnemonic");
    }
}
