package org.plurigrid.console.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.plurigrid.console.client.telemetry.DecodeErrors;
import org.plurigrid.console.client.telemetry.ExternalDecoders;
import org.plurigrid.console.client.telemetry.JsonMapping;
import org.plurigrid.console.client.telemetry.JsonMappingDecoder;
import org.plurigrid.console.client.telemetry.PointStore;
import org.plurigrid.console.client.telemetry.TopicDecoder;

/**
 * Plain-JSON decoding, figures only: messages of two mappings each (power with a scale and a timestamp, state of
 * charge) over 1,000 devices. Reference: {@link JsonMappingDecoder#decode} called in a loop on this thread (the parse
 * alone). Measured: the same messages offered to the decoder's lane in {@link ExternalDecoders}, as the console runs
 * it since it became the bundled plugin's decoder (queue, lane thread, point store writes), until all are written.
 * Reports both rates and lane ÷ reference, alternating the two three times. Options: {@code --messages N} (default
 * 1,000,000), {@code --out FILE}.
 */
public final class JsonDecodeBench {

    public static void main(String[] args) throws Exception {
        int messages = 1_000_000;
        Path out = BenchOutput.defaultFile("json-decode-bench.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<JsonMapping> mappings = List.of(
                JsonMapping.builder("coop/{node}/{device}/state", "/power/w", "ActivePower").group("cg-coop").unit("kW")
                        .scale(0.001).timestampPointer("/ts").build(),
                JsonMapping.builder("coop/{node}/{device}/state", "/soc", "StateOfCharge").group("cg-coop").unit("%")
                        .build());
        String[] topics = new String[1_000];
        for (int d = 0; d < topics.length; d++) {
            topics[d] = "coop/feeder-" + (d / 50) + "/bat-" + d + "/state";
        }
        byte[][] payloads = new byte[100][];
        for (int p = 0; p < payloads.length; p++) {
            payloads[p] = ("{\"power\":{\"w\":" + (1000 + p * 13) + "},\"soc\":" + (20 + p % 70) + ",\"ts\":"
                    + (1_767_268_800_000L + p) + "}").getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("when", Instant.now().toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("messages", messages);
        root.put("mappingsPerMessage", mappings.size());
        var rounds = root.putArray("rounds");
        for (int round = 0; round < 4; round++) {
            double direct = direct(mappings, topics, payloads, messages);
            double lane = lane(mappings, topics, payloads, messages);
            if (round == 0) {
                continue; // warm-up
            }
            ObjectNode r = rounds.addObject();
            r.put("directMessagesPerSecond", Math.round(direct));
            r.put("laneMessagesPerSecond", Math.round(lane));
            r.put("laneOverDirect", Math.round(lane / direct * 1000) / 1000.0);
        }
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.println(json);
    }

    private static double direct(List<JsonMapping> mappings, String[] topics, byte[][] payloads, int messages) {
        JsonMappingDecoder decoder = new JsonMappingDecoder(mappings);
        Instant received = Instant.now();
        long points = 0;
        long t = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            if (decoder.decode(topics[i % topics.length], payloads[i % payloads.length], received)
                    instanceof TopicDecoder.Decoded.Points p) {
                points += p.points().size();
            }
        }
        double rate = messages / ((System.nanoTime() - t) / 1e9);
        if (points != 2L * messages) {
            throw new IllegalStateException("decoded " + points + " points of " + messages + " messages");
        }
        return rate;
    }

    private static double lane(List<JsonMapping> mappings, String[] topics, byte[][] payloads, int messages)
            throws InterruptedException {
        PointStore store = new PointStore();
        DecodeErrors errors = new DecodeErrors(InstantSource.system());
        JsonMappingDecoder decoder = new JsonMappingDecoder(mappings);
        try (ExternalDecoders lanes = new ExternalDecoders(List.of(decoder), store, errors, InstantSource.system(),
                Duration.ofSeconds(1), (d, why) -> { throw new IllegalStateException(why); })) {
            ExternalDecoders.Port port = lanes.port("bench");
            long t = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                // As a broker's decode thread does; a full queue would drop (counted), so wait for room instead.
                while (lanes.decoded(decoder.name()) + errors.total() < i - ExternalDecoders.QUEUE_CAPACITY / 2) {
                    Thread.onSpinWait();
                }
                port.offer(topics[i % topics.length], payloads[i % payloads.length]);
            }
            while (lanes.decoded(decoder.name()) + errors.total() < messages) {
                Thread.sleep(1);
            }
            double rate = messages / ((System.nanoTime() - t) / 1e9);
            if (errors.total() != 0 || store.size() != 2 * topics.length) {
                throw new IllegalStateException("errors " + errors.snapshot() + ", points " + store.size());
            }
            return rate;
        }
    }
}
