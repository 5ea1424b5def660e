package org.plurigrid.console.testsupport.mqtt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hivemq.embedded.EmbeddedHiveMQ;

/**
 * HiveMQ CE in the test's JVM on a free loopback port, with its config, data and extensions folders under a
 * throw-away directory. MQTT 5 and 3.1.1; starts in about two seconds, so share one per test class.
 */
public final class EmbeddedHiveMqBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private EmbeddedHiveMqBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    /** Starts a broker with its folders below {@code dir} (a {@code @TempDir}); anonymous usage statistics off. */
    public static EmbeddedHiveMqBroker start(Path dir) throws Exception {
        int port = LoopbackPort.free();
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
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(dir.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().get(60, TimeUnit.SECONDS);
        return new EmbeddedHiveMqBroker(hivemq, port);
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:port}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
