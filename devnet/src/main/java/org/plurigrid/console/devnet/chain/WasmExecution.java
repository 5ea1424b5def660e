package org.plurigrid.console.devnet.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plurigrid.console.client.chain.proto.cosmos.base.v1beta1.Coin;
import org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.MsgExecuteContract;
import org.plurigrid.console.client.chain.proto.tendermint.abci.Event;

/**
 * The devnet's x/wasm: {@code MsgExecuteContract} and smart queries routed to native contracts by address (the DR
 * program), funds sent with a message moved to the contract first, as wasmd does. Called under {@link ChainState}'s lock.
 */
final class WasmExecution {

    static final String TYPE_URL = "/cosmwasm.wasm.v1.MsgExecuteContract";
    /** Flat gas for a contract call: the devnet meters no wasm instructions. */
    static final long GAS = 60_000;

    /** The bank as contracts see it, and the check of the funds a message sends along. */
    interface Ledger extends DrProgramContract.Bank {
        void requireSpendable(String address, List<Coin> coins) throws TxFailure;
    }

    private final Ledger ledger;
    private final Map<String, DrProgramContract> contracts = new LinkedHashMap<>();

    WasmExecution(Ledger ledger) {
        this.ledger = ledger;
    }

    Ledger ledger() {
        return ledger;
    }

    /** Instantiates the DR program at {@code address} (genesis). */
    void add(String address, DrProgramContract.Program program) {
        contracts.put(address, new DrProgramContract(address, program, ledger));
    }

    List<String> addresses() {
        return List.copyOf(contracts.keySet());
    }

    List<Event> execute(MsgExecuteContract msg, Instant blockTime, long height, boolean apply) throws TxFailure {
        DrProgramContract contract = contracts.get(msg.getContract());
        if (contract == null) {
            throw new TxFailure("wasm", TxFailure.WASM_NO_SUCH_CONTRACT, "no such contract: " + msg.getContract());
        }
        ledger.requireSpendable(msg.getSender(), msg.getFundsList());
        List<Event> events = new ArrayList<>();
        events.add(ChainEvents.event("message", "action", TYPE_URL, "sender", msg.getSender(), "module", "wasm"));
        events.add(ChainEvents.event("execute", "_contract_address", msg.getContract()));
        if (apply) {
            for (Coin c : msg.getFundsList()) {
                ledger.transfer(msg.getSender(), msg.getContract(), c.getDenom(), new BigInteger(c.getAmount()));
            }
        }
        events.addAll(contract.execute(msg.getSender(), msg.getMsg().toByteArray(), blockTime, height, apply));
        return events;
    }

    byte[] query(String address, byte[] queryJson, Instant blockTime) throws TxFailure {
        DrProgramContract contract = contracts.get(address);
        if (contract == null) {
            throw new TxFailure("wasm", TxFailure.WASM_NO_SUCH_CONTRACT, "no such contract: " + address);
        }
        return contract.query(queryJson, blockTime);
    }
}
