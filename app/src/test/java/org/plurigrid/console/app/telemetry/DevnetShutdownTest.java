package org.plurigrid.console.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console stopped with SIGTERM leaves no devnet temporary folder behind. */
class DevnetShutdownTest {

    /** Child process: starts the in-process devnet as the window does, says so, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        InProcessDevnet devnet = DevnetLaunchers.inThisBuild(InstantSource.system()).start(0);
        System.out.println("started " + devnet.mqttUri());
        System.out.flush();
        Thread.sleep(120_000);
    }

    @Test
    void sigtermRemovesTheDevnetsTemporaryFolder(@TempDir Path tmp) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                DevnetShutdownTest.class.getName());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("started "));
            assertThat(line).as("the devnet started").isNotNull();
            try (var files = Files.list(tmp)) {
                assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("plurigrid-devnet-mqtt-"));
            }

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("plurigrid-devnet-mqtt-"));
        }
    }
}
