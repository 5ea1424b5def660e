package org.plurigrid.console.client.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The console's home folder holds keys, logs and configuration: folders it creates are {@code rwx------} and files
 * {@code rw-------}, whatever the umask. On file systems without POSIX permissions (Windows) the profile's ACLs apply.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code dir} and any missing parents with mode 700. Folders that already exist keep their mode (an
     * operator may have chosen to share one), except that the home's own subfolders are tightened by their owners.
     */
    public static Path createPrivateDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return abs;
        }
        Path parent = abs.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        try {
            Files.createDirectory(abs);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(abs)) {
                throw raced;
            }
            return abs;
        }
        setPermissions(abs, OWNER_ONLY_FOLDER);
        return abs;
    }

    /** Creates an empty file with mode 600 unless it exists; an existing file is made 600 too. */
    public static Path createPrivateFile(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException exists) {
            // keep its content; tighten its mode below
        }
        setPermissions(file, OWNER_ONLY_FILE);
        return file;
    }

    /** Sets POSIX permissions where the file system has them (a no-op on Windows). */
    public static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is already private.
        }
    }

    /**
     * The permissions that let someone other than the owner read a secret file ({@code group/others read}), empty
     * when only the owner can read it or the file system has no POSIX permissions.
     */
    public static Optional<String> readableByOthers(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return Optional.empty();
        }
        Set<PosixFilePermission> shared = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : perms) {
            if (p == PosixFilePermission.GROUP_READ || p == PosixFilePermission.OTHERS_READ) {
                shared.add(p);
            }
        }
        return shared.isEmpty() ? Optional.empty() : Optional.of(PosixFilePermissions.toString(perms));
    }
}
