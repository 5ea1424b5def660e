package org.plurigrid.console.app.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.plurigrid.console.client.files.PasswordFile;
import picocli.CommandLine.Option;

/**
 * {@code --password-file F} (first line) or an interactive prompt. Never a password on the command line, where it
 * would land in the shell history and the process list.
 */
public final class PasswordOption {

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the keystore password from the first line of FILE.")
    Path passwordFile;

    /** The password of the key {@code name} (the prompt names it), as {@link #read} gives it. */
    public char[] forKey(String name, boolean confirm) {
        return read("Password for key '" + name + "'", confirm);
    }

    /** The password as {@code char[]}; the caller (the keystore) clears it. */
    public char[] read(String prompt, boolean confirm) {
        if (passwordFile != null) {
            try {
                return PasswordFile.readFirstLine(passwordFile);
            } catch (IOException e) {
                throw new CliException("--password-file: " + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new CliException("No terminal to ask for the password: use --password-file FILE");
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null) {
            throw new CliException("No password given");
        }
        if (confirm) {
            char[] again = console.readPassword("Repeat the password: ");
            boolean same = Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException("The two passwords differ");
            }
        }
        return first;
    }
}
