package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.plurigrid.console.testsupport.mqtt.MosquittoBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Session features against a real Mosquitto: shared subscriptions split the stream between consoles, a persistent
 * session gets what was published while the console was away, and the Sparkplug host STATE birth/Will.
 */
class SessionFeaturesMosquittoTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static MosquittoBroker broker;
    private ScheduledExecutorService scheduler;

    @BeforeAll
    static void startBroker() throws Exception {
        MosquittoBroker.assumeInstalled();
        broker = MosquittoBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void scheduler() {
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private TelemetryClient counting(BrokerConfig config, AtomicInteger count) {
        return new TelemetryClient(config, scheduler, commands -> (topic, payload) -> count.incrementAndGet());
    }

    private static BrokerConfig.Builder config(String name, MqttVersion version) {
        return BrokerConfig.builder(name, broker.uri()).version(version)
                .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    private static MqttClient publisher(String id) throws Exception {
        MqttClient c = new MqttClient(broker.uri(), id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(1_000);
        c.connect(o);
        return c;
    }

    private static void awaitConnected(TelemetryClient... clients) {
        Await.until(TIMEOUT, "CONNECTED", () -> List.of(clients).stream()
                .allMatch(c -> c.status().state() == ConnectionState.CONNECTED),
                () -> List.of(clients).stream().map(TelemetryClient::status).toList());
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void sharedSubscriptionSplitsTheStreamBetweenConsoles(MqttVersion version) throws Exception {
        String filter = "$share/consoles/split-" + version + "/#";
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        try (TelemetryClient first = counting(config("a", version).topicFilters(filter).build(), a);
             TelemetryClient second = counting(config("b", version).topicFilters(filter).build(), b)) {
            first.start();
            second.start();
            awaitConnected(first, second);
            MqttClient pub = publisher("split-pub-" + version);
            for (int i = 0; i < 200; i++) {
                pub.publish("split-" + version + "/node/" + i, new byte[] {1}, 1, false);
            }
            pub.disconnect();
            pub.close();
            Await.until(TIMEOUT, "all 200 delivered once over the group", () -> a.get() + b.get() == 200,
                    () -> a + " + " + b);
            assertThat(a.get()).as("each console gets a share").isPositive();
            assertThat(b.get()).as("each console gets a share").isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void persistentSessionDeliversWhatWasPublishedWhileAway(MqttVersion version) throws Exception {
        BrokerConfig config = config("persistent", version).clientId("persist-" + version.ordinal())
                .persistentSession(Duration.ofMinutes(5)).topicFilters("away-" + version + "/#").build();
        AtomicInteger before = new AtomicInteger();
        try (TelemetryClient client = counting(config, before)) {
            client.start();
            awaitConnected(client);
        }
        MqttClient pub = publisher("away-pub-" + version);
        for (int i = 0; i < 5; i++) {
            pub.publish("away-" + version + "/m", new byte[] {(byte) i}, 1, false);
        }
        pub.disconnect();
        pub.close();
        AtomicInteger after = new AtomicInteger();
        try (TelemetryClient again = counting(config, after)) {
            again.start();
            Await.until(TIMEOUT, "the 5 queued messages", () -> after.get() == 5, after::get);
        }
        assertThat(before.get()).isZero();
    }

    @Test
    void announcesItselfAsSparkplugHostWithARetainedStateAndWill() throws Exception {
        Map<String, List<JsonNode>> states = new ConcurrentHashMap<>();
        MqttClient observer = new MqttClient(broker.uri(), "state-observer", new MemoryPersistence());
        observer.connect();
        observer.subscribe("spBv1.0/STATE/#", 1, (topic, m) -> states.computeIfAbsent(topic,
                k -> new CopyOnWriteArrayList<>()).add(JSON.readTree(new String(m.getPayload(),
                StandardCharsets.UTF_8))));
        String topic = "spBv1.0/STATE/console-a";
        try (TcpProxy network = new TcpProxy(Integer.parseInt(broker.uri().replaceAll(".*:", "")))) {
            BrokerConfig config = BrokerConfig.builder("host", network.uri()).hostId("console-a")
                    .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
            try (TelemetryService service = new TelemetryService(List.of(config), InstantSource.system())) {
                service.start();
                Await.until(TIMEOUT, "online STATE", () -> states.getOrDefault(topic, List.of()).size() == 1,
                        () -> states);
                JsonNode online = states.get(topic).get(0);
                assertThat(online.get("online").asBoolean()).isTrue();
                long birthTime = online.get("timestamp").asLong();

                network.cutAll(); // no DISCONNECT: the broker publishes our Will
                Await.until(TIMEOUT, "offline Will", () -> states.get(topic).size() >= 2, () -> states);
                JsonNode will = states.get(topic).get(1);
                assertThat(will.get("online").asBoolean()).isFalse();
                assertThat(will.get("timestamp").asLong()).as("Will carries the birth's timestamp")
                        .isEqualTo(birthTime);

                Await.until(TIMEOUT, "online again after reconnecting", () -> states.get(topic).size() >= 3
                        && states.get(topic).get(2).get("online").asBoolean(), () -> states);
                assertThat(states.get(topic).get(2).get("timestamp").asLong()).isGreaterThanOrEqualTo(birthTime);
            }
        }
        Await.until(TIMEOUT, "offline on a clean close", () -> states.get(topic).size() >= 4, () -> states);
        assertThat(states.get(topic).get(3).get("online").asBoolean()).isFalse();
        observer.disconnect();
        observer.close();

        MqttClient late = new MqttClient(broker.uri(), "state-late", new MemoryPersistence());
        late.connect();
        List<JsonNode> retained = new CopyOnWriteArrayList<>();
        late.subscribe(topic, 1, (t, m) -> retained.add(JSON.readTree(m.getPayload())));
        Await.until(TIMEOUT, "retained STATE for a late subscriber", () -> !retained.isEmpty());
        assertThat(retained.get(0).get("online").asBoolean()).isFalse();
        late.disconnect();
        late.close();
    }

    @Test
    void mapsPlainJsonTopicsBesideSparkplugThroughARealBroker() throws Exception {
        JsonMapping mapping = JsonMapping.builder("coop-json/{node}/{device}", "/kw", "ActivePower").group("cg-coop")
                .unit("kW").build();
        BrokerConfig config = config("json", MqttVersion.V5)
                .topicFilters("spBv1.0/#", mapping.subscriptionFilter()).build();
        PointId pv = new PointId("cg-coop", "sub-9", "pv-0009", "ActivePower");
        try (TelemetryService service = new TelemetryService(List.of(config), InstantSource.system(), null,
                new TelemetrySettings(Duration.ofSeconds(15), List.of()), List.of(new JsonMappingDecoder(List.of(mapping))),
                (d, why) -> { })) {
            service.start();
            awaitConnected(service.clients().get(0));
            MqttClient pub = publisher("json-pub");
            pub.publish("coop-json/sub-9/pv-0009", "{\"kw\": 4.25}".getBytes(StandardCharsets.UTF_8), 1, false);
            pub.publish("coop-json/sub-9/pv-0009", "garbage".getBytes(StandardCharsets.UTF_8), 1, false);
            pub.disconnect();
            pub.close();
            Await.until(TIMEOUT, "mapped value and one bad message", () -> service.store().latest(pv)
                    .map(m -> m.value() == 4.25).orElse(false)
                    && service.stats().decodeErrors().getOrDefault(JsonMappingDecoder.NOT_JSON, 0L) == 1,
                    service::stats);
        }
    }
}
