package org.plurigrid.console.views.governance;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The node connection as the status bar shows it: chain-id, whether the node answers (and is on that chain), the
 * latest block height when known, and a short word for the operator.
 */
public record ChainStatus(String chainId, Connection connection, OptionalLong height, String endpoint, String detail, Instant checkedAt) {

    /** How the console stands with the node. */
    public enum Connection {
        CONNECTING,
        CONNECTED,
        /** The node answers but serves another chain-id: nothing is signed for it. */
        WRONG_CHAIN,
        UNREACHABLE
    }

    public ChainStatus {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(height, "height");
        endpoint = endpoint == null ? "" : endpoint;
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    public boolean connected() {
        return connection == Connection.CONNECTED;
    }

    /** One line: "plurigrid-devnet-1 · connected · height 1234". */
    public String text() {
        String state = switch (connection) {
            case CONNECTING -> "connecting…";
            case CONNECTED -> "connected";
            case WRONG_CHAIN -> "wrong chain";
            case UNREACHABLE -> "unreachable";
        };
        // the state first: where the status bar is narrow, the chain id gives way before whether it is connected
        return state + (height.isPresent() ? " · height " + height.getAsLong() : "") + " · " + chainId;
    }
}
