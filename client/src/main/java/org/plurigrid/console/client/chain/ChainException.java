package org.plurigrid.console.client.chain;

/**
 * A chain operation that failed in a way the operator can act on (node unreachable, node on another chain, account
 * or proposal unknown). The message is written for the operator; the gRPC cause stays attached for the log.
 */
public class ChainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final TxStep step;

    public ChainException(TxStep step, String message) {
        super(message);
        this.step = step;
    }

    public ChainException(TxStep step, String message, Throwable cause) {
        super(message, cause);
        this.step = step;
    }

    public TxStep step() {
        return step;
    }

    /** No configured endpoint answered. */
    public static final class UnreachableException extends ChainException {
        private static final long serialVersionUID = 1L;

        public UnreachableException(String message, Throwable cause) {
            super(TxStep.CONNECT, message, cause);
        }
    }

    /** The node serves a different chain-id than the one configured. */
    public static final class WrongChainException extends ChainException {
        private static final long serialVersionUID = 1L;

        public WrongChainException(String message) {
            super(TxStep.CONNECT, message);
        }
    }
}
