package org.plurigrid.console.client.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** One object of the parsed file with the path that leads to it, so every error names the exact key. */
final class ConfigNode {


    final Path file;
    final String path;
    final JsonNode node;

    ConfigNode(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    ConfigException error(String key, String problem) {
        return new ConfigException(file, key(key), problem);
    }

    String key(String key) {
        return key.isEmpty() ? path : path.isEmpty() ? key : path + "." + key;
    }

    /** Fails on keys the format does not know, which catches typos such as {@code pasword}. */
    ConfigNode onlyKeys(String... known) throws ConfigException {
        Set<String> allowed = Set.of(known);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw error(n, "unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    String string(String key) throws ConfigException {
        return optString(key).orElseThrow(() -> error(key, "missing; expected a text value"));
    }

    Optional<String> optString(String key) throws ConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            throw error(key, "expected a text value in quotes, got " + describe(v));
        }
        if (v.textValue().isBlank()) {
            throw error(key, "must not be blank");
        }
        return Optional.of(v.textValue());
    }

    boolean bool(String key, boolean fallback) throws ConfigException {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw error(key, "expected true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    Optional<Double> optNumber(String key) throws ConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        if (!v.isNumber()) {
            throw error(key, "expected a number, got " + describe(v));
        }
        return Optional.of(v.doubleValue());
    }

    /** A duration in the one grammar of {@link DurationText} (text, or a number of seconds), positive and bounded. */
    Optional<Duration> optDuration(String key) throws ConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        try {
            if (v.isNumber()) {
                Duration d = DurationText.ofSeconds(v.doubleValue());
                if (d.isZero()) {
                    throw new IllegalArgumentException("expected a positive duration, got " + v.asText());
                }
                return Optional.of(d);
            }
            if (!v.isTextual() || v.textValue().isBlank()) {
                throw error(key, "expected " + DurationText.EXPECTED + ", got " + describe(v));
            }
            return Optional.of(DurationText.parse(v.textValue()));
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    Optional<ConfigNode> optObject(String key) throws ConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        if (!v.isObject()) {
            throw error(key, "expected an object { … }, got " + describe(v));
        }
        return Optional.of(new ConfigNode(file, key(key), v));
    }

    /** The elements of an array of objects (empty when the key is absent). */
    List<ConfigNode> objects(String key) throws ConfigException {
        if (!has(key)) {
            return List.of();
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            throw error(key, "expected an array [ … ], got " + describe(v));
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = key(key) + "[" + i + "]";
            if (!e.isObject()) {
                throw new ConfigException(file, p, "expected an object { … }, got " + describe(e));
            }
            out.add(new ConfigNode(file, p, e));
        }
        return out;
    }

    List<String> strings(String key) throws ConfigException {
        if (!has(key)) {
            return List.of();
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            throw error(key, "expected an array of text values, e.g. [\"spBv1.0/#\"], got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new ConfigException(file, key(key) + "[" + i + "]", "expected a text value, got "
                        + describe(v.get(i)));
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }

    /** At most 60 characters of a value in a message: a huge string is named, not repeated. */
    static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "… (" + text.length() + " characters)";
    }

    static String describe(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "text \"" + shortened(v.textValue()) + "\"";
            case NUMBER -> "the number " + v.numberValue();
            case BOOLEAN -> String.valueOf(v.booleanValue());
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
