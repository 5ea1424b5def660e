package org.plurigrid.console.client.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as {@code console.json} writes them: {@code "500ms"}, {@code "15s"}, {@code "2m"}, {@code "1h"} or ISO-8601. */
public final class DurationText {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private DurationText() {
    }

    /**
     * Parses a positive duration.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        Duration d = parseAnySign(t);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("expected a positive duration, got \"" + t + "\"");
        }
        return d;
    }

    /** Parses a duration without judging its sign ({@code ConfigNode} words its own errors). */
    static Duration parseAnySign(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = SIMPLE.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration such as \"15s\", \"500ms\", \"2m\" or \"1h\", got \""
                    + t + "\"");
        }
    }

    /** The shortest exact form: {@code "1h"}, {@code "90s"}, {@code "500ms"}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
