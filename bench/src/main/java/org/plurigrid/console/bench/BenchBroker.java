package org.plurigrid.console.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.hivemq.embedded.EmbeddedHiveMQ;

/** The broker the benchmark runs through: a Mosquitto process on a free loopback port, or embedded HiveMQ. */
final class BenchBroker implements AutoCloseable {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    final String kind;
    final String uri;
    private final Process process;
    private final EmbeddedHiveMQ hivemq;

    private BenchBroker(String kind, String uri, Process process, EmbeddedHiveMQ hivemq) {
        this.kind = kind;
        this.uri = uri;
        this.process = process;
        this.hivemq = hivemq;
    }

    static BenchBroker start(Path dir, boolean preferHiveMq) throws Exception {
        return start(dir, preferHiveMq, 0);
    }

    /**
     * @param nice the niceness of a Mosquitto process (0: as this one), so a broker that would run on a machine of its
     *             own in a control room takes only the CPU the console leaves (an embedded HiveMQ cannot be niced)
     */
    static BenchBroker start(Path dir, boolean preferHiveMq, int nice) throws Exception {
        Files.createDirectories(dir);
        int port = freePort();
        if (!preferHiveMq && Files.isExecutable(MOSQUITTO)) {
            Path conf = dir.resolve("mosquitto.conf");
            // Unlimited queues: the benchmark measures the subscriber, not the broker dropping messages.
            Files.writeString(conf, """
                    listener %d 127.0.0.1
                    allow_anonymous true
                    persistence false
                    max_queued_messages 0
                    max_queued_bytes 0
                    log_dest stderr
                    log_type error
                    """.formatted(port));
            java.util.List<String> cmd = new java.util.ArrayList<>(nice > 0 ? java.util.List.of("nice", "-n",
                    Integer.toString(nice)) : java.util.List.of());
            cmd.addAll(java.util.List.of(MOSQUITTO.toString(), "-c", conf.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!listening(port)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IllegalStateException("mosquitto did not start: "
                            + Files.readString(dir.resolve("mosquitto.log")));
                }
                Thread.sleep(20);
            }
            return new BenchBroker("mosquitto " + version(), "tcp://127.0.0.1:" + port, p, null);
        }
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ h = EmbeddedHiveMQ.builder().withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(dir.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
                .withoutLoggingBootstrap().build();
        h.start().get(60, TimeUnit.SECONDS);
        return new BenchBroker("hivemq-ce embedded (in the benchmark's JVM)", "tcp://127.0.0.1:" + port, null, h);
    }

    private static String version() {
        try {
            Process v = new ProcessBuilder(MOSQUITTO.toString(), "-h").redirectErrorStream(true).start();
            String first = new String(v.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            v.waitFor(5, TimeUnit.SECONDS);
            return first.replace("mosquitto version ", "").strip();
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (hivemq != null) {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        }
    }
}
