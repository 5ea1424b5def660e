package org.plurigrid.console.client.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the console.json reader: whatever the bytes, the only outcome besides a configuration is one
 * {@link ConfigException} (no NullPointerException, ArithmeticException, OutOfMemoryError, stack overflow). The
 * inputs in {@code ConsoleConfigFuzzTestInputs/consoleJson} run in every build; {@code JAZZER_FUZZ=1} fuzzes
 * (docs/configuration.md, "Fuzzing").
 */
class ConsoleConfigFuzzTest {

    private static final Path HOME = home();

    private static Path home() {
        try {
            Path home = Files.createTempDirectory("console-json-fuzz-");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void consoleJson(byte[] input) throws IOException {
        Path file = HOME.resolve(ConsoleConfig.FILE_NAME);
        Files.write(file, input);
        try {
            ConsoleConfig.read(file, HOME);
        } catch (ConfigException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("a configuration error without a message", expected);
            }
        }
    }
}
