package org.plurigrid.console.client.telemetry;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plain-JSON telemetry for one broker connection: each message is matched against the {@link JsonMapping}s, parsed
 * once, and every matching mapping writes one point. Bad input is counted by reason in {@link DecodeErrors}.
 */
public final class JsonDecoder implements MessageSink {

    public static final String NOT_JSON = "not-json";
    public static final String UNMAPPED_TOPIC = "unmapped-topic";
    public static final String MISSING_VALUE = "json-missing-value";
    public static final String NOT_NUMERIC = "json-not-numeric";
    public static final String BAD_TIMESTAMP = "json-bad-timestamp";
    private static final int TOPIC_CACHE_LIMIT = 100_000;

    private final List<Compiled> mappings;
    private final PointStore store;
    private final DecodeErrors errors;
    private final InstantSource clock;
    private final long defaultMaxAgeMillis;
    private final ObjectMapper json = new ObjectMapper();
    /** Topic → what it writes; a topic's points are resolved once. Serialized by {@link #onMessage}. */
    private final Map<String, List<Target>> targets = new HashMap<>();
    private final Set<PointHandle> written = new LinkedHashSet<>();

    /** With {@link TelemetryService#DEFAULT_STALE_PERIOD} as the maximum age of mappings that set none. */
    public JsonDecoder(List<JsonMapping> mappings, PointStore store, DecodeErrors errors, InstantSource clock) {
        this(mappings, store, errors, clock, TelemetryService.DEFAULT_STALE_PERIOD);
    }

    /**
     * @param defaultMaxAge maximum age of a mapped point whose mapping and {@link StaleRule}s set none: plain JSON
     *                      has no death certificate, so silence is the only sign of a lost source
     */
    public JsonDecoder(List<JsonMapping> mappings, PointStore store, DecodeErrors errors, InstantSource clock,
                       Duration defaultMaxAge) {
        if (defaultMaxAge.isNegative() || defaultMaxAge.isZero()) {
            throw new IllegalArgumentException("maximum age must be positive, got " + defaultMaxAge);
        }
        this.defaultMaxAgeMillis = defaultMaxAge.toMillis();
        this.mappings = mappings.stream().map(m -> new Compiled(m, JsonPointer.compile(m.valuePointer()),
                m.timestampPointer().map(JsonPointer::compile).orElse(null))).toList();
        this.store = store;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    public synchronized void onMessage(String topic, byte[] payload) {
        List<Target> todo = targets.get(topic);
        if (todo == null) {
            todo = resolve(topic);
            if (targets.size() < TOPIC_CACHE_LIMIT) {
                targets.put(topic, todo);
            }
        }
        if (todo.isEmpty()) {
            errors.count(UNMAPPED_TOPIC, topic, "no JSON mapping matches this topic");
            return;
        }
        JsonNode doc;
        try {
            doc = json.readTree(payload);
        } catch (IOException e) {
            errors.count(NOT_JSON, topic, e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
            return;
        } catch (RuntimeException e) {
            errors.count(NOT_JSON, topic, e.getMessage());
            return;
        }
        if (doc == null || doc.isMissingNode()) {
            errors.count(NOT_JSON, topic, "empty payload");
            return;
        }
        long now = clock.millis();
        for (Target t : todo) {
            write(topic, doc, t, now);
        }
    }

    private void write(String topic, JsonNode doc, Target t, long now) {
        JsonNode v = doc.at(t.mapping.value);
        if (v.isMissingNode()) {
            errors.count(MISSING_VALUE, topic, "nothing at " + t.mapping.mapping.valuePointer());
            return;
        }
        if (v.isNull()) {
            store.updateQuality(t.handle, Quality.BAD, now);
            return;
        }
        double value;
        if (v.isNumber()) {
            value = v.doubleValue();
        } else if (v.isBoolean()) {
            value = v.booleanValue() ? 1 : 0;
        } else {
            errors.count(NOT_NUMERIC, topic, t.mapping.mapping.valuePointer() + " is " + v.getNodeType());
            return;
        }
        long sourceTime = now;
        if (t.mapping.timestamp != null) {
            Optional<Long> ts = timestamp(doc.at(t.mapping.timestamp));
            if (ts.isEmpty()) {
                errors.count(BAD_TIMESTAMP, topic, t.mapping.mapping.timestampPointer().orElse("")
                        + " is not epoch milliseconds or an ISO-8601 instant");
                return;
            }
            sourceTime = ts.get();
        }
        store.update(t.handle, value * t.mapping.mapping.scale(), sourceTime, now);
        written.add(t.handle);
    }

    private static Optional<Long> timestamp(JsonNode n) {
        if (n.isIntegralNumber()) {
            return Optional.of(n.longValue());
        }
        if (n.isTextual()) {
            try {
                return Optional.of(Instant.parse(n.textValue()).toEpochMilli());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private List<Target> resolve(String topic) {
        List<Target> out = new ArrayList<>(1);
        for (Compiled c : mappings) {
            Optional<PointId> id = c.mapping.pointFor(topic);
            if (id.isPresent()) {
                PointHandle h = store.register(id.get(), c.mapping.unit());
                if (h == null) {
                    errors.count(DecodeErrors.POINT_LIMIT, topic, "the point store is full");
                    continue;
                }
                if (c.mapping.expectedPeriod().isPresent()) {
                    store.setExpectedPeriod(h, c.mapping.expectedPeriod().get());
                } else if (store.expectedPeriod(h.id()).isEmpty()) {
                    store.setExpectedPeriod(h, Duration.ofMillis(defaultMaxAgeMillis));
                }
                out.add(new Target(c, h));
            }
        }
        return List.copyOf(out);
    }

    /** Everything that came through this connection is no longer trustworthy. */
    @Override
    public synchronized void onConnectionLost() {
        store.setQuality(written, Quality.COMMS_LOST);
    }

    private record Compiled(JsonMapping mapping, JsonPointer value, JsonPointer timestamp) {
    }

    private record Target(Compiled mapping, PointHandle handle) {
    }
}
