package org.plurigrid.console.client.telemetry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one syntax for choosing points by name, in alarm rules and stale periods alike (docs/configuration.md,
 * "Point patterns"): a glob over {@code group/node[/device]/metric} (or over a metric name) where {@code *} matches
 * within one segment (no {@code /}), {@code **} across segments and {@code ?} one character; everything else is
 * literal.
 *
 * <p>Stale periods used to take MQTT filters ({@code +} one segment, {@code #} the rest). A pattern with a whole
 * {@code +} or {@code #} segment is still read, as the glob it means ({@link #isMqttStyle}, so the reader can warn that
 * the form is deprecated).
 * Equal when the globs are equal.
 */
public final class PointGlob {

    private final String glob;
    private final Pattern pattern;

    /** @param glob the pattern in glob form; refused (with the reason) when empty */
    public PointGlob(String glob) {
        this.glob = Objects.requireNonNull(glob, "glob");
        this.pattern = toRegex(glob);
    }

    /** The pattern in glob form. */
    public String glob() {
        return glob;
    }

    /** Reads a pattern in glob form, or in the deprecated MQTT form, which it translates. */
    public static PointGlob parse(String text) {
        Objects.requireNonNull(text, "text");
        return new PointGlob(isMqttStyle(text) ? fromMqtt(text) : text);
    }

    /** Whether {@code text} is in the deprecated MQTT form: some segment is exactly {@code +} or {@code #}. */
    public static boolean isMqttStyle(String text) {
        for (String segment : text.split("/", -1)) {
            if (segment.equals("+") || segment.equals("#")) {
                return true;
            }
        }
        return false;
    }

    private static String fromMqtt(String filter) {
        String[] segments = filter.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("#")) {
                if (i != segments.length - 1) {
                    throw new IllegalArgumentException("'#' may only be the last level of '" + filter + "'");
                }
                segments[i] = "**";
            } else if (segments[i].equals("+")) {
                segments[i] = "*";
            }
        }
        return String.join("/", segments);
    }

    /** The compiled pattern (compiled once, with the glob). */
    public Pattern pattern() {
        return pattern;
    }

    /** Whether the whole of {@code text} matches. */
    public boolean matches(String text) {
        return pattern.matcher(text).matches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointGlob other && other.glob.equals(glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }

    @Override
    public String toString() {
        return glob;
    }

    static Pattern toRegex(String glob) {
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("glob must not be empty");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
