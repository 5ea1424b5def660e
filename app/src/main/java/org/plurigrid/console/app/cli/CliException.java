package org.plurigrid.console.app.cli;

/** A command-line error with a message for the operator; the command prints it and exits with status 2. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }
}
