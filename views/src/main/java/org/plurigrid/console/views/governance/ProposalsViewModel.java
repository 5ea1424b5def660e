package org.plurigrid.console.views.governance;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.governance.ProposalPhase;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.governance.WeightedVote;
import org.plurigrid.console.views.common.BackgroundTask;
import org.plurigrid.console.views.common.BackgroundTask.Outcome;

/**
 * State of the proposals screen: the {@link ProposalList} and its selection with the tally and the session account's
 * own vote (read from the chain), and one vote at a time going through prepare → confirmation (what you see is what
 * you sign) → {@link TransactionProgress}. The split being typed lives in the {@link WeightedVoteEditor}. Service calls
 * go through {@link BackgroundTask}. Each sent vote lands in the session's {@link TxHistory}.
 */
public final class ProposalsViewModel {

    private final GovernanceActions actions;
    private final SessionViewModel session;
    private final TxHistory history;
    private final InstantSource clock;
    private final Executor background;
    private final Executor fx;

    private final ProposalList list = new ProposalList();
    private final WeightedVoteEditor editor = new WeightedVoteEditor();
    private final TransactionProgress transaction = new TransactionProgress();
    private final ReadOnlyObjectWrapper<ProposalSummary> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TallyFigures> tally = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper myVote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UnsignedTx> pending = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Confirmation> confirmationDetails = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper listError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canVote;
    private final StringBinding voteBlockedReason;
    /** What the pending transaction does, for the session history ("Vote yes on #1"). */
    private String pendingWhat = "";
    private BigDecimal vetoThreshold = new BigDecimal("0.334");

    public ProposalsViewModel(GovernanceActions actions, SessionViewModel session, TxHistory history, InstantSource clock,
            Executor background, Executor fx) {
        this.actions = actions;
        this.session = session;
        this.history = history;
        this.clock = clock;
        this.background = background;
        this.fx = fx;
        this.canVote = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().open() && session.stateProperty().get() == SessionState.UNLOCKED
                        && !busy.get() && pending.get() == null,
                selected, busy, pending, session.stateProperty());
        this.voteBlockedReason = Bindings.createStringBinding(this::blockedReason, selected, session.stateProperty(), session.activeProperty());
        error.bind(Bindings.createStringBinding(() -> transaction.errorProperty().get().isEmpty() ? listError.get()
                : transaction.errorProperty().get(), transaction.errorProperty(), listError));
        session.activeProperty().addListener((obs, was, now) -> loadMyVote());
    }

    /** The four options in the order the screen lists them. */
    public static List<VoteOption> options() {
        return WeightedVoteEditor.options();
    }

    /** Label of an option for buttons: "Yes", "No", "Abstain", "No with veto". */
    public static String label(VoteOption o) {
        return o.label();
    }

    /** The proposals that pass the status filter, newest first. */
    public ObservableList<ProposalSummary> proposals() {
        return list.shown();
    }

    /** Only proposals in this phase (null: all). */
    public ObjectProperty<ProposalPhase> statusFilterProperty() {
        return list.filterProperty();
    }

    public WeightedVoteEditor weightedVote() {
        return editor;
    }

    public TransactionProgress transaction() {
        return transaction;
    }

    public ReadOnlyObjectProperty<ProposalSummary> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected proposal's tally as drawn, or null. */
    public ReadOnlyObjectProperty<TallyFigures> tallyProperty() {
        return tally.getReadOnlyProperty();
    }

    /** The session account's vote on the selected proposal, as the chain has it ("alice voted yes"), or "". */
    public ReadOnlyStringProperty myVoteProperty() {
        return myVote.getReadOnlyProperty();
    }

    /** The transaction awaiting confirmation, or null. */
    public ReadOnlyObjectProperty<UnsignedTx> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** Field by field what confirming will sign, or null. */
    public ReadOnlyObjectProperty<Confirmation> confirmationDetailsProperty() {
        return confirmationDetails.getReadOnlyProperty();
    }

    /** The same as text, one fact per line, or "". */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** "signed → broadcast → included at height 7". */
    public ReadOnlyStringProperty progressProperty() {
        return transaction.textProperty();
    }

    /** The vote's failure if there is one, else a failure to read the list, else "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canVoteProperty() {
        return canVote;
    }

    /** Why the vote buttons are disabled, for the operator; "" when they are enabled. */
    public StringBinding voteBlockedReasonProperty() {
        return voteBlockedReason;
    }

    public StringProperty weightProperty(VoteOption option) {
        return editor.weightProperty(option);
    }

    public ReadOnlyStringProperty weightsMessageProperty() {
        return editor.messageProperty();
    }

    public ReadOnlyBooleanProperty weightsValidProperty() {
        return editor.validProperty();
    }

    /** True while the list is being read; independent of a vote in flight. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    private record Loaded(List<ProposalSummary> proposals, BigDecimal vetoThreshold) {
    }

    /**
     * Reads the proposals and their live tallies again, keeping the selection; safe to call on a timer (a refresh
     * already under way is not doubled, and a vote being prepared or signed is left alone).
     */
    public void refresh() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        BackgroundTask.run(background, fx, () -> new Loaded(actions.loadProposals(), actions.vetoThreshold()), outcome -> {
            loading.set(false);
            switch (outcome) {
                case Outcome.Done<Loaded> d -> {
                    vetoThreshold = d.value().vetoThreshold();
                    long keep = selected.get() == null ? -1 : selected.get().id();
                    list.update(d.value().proposals());
                    setSelected(list.byId(keep).orElse(null));
                    listError.set("");
                }
                case Outcome.Failed<Loaded> f -> listError.set(f.message());
            }
        });
    }

    public void select(ProposalSummary p) {
        setSelected(p);
        transaction.clearError();
        listError.set("");
    }

    private void setSelected(ProposalSummary p) {
        selected.set(p);
        tally.set(p == null ? null : TallyFigures.of(p, vetoThreshold));
        loadMyVote();
    }

    /** Reads the session account's vote on the selected proposal from the chain (gov Query/Vote). */
    private void loadMyVote() {
        ProposalSummary p = selected.get();
        AccountEntry a = session.activeProperty().get();
        if (p == null || a == null) {
            myVote.set("");
            return;
        }
        BackgroundTask.run(background, fx, () -> actions.voteOf(p.id(), a.address()), outcome -> {
            ProposalSummary now = selected.get();
            if (now == null || now.id() != p.id() || !Objects.equals(session.activeProperty().get(), a)) {
                return; // the operator has moved on; a newer read is under way
            }
            myVote.set(switch (outcome) {
                case Outcome.Done<Optional<String>> d -> d.value().map(v -> a.name() + " voted " + v).orElseGet(() -> noVote(now, a));
                case Outcome.Failed<Optional<String>> f -> "Could not read " + a.name() + "'s vote: " + f.message();
            });
        });
    }

    /** No vote on chain: only in voting period does that mean the account has not voted (the SDK deletes tallied votes). */
    private static String noVote(ProposalSummary p, AccountEntry a) {
        return switch (p.status()) {
            case VOTING_PERIOD -> a.name() + " has not voted on this proposal";
            case DEPOSIT_PERIOD -> "Voting has not started";
            default -> "The chain keeps no individual votes once a proposal is tallied: the final tally above is the record";
        };
    }

    /** Prepares a plain vote on the selected proposal and shows it for confirmation. */
    public void requestVote(VoteOption option) {
        ProposalSummary p = selected.get();
        if (p == null || !canVote.get()) {
            return;
        }
        prepare(() -> actions.prepareVote(p.id(), option), "Vote " + option.typedName() + " on #" + p.id());
    }

    /** Prepares the split typed in the weighted-vote editor, if it sums to exactly 1. */
    public void requestWeightedVote() {
        Optional<WeightedVote> w = editor.vote();
        if (w.isEmpty()) {
            transaction.fail(editor.messageProperty().get().isEmpty() ? "Enter at least one weight" : editor.messageProperty().get());
            return;
        }
        ProposalSummary p = selected.get();
        if (p == null || !canVote.get()) {
            return;
        }
        prepare(() -> actions.prepareWeightedVote(p.id(), w.get()), "Vote " + w.get() + " on #" + p.id());
    }

    /** Parses {@code yes=0.7,no=0.3}; a bad split is shown as an error and nothing is prepared. */
    public void requestWeightedVote(String text) {
        ProposalSummary p = selected.get();
        if (p == null || !canVote.get()) {
            return;
        }
        WeightedVote w;
        try {
            w = WeightedVote.parse(text);
        } catch (IllegalArgumentException e) {
            transaction.fail(e.getMessage());
            return;
        }
        prepare(() -> actions.prepareWeightedVote(p.id(), w), "Vote " + w + " on #" + p.id());
    }

    private void prepare(Callable<UnsignedTx> work, String what) {
        transaction.start();
        busy.set(true);
        BackgroundTask.run(background, fx, work, outcome -> {
            busy.set(false);
            switch (outcome) {
                case Outcome.Done<UnsignedTx> d -> {
                    pendingWhat = what;
                    pending.set(d.value());
                    Confirmation c = Confirmation.of(d.value());
                    confirmationDetails.set(c);
                    confirmation.set(c.text());
                }
                case Outcome.Failed<UnsignedTx> f -> transaction.fail(f.message());
            }
        });
    }

    /**
     * Signs exactly the transaction shown, then follows it; whatever the outcome, the list and the account's own vote
     * are read from the chain again, so the panel never contradicts the tally.
     */
    public void confirm() {
        UnsignedTx tx = pending.get();
        if (tx == null || busy.get()) {
            return;
        }
        AccountEntry account = session.activeProperty().get();
        String what = pendingWhat;
        String who = account == null ? tx.signer().bech32() : account.name();
        busy.set(true);
        BackgroundTask.run(background, fx, () -> actions.sign(tx, (step, detail) -> fx.execute(() -> transaction.step(step))), outcome -> {
            clearPending();
            busy.set(false);
            switch (outcome) {
                case Outcome.Done<TxOutcome> d -> {
                    TxOutcome result = d.value();
                    String line = transaction.finish(result);
                    history.add(switch (result) {
                        case TxOutcome.Included inc -> new TxRecord(clock.instant(), who, what, inc.txHash(), inc.height(), line, true);
                        case TxOutcome.Rejected r -> new TxRecord(clock.instant(), who, what, r.txHash().orElse(""), r.height(), line, false);
                        case TxOutcome.TimedOut t -> new TxRecord(clock.instant(), who, what, t.txHash(), 0, line, false);
                    });
                }
                case Outcome.Failed<TxOutcome> f -> transaction.fail(f.message());
            }
            refresh();
            loadMyVote();
        });
    }

    public void cancel() {
        if (!busy.get()) {
            clearPending();
        }
    }

    private void clearPending() {
        pending.set(null);
        confirmationDetails.set(null);
        confirmation.set("");
    }

    private String blockedReason() {
        ProposalSummary p = selected.get();
        if (p == null) {
            return "Select a proposal";
        }
        if (!p.open()) {
            return "Voting is closed: this proposal is " + p.statusText();
        }
        AccountEntry a = session.activeProperty().get();
        return switch (session.stateProperty().get()) {
            case LOCKED -> "Unlock an account to vote";
            case WATCHING -> a != null && !a.watchOnly() ? "Unlock " + a.name() + " to vote"
                    : (a == null ? "This account" : a.name()) + " is watch-only: it can view but cannot sign a vote";
            case UNLOCKED -> "";
        };
    }
}
