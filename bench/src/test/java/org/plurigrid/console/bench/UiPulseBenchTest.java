package org.plurigrid.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The UI pulse bench runs end to end at a low rate and reports every figure; it asserts counts, never timings. */
class UiPulseBenchTest {

    @Test
    void shortRunReportsPulseFiguresForIdleAndLoad(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ui-pulse-bench.json");
        UiPulseBench.Options options = UiPulseBench.Options.parse(new String[] {"--rate", "500", "--seconds", "2",
                "--idle-seconds", "1", "--warmup-seconds", "0", "--nodes", "2", "--devices", "5", "--out",
                out.toString()});

        ObjectNode result = new UiPulseBench(options).run();

        JsonNode written = new ObjectMapper().readTree(Files.readString(out));
        for (String phase : new String[] {"idle", "load"}) {
            JsonNode p = written.get(phase);
            assertThat(p).as(phase).isNotNull();
            assertThat(p.get("frames").asLong()).as(phase + " frames").isPositive();
            assertThat(p.get("frameIntervalMs").fieldNames()).toIterable()
                    .contains("samples", "p50", "p99", "max");
            assertThat(p.has("framesOver100Ms")).isTrue();
            assertThat(p.get("pumpMsPerFrame").get("samples").asLong()).as(phase + " pumped frames").isPositive();
        }
        assertThat(written.get("idle").get("messagesReceived").asLong()).isZero();
        JsonNode load = written.get("load");
        assertThat(load.get("sent").asLong()).isPositive();
        assertThat(load.get("receivedAfterDrain").asLong()).isEqualTo(load.get("sent").asLong());
        assertThat(load.has("achievedPublishRate")).isTrue();
        assertThat(load.has("achievedReceiveRate")).isTrue();
        assertThat(written.get("points").asInt()).isEqualTo(2 * 5 * 2);
        assertThat(written.get("tableRows").asInt()).isEqualTo(20);
        assertThat(result.get("writtenTo").asText()).isEqualTo(out.toAbsolutePath().toString());
    }
}
