package org.plurigrid.console.client.alarms;

import java.util.Objects;

/** Outcome of an operator command on an alarm; a rejection says why, in words for the operator. */
public sealed interface CommandResult permits CommandResult.Applied, CommandResult.Rejected {

    record Applied() implements CommandResult {
    }

    record Rejected(String reason) implements CommandResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    CommandResult APPLIED = new Applied();

    static CommandResult rejected(String reason) {
        return new Rejected(reason);
    }

    default boolean isApplied() {
        return this instanceof Applied;
    }
}
