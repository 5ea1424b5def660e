package org.plurigrid.console.client.alarms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.plurigrid.console.client.config.DurationText;
import org.plurigrid.console.client.files.AtomicFile;
import org.plurigrid.console.client.files.PrivateFiles;

/** Writes a rules file: the text (with the console's header) and the safe replacement of the file. */
final class AlarmRuleWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AlarmRuleWriter() {
    }

    /**
     * The rules as the text of a rules file, with a header saying the console wrote it. Limit kinds carry their
     * limit and deadband, every rule its delays, so the file reads the same as the editor.
     */
    static String toJson(AlarmRuleSet set) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        if (set.rules().isEmpty()) {
            // The editor writes an empty set only when the operator removed every rule: that is the confirmation.
            root.put(AlarmRuleFile.ALLOW_EMPTY, true);
        }
        ArrayNode array = root.putArray("rules");
        for (AlarmRule r : set.rules()) {
            ObjectNode n = array.addObject();
            n.put("id", r.id());
            if (!r.description().isEmpty()) {
                n.put("description", r.description());
            }
            ObjectNode m = n.putObject("match");
            PointPattern p = r.match();
            if (p.pathGlob() != null) {
                m.put("path", p.pathGlob());
            }
            if (p.metricGlob() != null) {
                m.put("metric", p.metricGlob());
            }
            if (p.deviceType() != null) {
                m.put("deviceType", p.deviceType());
            }
            m.put("level", p.level().name().toLowerCase(Locale.ROOT));
            n.put("kind", r.kind().name());
            if (r.kind().needsLimit()) {
                n.put("limit", r.limit());
                n.put("deadband", r.deadband());
            }
            n.put("onDelay", DurationText.format(r.onDelay()));
            n.put("offDelay", DurationText.format(r.offDelay()));
            n.put("priority", r.priority().name());
            n.put("message", r.message());
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String body;
        try {
            body = JSON.writer(printer).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alarm rules as JSON", e);
        }
        return AlarmRuleFile.WRITTEN_BY_CONSOLE + "\n"
                + "// Edit the rules in the console (Alarms \u2192 Rules), which checks them, applies them without a restart\n"
                + "// and journals every change. Edits made here by hand are read at the next start; comments other than\n"
                + "// this header are not kept. The previous version is kept next to this file as " + "<name>.bak.\n"
                + "// Format: docs/alarms.md.\n"
                + body + "\n";
    }

    /**
     * Write the rules to {@code file} so that a crash never leaves half a file: the text goes to a temporary file in
     * the same folder, the current file is copied to {@code <file>.bak} (one backup, replaced each time), then the
     * temporary file is moved over the original. The text is read back before anything is replaced, so the console
     * never writes a file it cannot load at the next start.
     */
    static void write(Path file, AlarmRuleSet set) throws AlarmRuleFileException {
        String text = toJson(set);
        AlarmRuleFile.parse(text, file.toString()); // the same checks as at start, cross-rule ones included
        try {
            if (Files.exists(file)) {
                Files.copy(file, AlarmRuleFile.backupOf(file), StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8), PrivateFiles.OWNER_ONLY_FILE,
                    AtomicFile.IfExists.REPLACE);
        } catch (IOException e) {
            throw new AlarmRuleFileException(file.toString(), List.of("cannot be written: " + e.getMessage()), e);
        }
    }
}
