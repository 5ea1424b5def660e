package org.plurigrid.console.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.plurigrid.console.client.wallet.AccountAddress;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.KdfStrength;
import org.plurigrid.console.client.wallet.KeyInfo;
import org.plurigrid.console.client.wallet.Keystore;
import org.plurigrid.console.client.wallet.Mnemonic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keys add|import|list|show}: the encrypted keystore in {@code <home>/keys}. */
@Command(name = "keys", description = "Manage keys in the encrypted keystore (<home>/keys).", mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.Add.class, KeysCommand.Import.class, KeysCommand.ListKeys.class, KeysCommand.Show.class})
public final class KeysCommand {

    /** Scrypt strength for new keys; {@code PLURIGRID_KDF=light} lowers it for scripts and tests on small machines. */
    static Keystore keystore(Path home) {
        KdfStrength strength = "light".equalsIgnoreCase(System.getenv("PLURIGRID_KDF")) || "light".equalsIgnoreCase(System.getProperty("plurigrid.kdf"))
                ? KdfStrength.LIGHT : KdfStrength.STANDARD;
        return new Keystore(home, strength, new SecureRandom());
    }

    /** What add and import share: where in the HD tree the key is, and how its address is written. */
    static final class NewKeyOptions {
        @Option(names = "--prefix", defaultValue = "cosmos", description = "Bech32 prefix of the address (default: ${DEFAULT-VALUE}).")
        String prefix;
        @Option(names = "--index", defaultValue = "0", description = "Last element N of m/44'/118'/0'/0/N (default: ${DEFAULT-VALUE}).")
        int index;

        HdPath path() {
            return HdPath.cosmos(index);
        }
    }

    static void print(java.io.PrintWriter out, KeyInfo k) {
        out.println("name:    " + k.name());
        out.println("address: " + k.address().bech32());
        out.println("pubkey:  " + k.publicKeyHex().orElse("(watch-only)"));
        k.hdPath().ifPresent(p -> out.println("path:    " + p));
    }

    @Command(name = "add", description = "Create a new key (24-word phrase, shown once) or, with --address, a watch-only account.",
            mixinStandardHelpOptions = true)
    static final class Add extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Mixin
        NewKeyOptions key;
        @Option(names = "--address", paramLabel = "BECH32", description = "Watch-only: store this address, no key.")
        String watchAddress;
        @Mixin
        HomeOption home;
        @Mixin
        PasswordOption password;

        @Override
        int run() {
            Keystore ks = keystore(home.home());
            if (watchAddress != null) {
                print(out(), ks.addWatchOnly(name, AccountAddress.parse(watchAddress)));
                return 0;
            }
            Keystore.NewKey created = ks.create(name, password.forKey(name, true), key.path(), key.prefix);
            print(out(), created.info());
            out().println();
            out().println("Recovery phrase — write it down and keep it offline; it is shown only this once:");
            out().println(created.mnemonic().reveal());
            return 0;
        }
    }

    @Command(name = "import", description = "Import a key from a recovery phrase in a file (never on the command line).",
            mixinStandardHelpOptions = true)
    static final class Import extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--mnemonic-file", paramLabel = "FILE", required = true, description = "File holding the recovery phrase.")
        Path mnemonicFile;
        @Mixin
        NewKeyOptions key;
        @Mixin
        HomeOption home;
        @Mixin
        PasswordOption password;

        @Override
        int run() {
            Mnemonic m;
            try {
                m = Mnemonic.parse(Files.readString(mnemonicFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CliException("Cannot read the mnemonic file " + mnemonicFile + ": " + e.getMessage());
            }
            Keystore ks = keystore(home.home());
            if (ks.contains(name)) {
                throw new CliException("A key named '" + name + "' already exists in " + ks.directory());
            }
            print(out(), ks.importMnemonic(name, m, password.forKey(name, true), key.path(), key.prefix));
            return 0;
        }
    }

    @Command(name = "list", description = "List keys and watch-only accounts.", mixinStandardHelpOptions = true)
    static final class ListKeys extends CliCommand {
        @Mixin
        HomeOption home;

        @Override
        int run() {
            Keystore.Listing listing = keystore(home.home()).scan();
            for (KeyInfo k : listing.keys()) {
                out().printf("%-20s %-50s %s%n", k.name(), k.address().bech32(), k.watchOnly() ? "watch-only" : "local");
            }
            // A broken file never hides the good keys: one line each on stderr, and the list stays usable.
            listing.problems().forEach(p -> err().println("Warning: " + CliErrors.oneLine(p)));
            return 0;
        }
    }

    @Command(name = "show", description = "Show a key's address and public key.", mixinStandardHelpOptions = true)
    static final class Show extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Mixin
        HomeOption home;

        @Override
        int run() {
            print(out(), keystore(home.home()).show(name));
            return 0;
        }
    }
}
