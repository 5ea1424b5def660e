package org.plurigrid.console.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleFileException;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.recording.AlarmReplay;
import org.plurigrid.console.client.recording.RecordingException;
import org.plurigrid.console.client.recording.RecordingReader;
import org.plurigrid.console.client.recording.RecordingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code replay FILE --from T1 --to T2 [--rules FILE] --json}: re-evaluates alarms from the recorded values with the
 * recorded rule set (or edited rules) and prints the alarm sequence, one JSON object per line, the same every run.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-evaluate alarms from a recording (recorded or edited rules) and print the alarm sequence.")
public final class ReplayCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "A DuckDB recording.")
    Path file;

    @Option(names = "--from", paramLabel = "T1", description = "Start, ISO-8601 UTC (default: start of the recording).")
    String from;

    @Option(names = "--to", paramLabel = "T2", description = "End, ISO-8601 UTC (default: end of the recording).")
    String to;

    @Option(names = "--rules", paramLabel = "FILE", description = "Alarm rules to use instead of the recorded ones.")
    Path rules;

    @Option(names = "--json", description = "One JSON object per alarm transition (the only output format).")
    boolean json;

    @Override
    int run() {
        Optional<AlarmRuleSet> edited = Optional.empty();
        if (rules != null) {
            try {
                edited = Optional.of(AlarmRuleFile.load(rules));
            } catch (AlarmRuleFileException e) {
                throw new CliException(e.getMessage());
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        try (RecordingReader reader = RecordingReader.openDuckDb(file)) {
            RecordingSummary s = reader.summary();
            Instant start = from != null ? instant("--from", from)
                    : s.from().orElseThrow(() -> new CliException(file + " holds no entries"));
            Instant end = to != null ? instant("--to", to) : s.to().orElse(start);
            AlarmReplay.Outcome outcome = AlarmReplay.run(reader, start, end, edited);
            err().println("Replayed " + start + " to " + end + " with " + (outcome.recordedRules()
                    ? "the recorded rules" : "rules from " + outcome.rulesOrigin()) + ": "
                    + outcome.transitions().size() + " alarm transitions.");
            for (AlarmReplay.Transition t : outcome.transitions()) {
                ObjectNode line = mapper.createObjectNode();
                line.put("seq", t.sequence());
                line.put("time", t.time().toString());
                line.put("event", t.event());
                line.put("alarm", t.alarmKey());
                line.put("source", t.source());
                line.put("priority", t.priority());
                line.put("state", t.state());
                line.put("message", t.message());
                out().println(line);
            }
        } catch (RecordingException e) {
            throw new CliException(e.getMessage());
        }
        return 0;
    }

    private static Instant instant(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CliException(option + " must be an ISO-8601 UTC time like 2026-12-03T07:00:00Z, got " + text);
        }
    }
}
