package org.plurigrid.console.devnet.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.plurigrid.console.client.chain.proto.tendermint.abci.Event;
import org.plurigrid.console.client.chain.proto.tendermint.abci.EventAttribute;

/**
 * A demand-response program contract, run natively by the devnet behind the real {@code cosmwasm.wasm.v1} Msg and
 * Query services, with the JSON messages documented in docs/demand-response.md. The operator dispatches, cancels,
 * reports delivery and settles; settlement pays the participants' owner accounts from the contract's own balance (the
 * program's pool) in proportion to delivered energy. State changes only when {@code apply} is true, so Simulate and
 * CheckTx run the same checks without effects.
 */
final class DrProgramContract {

    /** Moves and reads balances in the chain's bank; the contract's pool is its own account. */
    interface Bank {
        BigInteger balance(String address, String denom);

        void transfer(String from, String to, String denom, BigInteger amount);
    }

    /** The program as instantiated at genesis. */
    record Program(String programId, String programName, Set<String> operators, String denom, BigInteger rewardPerKwh,
                   BigDecimal maxKw, Duration maxDuration, List<String> targets, Map<String, String> participants) {
        Program {
            Objects.requireNonNull(programId, "programId");
            operators = Set.copyOf(operators);
            targets = List.copyOf(targets);
            participants = Map.copyOf(participants);
        }
    }

    static final Set<String> PAYLOAD_TYPES = Set.of("IMPORT_CAPACITY_LIMIT", "EXPORT_CAPACITY_LIMIT", "DISPATCH_SETPOINT",
            "DISPATCH_SETPOINT_RELATIVE", "CHARGE_STATE_SETPOINT", "SIMPLE");
    static final int MAX_EVENTS_PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String address;
    private final Program program;
    private final Bank bank;
    private final Map<String, EventState> events = new LinkedHashMap<>();

    private static final class EventState {
        String eventId;
        String target;
        String payloadType;
        BigDecimal value;
        String units;
        Instant start;
        Duration duration;
        long randomizeStartSeconds;
        Integer priority;
        String dispatcher;
        long height;
        Instant dispatchedAt;
        Instant cancelledAt;
        List<String> overlaps = List.of();
        /** resource → [site, delivered Wh] */
        Map<String, Object[]> deliveries = new TreeMap<>();
        String baselineKw;
        String measuredKw;
        Map<String, BigInteger> payouts;
        Instant settledAt;

        Instant end() {
            return start.plus(duration);
        }
    }

    DrProgramContract(String address, Program program, Bank bank) {
        this.address = address;
        this.program = program;
        this.bank = bank;
    }

    String address() {
        return address;
    }

    Program program() {
        return program;
    }

    // ---- execute -------------------------------------------------------------------------------------------------

    /** Runs one execute message; throws a wasm-codespace failure with the contract's error, as wasmd reports it. */
    List<Event> execute(String sender, byte[] msgJson, Instant blockTime, long height, boolean apply) throws TxFailure {
        JsonNode msg = parse(msgJson);
        if (msg.size() != 1) {
            throw error("expected exactly one of dispatch_event, cancel_event, report_delivery, settle_event");
        }
        String name = msg.fieldNames().next();
        JsonNode body = msg.get(name);
        if (!program.operators().contains(sender)) {
            throw error("Unauthorized: " + sender + " is not an operator of program " + program.programId()
                    + " and may not " + name.replace('_', ' '));
        }
        return switch (name) {
            case "dispatch_event" -> dispatch(sender, body, blockTime, height, apply);
            case "cancel_event" -> cancel(body, blockTime, apply);
            case "report_delivery" -> report(body, apply);
            case "settle_event" -> settle(body, blockTime, apply);
            default -> throw error("unknown variant `" + name + "`, expected one of `dispatch_event`, `cancel_event`, "
                    + "`report_delivery`, `settle_event`");
        };
    }

    private List<Event> dispatch(String sender, JsonNode b, Instant blockTime, long height, boolean apply) throws TxFailure {
        EventState e = new EventState();
        e.eventId = text(b, "event_id");
        if (!e.eventId.matches("[a-zA-Z0-9_-]{1,128}")) {
            throw error("event_id must be 1 to 128 letters, digits, '_' or '-'");
        }
        if (events.containsKey(e.eventId)) {
            throw error("event " + e.eventId + " already exists");
        }
        e.target = text(b, "target");
        if (!program.targets().isEmpty() && !program.targets().contains(e.target)) {
            throw error("target " + e.target + " is not in program " + program.programId() + " (targets: " + program.targets() + ")");
        }
        e.payloadType = text(b, "payload_type");
        if (!PAYLOAD_TYPES.contains(e.payloadType)) {
            throw error("unknown payload_type " + e.payloadType);
        }
        e.value = decimal(b, "value");
        e.units = b.path("units").asText("KW");
        if (("KW".equals(e.units) || "W".equals(e.units)) && program.maxKw() != null) {
            BigDecimal kw = "W".equals(e.units) ? e.value.movePointLeft(3) : e.value;
            if (kw.abs().compareTo(program.maxKw()) > 0) {
                throw error("value " + e.value + " " + e.units + " exceeds the program limit of " + program.maxKw() + " KW");
            }
        }
        String start = text(b, "start");
        try {
            e.start = Instant.parse(start);
        } catch (DateTimeParseException ex) {
            throw error("start must be an RFC 3339 time in UTC, was " + start);
        }
        long seconds = b.path("duration_s").asLong(0);
        if (seconds <= 0) {
            throw error("duration_s must be a positive number of seconds");
        }
        e.duration = Duration.ofSeconds(seconds);
        if (program.maxDuration() != null && e.duration.compareTo(program.maxDuration()) > 0) {
            throw error("duration " + e.duration + " exceeds the program limit of " + program.maxDuration());
        }
        if (!e.end().isAfter(blockTime)) {
            throw error("event would end at " + e.end() + ", before the block time " + blockTime);
        }
        e.randomizeStartSeconds = b.path("randomize_start_s").asLong(0);
        e.priority = b.hasNonNull("priority") ? b.get("priority").asInt() : null;
        e.dispatcher = sender;
        e.height = height;
        e.dispatchedAt = blockTime;
        e.overlaps = events.values().stream()
                .filter(o -> o.target.equals(e.target) && o.cancelledAt == null && o.settledAt == null
                        && o.start.isBefore(e.end()) && e.start.isBefore(o.end()))
                .map(o -> o.eventId).toList();
        if (apply) {
            events.put(e.eventId, e);
        }
        return List.of(wasmEvent("action", "dispatch_event", "event_id", e.eventId, "target", e.target,
                "overlaps", String.join(",", e.overlaps)));
    }

    private List<Event> cancel(JsonNode b, Instant blockTime, boolean apply) throws TxFailure {
        EventState e = existing(b);
        if (e.cancelledAt != null) {
            throw error("event " + e.eventId + " is already cancelled");
        }
        if (e.settledAt != null) {
            throw error("event " + e.eventId + " is settled");
        }
        if (!blockTime.isBefore(e.end())) {
            throw error("event " + e.eventId + " already ended at " + e.end());
        }
        if (apply) {
            e.cancelledAt = blockTime;
        }
        return List.of(wasmEvent("action", "cancel_event", "event_id", e.eventId));
    }

    private List<Event> report(JsonNode b, boolean apply) throws TxFailure {
        EventState e = existing(b);
        if (e.settledAt != null) {
            throw error("event " + e.eventId + " is settled: deliveries can no longer change");
        }
        JsonNode list = b.get("deliveries");
        if (list == null || !list.isArray()) {
            throw error("missing field `deliveries`");
        }
        Map<String, Object[]> deliveries = new TreeMap<>();
        for (JsonNode d : list) {
            String resource = text(d, "resource");
            String site = d.path("site").asText("");
            if (owner(resource, site) == null) {
                throw error("resource " + resource + (site.isEmpty() ? "" : " at " + site) + " is not a participant of program "
                        + program.programId());
            }
            BigInteger wh = uint(d, "delivered_wh");
            deliveries.put(resource, new Object[] {site, wh});
        }
        if (apply) {
            e.deliveries = deliveries;
            e.baselineKw = b.path("baseline_kw").asText(null);
            e.measuredKw = b.path("measured_kw").asText(null);
        }
        return List.of(wasmEvent("action", "report_delivery", "event_id", e.eventId, "resources", Integer.toString(deliveries.size())));
    }

    private List<Event> settle(JsonNode b, Instant blockTime, boolean apply) throws TxFailure {
        EventState e = existing(b);
        if (e.settledAt != null) {
            throw error("event " + e.eventId + " is already settled");
        }
        if (e.cancelledAt == null && blockTime.isBefore(e.end())) {
            throw error("event " + e.eventId + " runs until " + e.end() + ": settle it after its end or cancel it first");
        }
        if (e.deliveries.isEmpty()) {
            throw error("event " + e.eventId + " has no delivery reported: report_delivery first");
        }
        Map<String, BigInteger> whByOwner = new TreeMap<>();
        BigInteger totalWh = BigInteger.ZERO;
        for (Map.Entry<String, Object[]> d : e.deliveries.entrySet()) {
            BigInteger wh = (BigInteger) d.getValue()[1];
            whByOwner.merge(owner(d.getKey(), (String) d.getValue()[0]), wh, BigInteger::add);
            totalWh = totalWh.add(wh);
        }
        BigInteger pool = bank.balance(address, program.denom());
        BigInteger budget = program.rewardPerKwh().multiply(totalWh).divide(BigInteger.valueOf(1000)).min(pool);
        Map<String, BigInteger> payouts = new TreeMap<>();
        for (Map.Entry<String, BigInteger> o : whByOwner.entrySet()) {
            BigInteger pay = totalWh.signum() == 0 ? BigInteger.ZERO : budget.multiply(o.getValue()).divide(totalWh);
            if (pay.signum() > 0) {
                payouts.put(o.getKey(), pay);
            }
        }
        if (apply) {
            payouts.forEach((owner, pay) -> bank.transfer(address, owner, program.denom(), pay));
            e.payouts = payouts;
            e.settledAt = blockTime;
        }
        BigInteger paid = payouts.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        return List.of(wasmEvent("action", "settle_event", "event_id", e.eventId, "paid", paid + program.denom(),
                "participants", Integer.toString(payouts.size())));
    }

    private String owner(String resource, String site) {
        String o = program.participants().get(resource);
        return o != null ? o : program.participants().get(site);
    }

    private EventState existing(JsonNode b) throws TxFailure {
        String id = text(b, "event_id");
        EventState e = events.get(id);
        if (e == null) {
            throw error("event " + id + " not found");
        }
        return e;
    }

    // ---- query ---------------------------------------------------------------------------------------------------

    /** A smart query; a failure carries the contract's error text. */
    byte[] query(byte[] queryJson, Instant blockTime) throws TxFailure {
        JsonNode q = parse(queryJson);
        if (q.size() != 1) {
            throw error("expected exactly one of program, event, events");
        }
        String name = q.fieldNames().next();
        JsonNode b = q.get(name);
        ObjectNode out = switch (name) {
            case "program" -> programJson();
            case "event" -> eventJson(existing(b), blockTime);
            case "events" -> {
                String after = b.path("start_after").asText(null);
                int limit = Math.min(MAX_EVENTS_PAGE, Math.max(1, b.path("limit").asInt(30)));
                ObjectNode page = JSON.createObjectNode();
                ArrayNode list = page.putArray("events");
                boolean skipping = after != null;
                for (EventState e : events.values()) {
                    if (skipping) {
                        skipping = !e.eventId.equals(after);
                        continue;
                    }
                    if (list.size() == limit) {
                        break;
                    }
                    list.add(eventJson(e, blockTime));
                }
                yield page;
            }
            default -> throw error("unknown variant `" + name + "`, expected one of `program`, `event`, `events`");
        };
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode programJson() {
        ObjectNode p = JSON.createObjectNode();
        p.put("program_id", program.programId());
        p.put("program_name", program.programName());
        ArrayNode ops = p.putArray("operators");
        new java.util.TreeSet<>(program.operators()).forEach(ops::add);
        p.put("denom", program.denom());
        p.put("pool", bank.balance(address, program.denom()).toString());
        p.put("reward_per_kwh", program.rewardPerKwh().toString());
        if (program.maxKw() != null) {
            p.put("max_kw", program.maxKw().toPlainString());
        }
        if (program.maxDuration() != null) {
            p.put("max_duration_s", program.maxDuration().toSeconds());
        }
        ArrayNode t = p.putArray("targets");
        program.targets().forEach(t::add);
        ArrayNode parts = p.putArray("participants");
        new TreeMap<>(program.participants()).forEach((resource, owner) -> parts.addObject().put("resource", resource).put("owner", owner));
        return p;
    }

    private ObjectNode eventJson(EventState e, Instant now) {
        ObjectNode n = JSON.createObjectNode();
        n.put("event_id", e.eventId);
        n.put("program_id", program.programId());
        n.put("target", e.target);
        n.put("payload_type", e.payloadType);
        n.put("value", e.value.toPlainString());
        n.put("units", e.units);
        n.put("start", e.start.toString());
        n.put("duration_s", e.duration.toSeconds());
        n.put("randomize_start_s", e.randomizeStartSeconds);
        if (e.priority != null) {
            n.put("priority", e.priority);
        }
        n.put("state", state(e, now));
        n.put("dispatcher", e.dispatcher);
        n.put("height", e.height);
        n.put("dispatched_at", e.dispatchedAt.toString());
        if (e.cancelledAt != null) {
            n.put("cancelled_at", e.cancelledAt.toString());
        }
        ArrayNode overlaps = n.putArray("overlaps");
        e.overlaps.forEach(overlaps::add);
        ArrayNode del = n.putArray("deliveries");
        e.deliveries.forEach((resource, v) -> del.addObject().put("resource", resource).put("site", (String) v[0])
                .put("delivered_wh", v[1].toString()));
        if (e.baselineKw != null) {
            n.put("baseline_kw", e.baselineKw);
        }
        if (e.measuredKw != null) {
            n.put("measured_kw", e.measuredKw);
        }
        if (e.payouts != null) {
            ArrayNode pay = n.putArray("payouts");
            e.payouts.forEach((owner, amount) -> pay.addObject().put("owner", owner).put("amount", amount.toString()));
            n.put("settled_at", e.settledAt.toString());
        }
        return n;
    }

    private static String state(EventState e, Instant now) {
        if (e.settledAt != null) {
            return "settled";
        }
        if (e.cancelledAt != null) {
            return "cancelled";
        }
        if (now.isBefore(e.start)) {
            return "scheduled";
        }
        return now.isBefore(e.end()) ? "active" : "completed";
    }

    // ---- JSON helpers --------------------------------------------------------------------------------------------

    private static JsonNode parse(byte[] json) throws TxFailure {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw error("Error parsing into type: expected a JSON object");
            }
            return n;
        } catch (JsonProcessingException ex) {
            throw error("Error parsing into type: " + ex.getOriginalMessage());
        } catch (java.io.IOException ex) {
            throw error("Error parsing into type: " + ex.getMessage());
        }
    }

    private static String text(JsonNode b, String field) throws TxFailure {
        JsonNode v = b == null ? null : b.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw error("missing field `" + field + "`");
        }
        return v.asText();
    }

    private static BigDecimal decimal(JsonNode b, String field) throws TxFailure {
        JsonNode v = b.get(field);
        if (v == null || !(v.isTextual() || v.isNumber())) {
            throw error("missing field `" + field + "`");
        }
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException ex) {
            throw error("invalid decimal `" + field + "`: " + v.asText());
        }
    }

    private static BigInteger uint(JsonNode b, String field) throws TxFailure {
        JsonNode v = b.get(field);
        if (v == null || !v.isTextual()) {
            throw error("missing field `" + field + "` (a Uint128 as a string)");
        }
        try {
            BigInteger n = new BigInteger(v.asText());
            if (n.signum() < 0) {
                throw error("`" + field + "` cannot be negative");
            }
            return n;
        } catch (NumberFormatException ex) {
            throw error("invalid Uint128 `" + field + "`: " + v.asText());
        }
    }

    /** wasmd's ErrExecuteFailed (codespace wasm, code 5) with the contract's own error text. */
    static TxFailure error(String message) {
        return new TxFailure("wasm", TxFailure.WASM_EXECUTE_FAILED, message + ": execute wasm contract failed");
    }

    private Event wasmEvent(String... kv) {
        Event.Builder b = Event.newBuilder().setType("wasm")
                .addAttributes(EventAttribute.newBuilder().setKey("_contract_address").setValue(address).setIndex(true));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            b.addAttributes(EventAttribute.newBuilder().setKey(kv[i]).setValue(kv[i + 1]).setIndex(true));
        }
        return b.build();
    }
}
