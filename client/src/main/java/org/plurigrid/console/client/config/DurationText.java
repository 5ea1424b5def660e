package org.plurigrid.console.client.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar and formatter of the console's files and editors ({@code console.json}, alarm rules, the
 * connections and rule editors), documented in {@code docs/configuration.md}: a decimal number and a unit,
 * {@code "500ms"}, {@code "1.5s"}, {@code "2m"} (or {@code "2min"}), {@code "1h"}, or ISO-8601 such as
 * {@code "PT15S"}; in JSON a bare number means seconds. Every duration is at most {@link #MAX} (a year), so a typo
 * such as {@code "99999999999999h"} is refused when the file is read instead of overflowing later.
 */
public final class DurationText {

    /** The longest duration any setting takes: one (leap) year. */
    public static final Duration MAX = Duration.ofDays(366);

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,18}(?:\\.\\d{1,9})?)\\s*(ms|s|m|min|h)");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(MAX.getSeconds());
    static final String EXPECTED = "a duration such as \"5s\", \"500ms\", \"1.5s\", \"2m\", \"1h\" or \"PT15S\"";

    private DurationText() {
    }

    /**
     * Parses a positive duration of at most {@link #MAX}.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Duration parse(String text) {
        Duration d = parseNonNegative(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("expected a positive duration, got \"" + clean(text) + "\"");
        }
        return d;
    }

    /** Parses a duration of zero up to {@link #MAX} (delays may be zero). */
    public static Duration parseNonNegative(String text) {
        String t = clean(text);
        Matcher m = SIMPLE.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            BigDecimal seconds = switch (m.group(2)) {
                case "ms" -> amount.movePointLeft(3);
                case "s" -> amount;
                case "m", "min" -> amount.multiply(BigDecimal.valueOf(60));
                default -> amount.multiply(BigDecimal.valueOf(3600));
            };
            return ofSeconds(seconds, t);
        }
        Duration iso;
        try {
            iso = Duration.parse(t);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got \"" + t + "\"");
        }
        return bounded(iso, t);
    }

    /** A JSON number of seconds, e.g. {@code 2.5}, within zero and {@link #MAX}. */
    public static Duration ofSeconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("expected a number of seconds, got " + seconds);
        }
        return ofSeconds(BigDecimal.valueOf(seconds), Double.toString(seconds));
    }

    private static Duration ofSeconds(BigDecimal seconds, String text) {
        if (seconds.signum() < 0) {
            throw new IllegalArgumentException("expected a duration that is not negative, got \"" + text + "\"");
        }
        if (seconds.compareTo(MAX_SECONDS) > 0) {
            throw tooLong(text);
        }
        return Duration.ofNanos(seconds.multiply(NANOS_PER_SECOND).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    private static Duration bounded(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("expected a duration that is not negative, got \"" + text + "\"");
        }
        if (d.compareTo(MAX) > 0) {
            throw tooLong(text);
        }
        return d;
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("\"" + text + "\" is longer than the longest duration the console accepts ("
                + format(MAX) + ", one year)");
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * The shortest exact form in the same grammar: {@code "1h"}, {@code "90s"}, {@code "1500ms"}, {@code "0s"};
     * ISO-8601 below a millisecond.
     */
    public static String format(Duration d) {
        if (d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s != 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
