package org.plurigrid.console.app;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

import org.plurigrid.console.app.cli.DrCommand;
import org.plurigrid.console.app.cli.GovCommand;
import org.plurigrid.console.app.cli.GridCommand;
import org.plurigrid.console.app.cli.KeysCommand;
import org.plurigrid.console.app.cli.TelemetryCommand;
import org.plurigrid.console.app.cli.TxCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code plurigrid-console.jar}. Deliberately not a JavaFX {@code Application}, so the jar runs from
 * the plain class path. It points logback at our configuration before any logger exists (Tahu ships a TRACE
 * logback.xml that must not win), then runs the command line: no subcommand opens the window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging(args);
        int code = commandLine().execute(args);
        // The GUI has shut everything down by the time execute returns; exit also ends stray library threads.
        System.exit(code);
    }

    /**
     * The command line with every subcommand. Register subcommands HERE, one line each, e.g.
     * {@code cl.addSubcommand(new KeysCommand());} — they reach the shared options through {@code @ParentCommand}.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ConsoleCommand());
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.addSubcommand(new KeysCommand());     // keys: encrypted keystore (docs/governance.md)
        cl.addSubcommand(new GovCommand());      // gov: proposals and votes
        cl.addSubcommand(new TxCommand());       // tx: decode transactions
        cl.addSubcommand(new GridCommand());     // grid: grid model and power flow
        cl.addSubcommand(new TelemetryCommand()); // telemetry: stats from a broker, encrypted secrets for console.json
        cl.addSubcommand(new DrCommand());       // dr: demand response (docs/demand-response.md)
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Our logback.xml (beside this class, not Tahu's) and the log folder under --home. */
    static void configureLogging(String[] args) {
        if (System.getProperty("plurigrid.home") == null) {
            System.setProperty("plurigrid.home", homeFrom(args).toString());
        }
        if (System.getProperty("logback.configurationFile") == null) {
            URL own = ownLogbackConfiguration();
            if (own != null) {
                System.setProperty("logback.configurationFile", own.toString());
            }
        }
    }

    /** The --home given on the command line, or the default, without running the full parser. */
    static Path homeFrom(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") && i + 1 < args.length) {
                return Path.of(args[i + 1]).toAbsolutePath();
            }
            if (args[i].startsWith("--home=")) {
                return Path.of(args[i].substring("--home=".length())).toAbsolutePath();
            }
        }
        return Path.of(System.getProperty("user.home"), ".plurigrid");
    }

    /** logback.xml from the same jar or classes folder as this class, whatever else is on the class path. */
    static URL ownLogbackConfiguration() {
        try {
            URL location = Main.class.getProtectionDomain().getCodeSource().getLocation();
            String base = location.toString();
            URL url = base.endsWith(".jar")
                    ? URI.create("jar:" + base + "!/logback.xml").toURL()
                    : URI.create(base).resolve("logback.xml").toURL();
            try (var in = url.openStream()) {
                return url;
            }
        } catch (MalformedURLException e) {
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
