package org.plurigrid.console.devnet.chain;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.plurigrid.console.client.chain.proto.tendermint.abci.Event;

/**
 * Every message type the devnet chain executes, one row per type URL: how to read it, who must sign it, what it costs
 * in gas and what runs it. Decoding, the ante handler's signer check, gas and block execution all look the type up
 * here, so a new message is one more row instead of a case in four switches.
 */
final class MessageRoutes {

    /** Runs one message: validates it against the state and, with {@code apply}, changes the state and returns its events. */
    @FunctionalInterface
    interface Handler<M> {
        List<Event> execute(M message, String signer, boolean apply) throws TxFailure;
    }

    private record Route<M extends Message>(Parser<M> parser, Function<M, String> signer, long gas, Handler<M> handler) {

        M read(Any m) throws TxFailure {
            try {
                return parser.parseFrom(m.getValue());
            } catch (InvalidProtocolBufferException e) {
                throw TxFailure.sdk(TxFailure.TX_DECODE, e.getMessage() + ": tx parse error");
            }
        }

        String signerOf(Any m) throws TxFailure {
            return signer.apply(read(m));
        }

        List<Event> execute(Any m, String txSigner, boolean apply) throws TxFailure {
            return handler.execute(read(m), txSigner, apply);
        }
    }

    private final Map<String, Route<?>> routes = new LinkedHashMap<>();

    /** Adds the row of one message type; {@code signer} names the account that must have signed the transaction. */
    <M extends Message> MessageRoutes add(String typeUrl, Parser<M> parser, Function<M, String> signer, long gas, Handler<M> handler) {
        if (routes.putIfAbsent(typeUrl, new Route<>(parser, signer, gas, handler)) != null) {
            throw new IllegalArgumentException("message type " + typeUrl + " routed twice");
        }
        return this;
    }

    /** The type URLs a transaction may carry; anything else is refused as unknown. */
    Set<String> typeUrls() {
        return Set.copyOf(routes.keySet());
    }

    /** Refuses a message of a type this chain does not know, as the SDK's decoder does. */
    void requireKnown(Any m) throws TxFailure {
        route(m);
    }

    /** The address that must have signed a transaction carrying {@code m}. */
    String signer(Any m) throws TxFailure {
        return route(m).signerOf(m);
    }

    /** Deterministic gas of the messages: a cost per message kind. */
    long gas(List<Any> msgs) {
        long g = 0;
        for (Any m : msgs) {
            Route<?> r = routes.get(m.getTypeUrl());
            g += r == null ? 10_000 : r.gas();
        }
        return g;
    }

    /** Validates one message against the state; with {@code apply} also changes the state and returns its events. */
    List<Event> execute(Any m, String txSigner, boolean apply) throws TxFailure {
        Route<?> r = routes.get(m.getTypeUrl());
        if (r == null) {
            throw TxFailure.sdk(TxFailure.UNKNOWN_REQUEST, "unrecognized message type " + m.getTypeUrl() + ": unknown request");
        }
        return r.execute(m, txSigner, apply);
    }

    private Route<?> route(Any m) throws TxFailure {
        Route<?> r = routes.get(m.getTypeUrl());
        if (r == null) {
            throw TxFailure.sdk(TxFailure.TX_DECODE, "unable to resolve type URL " + m.getTypeUrl() + ": tx parse error");
        }
        return r;
    }
}
