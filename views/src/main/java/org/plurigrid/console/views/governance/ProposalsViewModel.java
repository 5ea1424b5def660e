package org.plurigrid.console.views.governance;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.VoteChoices;
import org.plurigrid.console.client.governance.WeightedVote;

/**
 * State of the proposals screen: the list, the selection with its tally and the session account's own vote, and one
 * vote at a time going through prepare → confirmation (what you see is what you sign) → signed → broadcast →
 * included at height H, or the chain's error naming the step that failed. Service calls run on {@code background};
 * their results come back through {@code fx}. Each sent vote lands in the session's {@link TxHistory}.
 */
public final class ProposalsViewModel {

    private static final String WAITING = "waiting for a block";

    private final GovernanceActions actions;
    private final SessionViewModel session;
    private final TxHistory history;
    private final InstantSource clock;
    private final Executor background;
    private final Executor fx;

    private final ObservableList<ProposalSummary> proposals = FXCollections.observableArrayList();
    private final ObservableList<ProposalSummary> proposalsReadOnly = FXCollections.unmodifiableObservableList(proposals);
    private final ReadOnlyObjectWrapper<ProposalSummary> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TallyFigures> tally = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper myVote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UnsignedTx> pending = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Confirmation> confirmationDetails = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private boolean listError;
    private final ReadOnlyStringWrapper lastRefresh = new ReadOnlyStringWrapper("");
    private final BooleanBinding canVote;
    private final StringBinding voteBlockedReason;
    private final Map<VoteOption, StringProperty> weights = new EnumMap<>(VoteOption.class);
    private final ReadOnlyStringWrapper weightsMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper weightsValid = new ReadOnlyBooleanWrapper(false);
    private final List<String> steps = new ArrayList<>();
    /** What the pending transaction does, for the session history ("Vote yes on #1"). */
    private String pendingWhat = "";
    private volatile BigDecimal vetoThreshold = new BigDecimal("0.334");

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
        for (VoteOption o : options()) {
            StringProperty p = new SimpleStringProperty(this, VoteChoices.name(o), "");
            p.addListener((obs, was, now) -> validateWeights());
            weights.put(o, p);
        }
        validateWeights();
        session.activeProperty().addListener((obs, was, now) -> loadMyVote());
    }

    /** The four options in the order the screen lists them. */
    public static List<VoteOption> options() {
        return List.of(VoteOption.VOTE_OPTION_YES, VoteOption.VOTE_OPTION_NO, VoteOption.VOTE_OPTION_ABSTAIN,
                VoteOption.VOTE_OPTION_NO_WITH_VETO);
    }

    public ObservableList<ProposalSummary> proposals() {
        return proposalsReadOnly;
    }

    public ReadOnlyObjectProperty<ProposalSummary> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected proposal's tally as drawn, or null. */
    public ReadOnlyObjectProperty<TallyFigures> tallyProperty() {
        return tally.getReadOnlyProperty();
    }

    /** The session account's vote on the selected proposal: "You voted yes", "You have not voted", or "". */
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
        return progress.getReadOnlyProperty();
    }

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

    /** The weight typed for {@code option} in the weighted-vote editor ("" = not part of the split). */
    public StringProperty weightProperty(VoteOption option) {
        StringProperty p = weights.get(option);
        if (p == null) {
            throw new IllegalArgumentException("No weight for " + option);
        }
        return p;
    }

    /** Live check of the weights: "" when they are empty, the problem, or "Weights sum to 1". */
    public ReadOnlyStringProperty weightsMessageProperty() {
        return weightsMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty weightsValidProperty() {
        return weightsValid.getReadOnlyProperty();
    }

    /** True while the list is being read; independent of a vote in flight. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
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
        background.execute(() -> {
            try {
                List<ProposalSummary> loaded = actions.loadProposals();
                BigDecimal veto = actions.vetoThreshold();
                fx.execute(() -> {
                    vetoThreshold = veto;
                    long keep = selected.get() == null ? -1 : selected.get().id();
                    proposals.setAll(loaded);
                    setSelected(loaded.stream().filter(p -> p.id() == keep).findFirst().orElse(null));
                    loading.set(false);
                    if (listError) {
                        error.set("");
                    }
                    listError = false;
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    error.set(SessionViewModel.text(e));
                    listError = true;
                    loading.set(false);
                });
            }
        });
    }

    public void select(ProposalSummary p) {
        setSelected(p);
        error.set("");
    }

    private void setSelected(ProposalSummary p) {
        selected.set(p);
        tally.set(p == null ? null : TallyFigures.of(p, vetoThreshold));
        loadMyVote();
    }

    private void loadMyVote() {
        ProposalSummary p = selected.get();
        AccountEntry a = session.activeProperty().get();
        if (p == null || a == null) {
            myVote.set("");
            return;
        }
        background.execute(() -> {
            String text;
            try {
                text = actions.voteOf(p.id(), a.address()).map(v -> a.name() + " voted " + v)
                        .orElse(a.name() + " has not voted on this proposal");
            } catch (RuntimeException e) {
                text = "Could not read " + a.name() + "'s vote: " + SessionViewModel.text(e);
            }
            String t = text;
            fx.execute(() -> {
                if (selected.get() != null && selected.get().id() == p.id() && session.activeProperty().get() == a) {
                    myVote.set(t);
                }
            });
        });
    }

    /** Prepares a plain vote on the selected proposal and shows it for confirmation. */
    public void requestVote(VoteOption option) {
        ProposalSummary p = selected.get();
        if (p == null || !canVote.get()) {
            return;
        }
        prepare(() -> actions.prepareVote(p.id(), option), "Vote " + VoteChoices.name(option) + " on #" + p.id());
    }

    /** Prepares the split typed in the weighted-vote editor, if it sums to exactly 1. */
    public void requestWeightedVote() {
        Optional<WeightedVote> w = parseWeights();
        if (w.isEmpty()) {
            error.set(weightsMessage.get().isEmpty() ? "Enter at least one weight" : weightsMessage.get());
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
            error.set(e.getMessage());
            return;
        }
        prepare(() -> actions.prepareWeightedVote(p.id(), w), "Vote " + w + " on #" + p.id());
    }

    private void validateWeights() {
        boolean any = weights.values().stream().anyMatch(p -> !p.get().isBlank());
        if (!any) {
            weightsMessage.set("");
            weightsValid.set(false);
            return;
        }
        try {
            weightedVote();
            weightsMessage.set("Weights sum to 1");
            weightsValid.set(true);
        } catch (IllegalArgumentException e) {
            weightsMessage.set(e.getMessage());
            weightsValid.set(false);
        }
    }

    private Optional<WeightedVote> parseWeights() {
        try {
            return Optional.of(weightedVote());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private WeightedVote weightedVote() {
        Map<VoteOption, BigDecimal> m = new EnumMap<>(VoteOption.class);
        for (VoteOption o : options()) {
            String text = weights.get(o).get().strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                m.put(o, new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Weight of " + label(o) + " is not a decimal number: '" + text + "'", e);
            }
        }
        return new WeightedVote(m);
    }

    private void prepare(Supplier<UnsignedTx> work, String what) {
        error.set("");
        progress.set("");
        steps.clear();
        busy.set(true);
        background.execute(() -> {
            try {
                UnsignedTx tx = work.get();
                fx.execute(() -> {
                    pendingWhat = what;
                    pending.set(tx);
                    Confirmation c = Confirmation.of(tx);
                    confirmationDetails.set(c);
                    confirmation.set(c.text());
                    busy.set(false);
                });
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    /** Signs exactly the transaction shown, then follows it; refreshes the list when it is included. */
    public void confirm() {
        UnsignedTx tx = pending.get();
        if (tx == null || busy.get()) {
            return;
        }
        AccountEntry account = session.activeProperty().get();
        String what = pendingWhat;
        busy.set(true);
        background.execute(() -> {
            TxOutcome outcome;
            try {
                outcome = actions.sign(tx, (step, detail) -> fx.execute(() -> step(step)));
            } catch (RuntimeException e) {
                fail(e);
                fx.execute(() -> clearPending());
                return;
            }
            TxOutcome result = outcome;
            fx.execute(() -> {
                clearPending();
                busy.set(false);
                String who = account == null ? tx.signer().bech32() : account.name();
                switch (result) {
                    case TxOutcome.Included inc -> {
                        finish("included at height " + inc.height());
                        history.add(new TxRecord(clock.instant(), who, what, inc.txHash(), inc.height(), "included", true));
                    }
                    case TxOutcome.Rejected r -> {
                        failStep(r.step());
                        error.set(r.message());
                        history.add(new TxRecord(clock.instant(), who, what, r.txHash().orElse(""), r.height(),
                                "failed at " + stepName(r.step()) + ": " + r.log(), false));
                    }
                    case TxOutcome.TimedOut t -> {
                        error.set("Broadcast as " + t.txHash() + " but not in a block after " + t.waited().toSeconds()
                                + " s; it may still be included");
                        history.add(new TxRecord(clock.instant(), who, what, t.txHash(), 0, "not yet in a block", false));
                    }
                }
                if (result instanceof TxOutcome.Included) {
                    refresh();
                }
            });
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

    private void step(TxStep step) {
        String word = switch (step) {
            case SIGN -> "signed";
            case BROADCAST -> "broadcast";
            case INCLUSION -> WAITING;
            default -> null;
        };
        if (word != null && (steps.isEmpty() || !steps.get(steps.size() - 1).equals(word))) {
            steps.add(word);
            progress.set(String.join(" → ", steps));
        }
    }

    private void finish(String last) {
        steps.remove(WAITING);
        steps.add(last);
        progress.set(String.join(" → ", steps));
    }

    private void failStep(TxStep step) {
        steps.remove(WAITING);
        steps.add("failed at " + stepName(step));
        progress.set(String.join(" → ", steps));
    }

    private static String stepName(TxStep step) {
        return switch (step) {
            case CONNECT -> "connect";
            case ACCOUNT -> "account";
            case SIMULATE -> "gas estimate";
            case SIGN -> "signing";
            case BROADCAST -> "broadcast";
            case INCLUSION -> "inclusion";
        };
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
            case WATCHING -> (a == null ? "This account" : a.name()) + " is watch-only: it can view but cannot sign a vote";
            case UNLOCKED -> "";
        };
    }

    private void fail(RuntimeException e) {
        fx.execute(() -> {
            error.set(SessionViewModel.text(e));
            busy.set(false);
        });
    }

    /** Label of an option for buttons: "Yes", "No", "Abstain", "No with veto". */
    public static String label(VoteOption o) {
        String s = VoteChoices.name(o).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
