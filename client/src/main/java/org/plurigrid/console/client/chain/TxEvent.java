package org.plurigrid.console.client.chain;

import java.util.List;
import java.util.Objects;

/** An ABCI event of an included transaction: type and its key/value attributes in order. */
public record TxEvent(String type, List<Attribute> attributes) {

    public TxEvent {
        Objects.requireNonNull(type, "type");
        attributes = List.copyOf(attributes);
    }

    public record Attribute(String key, String value) {
    }

    /** The first value of {@code key}, or empty string. */
    public String attribute(String key) {
        return attributes.stream().filter(a -> a.key().equals(key)).map(Attribute::value).findFirst().orElse("");
    }
}
