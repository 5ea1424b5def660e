package org.plurigrid.console.views.governance;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The console's own transactions for this session, newest first; kept in memory only, touched on the FX thread. */
public final class TxHistory {

    private final ObservableList<TxRecord> records = FXCollections.observableArrayList();
    // One wrapper for everyone: a wrapper only weakly listens to the list, so listeners on a dropped one go silent.
    private final ObservableList<TxRecord> readOnly = FXCollections.unmodifiableObservableList(records);

    public ObservableList<TxRecord> records() {
        return readOnly;
    }

    void add(TxRecord r) {
        records.add(0, r);
    }
}
