package org.plurigrid.console.client.telemetry;

import java.util.Objects;

/**
 * One MQTT subscription filter, checked against the MQTT rules, optionally as an MQTT 5 shared subscription
 * {@code $share/{group}/{filter}} (the broker then hands each message to one subscriber of the group, which lets
 * several consoles split a large fleet).
 *
 * @param shareGroup share name, empty for an ordinary subscription
 * @param filter     the topic filter proper, e.g. {@code spBv1.0/cg-utrecht/#}
 */
public record TopicFilter(String shareGroup, String filter) {

    private static final String SHARE_PREFIX = "$share/";

    public TopicFilter {
        Objects.requireNonNull(shareGroup, "shareGroup");
        Objects.requireNonNull(filter, "filter");
        if (!shareGroup.isEmpty() && (shareGroup.contains("/") || shareGroup.contains("+")
                || shareGroup.contains("#"))) {
            throw new IllegalArgumentException("share name '" + shareGroup + "' must not contain '/', '+' or '#'");
        }
        String problem = problem(filter);
        if (problem != null) {
            throw new IllegalArgumentException("topic filter '" + filter + "' " + problem);
        }
    }

    /** Parses {@code filter} or {@code $share/group/filter}; the exception says what is wrong. */
    public static TopicFilter parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith(SHARE_PREFIX)) {
            int slash = text.indexOf('/', SHARE_PREFIX.length());
            if (slash < 0 || slash == SHARE_PREFIX.length() || slash == text.length() - 1) {
                throw new IllegalArgumentException("shared subscription '" + text
                        + "' must look like $share/{group}/{filter}");
            }
            return new TopicFilter(text.substring(SHARE_PREFIX.length(), slash), text.substring(slash + 1));
        }
        return new TopicFilter("", text);
    }

    public boolean isShared() {
        return !shareGroup.isEmpty();
    }

    /** Whether a message published on {@code topic} falls under this filter (MQTT matching rules). */
    public boolean matches(String topic) {
        return matches(filter, topic);
    }

    /** MQTT matching: {@code +} one level, a trailing {@code #} this level and all below; {@code $} topics only match literally at the first level. */
    public static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        int f = 0;
        int t = 0;
        int fl = filter.length();
        int tl = topic.length();
        while (f < fl) {
            int fEnd = filter.indexOf('/', f);
            if (fEnd < 0) {
                fEnd = fl;
            }
            String level = filter.substring(f, fEnd);
            if (level.equals("#")) {
                return true;
            }
            if (t > tl) {
                return false;
            }
            int tEnd = topic.indexOf('/', t);
            if (tEnd < 0) {
                tEnd = tl;
            }
            if (!level.equals("+") && !topic.regionMatches(t, level, 0, level.length())
                    || !level.equals("+") && tEnd - t != level.length()) {
                return false;
            }
            f = fEnd + 1;
            t = tEnd + 1;
            if (fEnd == fl) {
                return tEnd == tl;
            }
        }
        // The filter ended with '/': its last level is empty and matches only a topic whose last level is empty too
        // (fuzzing finding: "a/" did not match the topic "a/").
        return fl > 0 && t == tl;
    }

    /**
     * Whether every message {@code other} delivers is also delivered by this filter, so subscribing to both would only
     * bring duplicates. Shared subscriptions cover nothing and are covered by nothing (each delivers to a group).
     */
    public boolean covers(TopicFilter other) {
        if (isShared() || other.isShared()) {
            return false;
        }
        String[] mine = filter.split("/", -1);
        String[] theirs = other.filter.split("/", -1);
        if (!filter.startsWith("$") && other.filter.startsWith("$")) {
            return false;
        }
        for (int i = 0; i < mine.length; i++) {
            if (mine[i].equals("#")) {
                return true;
            }
            if (i >= theirs.length || theirs[i].equals("#")) {
                return false;
            }
            if (!mine[i].equals("+") && !mine[i].equals(theirs[i])) {
                return false;
            }
            if (mine[i].equals("+") && theirs[i].startsWith("$") && i == 0) {
                return false;
            }
        }
        return mine.length == theirs.length;
    }

    /** Null when {@code filter} is a valid MQTT topic filter, else what is wrong with it. */
    static String problem(String filter) {
        if (filter.isEmpty()) {
            return "is empty";
        }
        if (filter.length() > 65_535) {
            return "is longer than 65535 characters";
        }
        if (filter.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "may use '#' only as the whole last level";
            }
            if (level.contains("+") && !level.equals("+")) {
                return "may use '+' only as a whole level";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return isShared() ? SHARE_PREFIX + shareGroup + "/" + filter : filter;
    }
}
