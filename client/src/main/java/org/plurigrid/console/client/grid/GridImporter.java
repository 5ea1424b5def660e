package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a grid model file in any format grid operators exchange: XIIDM, CGMES (zip or folder, with its
 * geographical profile where present), IEEE-CDF and MATPOWER ({@code .m}). Formats are recognised by PowSyBl's
 * importers from the content; MATPOWER by its extension.
 */
public final class GridImporter {

    /** Formats a user can hand us, for messages. */
    public static final String SUPPORTED = "XIIDM (.xiidm/.xml), CGMES (.zip or folder), IEEE-CDF (.txt), MATPOWER (.m)";

    /** Largest model file read by default: the largest MATPOWER case (~80,000 buses) is about a third of it. */
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    private final MatpowerReader matpower = new MatpowerReader();
    private final long maxBytes;

    public GridImporter() {
        this(DEFAULT_MAX_BYTES);
    }

    /** An importer that refuses files larger than {@code maxBytes} before reading them. */
    public GridImporter(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Imports the model in {@code file}.
     *
     * @throws GridImportException when the file is missing, unreadable or in no supported format
     */
    public Network importFile(Path file) throws GridImportException {
        if (file == null) {
            throw new GridImportException(null, "No grid model file given.", null);
        }
        if (!Files.exists(file)) {
            throw new GridImportException(file, "Grid model file not found: " + file, null);
        }
        if (!Files.isReadable(file)) {
            throw new GridImportException(file, "Grid model file is not readable (check its permissions): " + file, null);
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                throw new GridImportException(file, "Grid model file is empty: " + file, null);
            }
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                throw new GridImportException(file, "Grid model file " + file.getFileName() + " is "
                        + megabytes(Files.size(file)) + ", above this console's limit of " + megabytes(maxBytes)
                        + " for a model file", null);
            }
        } catch (IOException e) {
            throw new GridImportException(file, "Cannot read grid model file " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".m")) {
                return matpower.read(file);
            }
            return Network.read(file);
        } catch (GridImportException e) {
            throw e;
        } catch (RuntimeException e) {
            // Importers report truncated or invalid files with many exception types (XML stream, PowSyBl, I/O):
            // one line for the operator, the cause kept for the log.
            throw new GridImportException(file, "Cannot read grid model " + file.getFileName()
                    + ": not a valid model in a supported format (" + SUPPORTED + "). Detail: " + firstLine(rootMost(e)), e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** The innermost cause that has a message (the XML parser's "unexpected end of file" rather than its wrappers). */
    private static Throwable rootMost(Throwable e) {
        Throwable best = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t;
            }
        }
        return best;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
