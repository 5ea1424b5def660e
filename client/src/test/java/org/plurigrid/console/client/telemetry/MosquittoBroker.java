package org.plurigrid.console.client.telemetry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto process on a loopback port, started and stopped (by its pid) by the test. */
final class MosquittoBroker implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    static final String REQUIRE_ENV = "PLURIGRID_REQUIRE_MOSQUITTO";

    private final Path conf;
    private final Path log;
    private final int port;
    private Process process;
    private int tlsPort;
    private int mutualTlsPort;

    private MosquittoBroker(Path dir, int port, String access) throws IOException {
        this.port = port;
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
    static void assumeInstalled() {
        assumeInstalled(BINARY, System.getenv(REQUIRE_ENV));
    }

    static void assumeInstalled(Path binary, String requireSetting) {
        boolean present = Files.isExecutable(binary);
        if (!present && "true".equalsIgnoreCase(requireSetting)) {
            throw new AssertionError(binary + " not found but " + REQUIRE_ENV
                    + "=true: install it with `apt-get install -y mosquitto`");
        }
        assumeTrue(present, "Mosquitto is not installed (" + binary + "); install it with "
                + "`apt-get install -y mosquitto` to run this test");
    }

    static MosquittoBroker start(Path dir) throws Exception {
        MosquittoBroker b = new MosquittoBroker(Files.createDirectories(dir), FreePort.onLoopback(),
                "allow_anonymous true");
        b.start();
        return b;
    }

    /** A broker that admits only {@code user} with {@code password} (a mosquitto_passwd file). */
    static MosquittoBroker startWithPassword(Path dir, String user, String password) throws Exception {
        Files.createDirectories(dir);
        Path passwords = dir.resolve("passwords");
        Process p = new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwords.toString(), user, password)
                .redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
        }
        // Mosquitto started as root reads its files as the 'mosquitto' user: let it traverse the (private) temp
        // folder above and read the password file.
        var parentPerms = new java.util.HashSet<>(Files.getPosixFilePermissions(dir.getParent()));
        parentPerms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(dir.getParent(), parentPerms);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(passwords, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        MosquittoBroker b = new MosquittoBroker(dir, FreePort.onLoopback(),
                "allow_anonymous false\npassword_file " + passwords);
        b.start();
        return b;
    }

    /**
     * A broker with a plain listener (for simulators) and two TLS listeners with the given server certificate: one
     * that needs only server authentication and one that also requires a client certificate signed by {@code ca}.
     */
    static MosquittoBroker startWithTls(Path dir, Path ca, Path cert, Path key) throws Exception {
        Files.createDirectories(dir);
        int tlsPort = FreePort.onLoopback();
        int mutualPort = FreePort.onLoopback();
        Path ownCa = Files.copy(ca, dir.resolve("ca.pem"));
        Path ownCert = Files.copy(cert, dir.resolve("server.pem"));
        Path ownKey = Files.copy(key, dir.resolve("server.key"));
        openForBrokerUser(dir, ownCa, ownCert, ownKey);
        String tls = "cafile %s\ncertfile %s\nkeyfile %s\n".formatted(ownCa, ownCert, ownKey);
        MosquittoBroker b = new MosquittoBroker(dir, FreePort.onLoopback(), "allow_anonymous true\n"
                + "listener " + tlsPort + " 127.0.0.1\n" + tls
                + "listener " + mutualPort + " 127.0.0.1\n" + tls + "require_certificate true\n");
        b.tlsPort = tlsPort;
        b.mutualTlsPort = mutualPort;
        b.start();
        Await.until(Duration.ofSeconds(10), "TLS listeners", () -> FreePort.isListening(tlsPort)
                && FreePort.isListening(mutualPort), b::logText);
        return b;
    }

    private static void openForBrokerUser(Path dir, Path... files) throws IOException {
        // Mosquitto started as root reads its files as the 'mosquitto' user.
        var parentPerms = new java.util.HashSet<>(Files.getPosixFilePermissions(dir.getParent()));
        parentPerms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(dir.getParent(), parentPerms);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path f : files) {
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** {@code ssl://host:port} of the listener that needs only server authentication. */
    String tlsUri(String host) {
        return "ssl://" + host + ":" + tlsPort;
    }

    /** {@code ssl://127.0.0.1:port} of the listener that requires a client certificate. */
    String mutualTlsUri() {
        return "ssl://127.0.0.1:" + mutualTlsPort;
    }

    /** (Re)starts the process on the same port. */
    void start() throws Exception {
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Await.until(Duration.ofSeconds(10), "mosquitto listening on " + port,
                () -> !process.isAlive() || FreePort.isListening(port), this::logText);
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + logText());
        }
    }

    /** Kills the process (SIGKILL by pid), as a crashing broker would go. */
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
