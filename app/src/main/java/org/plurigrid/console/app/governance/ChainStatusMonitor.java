package org.plurigrid.console.app.governance;

import java.time.InstantSource;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.views.governance.ChainStatus;
import org.plurigrid.console.views.governance.ChainStatus.Connection;

/**
 * Asks the node who it is (GetNodeInfo) on each {@link #check()} and publishes the answer on the FX executor for the
 * status bar with the node's latest height (GetLatestBlock; if a node does not serve it, the highest block the console
 * has seen one of its transactions in).
 */
public final class ChainStatusMonitor {

    private final ChainClient chain;
    private final InstantSource clock;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<ChainStatus> status;
    private volatile long heightSeen = -1;

    public ChainStatusMonitor(ChainClient chain, InstantSource clock, Executor fx) {
        this.chain = chain;
        this.clock = clock;
        this.fx = fx;
        this.status = new ReadOnlyObjectWrapper<>(new ChainStatus(chain.config().chainId(), Connection.CONNECTING, OptionalLong.empty(),
                chain.config().endpoints().get(0).toString(), "", clock.instant()));
    }

    public ReadOnlyObjectProperty<ChainStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Records a block height seen (a transaction's inclusion); the status shows the highest. */
    public void sawHeight(long height) {
        if (height > heightSeen) {
            heightSeen = height;
        }
    }

    /** Blocking: call on a background thread. Returns the status it publishes. */
    public ChainStatus check() {
        String configured = chain.config().chainId();
        String endpoint = chain.config().endpoints().get(0).toString();
        OptionalLong height = heightSeen < 0 ? OptionalLong.empty() : OptionalLong.of(heightSeen);
        ChainStatus s;
        try {
            String network = chain.nodeChainId();
            try {
                sawHeight(chain.latestHeight());
            } catch (ChainException.UnreachableException e) {
                throw e;
            } catch (ChainException e) {
                // served without GetLatestBlock: keep the heights seen in our own transactions
            }
            height = heightSeen < 0 ? OptionalLong.empty() : OptionalLong.of(heightSeen);
            s = configured.equals(network)
                    ? new ChainStatus(configured, Connection.CONNECTED, height, endpoint, "", clock.instant())
                    : new ChainStatus(configured, Connection.WRONG_CHAIN, height, endpoint, "node serves " + network, clock.instant());
        } catch (ChainException | io.grpc.StatusRuntimeException e) {
            s = new ChainStatus(configured, Connection.UNREACHABLE, height, endpoint, e.getMessage(), clock.instant());
        }
        ChainStatus published = s;
        fx.execute(() -> status.set(published));
        return published;
    }
}
