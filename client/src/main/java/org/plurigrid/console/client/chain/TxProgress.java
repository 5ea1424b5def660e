package org.plurigrid.console.client.chain;

/** Hears each step of a transaction as it starts; called on the submitting thread. */
@FunctionalInterface
public interface TxProgress {

    void onStep(TxStep step, String detail);

    TxProgress NONE = (step, detail) -> { };
}
