package org.plurigrid.console.client.chain;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.HexFormat;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.MsgSend;
import org.plurigrid.console.client.chain.proto.cosmos.crypto.secp256k1.PubKey;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgDeposit;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgSubmitProposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVote;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.MsgVoteWeighted;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.AuthInfo;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.Tx;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxBody;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.TxRaw;
import org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.MsgExecuteContract;

/** Shows transactions and messages as JSON (proto3 JSON mapping, the SDK's type URLs), for audits and confirmations. */
public final class TxJson {

    private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
            .add(MsgSend.getDescriptor())
            .add(MsgVote.getDescriptor())
            .add(MsgVoteWeighted.getDescriptor())
            .add(MsgDeposit.getDescriptor())
            .add(MsgSubmitProposal.getDescriptor())
            .add(MsgExecuteContract.getDescriptor())
            .add(PubKey.getDescriptor())
            .build();

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES).preservingProtoFieldNames();

    private TxJson() {
    }

    public static String print(Message m) {
        try {
            return PRINTER.print(m);
        } catch (InvalidProtocolBufferException e) {
            return m.toString();
        }
    }

    /** One message on one line, e.g. {@code {"@type":"/cosmos.gov.v1.MsgVote","proposal_id":"1",…}}. */
    public static String compact(Any message) {
        try {
            return PRINTER.omittingInsignificantWhitespace().print(message);
        } catch (InvalidProtocolBufferException e) {
            return message.getTypeUrl() + " (" + message.getValue().size() + " bytes)";
        }
    }

    /** Decodes TxRaw bytes (hex) into the full Tx and prints it. */
    public static String decodeTxRawHex(String hex) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not hex: " + e.getMessage(), e);
        }
        return print(decodeTx(bytes));
    }

    public static Tx decodeTx(byte[] txRawBytes) {
        try {
            TxRaw raw = TxRaw.parseFrom(txRawBytes);
            return Tx.newBuilder()
                    .setBody(TxBody.parseFrom(raw.getBodyBytes()))
                    .setAuthInfo(AuthInfo.parseFrom(raw.getAuthInfoBytes()))
                    .addAllSignatures(raw.getSignaturesList())
                    .build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Not a Cosmos TxRaw: " + e.getMessage(), e);
        }
    }
}
