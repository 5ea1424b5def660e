package org.plurigrid.console.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleFileException;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.config.ConfigException;
import org.plurigrid.console.client.config.ConsoleConfig;
import picocli.CommandLine.Option;

/**
 * {@code [--home DIR] [--seconds N] [--alarm-rules FILE]}: whose configuration and plugins, for how long and with which
 * alarm rules {@code record} and {@code telemetry stats} listen (with {@link BrokerOptions} for a broker named on the
 * command line instead of {@code --home}).
 */
public final class ListenOptions {

    @Option(names = "--home", description = "Use the brokers and JSON mappings of <home>/console.json instead of "
            + "--broker, and the plugins of <home>/plugins as the window does.")
    Path home;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to listen (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--alarm-rules", description = "Alarm rules file (default: the rules shipped with the console).")
    Path alarmRules;

    void requireSeconds() {
        if (seconds < 1) {
            throw new CliException("--seconds must be at least 1");
        }
    }

    Optional<Path> home() {
        return Optional.ofNullable(home);
    }

    /** The configuration of {@code --home}; empty without it. */
    Optional<ConsoleConfig> config() throws ConfigException {
        return home == null ? Optional.empty() : Optional.of(ConsoleConfig.load(home));
    }

    /** The rules of {@code --alarm-rules}, else the ones shipped with the console (the window's defaults). */
    AlarmRuleSet rules() throws AlarmRuleFileException {
        return alarmRules != null ? AlarmRuleFile.load(alarmRules) : AlarmRuleFile.defaults();
    }
}
