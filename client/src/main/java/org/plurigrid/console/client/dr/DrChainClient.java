package org.plurigrid.console.client.dr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.client.chain.TxStep;

/**
 * The DR program contract over CosmWasm: builds its execute messages ({@code dispatch_event}, {@code cancel_event},
 * {@code report_delivery}, {@code settle_event}, JSON in {@code MsgExecuteContract.msg}) and reads it with smart queries
 * ({@code program}, {@code event}, {@code events}). Signing and sending go through {@link ChainClient} like votes.
 */
public final class DrChainClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 30;

    private final ChainClient chain;
    private final String contract;

    public DrChainClient(ChainClient chain, String contract) {
        this.chain = chain;
        this.contract = contract;
    }

    public ChainClient chain() {
        return chain;
    }

    public String contract() {
        return contract;
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    /** {@code {"dispatch_event":{...}}}: the event id, target, payload and period, start resolved against {@code now}. */
    public static byte[] dispatchJson(String eventId, DispatchRequest r, Instant now) {
        ObjectNode b = JSON.createObjectNode();
        b.put("event_id", eventId);
        b.put("target", r.target());
        b.put("payload_type", r.payloadType().name());
        b.put("value", BigDecimal.valueOf(r.value()).stripTrailingZeros().toPlainString());
        b.put("units", r.units());
        b.put("start", r.startAt(now).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        b.put("duration_s", r.duration().toSeconds());
        r.randomizeStart().ifPresent(d -> b.put("randomize_start_s", d.toSeconds()));
        r.priority().ifPresent(p -> b.put("priority", p));
        return wrap("dispatch_event", b);
    }

    public static byte[] cancelJson(String eventId) {
        return wrap("cancel_event", JSON.createObjectNode().put("event_id", eventId));
    }

    /** {@code {"report_delivery":{...}}} with each resource's delivered energy, Wh (negative deliveries count as 0). */
    public static byte[] reportJson(String eventId, List<ChainEvent.Delivery> deliveries, double baselineKw, double measuredKw) {
        ObjectNode b = JSON.createObjectNode().put("event_id", eventId);
        ArrayNode list = b.putArray("deliveries");
        for (ChainEvent.Delivery d : deliveries) {
            list.addObject().put("resource", d.resource()).put("site", d.site())
                    .put("delivered_wh", d.deliveredWh().max(BigInteger.ZERO).toString());
        }
        b.put("baseline_kw", round(baselineKw));
        b.put("measured_kw", round(measuredKw));
        return wrap("report_delivery", b);
    }

    public static byte[] settleJson(String eventId) {
        return wrap("settle_event", JSON.createObjectNode().put("event_id", eventId));
    }

    /** The execute message packed for a transaction from {@code sender}. */
    public Any execute(String sender, byte[] msgJson) {
        return ChainClient.executeContractMessage(sender, contract, msgJson, List.of());
    }

    private static byte[] wrap(String name, ObjectNode body) {
        ObjectNode msg = JSON.createObjectNode();
        msg.set(name, body);
        return msg.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String round(double kw) {
        return BigDecimal.valueOf(kw).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    public ProgramInfo program() {
        JsonNode p = query("{\"program\":{}}");
        List<String> operators = new ArrayList<>();
        p.path("operators").forEach(o -> operators.add(o.asText()));
        List<String> targets = new ArrayList<>();
        p.path("targets").forEach(t -> targets.add(t.asText()));
        Map<String, String> participants = new LinkedHashMap<>();
        p.path("participants").forEach(x -> participants.put(x.path("resource").asText(), x.path("owner").asText()));
        return new ProgramInfo(contract, p.path("program_id").asText(), p.path("program_name").asText(), operators,
                p.path("denom").asText(), new BigInteger(p.path("pool").asText("0")), new BigInteger(p.path("reward_per_kwh").asText("0")),
                p.hasNonNull("max_kw") ? Optional.of(p.get("max_kw").asDouble()) : Optional.empty(),
                p.hasNonNull("max_duration_s") ? Optional.of(Duration.ofSeconds(p.get("max_duration_s").asLong())) : Optional.empty(),
                targets, participants);
    }

    /** The event, or empty when the contract does not know it. */
    public Optional<ChainEvent> event(String eventId) {
        ObjectNode q = JSON.createObjectNode();
        q.putObject("event").put("event_id", eventId);
        try {
            return Optional.of(parseEvent(query(q.toString())));
        } catch (ChainException e) {
            if (e.getMessage() != null && e.getMessage().contains("not found")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every event of the program, oldest first (pages through {@code events}). */
    public List<ChainEvent> events() {
        List<ChainEvent> all = new ArrayList<>();
        String after = null;
        while (true) {
            ObjectNode q = JSON.createObjectNode();
            ObjectNode b = q.putObject("events").put("limit", PAGE);
            if (after != null) {
                b.put("start_after", after);
            }
            JsonNode page = query(q.toString()).path("events");
            for (JsonNode e : page) {
                all.add(parseEvent(e));
            }
            if (page.size() < PAGE) {
                return all;
            }
            after = all.get(all.size() - 1).eventId();
        }
    }

    private JsonNode query(String json) {
        byte[] data = chain.smartQuery(contract, json.getBytes(StandardCharsets.UTF_8));
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new ChainException(TxStep.CONNECT, "Contract " + contract + " answered with something that is not JSON", e);
        }
    }

    static ChainEvent parseEvent(JsonNode n) {
        List<String> overlaps = new ArrayList<>();
        n.path("overlaps").forEach(o -> overlaps.add(o.asText()));
        List<ChainEvent.Delivery> deliveries = new ArrayList<>();
        n.path("deliveries").forEach(d -> deliveries.add(new ChainEvent.Delivery(d.path("resource").asText(), d.path("site").asText(),
                new BigInteger(d.path("delivered_wh").asText("0")))));
        List<ChainEvent.Payout> payouts = new ArrayList<>();
        n.path("payouts").forEach(p -> payouts.add(new ChainEvent.Payout(p.path("owner").asText(), new BigInteger(p.path("amount").asText("0")))));
        return new ChainEvent(n.path("event_id").asText(), n.path("program_id").asText(), n.path("target").asText(),
                PayloadType.parse(n.path("payload_type").asText()), n.path("value").asDouble(), n.path("units").asText(),
                Instant.parse(n.path("start").asText()), Duration.ofSeconds(n.path("duration_s").asLong()),
                Duration.ofSeconds(n.path("randomize_start_s").asLong(0)),
                n.hasNonNull("priority") ? Optional.of(n.get("priority").asInt()) : Optional.empty(),
                ChainEvent.State.valueOf(n.path("state").asText().toUpperCase(Locale.ROOT)), n.path("dispatcher").asText(),
                n.path("height").asLong(), Instant.parse(n.path("dispatched_at").asText()),
                n.hasNonNull("cancelled_at") ? Optional.of(Instant.parse(n.get("cancelled_at").asText())) : Optional.empty(),
                overlaps, deliveries,
                n.hasNonNull("baseline_kw") ? Optional.of(n.get("baseline_kw").asDouble()) : Optional.empty(),
                n.hasNonNull("measured_kw") ? Optional.of(n.get("measured_kw").asDouble()) : Optional.empty(), payouts);
    }
}
