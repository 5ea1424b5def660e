package org.plurigrid.console.app.cli;

import org.plurigrid.console.client.files.PasswordFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.plurigrid.console.app.recording.ConsoleRecording;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleFileException;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.config.ConfigException;
import org.plurigrid.console.client.config.ConsoleConfig;
import org.plurigrid.console.client.recording.DuckDbRecordingStore;
import org.plurigrid.console.client.recording.PostgresRecordingStore;
import org.plurigrid.console.client.recording.Recorder;
import org.plurigrid.console.client.recording.RecordingException;
import org.plurigrid.console.client.recording.RecordingReader;
import org.plurigrid.console.client.recording.RecordingSettings;
import org.plurigrid.console.client.recording.RecordingStatus;
import org.plurigrid.console.client.recording.RecordingStore;
import org.plurigrid.console.client.recording.RecordingSummary;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.client.telemetry.TelemetrySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code record}: listens to a broker for N seconds with the same pipeline and alarm evaluation as
 * {@code telemetry stats}, records everything (values before coalescing, alarm transitions, the rule set, connection
 * changes) into a DuckDB file or a PostgreSQL database, and prints one JSON summary: rows per kind and time span.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record a broker's telemetry and alarms for N seconds into a DuckDB file (--out) or PostgreSQL "
                + "(--store postgresql://…); print one JSON summary (rows per kind, time span).")
public final class RecordCommand extends CliCommand {

    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    ListenOptions listen;

    @Option(names = "--out", paramLabel = "FILE", description = "DuckDB file to write (continued if it exists).")
    Path out;

    @Option(names = "--store", paramLabel = "URL",
            description = "PostgreSQL instead of a file: postgresql://host:port/db?user=NAME (password from "
                    + "--store-password-file).")
    String store;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "First line: the database password.")
    Path storePasswordFile;


    @Override
    int run() {
        listen.requireSeconds();
        if ((out == null) == (store == null)) {
            throw new CliException("Give exactly one of --out FILE or --store postgresql://…");
        }
        brokerOptions.requireBrokerOrHome(listen.home);
        AlarmRuleSet rules;
        List<BrokerConfig> brokers;
        TelemetrySettings settings;
        Optional<ConsoleConfig> config = Optional.empty();
        try {
            rules = listen.rules();
            config = listen.config();
            if (config.isPresent()) {
                brokers = config.get().brokers();
                settings = config.get().telemetry();
            } else {
                brokers = List.of(brokerOptions.builder().build());
                settings = TelemetrySettings.DEFAULTS;
            }
        } catch (ConfigException | AlarmRuleFileException e) {
            throw new CliException(e.getMessage());
        }

        RecordingStore target = store != null ? postgres() : DuckDbRecordingStore.singleFile(out);
        Recorder recorder = new Recorder(target, InstantSource.system(), RecordingSettings.DEFAULTS);
        AlarmEngine alarms = new AlarmEngine(rules, InstantSource.system());
        RecordingStatus finalStatus;
        Instant started = Instant.now();
        try {
            recorder.start();
            ConsoleRecording recording = new ConsoleRecording(recorder);
            try (HeadlessTelemetry headless = new HeadlessTelemetry(listen.home(), config, err());
                 TelemetryService service = headless.service(brokers, settings)) {
                service.addListener(alarms);
                recording.attach(service, alarms);
                HeadlessTelemetry.listen(service, alarms, listen.seconds);
            } finally {
                finalStatus = recorder.status();
                recording.close();
            }
        } catch (RecordingException e) {
            throw new CliException(e.getMessage());
        }
        out().println(summary(finalStatus, recorder.dropped(), started));
        return finalStatus.lastError().isEmpty() ? 0 : 1;
    }

    private PostgresRecordingStore postgres() {
        try {
            char[] pw = storePasswordFile != null ? PasswordFile.readFirstLine(storePasswordFile) : null;
            return PostgresRecordingStore.fromUrl(store, pw);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    private String summary(RecordingStatus status, long dropped, Instant started) {
        RecordingSummary s;
        try (RecordingReader reader = store != null ? postgres().reader() : RecordingReader.openDuckDb(out)) {
            s = reader.summary();
        } catch (RecordingException e) {
            throw new CliException("recorded, but cannot read the summary back: " + e.getMessage());
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("store", store != null ? "postgresql" : "duckdb");
        root.put("location", s.location());
        root.put("seconds", listen.seconds);
        ObjectNode rows = root.putObject("rows");
        rows.put("values", s.values());
        rows.put("alarms", s.alarms());
        rows.put("events", s.events());
        rows.put("ruleSets", s.ruleSets());
        root.put("points", s.points());
        root.put("snapshots", s.snapshots());
        root.put("from", s.from().map(Instant::toString).orElse(null));
        root.put("to", s.to().map(Instant::toString).orElse(null));
        root.put("dropped", dropped);
        root.put("recovered", status.recovered());
        root.put("lastError", status.lastError());
        root.put("startedAt", started.toString());
        return root.toString();
    }
}
