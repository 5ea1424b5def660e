package org.plurigrid.console.client.dr;

/** OpenADR JSON that cannot be read: the message names the field and what was expected. */
public final class OpenAdrFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OpenAdrFormatException(String message) {
        super(message);
    }

    public OpenAdrFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
