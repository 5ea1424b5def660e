package org.plurigrid.console.client.dr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 JSON for programs, events and reports, field by field as the specification's OpenAPI schemas name them
 * ({@code objectType}, {@code programID}, {@code intervalPeriod}, {@code payloadDescriptors}, …). Reading checks what the
 * console relies on and says which field is wrong.
 */
public final class OpenAdrJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenAdrJson() {
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    public static String write(DrEvent e) {
        return text(eventNode(e));
    }

    public static String write(DrProgram p) {
        return text(programNode(p));
    }

    public static String write(DrReport r) {
        return text(reportNode(r));
    }

    public static ObjectNode eventNode(DrEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", e.id());
        n.put("createdDateTime", e.createdDateTime().toString());
        n.put("modificationDateTime", e.modificationDateTime().toString());
        n.put("objectType", "EVENT");
        n.put("programID", e.programId());
        e.eventName().ifPresent(v -> n.put("eventName", v));
        e.priority().ifPresent(v -> n.put("priority", v));
        ArrayNode targets = n.putArray("targets");
        e.targets().forEach(targets::add);
        ArrayNode descriptors = n.putArray("payloadDescriptors");
        for (PayloadDescriptor d : e.payloadDescriptors()) {
            ObjectNode dn = descriptors.addObject();
            dn.put("objectType", "EVENT_PAYLOAD_DESCRIPTOR");
            dn.put("payloadType", d.payloadType().name());
            if (d.units() != null) {
                dn.put("units", d.units());
            }
        }
        e.intervalPeriod().ifPresent(p -> n.set("intervalPeriod", periodNode(p)));
        n.set("intervals", intervalsNode(e.intervals()));
        return n;
    }

    public static ObjectNode programNode(DrProgram p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", p.id());
        n.put("createdDateTime", p.createdDateTime().toString());
        n.put("modificationDateTime", p.modificationDateTime().toString());
        n.put("objectType", "PROGRAM");
        n.put("programName", p.programName());
        p.intervalPeriod().ifPresent(ip -> n.set("intervalPeriod", periodNode(ip)));
        ArrayNode descriptors = n.putArray("payloadDescriptors");
        for (PayloadDescriptor d : p.payloadDescriptors()) {
            ObjectNode dn = descriptors.addObject();
            dn.put("objectType", "EVENT_PAYLOAD_DESCRIPTOR");
            dn.put("payloadType", d.payloadType().name());
            if (d.units() != null) {
                dn.put("units", d.units());
            }
        }
        ArrayNode targets = n.putArray("targets");
        p.targets().forEach(targets::add);
        return n;
    }

    public static ObjectNode reportNode(DrReport r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.id());
        n.put("createdDateTime", r.createdDateTime().toString());
        n.put("modificationDateTime", r.modificationDateTime().toString());
        n.put("objectType", "REPORT");
        n.put("eventID", r.eventId());
        n.put("clientID", r.clientId());
        n.put("clientName", r.clientName());
        r.reportName().ifPresent(v -> n.put("reportName", v));
        ArrayNode descriptors = n.putArray("payloadDescriptors");
        for (DrReport.Descriptor d : r.payloadDescriptors()) {
            ObjectNode dn = descriptors.addObject();
            dn.put("objectType", "REPORT_PAYLOAD_DESCRIPTOR");
            dn.put("payloadType", d.payloadType().name());
            if (d.readingType() != null) {
                dn.put("readingType", d.readingType());
            }
            if (d.units() != null) {
                dn.put("units", d.units());
            }
        }
        ArrayNode resources = n.putArray("resources");
        for (DrReport.Resource res : r.resources()) {
            ObjectNode rn = resources.addObject();
            rn.put("resourceName", res.resourceName());
            res.intervalPeriod().ifPresent(p -> rn.set("intervalPeriod", periodNode(p)));
            rn.set("intervals", intervalsNode(res.intervals()));
        }
        return n;
    }

    private static ObjectNode periodNode(IntervalPeriod p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("start", p.start().toString());
        n.put("duration", p.duration().toString());
        p.randomizeStart().ifPresent(r -> n.put("randomizeStart", r.toString()));
        return n;
    }

    private static ArrayNode intervalsNode(List<DrInterval> intervals) {
        ArrayNode a = JSON.createArrayNode();
        for (DrInterval i : intervals) {
            ObjectNode in = a.addObject();
            in.put("id", i.id());
            i.intervalPeriod().ifPresent(p -> in.set("intervalPeriod", periodNode(p)));
            ArrayNode payloads = in.putArray("payloads");
            for (ValuesMap v : i.payloads()) {
                ObjectNode vn = payloads.addObject();
                vn.put("type", v.type());
                ArrayNode values = vn.putArray("values");
                v.values().forEach(values::add);
            }
        }
        return a;
    }

    private static String text(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Reads an OpenADR 3.1 event. */
    public static DrEvent readEvent(String json) {
        JsonNode n = tree(json);
        requireObjectType(n, "EVENT");
        try {
            List<PayloadDescriptor> descriptors = new ArrayList<>();
            for (JsonNode d : array(n, "payloadDescriptors")) {
                descriptors.add(new PayloadDescriptor(payloadType(d), optText(d, "units").orElse(null)));
            }
            return new DrEvent(text(n, "id"), text(n, "programID"), optText(n, "eventName"),
                    instant(n, "createdDateTime"), instant(n, "modificationDateTime"),
                    n.hasNonNull("priority") ? Optional.of(n.get("priority").asInt()) : Optional.empty(),
                    strings(n, "targets"), descriptors, optPeriod(n, "intervalPeriod"), intervals(n, "intervals"));
        } catch (IllegalArgumentException e) {
            throw e instanceof OpenAdrFormatException f ? f : new OpenAdrFormatException("Not a valid OpenADR 3.1 event: " + e.getMessage(), e);
        }
    }

    /** Reads an OpenADR 3.1 program. */
    public static DrProgram readProgram(String json) {
        JsonNode n = tree(json);
        requireObjectType(n, "PROGRAM");
        try {
            List<PayloadDescriptor> descriptors = new ArrayList<>();
            for (JsonNode d : array(n, "payloadDescriptors")) {
                if ("EVENT_PAYLOAD_DESCRIPTOR".equals(d.path("objectType").asText())) {
                    descriptors.add(new PayloadDescriptor(payloadType(d), optText(d, "units").orElse(null)));
                }
            }
            return new DrProgram(text(n, "id"), text(n, "programName"), instant(n, "createdDateTime"),
                    instant(n, "modificationDateTime"), optPeriod(n, "intervalPeriod"), descriptors, strings(n, "targets"));
        } catch (IllegalArgumentException e) {
            throw e instanceof OpenAdrFormatException f ? f : new OpenAdrFormatException("Not a valid OpenADR 3.1 program: " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new OpenAdrFormatException("OpenADR JSON must be one object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new OpenAdrFormatException("Not JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
        }
    }

    private static void requireObjectType(JsonNode n, String type) {
        String actual = n.path("objectType").asText("");
        if (!type.equals(actual)) {
            throw new OpenAdrFormatException("Expected an OpenADR object with \"objectType\": \"" + type + "\", found \""
                    + actual + "\"");
        }
    }

    private static PayloadType payloadType(JsonNode d) {
        String t = text(d, "payloadType");
        try {
            return PayloadType.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new OpenAdrFormatException("payloadType '" + t + "' is not one the console dispatches: "
                    + java.util.Arrays.toString(PayloadType.values()), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new OpenAdrFormatException("Field \"" + field + "\" must be a string");
        }
        return v.asText();
    }

    private static Optional<String> optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new OpenAdrFormatException("Field \"" + field + "\" must be an array");
        }
        return v;
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(n, field)) {
            if (!v.isTextual()) {
                throw new OpenAdrFormatException("Field \"" + field + "\" must hold strings (OpenADR 3.1 targets are strings)");
            }
            out.add(v.asText());
        }
        return out;
    }

    private static Optional<IntervalPeriod> optPeriod(JsonNode n, String field) {
        JsonNode p = n.get(field);
        if (p == null || p.isNull()) {
            return Optional.empty();
        }
        Instant start = p.hasNonNull("start") ? dateTime(p.get("start").asText(), field + ".start") : IntervalPeriod.NOW;
        Duration duration = p.hasNonNull("duration") ? duration(p.get("duration").asText(), field + ".duration") : Duration.ZERO;
        Optional<Duration> randomize = p.hasNonNull("randomizeStart")
                ? Optional.of(duration(p.get("randomizeStart").asText(), field + ".randomizeStart")) : Optional.empty();
        return Optional.of(new IntervalPeriod(start, duration, randomize));
    }

    private static List<DrInterval> intervals(JsonNode n, String field) {
        List<DrInterval> out = new ArrayList<>();
        for (JsonNode i : array(n, field)) {
            if (!i.has("id") || !i.get("id").canConvertToInt()) {
                throw new OpenAdrFormatException("Every interval needs an integer \"id\"");
            }
            List<ValuesMap> payloads = new ArrayList<>();
            for (JsonNode v : array(i, "payloads")) {
                List<Double> values = new ArrayList<>();
                for (JsonNode x : array(v, "values")) {
                    if (!x.isNumber()) {
                        throw new OpenAdrFormatException("Interval " + i.get("id").asInt() + ": payload "
                                + v.path("type").asText() + " has a non-numeric value " + x + "; the console dispatches numbers only");
                    }
                    values.add(x.asDouble());
                }
                payloads.add(new ValuesMap(text(v, "type"), values));
            }
            out.add(new DrInterval(i.get("id").asInt(), optPeriod(i, "intervalPeriod"), payloads));
        }
        return out;
    }

    private static Instant instant(JsonNode n, String field) {
        return dateTime(text(n, field), field);
    }

    /** RFC 3339 date-time, or a plain date such as the User Guide's "0001-01-01" (UTC). */
    static Instant dateTime(String s, String field) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new OpenAdrFormatException("Field \"" + field + "\" must be an RFC 3339 date-time, was '" + s + "'", e2);
            }
        }
    }

    /**
     * ISO 8601 duration. Years, months and weeks (e.g. the User Guide's "P9999Y" for "forever") are read as 365, 30 and
     * 7 days.
     */
    static Duration duration(String s, String field) {
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            try {
                int t = s.indexOf('T');
                Period p = Period.parse(t < 0 ? s : s.substring(0, t));
                Duration time = t < 0 ? Duration.ZERO : Duration.parse("PT" + s.substring(t + 1));
                return Duration.ofDays(p.getYears() * 365L + p.getMonths() * 30L + p.getDays()).plus(time);
            } catch (DateTimeParseException | ArithmeticException e2) {
                throw new OpenAdrFormatException("Field \"" + field + "\" must be an ISO 8601 duration such as PT2M, was '" + s + "'", e2);
            }
        }
    }
}
