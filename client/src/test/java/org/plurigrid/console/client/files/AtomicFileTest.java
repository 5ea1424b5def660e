package org.plurigrid.console.client.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesWithTheCallersPermissionsInNewPrivateFoldersAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("a/b/settings.json");

        AtomicFile.write(file, bytes("one"), PrivateFiles.OWNER_ONLY_FILE, AtomicFile.IfExists.REPLACE);

        assertThat(file).hasContent("one");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b")))).isEqualTo("rwx------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void replacesOrRefusesAnExistingFileAsAsked() throws Exception {
        Path file = dir.resolve("key.json");
        AtomicFile.write(file, bytes("first"), PrivateFiles.OWNER_ONLY_FILE, AtomicFile.IfExists.REFUSE);

        assertThatThrownBy(() -> AtomicFile.write(file, bytes("second"), PrivateFiles.OWNER_ONLY_FILE,
                AtomicFile.IfExists.REFUSE)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(file).hasContent("first");

        AtomicFile.write(file, bytes("third"), PosixFilePermissions.fromString("rw-r-----"), AtomicFile.IfExists.REPLACE);
        assertThat(file).hasContent("third");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> PasswordFile.readFirstLine(pw)).hasMessageContaining("readable by others")
                .hasMessageNotContaining("secret\n");

        Files.setPosixFilePermissions(pw, PrivateFiles.OWNER_ONLY_FILE);
        assertThat(PasswordFile.readFirstLine(pw)).containsExactly("secret".toCharArray());
    }
}
