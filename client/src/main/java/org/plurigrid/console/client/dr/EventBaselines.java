package org.plurigrid.console.client.dr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.plurigrid.console.client.files.AtomicFile;
import org.plurigrid.console.client.files.PrivateFiles;

/**
 * What a console knows of an event only at its dispatch and must not lose: each commanded device's meter-before
 * baseline (kW), and what a run measured (mean kW since the start). Kept per event in
 * {@code <home>/dr/<eventId>.baseline.json}, written atomically, so a console or command restarted mid-event measures
 * delivery against the baseline seen before the event rather than the already reduced import it sees now. The CLI
 * and the window share the file.
 */
public final class EventBaselines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASELINE = "baselineKw";
    private static final String MEASURED = "measuredKw";

    private final Optional<Path> folder;

    private EventBaselines(Optional<Path> folder) {
        this.folder = folder;
    }

    /** Kept in {@code folder} (usually {@code <home>/dr}). */
    public static EventBaselines in(Path folder) {
        return new EventBaselines(Optional.of(folder));
    }

    /** Kept nowhere: a restart measures from telemetry history alone. */
    public static EventBaselines none() {
        return new EventBaselines(Optional.empty());
    }

    /** The file of {@code eventId}, when kept. */
    public Optional<Path> file(String eventId) {
        if (eventId.isEmpty() || eventId.contains("/") || eventId.contains("\\") || eventId.startsWith(".")) {
            throw new IllegalArgumentException("Not an event id usable as a file name: " + eventId);
        }
        return folder.map(f -> f.resolve(eventId + ".baseline.json"));
    }

    /** Records the baselines of an event's devices (replacing what was there). */
    public void saveBaselines(String eventId, Map<DerDevice, Double> baselines) throws IOException {
        save(eventId, BASELINE, baselines);
    }

    /** Adds what a run measured (mean import per device since the event start, kW), keeping the baselines. */
    public void saveMeasured(String eventId, Map<DerDevice, Double> measured) throws IOException {
        save(eventId, MEASURED, measured);
    }

    /** The recorded baselines, empty when none are kept. */
    public Map<DerDevice, Double> baselines(String eventId) throws IOException {
        return load(eventId, BASELINE);
    }

    /** The recorded measurements, empty when none are kept. */
    public Map<DerDevice, Double> measured(String eventId) throws IOException {
        return load(eventId, MEASURED);
    }

    private void save(String eventId, String field, Map<DerDevice, Double> values) throws IOException {
        Optional<Path> f = file(eventId);
        if (f.isEmpty()) {
            return;
        }
        ObjectNode n = Files.exists(f.get()) ? read(f.get()) : JSON.createObjectNode();
        n.put("eventId", eventId);
        ObjectNode o = n.putObject(field);
        values.forEach((d, kw) -> o.put(d.toString(), kw));
        AtomicFile.write(f.get(), (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8),
                PrivateFiles.OWNER_ONLY_FILE, AtomicFile.IfExists.REPLACE);
    }

    private Map<DerDevice, Double> load(String eventId, String field) throws IOException {
        Map<DerDevice, Double> out = new LinkedHashMap<>();
        Optional<Path> f = file(eventId);
        if (f.isEmpty() || !Files.exists(f.get())) {
            return out;
        }
        read(f.get()).path(field).properties().forEach(en -> {
            String[] p = en.getKey().split("/");
            if (p.length == 3 && en.getValue().isNumber()) {
                out.put(new DerDevice(p[0], p[1], p[2]), en.getValue().asDouble());
            }
        });
        return out;
    }

    private static ObjectNode read(Path f) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new IOException("Cannot read " + f + ": " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IOException("Cannot read " + f + ": not a JSON object");
        }
        return (ObjectNode) n;
    }
}
