package org.plurigrid.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.protobuf.SparkplugBProto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.testsupport.mqtt.EmbeddedHiveMqBroker;
import org.plurigrid.console.testsupport.mqtt.LoopbackPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code telemetry stats} end to end against an embedded HiveMQ with a Sparkplug edge node publishing. */
class TelemetryCommandTest {

    @TempDir
    static Path dir;
    private static EmbeddedHiveMqBroker broker;
    private static String uri;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedHiveMqBroker.start(dir);
        uri = broker.uri();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new TelemetryCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString().strip(), err.toString());
    }

    @Test
    void printsOneJsonObjectWithWhatArrivedFromTheBroker() throws Exception {
        Path rules = Files.writeString(dir.resolve("alarm-rules.json"), """
                {"version": 1, "rules": [
                  {"id": "pv-high", "match": {"metric": "ActivePower", "deviceType": "pv"}, "kind": "H",
                   "limit": 1.5, "onDelay": "100ms", "offDelay": "100ms", "priority": "HIGH", "message": "PV high"}
                ]}
                """);
        AtomicBoolean stop = new AtomicBoolean();
        Thread edgeNode = Thread.ofPlatform().start(() -> publishUntil(stop));
        Run run;
        try {
            run = run("stats", "--broker", uri, "--seconds", "3", "--mqtt-version", "3.1.1",
                    "--alarm-rules", rules.toString());
        } finally {
            stop.set(true);
            edgeNode.join(5_000);
        }

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).as("exactly one line of JSON").hasSize(1);
        JsonNode j = run.json();
        assertThat(j.get("messages").asLong()).isPositive();
        assertThat(j.get("points").asInt()).as("node power + pv power").isGreaterThanOrEqualTo(2);
        assertThat(j.get("decodeErrors").path("not-protobuf").asLong()).as(run.out()).isPositive();
        assertThat(j.get("stalePoints").asInt()).isZero();
        JsonNode alarms = j.get("alarmsRaisedByPriority");
        assertThat(alarms.fieldNames()).toIterable().containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW");
        assertThat(alarms.get("HIGH").asLong()).as("pv values (2..9 kW) above 1.5 raise the HIGH alarm").isPositive();
        assertThat(alarms.get("CRITICAL").asLong()).isZero();
        assertThat(j.get("reconnects").asInt()).isZero();
        assertThat(j.get("brokers").get(0).get("state").asText()).isEqualTo("CONNECTED");
        assertThat(j.get("liveEdgeNodes").asInt()).isEqualTo(1);
    }

    @Test
    void statsOnlyListensUnlessAskedToRebirth() throws Exception {
        AtomicInteger commands = new AtomicInteger();
        MqttClient watcher = new MqttClient(uri, "ncmd-watcher", new MemoryPersistence());
        watcher.connect();
        watcher.subscribe("spBv1.0/+/NCMD/#", 0, (t, m) -> commands.incrementAndGet());
        AtomicBoolean stop = new AtomicBoolean();
        // A node already running when the command starts: it sends data, never a birth.
        Thread unbornNode = Thread.ofPlatform().start(() -> {
            try {
                MqttClient c = new MqttClient(uri, "unborn-node", new MemoryPersistence());
                c.connect();
                for (int s = 0; !stop.get(); s = (s + 1) & 0xFF) {
                    c.publish("spBv1.0/cg-utrecht/NDATA/running-node", SparkplugBProto.Payload.newBuilder()
                            .setSeq(s).addMetrics(metric("Substation/ActivePower", 1, 10).setDoubleValue(s))
                            .build().toByteArray(), 0, false);
                    Thread.sleep(50);
                }
                c.disconnect();
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Run passive = run("stats", "--broker", uri, "--seconds", "2");
            assertThat(passive.exit()).as(passive.err()).isZero();
            assertThat(passive.json().get("messages").asLong()).isPositive();
            Thread.sleep(300); // a command would have reached the watcher by now
            assertThat(commands.get()).as("commands sent by a passive stats run").isZero();

            Run asking = run("stats", "--broker", uri, "--seconds", "2", "--rebirth");
            assertThat(asking.exit()).as(asking.err()).isZero();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (commands.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(commands.get()).as("rebirth requests with --rebirth").isBetween(1, 2);
        } finally {
            stop.set(true);
            unbornNode.join(5_000);
            watcher.disconnect();
            watcher.close();
        }
    }

    @Test
    void anUnreachableBrokerStillPrintsJsonAndExitsWithOne() throws Exception {
        Run run = run("stats", "--broker", "tcp://127.0.0.1:" + LoopbackPort.free(), "--seconds", "1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().get("messages").asLong()).isZero();
        assertThat(run.json().get("brokers").get(0).get("state").asText()).isNotEqualTo("CONNECTED");
        assertThat(run.err()).contains("could be reached");
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy() {
        Run missing = run("stats", "--broker", "tcp://127.0.0.1:1", "--seconds", "1", "--password-file",
                dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("password file").contains("nope");

        Run version = run("stats", "--broker", "tcp://127.0.0.1:1", "--mqtt-version", "4");
        assertThat(version.exit()).isEqualTo(2);
        assertThat(version.err()).contains("5 or 3.1.1");

        Run badRules = run("stats", "--broker", "tcp://127.0.0.1:1", "--alarm-rules",
                dir.resolve("no-rules.json").toString());
        assertThat(badRules.exit()).isEqualTo(2);
        assertThat(badRules.err()).contains("no-rules.json");

        Run neither = run("stats");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("--broker").contains("--home");
    }

    @Test
    void secretEncryptsAPasswordForTheConfigFile() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path pw = Files.writeString(Files.createFile(dir.resolve("pw.txt"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), "Grid-0perator!\n");

        Run run = run("secret", "--home", home.toString(), "--from-file", pw.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("pgc1:").doesNotContain("Grid");
        assertThat(new String(org.plurigrid.console.client.config.ConsoleSecrets.open(home).decrypt(run.out())))
                .isEqualTo("Grid-0perator!");
    }

    @Test
    void withAHomeItDecodesTheJsonMappingsThroughTheBundledPluginUnlessTheOperatorSwitchedItOff() throws Exception {
        Path home = Files.createDirectories(dir.resolve("json-home"));
        Files.writeString(home.resolve("console.json"), """
                {"version": 1, "brokers": [ { "name": "b", "uri": "%s", "mqttVersion": "3.1.1" } ],
                 "jsonMappings": [ { "topic": "coop/{node}/{device}/state", "group": "cg-coop", "value": "/kw",
                                     "metric": "ActivePower", "unit": "kW" } ] }""".formatted(uri));
        AtomicBoolean stop = new AtomicBoolean();
        Thread meter = Thread.ofPlatform().start(() -> {
            try {
                MqttClient c = new MqttClient(uri, "json-meter", new MemoryPersistence());
                c.connect();
                while (!stop.get()) {
                    c.publish("coop/sub-1/pv-1/state", "{\"kw\": 2.5}".getBytes(StandardCharsets.UTF_8), 0, false);
                    c.publish("coop/sub-1/pv-2/state", "{bad".getBytes(StandardCharsets.UTF_8), 0, false);
                    Thread.sleep(50);
                }
                c.disconnect();
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Run decoded;
        Run off;
        try {
            // The mapping's topics are subscribed to by the plugin's decoder: the broker lists only the default.
            decoded = run("stats", "--home", home.toString(), "--seconds", "2");
            Files.writeString(home.resolve("plugins.json"), "{\"disabled\": [\"json-topics\"]}");
            off = run("stats", "--home", home.toString(), "--seconds", "2");
        } finally {
            stop.set(true);
            meter.join(5_000);
        }

        assertThat(decoded.exit()).as(decoded.err()).isZero();
        JsonNode j = decoded.json();
        assertThat(j.get("points").asInt()).as(decoded.out()).isEqualTo(1);
        assertThat(j.get("pointsByQuality").get("GOOD").asInt()).isEqualTo(1);
        assertThat(j.get("decodeErrors").path("not-json").asLong()).as("counted under the mapping's own reason")
                .isPositive();
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.json().get("points").asInt()).as("switched off, no JSON topic is read").isZero();
        assertThat(off.json().get("messages").asLong()).as("nor subscribed to").isZero();
    }

    /** An edge node that repeats births and data (and one garbage payload) until stopped. */
    private static void publishUntil(AtomicBoolean stop) {
        try {
            MqttClient c = new MqttClient(uri, "edge-sim", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMaxInflight(1_000);
            c.connect(o);
            String base = "spBv1.0/cg-utrecht/";
            while (!stop.get()) {
                long now = System.currentTimeMillis();
                c.publish(base + "NBIRTH/utrecht-sub-01", SparkplugBProto.Payload.newBuilder().setTimestamp(now)
                        .setSeq(0).addMetrics(metric("bdSeq", 0, 4).setLongValue(0))
                        .addMetrics(metric("Substation/ActivePower", 1, 10).setDoubleValue(5.0))
                        .build().toByteArray(), 0, false);
                c.publish(base + "DBIRTH/utrecht-sub-01/pv-0001", SparkplugBProto.Payload.newBuilder()
                        .setTimestamp(now).setSeq(1).addMetrics(metric("ActivePower", 2, 10).setDoubleValue(3.0))
                        .build().toByteArray(), 0, false);
                for (int s = 2; s < 10 && !stop.get(); s++) {
                    c.publish(base + "DDATA/utrecht-sub-01/pv-0001", SparkplugBProto.Payload.newBuilder()
                            .setTimestamp(now).setSeq(s).addMetrics(SparkplugBProto.Payload.Metric.newBuilder()
                                    .setAlias(2).setDoubleValue(s)).build().toByteArray(), 0, false);
                    Thread.sleep(20);
                }
                c.publish(base + "DDATA/utrecht-sub-01/pv-0001", "garbage".getBytes(StandardCharsets.UTF_8), 0,
                        false);
            }
            c.disconnect();
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SparkplugBProto.Payload.Metric.Builder metric(String name, long alias, int dataType) {
        return SparkplugBProto.Payload.Metric.newBuilder().setName(name).setAlias(alias).setDatatype(dataType);
    }
}
