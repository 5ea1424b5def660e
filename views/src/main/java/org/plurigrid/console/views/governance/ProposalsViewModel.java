package org.plurigrid.console.views.governance;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
 * State of the proposals screen: the list, the selection, and one vote at a time going through
 * prepare → confirmation (what you see is what you sign) → signed → broadcast → included, or the error.
 * Service calls run on {@code background}; their results come back through {@code fx}.
 */
public final class ProposalsViewModel {

    private final GovernanceActions actions;
    private final Executor background;
    private final Executor fx;

    private final ObservableList<ProposalSummary> proposals = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ProposalSummary> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UnsignedTx> pending = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canVote;
    private final List<String> steps = new java.util.ArrayList<>();
    private static final String WAITING = "waiting for a block";

    public ProposalsViewModel(GovernanceActions actions, Executor background, Executor fx) {
        this.actions = actions;
        this.background = background;
        this.fx = fx;
        this.canVote = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().open() && !busy.get() && pending.get() == null, selected, busy, pending);
    }

    public ObservableList<ProposalSummary> proposals() {
        return FXCollections.unmodifiableObservableList(proposals);
    }

    public ReadOnlyObjectProperty<ProposalSummary> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The transaction awaiting confirmation, or null. */
    public ReadOnlyObjectProperty<UnsignedTx> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

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

    public void refresh() {
        busy.set(true);
        background.execute(() -> {
            try {
                List<ProposalSummary> loaded = actions.loadProposals();
                fx.execute(() -> {
                    long keep = selected.get() == null ? -1 : selected.get().id();
                    proposals.setAll(loaded);
                    selected.set(loaded.stream().filter(p -> p.id() == keep).findFirst().orElse(null));
                    busy.set(false);
                });
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    public void select(ProposalSummary p) {
        selected.set(p);
        error.set("");
    }

    /** Prepares a plain vote on the selected proposal and shows it for confirmation. */
    public void requestVote(VoteOption option) {
        ProposalSummary p = selected.get();
        if (p == null) {
            return;
        }
        prepare(() -> actions.prepareVote(p.id(), option));
    }

    /** Parses {@code yes=0.7,no=0.3}; a bad split is shown as an error and nothing is prepared. */
    public void requestWeightedVote(String weights) {
        ProposalSummary p = selected.get();
        if (p == null) {
            return;
        }
        WeightedVote w;
        try {
            w = WeightedVote.parse(weights);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        prepare(() -> actions.prepareWeightedVote(p.id(), w));
    }

    private void prepare(java.util.function.Supplier<UnsignedTx> work) {
        error.set("");
        progress.set("");
        steps.clear();
        busy.set(true);
        background.execute(() -> {
            try {
                UnsignedTx tx = work.get();
                fx.execute(() -> {
                    pending.set(tx);
                    confirmation.set(tx.describe());
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
        if (tx == null) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            TxOutcome outcome;
            try {
                outcome = actions.sign(tx, (step, detail) -> fx.execute(() -> step(step)));
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            TxOutcome result = outcome;
            fx.execute(() -> {
                pending.set(null);
                confirmation.set("");
                busy.set(false);
                switch (result) {
                    case TxOutcome.Included inc -> finish("included at height " + inc.height());
                    case TxOutcome.Rejected r -> error.set(r.message());
                    case TxOutcome.TimedOut t -> error.set("Broadcast as " + t.txHash() + " but not in a block after "
                            + t.waited().toSeconds() + " s; it may still be included");
                }
                if (result instanceof TxOutcome.Included) {
                    refresh();
                }
            });
        });
    }

    public void cancel() {
        pending.set(null);
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

    private void fail(RuntimeException e) {
        fx.execute(() -> {
            error.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            busy.set(false);
        });
    }

    /** Label of an option for buttons. */
    public static String label(VoteOption o) {
        return VoteChoices.name(o).replace('_', ' ');
    }
}
