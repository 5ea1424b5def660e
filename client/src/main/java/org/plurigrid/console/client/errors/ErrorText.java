package org.plurigrid.console.client.errors;

/**
 * The one rule for turning a failure into words for the operator: the exception's own message (written for the user
 * where the code throws it), or, when it has none, the kind of failure. The cause stays attached for the log.
 */
public final class ErrorText {

    private ErrorText() {
    }

    /** The message, stripped, or the exception's simple class name when the message is missing or blank. */
    public static String of(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    /** As {@link #of}, on one line (line breaks and the blanks around them become one space): for a terminal. */
    public static String oneLine(Throwable e) {
        return of(e).replaceAll("\\s*\\R\\s*", " ");
    }
}
