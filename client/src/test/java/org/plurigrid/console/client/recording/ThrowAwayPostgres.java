package org.plurigrid.console.client.recording;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.plurigrid.console.testsupport.mqtt.LoopbackPort;

/**
 * A real PostgreSQL for one test class: initdb into a temporary folder, started with pg_ctl on a free loopback port
 * (as the {@code postgres} user when the build runs as root), stopped and deleted by {@link #close()}. Without
 * PostgreSQL the test is skipped, unless {@code CI=true}: then it fails.
 */
final class ThrowAwayPostgres implements AutoCloseable {

    private static final String HINT = "install it with `apt-get install -y postgresql`";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private ThrowAwayPostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    static Path findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(p -> p.getParent().getFileName().toString()))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    static ThrowAwayPostgres start() throws Exception {
        Path bin = findBin();
        if (bin == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("PostgreSQL (initdb, pg_ctl) not found but CI=true: " + HINT);
        }
        assumeTrue(bin != null, "PostgreSQL is not installed; " + HINT + " to run this test");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("plurigrid-pg-");
        ThrowAwayPostgres pg = new ThrowAwayPostgres(bin, dir, LoopbackPort.free(), root);
        try {
            if (root) {
                pg.run(List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            pg.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", "postgres", "-N", "-E", "UTF8"), true);
            pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                    dir.resolve("log").toString(), "-o", "-p " + pg.port + " -k " + dir
                            + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), true);
            return pg;
        } catch (Exception | AssertionError e) {
            pg.close();
            throw e;
        }
    }

    private void run(List<String> command, boolean postgresUser) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (postgresUser && asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String url() {
        return "postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
                        "immediate", "-w", "stop"), true);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
