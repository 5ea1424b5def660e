package org.plurigrid.console.views.connections;

import java.util.List;

import org.plurigrid.console.client.config.BrokerEntry;

/**
 * What the connection editor needs from the outside: the brokers of the configuration, saving them (and applying
 * them), and trying one. Implemented in {@code app} over {@code console.json}; the view-model calls it off the FX
 * thread and does no I/O itself.
 */
public interface ConnectionsBackend {

    /** The configured brokers; stored passwords come as {@code StoredSecret.Kept}, never decrypted. */
    List<BrokerEntry> load() throws Exception;

    /** Writes the brokers and applies them; the outcome's message is shown to the operator. */
    Outcome save(List<BrokerEntry> brokers);

    /** Tries to reach one broker with these settings (not yet saved). */
    Outcome test(BrokerEntry broker);

    /** The result of saving or testing, with a message written for the operator (never a secret). */
    sealed interface Outcome permits Done, Failed {
        String message();
    }

    record Done(String message) implements Outcome {
    }

    record Failed(String message) implements Outcome {
    }
}
