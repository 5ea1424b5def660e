package org.plurigrid.console.client.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The configuration cannot be used. The message names the file, the key (e.g. {@code brokers[1].tls.caFile}) and
 * what was expected, and is safe to show: it never contains a secret.
 */
public final class ConfigException extends Exception {

    private final Path file;
    private final String key;

    public ConfigException(Path file, String key, String problem) {
        this(file, key, problem, null);
    }

    public ConfigException(Path file, String key, String problem, Throwable cause) {
        super(file + (key.isEmpty() ? "" : ": " + key) + ": " + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.key = Objects.requireNonNull(key, "key");
    }

    public Path file() {
        return file;
    }

    /** Dotted path of the offending key, empty for the file as a whole. */
    public String key() {
        return key;
    }
}
