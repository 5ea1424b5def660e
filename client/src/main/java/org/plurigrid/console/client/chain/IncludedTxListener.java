package org.plurigrid.console.client.chain;

/**
 * Told of every transaction the console signed once it is included in a block (a vote, a DR dispatch, cancel or
 * settlement): what it did in a few words, its hash and height, and its messages as compact JSON. The recording is
 * one, so replay shows chain events on its timeline.
 */
@FunctionalInterface
public interface IncludedTxListener {

    IncludedTxListener NONE = (what, txHash, height, detail) -> { };

    void included(String what, String txHash, long height, String detail);
}
