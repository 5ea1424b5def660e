package org.plurigrid.console.client.dr;

import java.util.List;
import java.util.Objects;

/** OpenADR 3.1 {@code valuesMap}: a type (payload or report type name) and its values (numbers here). */
public record ValuesMap(String type, List<Double> values) {
    public ValuesMap {
        Objects.requireNonNull(type, "type");
        if (type.isBlank() || type.length() > 128) {
            throw new IllegalArgumentException("A values map type must be 1 to 128 characters, was '" + type + "'");
        }
        values = List.copyOf(values);
    }

    public static ValuesMap of(String type, double value) {
        return new ValuesMap(type, List.of(value));
    }
}
