package org.plurigrid.console.client.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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
            .add(org.plurigrid.console.client.chain.proto.grid.grid.MsgSubmitPower.getDescriptor())
            .add(PubKey.getDescriptor())
            .build();

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES).preservingProtoFieldNames();

    private static final ObjectMapper TREE = new ObjectMapper();
    /** {@code "key": value}, as protobuf's printer writes it. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter().withSeparators(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

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

    /**
     * Decodes TxRaw bytes (hex) into one JSON object: {@code body}, {@code auth_info}, {@code signatures} (base64).
     * A message, extension or public key of a type the console does not know is shown as
     * {@code {"@type": URL, "value_base64": BYTES}} instead of failing or switching format.
     *
     * @throws IllegalArgumentException when the text is empty, not hex, or not a TxRaw
     */
    public static String decodeTxRawHex(String hex) {
        String text = hex == null ? "" : hex.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("No transaction given: expected the TxRaw as hex");
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not hex: " + e.getMessage(), e);
        }
        Tx tx = decodeTx(bytes);
        if (!tx.hasBody() || tx.getBody().getMessagesCount() == 0) {
            throw new IllegalArgumentException("Not a Cosmos transaction: the TxRaw carries no message");
        }
        return json(tx);
    }

    /** The transaction as indented JSON with unknown {@code Any} values as base64. */
    static String json(Tx tx) {
        ObjectNode root = TREE.createObjectNode();
        TxBody body = tx.getBody();
        ObjectNode b = (ObjectNode) tree(body.toBuilder().clearMessages().clearExtensionOptions()
                .clearNonCriticalExtensionOptions().build());
        b.set("messages", anys(body.getMessagesList()));
        if (body.getExtensionOptionsCount() > 0) {
            b.set("extension_options", anys(body.getExtensionOptionsList()));
        }
        if (body.getNonCriticalExtensionOptionsCount() > 0) {
            b.set("non_critical_extension_options", anys(body.getNonCriticalExtensionOptionsList()));
        }
        root.set("body", b);
        AuthInfo.Builder auth = tx.getAuthInfo().toBuilder();
        List<Any> keys = new ArrayList<>();
        for (int i = 0; i < auth.getSignerInfosCount(); i++) {
            keys.add(auth.getSignerInfos(i).getPublicKey());
            auth.setSignerInfos(i, auth.getSignerInfos(i).toBuilder().clearPublicKey());
        }
        ObjectNode a = (ObjectNode) tree(auth.build());
        JsonNode signers = a.get("signer_infos");
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).equals(Any.getDefaultInstance()) && signers != null && signers.get(i) instanceof ObjectNode s) {
                s.set("public_key", any(keys.get(i)));
            }
        }
        root.set("auth_info", a);
        ArrayNode signatures = root.putArray("signatures");
        for (ByteString sig : tx.getSignaturesList()) {
            signatures.add(Base64.getEncoder().encodeToString(sig.toByteArray()));
        }
        try {
            return TREE.writer(PRETTY).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static ArrayNode anys(List<Any> values) {
        ArrayNode out = TREE.createArrayNode();
        values.forEach(v -> out.add(any(v)));
        return out;
    }

    /** A known type in the proto3 JSON mapping; an unknown one (or one holding unknown types) as base64. */
    private static JsonNode any(Any value) {
        try {
            return TREE.readTree(PRINTER.print(value));
        } catch (InvalidProtocolBufferException | JsonProcessingException unknownType) {
            ObjectNode n = TREE.createObjectNode();
            n.put("@type", value.getTypeUrl());
            n.put("value_base64", Base64.getEncoder().encodeToString(value.getValue().toByteArray()));
            return n;
        }
    }

    private static JsonNode tree(Message m) {
        try {
            return TREE.readTree(PRINTER.print(m));
        } catch (InvalidProtocolBufferException | JsonProcessingException e) {
            throw new IllegalArgumentException("Not a Cosmos transaction: " + e.getMessage(), e);
        }
    }

    public static Tx decodeTx(byte[] txRawBytes) {
        try {
            TxRaw raw = TxRaw.parseFrom(txRawBytes);
            if (raw.getBodyBytes().isEmpty()) {
                throw new IllegalArgumentException("Not a Cosmos transaction: the TxRaw has no body");
            }
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
