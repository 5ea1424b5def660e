package org.plurigrid.console.devnet.fleet;

/**
 * The Sparkplug B {@code seq} of one edge node: 0 on NBIRTH, then +1 on every DBIRTH, NDATA and DDATA of the node,
 * wrapping from 255 to 0. Not thread-safe: an edge node publishes from one thread.
 */
public final class SequenceNumber {

    private int next;

    /** Restarts the count; the next {@link #next()} returns 0 (for an NBIRTH). */
    public void reset() {
        next = 0;
    }

    /** The seq for the next payload, then advances. */
    public long next() {
        int current = next;
        next = (next + 1) & 0xFF;
        return current;
    }
}
