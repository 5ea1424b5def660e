package org.plurigrid.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.protobuf.SparkplugBProto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.app.Main;
import org.plurigrid.console.testsupport.mqtt.EmbeddedHiveMqBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * {@code record} against an embedded HiveMQ with an edge node whose voltage swings over a limit, then
 * {@code replay} of that file: the same alarm sequence twice, another one with edited rules.
 */
class RecordReplayCommandTest {

    static final String RULES = """
            {"version": 1, "rules": [
              {"id": "v-hh", "match": {"level": "node", "metric": "Substation/Voltage"}, "kind": "HH",
               "limit": %s, "deadband": 0.01, "onDelay": "200ms", "offDelay": "200ms", "priority": "CRITICAL",
               "message": "Busbar voltage very high"}
            ]}
            """;

    @TempDir
    static Path dir;
    static EmbeddedHiveMqBroker broker;
    static Path recording;
    static Run recorded;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString().strip(), err.toString());
    }

    @BeforeAll
    static void recordFromABroker() throws Exception {
        broker = EmbeddedHiveMqBroker.start(dir);
        Path rules = Files.writeString(dir.resolve("rules.json"), RULES.formatted("1.10"));
        recording = dir.resolve("session.duckdb");
        AtomicBoolean stop = new AtomicBoolean();
        Thread edgeNode = Thread.ofPlatform().start(() -> publishUntil(broker.uri(), stop));
        try {
            recorded = run("record", "--broker", broker.uri(), "--mqtt-version", "3.1.1", "--seconds", "4",
                    "--out", recording.toString(), "--alarm-rules", rules.toString());
        } finally {
            stop.set(true);
            edgeNode.join(5_000);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void recordPrintsOneJsonSummaryWithRowsPerKindAndTheSpan() throws Exception {
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        assertThat(recorded.out().lines()).as("exactly one line of JSON").hasSize(1);
        JsonNode j = recorded.json();
        assertThat(j.get("store").asText()).isEqualTo("duckdb");
        assertThat(j.get("rows").get("values").asLong()).isGreaterThan(20);
        assertThat(j.get("rows").get("ruleSets").asLong()).isEqualTo(1);
        assertThat(j.get("rows").get("alarms").asLong()).as("live alarm transitions").isPositive();
        assertThat(j.get("rows").get("events").asLong()).as("connection changes").isPositive();
        assertThat(j.get("points").asInt()).as("the substation voltage").isEqualTo(1);
        assertThat(j.get("from").asText()).isLessThan(j.get("to").asText());
        assertThat(j.get("dropped").asLong()).isZero();
    }

    @Test
    void replayPrintsTheSameAlarmSequenceEveryRunAndAnotherWithEditedRules() throws Exception {
        Run first = run("replay", recording.toString(), "--json");
        Run second = run("replay", recording.toString(), "--json");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        assertThat(first.out().lines().map(l -> {
            try {
                return new ObjectMapper().readTree(l).get("event").asText();
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        })).contains("RAISED", "RETURNED_TO_NORMAL");

        Path edited = Files.writeString(dir.resolve("edited.json"), RULES.formatted("1.30"));
        Run what = run("replay", recording.toString(), "--rules", edited.toString(), "--json");
        assertThat(what.exit()).as(what.err()).isZero();
        assertThat(what.out()).as("a 1.30 limit is never crossed").doesNotContain("RAISED");
        assertThat(what.err()).contains("edited.json");
    }

    @Test
    void replayOfAPeriodGivesOnlyItsTransitionsAndBadInputOneMessage() throws Exception {
        JsonNode j = recorded.json();
        Run whole = run("replay", recording.toString(), "--from", j.get("from").asText(), "--to",
                j.get("to").asText(), "--json");
        assertThat(whole.exit()).as(whole.err()).isZero();
        Run none = run("replay", recording.toString(), "--from", j.get("from").asText(), "--to",
                j.get("from").asText(), "--json");
        assertThat(none.out().lines().count()).isLessThan(whole.out().lines().count());

        Run badTime = run("replay", recording.toString(), "--from", "yesterday");
        assertThat(badTime.exit()).as("a usage error").isEqualTo(CliErrors.USER_ERROR);
        assertThat(badTime.err()).contains("--from must be an ISO-8601");
        Run missing = run("replay", dir.resolve("missing.duckdb").toString());
        assertThat(missing.exit()).as("a file the operator named that is not there").isEqualTo(CliErrors.USER_ERROR);
        assertThat(missing.err()).contains("does not exist");
        assertThat(missing.out()).isEmpty();
    }

    /** An edge node whose substation voltage is 1.0 for 0.6 s, then 1.2 for 0.8 s, over and over. */
    private static void publishUntil(String uri, AtomicBoolean stop) {
        try {
            MqttClient c = new MqttClient(uri, "edge-rec", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMaxInflight(1_000);
            c.connect(o);
            String topic = "spBv1.0/cg-rec/";
            long seq = 0;
            while (!stop.get()) {
                long now = System.currentTimeMillis();
                c.publish(topic + "NBIRTH/rec-sub-01", SparkplugBProto.Payload.newBuilder().setTimestamp(now)
                        .setSeq(0).addMetrics(metric("bdSeq", 0, 4).setLongValue(0))
                        .addMetrics(metric("Substation/Voltage", 1, 10).setDoubleValue(1.0))
                        .build().toByteArray(), 0, false);
                seq = 1;
                for (int i = 0; i < 14 && !stop.get(); i++) {
                    double v = i < 6 ? 1.0 : 1.2;
                    c.publish(topic + "NDATA/rec-sub-01", SparkplugBProto.Payload.newBuilder()
                            .setTimestamp(System.currentTimeMillis()).setSeq(seq++)
                            .addMetrics(SparkplugBProto.Payload.Metric.newBuilder().setAlias(1).setDoubleValue(v))
                            .build().toByteArray(), 0, false);
                    Thread.sleep(100);
                }
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
