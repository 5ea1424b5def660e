package org.plurigrid.console.client.config;

import java.util.Arrays;
import java.util.Objects;

/**
 * A password as the connection editor sees it: none, the one already in {@code console.json} (kept untouched, never
 * decrypted by the editor), or a new one typed by the operator that the writer encrypts.
 */
public sealed interface StoredSecret permits StoredSecret.None, StoredSecret.Kept, StoredSecret.Replaced {

    /** No password. */
    record None() implements StoredSecret {
    }

    /**
     * The value already in the file, written back as it was.
     *
     * @param description how it is stored, for the operator: "stored, encrypted" or "from file secrets/x.password"
     */
    record Kept(String description) implements StoredSecret {
        public Kept {
            Objects.requireNonNull(description, "description");
        }
    }

    /** A new password; the writer encrypts it. Holds its own copy: {@link #clear()} it after writing. */
    final class Replaced implements StoredSecret {
        private final char[] password;

        public Replaced(char[] password) {
            Objects.requireNonNull(password, "password");
            if (password.length == 0) {
                throw new IllegalArgumentException("a new password must not be empty; choose no password instead");
            }
            this.password = password.clone();
        }

        /** A copy; clear it after use. */
        public char[] password() {
            return password.clone();
        }

        public void clear() {
            Arrays.fill(password, '\0');
        }

        @Override
        public String toString() {
            return "Replaced[<secret>]";
        }
    }

    static StoredSecret none() {
        return new None();
    }
}
