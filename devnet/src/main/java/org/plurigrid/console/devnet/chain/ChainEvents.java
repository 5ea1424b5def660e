package org.plurigrid.console.devnet.chain;

import org.plurigrid.console.client.chain.proto.tendermint.abci.Event;
import org.plurigrid.console.client.chain.proto.tendermint.abci.EventAttribute;

/** ABCI events as the SDK writes them: every attribute indexed, in the order given. */
final class ChainEvents {

    private ChainEvents() {
    }

    /** An event of {@code type} with attributes given as key, value, key, value… */
    static Event event(String type, String... kv) {
        Event.Builder b = Event.newBuilder().setType(type);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            b.addAttributes(EventAttribute.newBuilder().setKey(kv[i]).setValue(kv[i + 1]).setIndex(true));
        }
        return b.build();
    }
}
