package org.plurigrid.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void findsItsOwnLogbackConfigurationNotALibrarysOne() throws Exception {
        URL url = Main.ownLogbackConfiguration();

        assertThat(url).isNotNull();
        try (InputStream in = url.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Plurigrid Console logging").contains("org.eclipse.tahu");
        }
    }

    @Test
    void readsTheHomeFolderForTheLogFileBeforeParsing() {
        assertThat(Main.homeFrom(new String[] {"--broker", "tcp://a:1", "--home", "/tmp/pg"})).isEqualTo(Path.of("/tmp/pg"));
        assertThat(Main.homeFrom(new String[] {"--home=/tmp/pg2"})).isEqualTo(Path.of("/tmp/pg2"));
        assertThat(Main.homeFrom(new String[0])).isEqualTo(Path.of(System.getProperty("user.home"), ".plurigrid"));
    }

    @Test
    void choosesTheCommandLineLoggingForSubcommandsHelpAndUsageErrorsInsideThem() {
        assertThat(Main.runsSubcommand(new String[] {"tx", "decode", "00"})).isTrue();
        assertThat(Main.runsSubcommand(new String[] {"--home", "/tmp/x", "keys", "list"})).isTrue();
        assertThat(Main.runsSubcommand(new String[] {"tx", "decode", "--bogus"})).isTrue();
        assertThat(Main.runsSubcommand(new String[] {"--help"})).isTrue();
        assertThat(Main.runsSubcommand(new String[0])).isFalse();
        assertThat(Main.runsSubcommand(new String[] {"--home", "/tmp/x", "--scale", "1.5"})).isFalse();
    }

    @Test
    void findsTheCommandLineLoggingConfigurationThatWritesOnlyToStderr() throws Exception {
        URL url = Main.ownLogbackConfiguration(Main.CLI_CONFIGURATION);

        assertThat(url).isNotNull();
        try (InputStream in = url.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("<target>System.err</target>")
                    .doesNotContain("FileAppender");
        }
    }

    @Test
    void anExistingOpenLogFolderAndLogFileAreTightened(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("home/logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = Files.writeString(logs.resolve("console.log"), "earlier lines\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));

        Main.prepareLogFile(dir.resolve("home"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(log).hasContent("earlier lines");
    }

    @Test
    void theWindowsLogFolderIsPrivateAndTheLogFileOwnerOnly(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");

        Main.prepareLogFile(home);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("logs")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("logs/console.log"))))
                .isEqualTo("rw-------");
    }
}
