package org.plurigrid.console.views.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.plurigrid.console.client.governance.ProposalPhase;
import org.plurigrid.console.client.governance.ProposalSummary;

/**
 * The proposals as the screen lists them, newest first, filterable by status. A proposal the chain stops returning
 * (the SDK deletes one whose deposit period ends short of the minimum deposit) stays in the list as
 * {@link ProposalPhase#REMOVED} instead of vanishing under the operator's eyes. FX thread only.
 */
public final class ProposalList {

    private final ObservableList<ProposalSummary> all = FXCollections.observableArrayList();
    private final FilteredList<ProposalSummary> shown = new FilteredList<>(all, p -> true);
    private final ObservableList<ProposalSummary> shownReadOnly = FXCollections.unmodifiableObservableList(shown);
    private final ObjectProperty<ProposalPhase> filter = new SimpleObjectProperty<>(this, "filter");

    public ProposalList() {
        filter.addListener((obs, was, now) -> shown.setPredicate(p -> now == null || p.status() == now));
    }

    /** The proposals that pass the filter. */
    public ObservableList<ProposalSummary> shown() {
        return shownReadOnly;
    }

    /** Every proposal known, whatever the filter. */
    public List<ProposalSummary> all() {
        return List.copyOf(all);
    }

    /** Only proposals in this phase; null shows all. */
    public ObjectProperty<ProposalPhase> filterProperty() {
        return filter;
    }

    /** Takes what the chain returned now; those it no longer returns are kept, marked removed. */
    public void update(List<ProposalSummary> fromChain) {
        Map<Long, ProposalSummary> merged = new LinkedHashMap<>();
        fromChain.forEach(p -> merged.put(p.id(), p));
        for (ProposalSummary old : all) {
            if (!merged.containsKey(old.id())) {
                merged.put(old.id(), old.status() == ProposalPhase.REMOVED ? old : old.removed());
            }
        }
        List<ProposalSummary> list = new ArrayList<>(merged.values());
        if (newestFirst(fromChain)) {
            list.sort((a, b) -> Long.compare(b.id(), a.id())); // removed ones back in their place
        }
        all.setAll(list);
    }

    private static boolean newestFirst(List<ProposalSummary> ps) {
        for (int i = 1; i < ps.size(); i++) {
            if (ps.get(i - 1).id() < ps.get(i).id()) {
                return false;
            }
        }
        return true;
    }

    /** The proposal with this id, if it is known. */
    public java.util.Optional<ProposalSummary> byId(long id) {
        return all.stream().filter(p -> p.id() == id).findFirst();
    }
}
