package org.plurigrid.console.devnet.chain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plurigrid.console.client.chain.proto.grid.grid.MsgSubmitPower;
import org.plurigrid.console.client.chain.proto.tendermint.abci.Event;

/** The Plurigrid chain's grid module as far as the devnet needs it: delivered power recorded by its creator, in order. */
final class PowerSubmissions {

    /** Read without the chain's lock ({@link DevnetChain#powerRecords()}), hence copy-on-write. */
    private final List<DevnetChain.PowerRecord> records = new CopyOnWriteArrayList<>();

    /** Power records of {@code /grid.grid.MsgSubmitPower} so far, oldest first (what the Plurigrid chain's grid module keeps). */
    List<DevnetChain.PowerRecord> records() {
        return List.copyOf(records);
    }

    /** {@code /grid.grid.MsgSubmitPower}: a whole, non-negative number of watts. */
    List<Event> submit(MsgSubmitPower p, long height, boolean apply) throws TxFailure {
        long watt;
        try {
            watt = Long.parseLong(p.getWatt());
        } catch (NumberFormatException e) {
            throw TxFailure.sdk(TxFailure.INVALID_REQUEST, "watt \"" + p.getWatt() + "\" is not a whole number of W: invalid request");
        }
        if (watt < 0) {
            throw TxFailure.sdk(TxFailure.INVALID_REQUEST, "watt cannot be negative (" + watt + "): invalid request");
        }
        if (apply) {
            records.add(new DevnetChain.PowerRecord(p.getCreator(), watt, height));
        }
        return List.of(ChainEvents.event("message", "action", MsgTypes.SUBMIT_POWER, "sender", p.getCreator(), "module", "grid"),
                ChainEvents.event("submit_power", "creator", p.getCreator(), "watt", Long.toString(watt)));
    }
}
