package org.plurigrid.console.client.chain;

import com.google.protobuf.Any;
import java.util.List;
import java.util.Objects;
import org.plurigrid.console.client.wallet.AccountAddress;

/**
 * A transaction ready to sign, with everything the operator must confirm: chain, account, messages, fee. What the
 * confirmation shows is exactly what {@link ChainClient#signAndSubmit} signs.
 */
public record UnsignedTx(
        String chainId,
        AccountAddress signer,
        byte[] publicKey,
        long accountNumber,
        long sequence,
        List<Any> messages,
        String memo,
        TxFee fee,
        long gasUsedInSimulation) {

    public UnsignedTx {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(signer, "signer");
        publicKey = publicKey.clone();
        messages = List.copyOf(messages);
        memo = memo == null ? "" : memo;
        Objects.requireNonNull(fee, "fee");
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public SignerData signerData() {
        return new SignerData(chainId, accountNumber, sequence);
    }

    /** Each message as indented JSON (TxJson), one after the other: what a confirmation screen shows. */
    public String messagesJson() {
        return messages.stream().map(TxJson::print).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The confirmation text: one fact per line. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Chain:    ").append(chainId).append('\n');
        sb.append("Account:  ").append(signer.bech32()).append(" (number ").append(accountNumber)
                .append(", sequence ").append(sequence).append(")\n");
        for (Any m : messages) {
            sb.append("Message:  ").append(TxJson.compact(m)).append('\n');
        }
        if (!memo.isEmpty()) {
            sb.append("Memo:     ").append(memo).append('\n');
        }
        sb.append("Fee:      ").append(fee.amount()).append(", gas limit ").append(fee.gasLimit())
                .append(" (simulated ").append(gasUsedInSimulation).append(")\n");
        return sb.toString();
    }
}
