package org.plurigrid.console.client.grid;

import com.powsybl.commons.PowsyblException;
import com.powsybl.iidm.network.Network;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final MatpowerReader matpower = new MatpowerReader();

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
        } catch (PowsyblException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new GridImportException(file, "Cannot read grid model " + file.getFileName()
                    + ": not a valid model in a supported format (" + SUPPORTED + "). Detail: " + firstLine(e), e);
        }
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
