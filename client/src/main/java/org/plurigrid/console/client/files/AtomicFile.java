package org.plurigrid.console.client.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;

/**
 * The one way the console writes a file it must not lose or half-write (configuration, alarm rules, keys, the map
 * camera): the bytes go to a temporary file in the same folder with the caller's permissions, are forced to disk,
 * then the temporary file is moved over the target in one step and the folder is forced too, so after a crash or
 * power cut the target holds either the old or the new content, never a mix. See docs/adr/0012-atomic-file-and-strict-json.md.
 */
public final class AtomicFile {

    /** What to do when the target exists. */
    public enum IfExists { REPLACE, REFUSE }

    private AtomicFile() {
    }

    /**
     * Writes {@code bytes} to {@code target}; missing folders are created private (700).
     *
     * @param permissions mode of the new file where the file system has POSIX permissions (e.g. {@code rw-------})
     * @throws FileAlreadyExistsException with {@link IfExists#REFUSE} when the target exists
     */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> permissions, IfExists ifExists)
            throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        Path file = target.toAbsolutePath();
        Path dir = PrivateFiles.createPrivateDirectories(file.getParent());
        if (ifExists == IfExists.REFUSE && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            PrivateFiles.setPermissions(tmp, permissions);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            if (ifExists == IfExists.REFUSE) {
                // A hard link fails if the target appeared meanwhile: no key file is ever replaced by another.
                try {
                    Files.createLink(file, tmp);
                } catch (UnsupportedOperationException noLinks) {
                    if (Files.exists(file)) {
                        throw new FileAlreadyExistsException(file.toString());
                    }
                    move(tmp, file);
                }
            } else {
                move(tmp, file);
            }
            forceFolder(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable (the folder's entry); folders cannot be opened for this on Windows. */
    private static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a folder; NTFS journals the rename itself.
        }
    }
}
