package org.plurigrid.console.client.dr;

import java.time.Instant;
import java.util.Objects;

/**
 * A dispatch fixed before it is confirmed: the event id, the request, when its "now" was resolved, and exactly the
 * contract message that will be signed by {@code sender} on {@code chainId} for {@code contract}.
 */
public record PreparedDispatch(String eventId, DispatchRequest request, Instant preparedAt, String sender, String contract,
                               String chainId, String messageJson) {
    public PreparedDispatch {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(preparedAt, "preparedAt");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(messageJson, "messageJson");
    }
}
