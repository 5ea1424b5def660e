package org.plurigrid.console.testsupport.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A real Mosquitto process on free loopback ports, for tests: started, killed (SIGKILL, as a crash) and restarted
 * on the same ports, always by its own pid. Call {@link #assumeInstalled()} first: tests skip without Mosquitto,
 * unless CI sets {@code PLURIGRID_REQUIRE_MOSQUITTO=true}, in which case they fail.
 */
public final class MosquittoBroker implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    public static final String REQUIRE_ENV = "PLURIGRID_REQUIRE_MOSQUITTO";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final String INSTALL_HINT = "install it with `apt-get install -y mosquitto`";

    private final Path conf;
    private final Path log;
    private final int port;
    private final int tlsPort;
    private final int mutualTlsPort;
    private Process process;

    private MosquittoBroker(Path dir, int port, String access, int tlsPort, int mutualTlsPort) throws IOException {
        this.port = port;
        this.tlsPort = tlsPort;
        this.mutualTlsPort = mutualTlsPort;
        this.conf = dir.resolve("mosquitto.conf");
        this.log = dir.resolve("mosquitto.log");
        Files.writeString(conf, """
                listener %d 127.0.0.1
                %s
                persistence false
                log_dest stderr
                log_type error
                log_type warning
                """.formatted(port, access));
    }

    /**
     * Skips the calling test when Mosquitto is not installed, unless CI demands it
     * ({@code PLURIGRID_REQUIRE_MOSQUITTO=true}), in which case the test fails.
     */
    public static void assumeInstalled() {
        assumeInstalled(BINARY, System.getenv(REQUIRE_ENV));
    }

    /** {@link #assumeInstalled()} with the binary and the setting of {@value #REQUIRE_ENV} given (for its tests). */
    public static void assumeInstalled(Path binary, String requireSetting) {
        boolean present = Files.isExecutable(binary);
        if (!present && "true".equalsIgnoreCase(requireSetting)) {
            throw new AssertionError(binary + " not found but " + REQUIRE_ENV + "=true: " + INSTALL_HINT);
        }
        assumeTrue(present, "Mosquitto is not installed (" + binary + "); " + INSTALL_HINT + " to run this test");
    }

    /** An anonymous broker with its config and log in {@code dir}, listening when this returns. */
    public static MosquittoBroker start(Path dir) throws Exception {
        MosquittoBroker b = new MosquittoBroker(Files.createDirectories(dir), LoopbackPort.free(),
                "allow_anonymous true", 0, 0);
        b.start();
        return b;
    }

    /** A broker that admits only {@code user} with {@code password} (a mosquitto_passwd file). */
    public static MosquittoBroker startWithPassword(Path dir, String user, String password) throws Exception {
        Files.createDirectories(dir);
        Path passwords = dir.resolve("passwords");
        Process p = new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwords.toString(), user, password)
                .redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
        }
        openForBrokerUser(dir, passwords);
        MosquittoBroker b = new MosquittoBroker(dir, LoopbackPort.free(),
                "allow_anonymous false\npassword_file " + passwords, 0, 0);
        b.start();
        return b;
    }

    /**
     * A broker with a plain listener (for simulators) and two TLS listeners with the given server certificate: one
     * that needs only server authentication and one that also requires a client certificate signed by {@code ca}.
     */
    public static MosquittoBroker startWithTls(Path dir, Path ca, Path cert, Path key) throws Exception {
        Files.createDirectories(dir);
        int tlsPort = LoopbackPort.free();
        int mutualPort = LoopbackPort.free();
        Path ownCa = Files.copy(ca, dir.resolve("ca.pem"));
        Path ownCert = Files.copy(cert, dir.resolve("server.pem"));
        Path ownKey = Files.copy(key, dir.resolve("server.key"));
        openForBrokerUser(dir, ownCa, ownCert, ownKey);
        String tls = "cafile %s\ncertfile %s\nkeyfile %s\n".formatted(ownCa, ownCert, ownKey);
        MosquittoBroker b = new MosquittoBroker(dir, LoopbackPort.free(), "allow_anonymous true\n"
                + "listener " + tlsPort + " 127.0.0.1\n" + tls
                + "listener " + mutualPort + " 127.0.0.1\n" + tls + "require_certificate true\n",
                tlsPort, mutualPort);
        b.start();
        return b;
    }

    /** Mosquitto started as root reads its files as the 'mosquitto' user: let it into the (private) temp folders. */
    private static void openForBrokerUser(Path dir, Path... files) throws IOException {
        Set<PosixFilePermission> parentPerms = new HashSet<>(Files.getPosixFilePermissions(dir.getParent()));
        parentPerms.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(dir.getParent(), parentPerms);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path f : files) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * (Re)starts the process on the same ports and returns once every listener accepts connections; fails with the
     * broker's log when it exits or does not listen within 10 s.
     */
    public void start() throws Exception {
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        int[] ports = IntStream.of(port, tlsPort, mutualTlsPort).filter(p -> p > 0).toArray();
        try {
            LoopbackPort.awaitListening(START_TIMEOUT, "mosquitto (pid " + process.pid() + ")", process::isAlive,
                    this::logText, ports);
        } catch (IllegalStateException | InterruptedException e) {
            kill();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + logText());
        }
    }

    /** Kills the process (SIGKILL to this pid only), as a crashing broker would go: it sends nothing. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:port} of the plain listener. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** {@code ssl://host:port} of the listener that needs only server authentication. */
    public String tlsUri(String host) {
        requireTls();
        return "ssl://" + host + ":" + tlsPort;
    }

    /** {@code ssl://127.0.0.1:port} of the listener that requires a client certificate. */
    public String mutualTlsUri() {
        requireTls();
        return "ssl://127.0.0.1:" + mutualTlsPort;
    }

    private void requireTls() {
        if (tlsPort == 0) {
            throw new IllegalStateException("this broker has no TLS listeners: start it with startWithTls");
        }
    }

    /** What the broker wrote so far (errors and warnings), for failure messages. */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to this pid, SIGKILL if it has not gone within 5 s. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
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
