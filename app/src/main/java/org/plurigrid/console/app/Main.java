package org.plurigrid.console.app;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

import org.plurigrid.console.app.cli.CliErrors;
import org.plurigrid.console.app.cli.DrCommand;
import org.plurigrid.console.app.cli.GovCommand;
import org.plurigrid.console.app.cli.HelpCommand;
import org.plurigrid.console.app.cli.GridCommand;
import org.plurigrid.console.app.cli.KeysCommand;
import org.plurigrid.console.app.cli.PluginsCommand;
import org.plurigrid.console.app.cli.RecordCommand;
import org.plurigrid.console.app.cli.ReplayCommand;
import org.plurigrid.console.app.cli.TelemetryCommand;
import org.plurigrid.console.app.cli.TxCommand;
import org.plurigrid.console.client.files.PrivateFiles;
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
        boolean subcommand = runsSubcommand(args);
        configureLogging(args, subcommand);
        CommandLine cl = commandLine();
        if (subcommand) {
            // stdout carries only the command's result: the result writer keeps the real stdout, and anything a
            // library prints to System.out (a stray stack trace, a banner) goes to stderr with the logs.
            PrintStream result = System.out;
            System.setOut(System.err);
            cl.setOut(new PrintWriter(new OutputStreamWriter(result, result.charset()), true));
        }
        int code = cl.execute(args);
        // The GUI has shut everything down by the time execute returns; exit also ends stray library threads.
        System.exit(code);
    }

    /**
     * Whether the arguments name a subcommand (or ask for help or the version) rather than open the window. Parsed
     * by a throwaway command line before any logger exists, so the right logging configuration is chosen.
     */
    static boolean runsSubcommand(String[] args) {
        try {
            CommandLine.ParseResult r = commandLine().parseArgs(args);
            return r.hasSubcommand() || r.isUsageHelpRequested() || r.isVersionHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return e.getCommandLine() != null && e.getCommandLine().getParent() != null;
        } catch (CommandLine.PicocliException e) {
            return false;
        }
    }

    /**
     * The command line with every subcommand. Register subcommands HERE, one line each, e.g.
     * {@code cl.addSubcommand(new KeysCommand());} — they reach the shared options through {@code @ParentCommand}.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ConsoleCommand());
        cl.addSubcommand(new HelpCommand());     // help [COMMAND]: accepts --home like every subcommand
        cl.addSubcommand(new KeysCommand());     // keys: encrypted keystore (docs/governance.md)
        cl.addSubcommand(new GovCommand());      // gov: proposals and votes
        cl.addSubcommand(new TxCommand());       // tx: decode transactions
        cl.addSubcommand(new GridCommand());     // grid: grid model and power flow
        cl.addSubcommand(new TelemetryCommand()); // telemetry: stats from a broker, encrypted secrets for console.json
        cl.addSubcommand(new PluginsCommand());  // plugins: what would load, and why not
        cl.addSubcommand(new RecordCommand());   // record: telemetry and alarms into DuckDB/PostgreSQL (docs/recording.md)
        cl.addSubcommand(new ReplayCommand());   // replay: re-evaluated alarm sequence from a recording
        cl.addSubcommand(new DrCommand());       // dr: demand response (docs/demand-response.md)
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CliErrors.install(cl);
        return cl;
    }

    /**
     * Our logback configuration (beside this class, not Tahu's): for the window logback.xml, with its log file in
     * {@code <home>/logs} created private first (folders 700, console.log 600); for a subcommand logback-cli.xml,
     * stderr only and nothing written under the home folder.
     */
    static void configureLogging(String[] args, boolean subcommand) {
        if (System.getProperty("plurigrid.home") == null) {
            System.setProperty("plurigrid.home", homeFrom(args).toString());
        }
        if (!subcommand) {
            prepareLogFile(Path.of(System.getProperty("plurigrid.home")));
        }
        if (System.getProperty("logback.configurationFile") == null) {
            URL own = ownLogbackConfiguration(subcommand ? CLI_CONFIGURATION : GUI_CONFIGURATION);
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

    static final String GUI_CONFIGURATION = "logback.xml";
    static final String CLI_CONFIGURATION = "logback-cli.xml";

    /**
     * The home folder and {@code logs/} private (700) and {@code console.log} created 600 before logback appends to
     * it: logback creates files with the process umask (usually 644), and a log names hosts, keys and accounts.
     */
    static void prepareLogFile(Path home) {
        try {
            Path logs = PrivateFiles.createPrivateDirectories(home.resolve("logs"));
            // An older console left logs/ 755: tighten it (it is ours); a rolled-over file then stays private too.
            PrivateFiles.setPermissions(logs, PrivateFiles.OWNER_ONLY_FOLDER);
            PrivateFiles.createPrivateFile(logs.resolve("console.log"));
        } catch (IOException e) {
            System.err.println("Cannot prepare the log folder " + home.resolve("logs") + ": " + e.getMessage());
        }
    }

    /** Our logback.xml from the same jar or classes folder as this class, whatever else is on the class path. */
    static URL ownLogbackConfiguration() {
        return ownLogbackConfiguration(GUI_CONFIGURATION);
    }

    /** A logback configuration from the same jar or classes folder as this class. */
    static URL ownLogbackConfiguration(String name) {
        try {
            URL location = Main.class.getProtectionDomain().getCodeSource().getLocation();
            String base = location.toString();
            URL url = base.endsWith(".jar")
                    ? URI.create("jar:" + base + "!/" + name).toURL()
                    : URI.create(base).resolve(name).toURL();
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
