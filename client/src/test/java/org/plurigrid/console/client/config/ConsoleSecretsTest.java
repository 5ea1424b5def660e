package org.plurigrid.console.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSecretsTest {

    private static final int FAST = 1_000; // test speed; real values use DEFAULT_ITERATIONS

    @TempDir
    Path home;

    @Test
    void createsAnOwnerOnlyKeyFileAndRoundTripsAPassword() throws Exception {
        ConsoleSecrets secrets = ConsoleSecrets.openOrCreate(home, new SecureRandom(), FAST);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.keyFile())))
                .isEqualTo("rw-------");
        String value = secrets.encrypt("Grid-0perator!é".toCharArray());
        assertThat(value).startsWith("pgc1:1000:").doesNotContain("Grid");
        assertThat(secrets.encrypt("Grid-0perator!é".toCharArray())).as("random salt and IV").isNotEqualTo(value);
        assertThat(new String(ConsoleSecrets.open(home).decrypt(value))).isEqualTo("Grid-0perator!é");
    }

    @Test
    void anotherHomeCannotDecryptAndSaysSo(@TempDir Path otherHome) throws Exception {
        String value = ConsoleSecrets.openOrCreate(home, new SecureRandom(), FAST).encrypt("pw-1".toCharArray());
        ConsoleSecrets other = ConsoleSecrets.openOrCreate(otherHome, new SecureRandom(), FAST);

        assertThatThrownBy(() -> other.decrypt(value)).hasMessageContaining("cannot be decrypted with")
                .hasMessageContaining(ConsoleSecrets.KEY_FILE_NAME);
        assertThatThrownBy(() -> other.decrypt("plain-text")).hasMessageContaining("not an encrypted console secret");
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        ConsoleSecrets.openOrCreate(home, new SecureRandom(), FAST);
        Files.setPosixFilePermissions(home.resolve(ConsoleSecrets.KEY_FILE_NAME),
                PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ConsoleSecrets.open(home)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("readable by others").hasMessageContaining("chmod 600");
    }
}
