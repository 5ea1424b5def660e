package org.plurigrid.console.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleFileException;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.config.ConfigException;
import org.plurigrid.console.client.config.ConsoleConfig;
import org.plurigrid.console.client.config.TransportWarnings;
import org.plurigrid.console.client.files.PasswordFile;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.RebirthPolicy;
import org.plurigrid.console.client.telemetry.TelemetryClient;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.client.telemetry.TelemetrySettings;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.client.telemetry.TlsSettings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code telemetry stats}: connects headless with the same {@link TelemetryService} as the GUI for N seconds, then
 * prints one JSON object with what arrived. Exit code 0 when every broker was reached, 1 when one never was,
 * 2 for bad arguments or configuration.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Connect to a broker for N seconds and print one JSON object: messages, points, decode "
                + "errors by reason, stale points, alarms raised by priority, reconnects.")
public final class TelemetryStatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    ListenOptions listen;

    @Option(names = "--username", description = "User name.")
    String username;

    @Option(names = "--password-file", description = "File whose first line is the password.")
    Path passwordFile;

    @Option(names = "--ca-file", description = "PEM CA certificate(s) to trust for ssl://.")
    Path caFile;


    @Option(names = "--stale-period", defaultValue = "15", description = "Seconds of silence before a JSON-mapped or "
            + "plugin-decoded point counts as stale (default ${DEFAULT-VALUE}); Sparkplug points follow their node's birth and death.")
    int staleSeconds;

    @Option(names = "--rebirth", description = "Ask edge nodes for their births (NCMD Rebirth, rate-limited) and "
            + "announce the console's Sparkplug STATE. Without it the command only listens.")
    boolean rebirth;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<BrokerConfig> brokers;
        TelemetrySettings settings;
        AlarmRuleSet rules;
        Optional<ConsoleConfig> config = Optional.empty();
        try {
            listen.requireSeconds();
            rules = listen.rules();
            brokerOptions.requireBrokerOrHome(listen.home);
            config = listen.config();
            if (config.isPresent()) {
                brokers = config.get().brokers();
                settings = config.get().telemetry();
            } else {
                brokers = List.of(brokerFromOptions());
                settings = TelemetrySettings.DEFAULTS.withStalePeriod(Duration.ofSeconds(staleSeconds));
            }
        } catch (CliException | ConfigException | AlarmRuleFileException | IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            return 2;
        }

        // Passive by default: no commands, and no STATE (nodes following the host id would birth again on connect).
        settings = settings.withRebirth(settings.rebirth().withMode(
                rebirth ? RebirthPolicy.Mode.ANY : RebirthPolicy.Mode.PASSIVE));
        if (!rebirth) {
            brokers = brokers.stream().map(BrokerConfig::asObserver).toList();
        }
        // On stderr, so the JSON on stdout stays clean; the window logs the same warnings.
        TransportWarnings.ofBrokers(brokers).forEach(w -> err.println("Warning: " + w));
        List<AtomicBoolean> reached = new ArrayList<>();
        // The GUI's alarm evaluation too, so "alarms raised" means what an operator would have seen.
        AlarmEngine alarms = new AlarmEngine(rules, InstantSource.system());
        try (HeadlessTelemetry headless = new HeadlessTelemetry(listen.home(), config, err);
             TelemetryService service = headless.service(brokers, settings)) {
            service.addListener(alarms);
            for (TelemetryClient c : service.clients()) {
                AtomicBoolean r = new AtomicBoolean();
                reached.add(r);
                c.addStatusListener(s -> {
                    if (s.state() == ConnectionState.CONNECTED) {
                        r.set(true);
                    }
                });
            }
            HeadlessTelemetry.listen(service, alarms, listen.seconds);
            out.println(report(service, alarms.raisedByPriority(), listen.seconds));
            out.flush();
        }
        boolean allReached = reached.stream().allMatch(AtomicBoolean::get);
        if (!allReached) {
            err.println("Not every broker could be reached; see \"brokers\" in the output.");
        }
        return allReached ? 0 : 1;
    }

    private BrokerConfig brokerFromOptions() throws IOException {
        BrokerConfig.Builder b = brokerOptions.builder();
        if (username != null) {
            b.username(username);
        }
        if (passwordFile != null) {
            char[] pw = PasswordFile.readFirstLine(passwordFile);
            b.password(pw);
            Arrays.fill(pw, '\0');
        }
        if (caFile != null) {
            b.tls(TlsSettings.trusting(caFile));
        }
        return b.build();
    }

    static String report(TelemetryService service, Map<AlarmPriority, Long> alarmsRaised, int seconds) {
        ObjectMapper json = new ObjectMapper();
        TelemetryStats stats = service.stats();
        ObjectNode root = json.createObjectNode();
        root.put("seconds", seconds);
        root.put("messages", stats.messages());
        root.put("points", stats.points());
        ObjectNode errors = root.putObject("decodeErrors");
        stats.decodeErrors().forEach(errors::put);
        Map<Quality, Integer> byQuality = new EnumMap<>(Quality.class);
        for (Quality q : Quality.values()) {
            byQuality.put(q, 0);
        }
        for (Measurement m : service.store().snapshot()) {
            byQuality.merge(m.quality(), 1, Integer::sum);
        }
        root.put("stalePoints", byQuality.get(Quality.STALE));
        ObjectNode quality = root.putObject("pointsByQuality");
        byQuality.forEach((q, n) -> quality.put(q.name(), n));
        ObjectNode raised = root.putObject("alarmsRaisedByPriority");
        for (AlarmPriority p : AlarmPriority.values()) {
            raised.put(p.name(), alarmsRaised.getOrDefault(p, 0L));
        }
        int reconnects = 0;
        ArrayNode brokers = root.putArray("brokers");
        for (ConnectionStatus s : service.connections()) {
            reconnects += s.reconnects();
            ObjectNode b = brokers.addObject();
            b.put("name", s.name());
            b.put("endpoint", s.endpoint());
            b.put("state", s.state().name());
            b.put("reconnects", s.reconnects());
            b.put("detail", s.detail());
        }
        root.put("reconnects", reconnects);
        root.put("liveEdgeNodes", stats.liveNodes());
        return root.toString();
    }
}
