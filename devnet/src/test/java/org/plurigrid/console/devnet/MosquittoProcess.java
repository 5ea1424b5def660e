package org.plurigrid.console.devnet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker process on a free loopback port, for tests: started, killed (SIGKILL, as a crash) and
 * restarted on the same port by its own pid. Tests skip when Mosquitto is missing unless CI demands it.
 */
final class MosquittoProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    static final String REQUIRE_ENV = "PLURIGRID_REQUIRE_MOSQUITTO";

    private final Path conf;
    private final Path log;
    private final int port;
    private Process process;

    private MosquittoProcess(Path dir, int port) throws IOException {
        this.port = port;
        this.conf = dir.resolve("mosquitto.conf");
        this.log = dir.resolve("mosquitto.log");
        Files.writeString(conf, """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence false
                log_dest stderr
                log_type error
                log_type warning
                """.formatted(port));
    }

    /** Skips the test without Mosquitto, or fails it when {@code PLURIGRID_REQUIRE_MOSQUITTO=true}. */
    static void assumeInstalled() {
        boolean present = Files.isExecutable(BINARY);
        if (!present && "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV))) {
            throw new AssertionError(BINARY + " not found but " + REQUIRE_ENV
                    + "=true: install it with `apt-get install -y mosquitto`");
        }
        assumeTrue(present, "Mosquitto is not installed (" + BINARY + "); install it with "
                + "`apt-get install -y mosquitto` to run this test");
    }

    static MosquittoProcess start(Path dir) throws Exception {
        MosquittoProcess m = new MosquittoProcess(Files.createDirectories(dir), freeLoopbackPort());
        m.start();
        return m;
    }

    /** (Re)starts the process on the same port and waits until it listens. */
    void start() throws Exception {
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (process.isAlive() && !listening()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s: " + logText());
            }
            Thread.sleep(50);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + logText());
        }
    }

    /** SIGKILL to this pid only: the broker vanishes without sending anything. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    long pid() {
        return process.pid();
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM to this pid only
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
