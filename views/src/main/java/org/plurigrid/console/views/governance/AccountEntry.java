package org.plurigrid.console.views.governance;

import java.util.Objects;

/** A keystore account as the picker shows it: name, address, and whether it can sign (watch-only cannot). */
public record AccountEntry(String name, String address, boolean watchOnly) {

    public AccountEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return name + (watchOnly ? " (watch-only)" : "");
    }
}
