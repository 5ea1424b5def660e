package org.plurigrid.console.app.cli;

import org.plurigrid.console.client.files.PasswordFile;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.plurigrid.console.client.config.ConfigException;
import org.plurigrid.console.client.config.ConsoleSecrets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code telemetry …}: headless telemetry tools for operators and tests. */
@Command(name = "telemetry", mixinStandardHelpOptions = true,
        description = "Headless telemetry tools: check a broker, prepare encrypted passwords.",
        subcommands = {TelemetryStatsCommand.class, TelemetryCommand.Secret.class})
public final class TelemetryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code telemetry secret}: encrypts a password for {@code console.json} with the home's secret key. */
    @Command(name = "secret", mixinStandardHelpOptions = true,
            description = "Encrypt a password for console.json ({\"encrypted\": \"pgc1:…\"}); creates <home>/"
                    + ConsoleSecrets.KEY_FILE_NAME + " (mode 600) if needed.")
    static final class Secret implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--home", required = true, description = "The console home folder (holds console.json).")
        Path home;

        @Option(names = "--from-file", description = "Read the password from the first line of this file instead "
                + "of the terminal.")
        Path fromFile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            char[] pw = null;
            try {
                pw = readPassword(err);
                if (pw == null || pw.length == 0) {
                    err.println("No password given.");
                    return 2;
                }
                out.println(ConsoleSecrets.openOrCreate(home).encrypt(pw));
                return 0;
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("Cannot read the password: " + e.getMessage());
                return 2;
            } finally {
                if (pw != null) {
                    Arrays.fill(pw, '\0');
                }
            }
        }

        private char[] readPassword(PrintWriter err) throws IOException {
            if (fromFile != null) {
                return PasswordFile.readFirstLine(fromFile);
            }
            Console console = System.console();
            if (console != null) {
                return console.readPassword("Password: ");
            }
            err.println("Reading the password from standard input (first line).");
            byte[] line = System.in.readNBytes(4096);
            String text = new String(line, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return (nl < 0 ? text : text.substring(0, nl)).strip().toCharArray();
        }
    }

    static boolean isReadableFile(Path p) {
        return Files.isRegularFile(p) && Files.isReadable(p);
    }
}
