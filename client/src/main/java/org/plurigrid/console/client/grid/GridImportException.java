package org.plurigrid.console.client.grid;

import java.nio.file.Path;

/** A grid model file could not be read; the message is written for the operator and names the file. */
public final class GridImportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public GridImportException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
