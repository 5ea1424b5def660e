package org.plurigrid.console.client.telemetry;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plain-JSON telemetry: each message is matched against the operator's {@link JsonMapping}s, parsed once, and every
 * matching mapping reads one point (a JSON {@code null} makes it BAD). What a mapping cannot read is a
 * {@link TopicDecoder.Problem} counted by kind while the message's other mappings still write; a payload that is not
 * JSON is {@link TopicDecoder.Decoded.Malformed}. Run like any plugin's decoder by {@link ExternalDecoders} (the
 * bundled "JSON topics" plugin provides it), so one thread calls {@link #decode}.
 */
public final class JsonMappingDecoder implements TopicDecoder {

    public static final String NOT_JSON = "not-json";
    public static final String UNMAPPED_TOPIC = "unmapped-topic";
    public static final String MISSING_VALUE = "json-missing-value";
    public static final String NOT_NUMERIC = "json-not-numeric";
    public static final String BAD_TIMESTAMP = "json-bad-timestamp";
    private static final int TOPIC_CACHE_LIMIT = 100_000;

    private final List<Compiled> mappings;
    private final List<TopicFilter> filters;
    private final ObjectMapper json = new ObjectMapper();
    /** Topic → the mappings that match it; a topic is resolved once. */
    private final Map<String, List<Target>> targets = new HashMap<>();
    /** The expected period of points whose mapping sets one. */
    private final Map<PointId, Duration> periods = new HashMap<>();

    public JsonMappingDecoder(List<JsonMapping> mappings) {
        this.mappings = mappings.stream().map(m -> new Compiled(m, JsonPointer.compile(m.valuePointer()),
                m.timestampPointer().map(JsonPointer::compile).orElse(null))).toList();
        Set<String> subscriptions = new LinkedHashSet<>();
        mappings.forEach(m -> subscriptions.add(m.subscriptionFilter()));
        List<TopicFilter> parsed = new ArrayList<>();
        for (String s : subscriptions) {
            TopicFilter f = TopicFilter.parse(s);
            if (parsed.stream().noneMatch(p -> p.covers(f))) {
                parsed.removeIf(f::covers);
                parsed.add(f);
            }
        }
        this.filters = List.copyOf(parsed);
    }

    @Override
    public String name() {
        return "json";
    }

    /** The first mapping's subscription; {@link #filters()} has them all (none without mappings). */
    @Override
    public TopicFilter filter() {
        return filters.isEmpty() ? TopicFilter.parse("json-topics/no-mappings") : filters.getFirst();
    }

    @Override
    public List<TopicFilter> filters() {
        return filters;
    }

    public int mappings() {
        return mappings.size();
    }

    @Override
    public synchronized Optional<Duration> expectedPeriod(PointId point) {
        return Optional.ofNullable(periods.get(point));
    }

    @Override
    public synchronized Decoded decode(String topic, byte[] payload, Instant received) {
        List<Target> todo = targets.get(topic);
        if (todo == null) {
            todo = resolve(topic);
            if (targets.size() < TOPIC_CACHE_LIMIT) {
                targets.put(topic, todo);
            }
        }
        if (todo.isEmpty()) {
            return new Decoded.Malformed(UNMAPPED_TOPIC, "no JSON mapping matches this topic");
        }
        JsonNode doc;
        try {
            doc = json.readTree(payload);
        } catch (IOException e) {
            return new Decoded.Malformed(NOT_JSON, e instanceof JsonProcessingException j ? j.getOriginalMessage()
                    : String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            return new Decoded.Malformed(NOT_JSON, String.valueOf(e.getMessage()));
        }
        if (doc == null || doc.isMissingNode()) {
            return new Decoded.Malformed(NOT_JSON, "empty payload");
        }
        List<Measurement> points = new ArrayList<>(todo.size());
        List<Problem> problems = new ArrayList<>(0);
        for (Target t : todo) {
            read(doc, t, received, points, problems);
        }
        return new Decoded.Points(points, problems);
    }

    private static void read(JsonNode doc, Target t, Instant received, List<Measurement> points, List<Problem> problems) {
        JsonMapping m = t.mapping.mapping;
        JsonNode v = doc.at(t.mapping.value);
        if (v.isMissingNode()) {
            problems.add(new Problem(MISSING_VALUE, "nothing at " + m.valuePointer()));
            return;
        }
        if (v.isNull()) {
            points.add(new Measurement(t.point, Double.NaN, received, Quality.BAD, m.unit()));
            return;
        }
        double value;
        if (v.isNumber()) {
            value = v.doubleValue();
        } else if (v.isBoolean()) {
            value = v.booleanValue() ? 1 : 0;
        } else {
            problems.add(new Problem(NOT_NUMERIC, m.valuePointer() + " is " + v.getNodeType()));
            return;
        }
        Instant sourceTime = received;
        if (t.mapping.timestamp != null) {
            Optional<Instant> ts = timestamp(doc.at(t.mapping.timestamp));
            if (ts.isEmpty()) {
                problems.add(new Problem(BAD_TIMESTAMP, m.timestampPointer().orElse("")
                        + " is not epoch milliseconds or an ISO-8601 instant"));
                return;
            }
            sourceTime = ts.get();
        }
        points.add(new Measurement(t.point, value * m.scale(), sourceTime, Quality.GOOD, m.unit()));
    }

    private static Optional<Instant> timestamp(JsonNode n) {
        if (n.isIntegralNumber()) {
            return Optional.of(Instant.ofEpochMilli(n.longValue()));
        }
        if (n.isTextual()) {
            try {
                return Optional.of(Instant.parse(n.textValue()));
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
                c.mapping.expectedPeriod().ifPresent(p -> periods.putIfAbsent(id.get(), p));
                out.add(new Target(c, id.get()));
            }
        }
        return List.copyOf(out);
    }

    private record Compiled(JsonMapping mapping, JsonPointer value, JsonPointer timestamp) {
    }

    private record Target(Compiled mapping, PointId point) {
    }
}
