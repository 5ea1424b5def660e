package org.plurigrid.console.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** console.json read as hostile input: every case is one {@link ConfigException} naming the file, never a crash. */
class ConsoleConfigStrictReadingTest {

    private static final String BROKER = "{ \"name\": \"a\", \"uri\": \"tcp://127.0.0.1:1883\" }";

    @TempDir
    Path home;

    private Path write(String json) throws IOException {
        return Files.writeString(home.resolve(ConsoleConfig.FILE_NAME), json);
    }

    private ConfigException refused() {
        return (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> ConsoleConfig.load(home));
    }

    @Test
    void aFileNested100000DeepIsOneClearMessage() throws IOException {
        write("{\"version\": 1, \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");

        ConfigException e = refused();

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(ConsoleConfig.FILE_NAME).contains("nested more than 64 levels deep");
    }

    @Test
    void aFileWithA50MegabyteStringIsRefusedBeforeItIsRead() throws IOException {
        Path file = home.resolve(ConsoleConfig.FILE_NAME);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"version\": 1, \"hostId\": \"");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, 'x');
            for (int i = 0; i < 50; i++) {
                w.write(block);
            }
            w.write("\", \"brokers\": [" + BROKER + "]}");
        }

        ConfigException e = refused();

        assertThat(e.getMessage()).contains(ConsoleConfig.FILE_NAME).contains("at most 4194304 bytes");
    }

    @Test
    void aLongTextValueInASmallFileIsRefusedWithoutRepeatingIt() throws IOException {
        write("{\"version\": 1, \"hostId\": \"" + "y".repeat(100_000) + "\", \"brokers\": [" + BROKER + "]}");

        ConfigException e = refused();

        assertThat(e.getMessage()).contains("a text value is longer than 65536 characters").hasSizeLessThan(400);
    }

    @Test
    void aDuplicateKeyIsRefusedNamingTheKey() throws IOException {
        write("{\"version\": 1, \"brokers\": [" + BROKER + "],\n \"brokers\": [" + BROKER.replace("\"a\"", "\"b\"") + "]}");

        ConfigException e = refused();

        assertThat(e.key()).isEqualTo("brokers");
        assertThat(e.getMessage()).contains(ConsoleConfig.FILE_NAME).contains("\"brokers\" appears twice").contains("line 2");
    }

    @Test
    void trailingGarbageIsRefused() throws IOException {
        write("{\"version\": 1, \"brokers\": [" + BROKER + "]} {\"brokers\": []}");

        assertThat(refused().getMessage()).contains("unexpected content after the end of the JSON value");
    }

    @Test
    void anAbsurdStalePeriodIsRefusedWhenTheFileIsRead() throws IOException {
        write("{\"version\": 1, \"stalePeriod\": \"99999999999999h\", \"brokers\": [" + BROKER + "]}");

        ConfigException e = refused();

        assertThat(e.key()).isEqualTo("stalePeriod");
        assertThat(e.getMessage()).contains("longer than the longest duration the console accepts");
    }

    @Test
    void aFractionalDurationIsTheSameGrammarAsTheAlarmRules() throws Exception {
        write("{\"version\": 1, \"stalePeriod\": \"1.5min\", \"brokers\": [" + BROKER + "]}");

        assertThat(ConsoleConfig.load(home).telemetry().stalePeriod()).hasSeconds(90);
    }

    @Test
    void theWriterRefusesToEditAFileItCannotReadStrictly() throws IOException {
        write("{\"version\": 1, \"brokers\": [" + BROKER + "]} trailing");

        assertThatThrownBy(() -> new ConsoleConfigWriter(home).readBrokers()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("trailing");
    }
}
