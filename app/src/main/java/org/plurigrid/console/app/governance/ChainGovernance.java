package org.plurigrid.console.app.governance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.WeightedVoteOption;
import org.plurigrid.console.client.governance.GovernanceService;
import org.plurigrid.console.client.governance.ProposalSummary;

import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.governance.WeightedVote;
import org.plurigrid.console.client.wallet.AccountAddress;
import org.plurigrid.console.client.wallet.KeyInfo;
import org.plurigrid.console.client.wallet.Keystore;
import org.plurigrid.console.client.wallet.SigningKey;
import org.plurigrid.console.views.governance.AccountEntry;
import org.plurigrid.console.views.governance.AccountOverview;
import org.plurigrid.console.views.governance.GovernanceActions;

/**
 * The production {@link GovernanceActions}: the keystore in the home folder, one chain's {@link ChainClient}, and the
 * governance and vote services over it. Holds the one unlocked key of the session in memory until {@link #lock()}.
 * Blocking; the view-models call it on a background executor.
 */
public final class ChainGovernance implements GovernanceActions {

    private final Keystore keystore;
    private final ChainClient chain;
    private final GovernanceService governance;
    private final VoteService votes;
    private volatile SigningKey key;
    private volatile BigDecimal vetoThreshold;

    public ChainGovernance(Keystore keystore, ChainClient chain) {
        this.keystore = keystore;
        this.chain = chain;
        this.governance = new GovernanceService(chain);
        this.votes = new VoteService(chain);
    }

    @Override
    public List<ProposalSummary> loadProposals() {
        return governance.proposals();
    }

    @Override
    public List<AccountEntry> accounts() {
        return keystore.list().stream().map(this::entry).toList();
    }

    private AccountEntry entry(KeyInfo info) {
        return new AccountEntry(info.name(), onThisChain(info.address()).bech32(), info.watchOnly());
    }

    /** Keys are stored with the prefix they were made for; the same 20 bytes are the account on this chain. */
    private AccountAddress onThisChain(AccountAddress a) {
        return new AccountAddress(chain.config().bech32Prefix(), a.bytes());
    }

    @Override
    public void unlock(String account, char[] password) {
        // Keystore.unlock clears the password whatever happens.
        SigningKey unlocked = keystore.unlock(account, password);
        key = unlocked;
    }

    @Override
    public void lock() {
        key = null;
    }

    /** Whether a key is unlocked (for tests and the status of the session). */
    public boolean unlocked() {
        return key != null;
    }

    @Override
    public AccountOverview account(String address) {
        List<String> balances = chain.balances(address).stream().map(CoinAmount::toString).toList();
        Optional<java.math.BigInteger> power;
        try {
            power = Optional.of(chain.delegatedTokens(address));
        } catch (ChainException e) {
            // A node without the staking query still shows balances; voting power then reads "not served".
            power = Optional.empty();
        }
        return new AccountOverview(address, balances, power);
    }

    @Override
    public Optional<String> voteOf(long proposalId, String voter) {
        return governance.voteOf(proposalId, AccountAddress.parse(voter)).map(v -> describe(v.getOptionsList()));
    }

    static String describe(List<WeightedVoteOption> options) {
        if (options.size() == 1) {
            return VoteOption.of(options.get(0).getOption()).typedName();
        }
        return options.stream().map(o -> VoteOption.of(o.getOption()).typedName() + " "
                + (o.getWeight().isEmpty() ? "" : new BigDecimal(o.getWeight()).stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public BigDecimal vetoThreshold() {
        BigDecimal v = vetoThreshold;
        if (v == null) {
            String text = chain.govParams().getVetoThreshold();
            v = text.isEmpty() ? new BigDecimal("0.334") : new BigDecimal(text);
            vetoThreshold = v;
        }
        return v;
    }

    @Override
    public UnsignedTx prepareVote(long proposalId, VoteOption option) {
        SigningKey k = requireKey();
        return votes.prepareVote(proposalId, option, k.address(chain.config().bech32Prefix()), k.publicKey(), "");
    }

    @Override
    public UnsignedTx prepareWeightedVote(long proposalId, WeightedVote weights) {
        SigningKey k = requireKey();
        return votes.prepareWeightedVote(proposalId, weights, k.address(chain.config().bech32Prefix()), k.publicKey(), "");
    }

    @Override
    public TxOutcome sign(UnsignedTx tx, TxProgress progress) {
        SigningKey k = key;
        if (k == null) {
            return new TxOutcome.Rejected(TxStep.SIGN, 0, "", "No account is unlocked: unlock it again to sign", Optional.empty(), 0);
        }
        return chain.signAndSubmit(tx, k, progress);
    }

    private SigningKey requireKey() {
        SigningKey k = key;
        if (k == null) {
            throw new ChainException(TxStep.SIGN, "No account is unlocked: unlock one to vote");
        }
        return k;
    }
}
