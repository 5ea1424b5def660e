package org.plurigrid.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

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
}
