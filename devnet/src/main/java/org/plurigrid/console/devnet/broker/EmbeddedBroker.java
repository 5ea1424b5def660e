package org.plurigrid.console.devnet.broker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet's MQTT broker: HiveMQ Community Edition embedded in this JVM, speaking MQTT 5 and 3.1.1 on a loopback
 * TCP listener. Its configuration and data live in a temporary folder that is deleted on {@link #close()}.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;
    private static final int SHUTDOWN_GRACE_MS = 100;

    private final EmbeddedHiveMQ hiveMq;
    private final Path home;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hiveMq, Path home, int port) {
        this.hiveMq = hiveMq;
        this.home = home;
        this.port = port;
    }

    /**
     * Starts a broker on 127.0.0.1.
     *
     * @param port the TCP port, or 0 to pick a free one
     */
    public static EmbeddedBroker start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("MQTT port must be 0..65535, was " + port);
        }
        // Port 0 is resolved here rather than by HiveMQ so that uri() can name the real port. Another process may
        // grab the probed port in between, so a failed start on a probed port is retried with a fresh one.
        int attempts = port == 0 ? PORT_ATTEMPTS : 1;
        RuntimeException last = null;
        for (int i = 0; i < attempts; i++) {
            int chosen = port == 0 ? freeLoopbackPort() : port;
            try {
                return startOn(chosen);
            } catch (RuntimeException e) {
                last = e;
                log.debug("Broker did not start on port {}", chosen, e);
            }
        }
        throw last;
    }

    private static EmbeddedBroker startOn(int port) {
        // HiveMQ waits 2 s on stop for persistence writes to drain; with in-memory persistence there are none, and
        // the wait would slow every devnet stop and test. (A process-wide HiveMQ setting, harmless for other users.)
        InternalConfigurations.PERSISTENCE_SHUTDOWN_GRACE_PERIOD_MSEC.set(SHUTDOWN_GRACE_MS);
        Path home = createHome(port);
        EmbeddedHiveMQ hiveMq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                // Keep the application's logging configuration; HiveMQ would otherwise install its own.
                .withoutLoggingBootstrap()
                .build();
        long started = System.nanoTime();
        try {
            hiveMq.start().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(hiveMq);
            deleteRecursively(home);
            throw new IllegalStateException("Interrupted while starting the MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            closeQuietly(hiveMq);
            deleteRecursively(home);
            throw new IllegalStateException(
                    "The embedded MQTT broker did not start on 127.0.0.1:" + port + " (is the port already in use?)", e);
        }
        log.info("Embedded MQTT broker listening on tcp://127.0.0.1:{} (started in {} ms)", port,
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedBroker(hiveMq, home, port);
    }

    /** {@code tcp://127.0.0.1:PORT}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The temporary folder holding the broker's configuration and data (gone after close). */
    Path home() {
        return home;
    }

    @Override
    public void close() {
        long began = System.nanoTime();
        try {
            hiveMq.stop().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Embedded MQTT broker did not stop cleanly", e);
        } finally {
            long stopped = System.nanoTime();
            closeQuietly(hiveMq);
            deleteRecursively(home);
            log.info("Embedded MQTT broker stopped (stop {} ms, close {} ms)", (stopped - began) / 1_000_000,
                    (System.nanoTime() - stopped) / 1_000_000);
        }
    }

    static String configXml(int port) {
        // In-memory persistence: the devnet keeps no state between runs and starts faster without RocksDB/Xodus.
        // The server receive maximum is raised from HiveMQ's default of 10 so QoS 1 publishers are not throttled.
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <receive-maximum>
                            <server-receive-maximum>65535</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port);
    }

    private static Path createHome(int port) {
        try {
            Path home = Files.createTempDirectory("plurigrid-devnet-mqtt-");
            Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(home.resolve("conf").resolve("config.xml"), configXml(port));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the broker's temporary folder", e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the MQTT broker", e);
        }
    }

    private static void closeQuietly(EmbeddedHiveMQ hiveMq) {
        try {
            hiveMq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Closing HiveMQ", e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.debug("Could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            log.debug("Could not delete {}", root, e);
        }
    }
}
