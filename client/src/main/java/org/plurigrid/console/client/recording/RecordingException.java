package org.plurigrid.console.client.recording;

/** A recording could not be written or read; the message says what and where, for the operator. */
public final class RecordingException extends Exception {
    private static final long serialVersionUID = 1L;

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
