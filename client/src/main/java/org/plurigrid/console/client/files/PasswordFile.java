package org.plurigrid.console.client.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A password kept in a file (a broker password, a keystore password for scripts): the first line, without the line
 * end an editor adds. The file must be readable by its owner only, as the keystore's files are: a password that
 * group or others can read is refused, not used.
 */
public final class PasswordFile {

    /** Far above any password; keeps a wrong path (a log, an image) from being read into memory. */
    static final long MAX_BYTES = 64 * 1024;

    private PasswordFile() {
    }

    /**
     * The first line of {@code file}.
     *
     * @throws IOException with a message for the operator: missing, unreadable, readable by others, too large
     */
    public static char[] readFirstLine(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("password file " + file + " does not exist or cannot be read");
        }
        Optional<String> shared = PrivateFiles.readableByOthers(file);
        if (shared.isPresent()) {
            throw new IOException("password file " + file + " is readable by others (" + shared.get() + "); run `chmod 600 "
                    + file + "`");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("password file " + file + " is larger than " + MAX_BYTES + " bytes; is it the right file?");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String line = nl < 0 ? text : text.substring(0, nl);
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
