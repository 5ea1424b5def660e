package org.plurigrid.console.views.governance;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The console's own transactions for this session, newest first; kept in memory only, touched on the FX thread. */
public final class TxHistory {

    private final ObservableList<TxRecord> records = FXCollections.observableArrayList();

    public ObservableList<TxRecord> records() {
        return FXCollections.unmodifiableObservableList(records);
    }

    void add(TxRecord r) {
        records.add(0, r);
    }
}
