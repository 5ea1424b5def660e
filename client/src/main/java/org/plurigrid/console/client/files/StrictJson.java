package org.plurigrid.console.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one way the console reads the JSON files an operator edits ({@code console.json}, {@code alarm-rules.json},
 * keystore files, the map camera): comments allowed, a duplicate key or content after the value refused, and the
 * size bounded (file size, nesting depth, text and number length) before anything large is allocated, so a hostile
 * or broken file gives one clear message instead of a crash.
 */
public final class StrictJson {

    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_TEXT_LENGTH = 64 * 1024;
    public static final int MAX_NUMBER_LENGTH = 100;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_TEXT_LENGTH)
                            .maxNameLength(MAX_TEXT_LENGTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxDocumentLength(MAX_FILE_BYTES)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /** The JSON is unusable: where (when known), which key (for a duplicate), and what is wrong, for the operator. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String key;

        Invalid(String message, String key, Throwable cause) {
            super(message, cause);
            this.key = key;
        }

        /** The duplicated key, empty when the problem is not about one key. */
        public String key() {
            return key;
        }
    }

    /**
     * Reads a whole file (missing file: {@link java.nio.file.NoSuchFileException}).
     *
     * @throws Invalid when it is too large or not strict JSON
     */
    public static JsonNode readFile(Path file) throws IOException, Invalid {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new Invalid("is " + size + " bytes; a file the console reads is at most " + MAX_FILE_BYTES + " bytes",
                    "", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** Reads JSON text (e.g. a resource or an editor's text). */
    public static JsonNode readText(String text) throws Invalid {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** A mapper with the same settings, for code that reads and writes trees of these files. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static Invalid invalid(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String original = Optional.ofNullable(e.getOriginalMessage()).orElse(e.getClass().getSimpleName());
        String lower = original.toLowerCase(Locale.ROOT);
        String key = "";
        String problem;
        if (e instanceof StreamConstraintsException) {
            if (lower.contains("nesting depth")) {
                problem = "nested more than " + MAX_DEPTH + " levels deep";
            } else if (lower.contains("string value length") || lower.contains("name length")) {
                problem = "a text value is longer than " + MAX_TEXT_LENGTH + " characters";
            } else if (lower.contains("number value length")) {
                problem = "a number is longer than " + MAX_NUMBER_LENGTH + " digits";
            } else if (lower.contains("document length")) {
                problem = "the file is longer than " + MAX_FILE_BYTES + " bytes";
            } else {
                problem = original;
            }
            return new Invalid("is too large to be a console file" + where + ": " + problem, key, e);
        }
        if (lower.startsWith("duplicate")) {
            key = duplicateKey(e);
            problem = "the key \"" + key + "\" appears twice in the same object; keep one";
        } else if (lower.startsWith("trailing token")) {
            problem = "unexpected content after the end of the JSON value";
        } else {
            problem = original;
        }
        return new Invalid("is not valid JSON" + where + ": " + problem, key, e);
    }

    private static String duplicateKey(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser p) {
            try {
                String name = p.currentName();
                if (name != null) {
                    return name;
                }
            } catch (IOException | RuntimeException ignored) {
                // fall back to the message
            }
        }
        String m = e.getOriginalMessage();
        int open = m.indexOf('"');
        int close = open < 0 ? -1 : m.indexOf('"', open + 1);
        if (open < 0) {
            open = m.indexOf('\'');
            close = open < 0 ? -1 : m.indexOf('\'', open + 1);
        }
        return open >= 0 && close > open ? m.substring(open + 1, close) : "";
    }
}
