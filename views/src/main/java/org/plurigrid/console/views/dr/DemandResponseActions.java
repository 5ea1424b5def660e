package org.plurigrid.console.views.dr;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.dr.ChainEvent;
import org.plurigrid.console.client.dr.CongestionRelief;
import org.plurigrid.console.client.dr.DispatchOutcome;
import org.plurigrid.console.client.dr.DispatchProgress;
import org.plurigrid.console.client.dr.DispatchRequest;
import org.plurigrid.console.client.dr.Flexibility;
import org.plurigrid.console.client.dr.PreparedDispatch;
import org.plurigrid.console.client.dr.ProgramInfo;

/**
 * What the demand-response screen asks of the services. The app implements it over {@code DemandResponseService},
 * the grid model and the signing key; every call may block and runs off the FX thread (through
 * {@code BackgroundTask}). Progress callbacks come on service threads.
 */
public interface DemandResponseActions {

    /** The program: its limits (max kW, max duration) and targets. */
    ProgramInfo program();

    /** Every site with controllable devices and the flexibility it has now, from live telemetry. */
    List<Flexibility> sites();

    /** The program's events on chain, newest first. */
    List<ChainEvent> events();

    /** Fixes the message that will be signed for {@code r} (event id, start resolved now). */
    PreparedDispatch prepare(DispatchRequest r);

    /** Signs and sends exactly {@code p}; devices are commanded only once it is included. */
    DispatchOutcome dispatch(PreparedDispatch p, boolean allowOverlap, Consumer<DispatchProgress> progress);

    /** Cancels on chain, then tells the devices. */
    TxOutcome cancel(String eventId, Consumer<DispatchProgress> progress);

    /**
     * Reports each device's delivered energy (baseline − measured) for an event that is over, then settles it: the
     * program pays the participants' owners from its pool. Two transactions; the first outcome that is not an inclusion
     * is returned.
     */
    TxOutcome settle(String eventId, Consumer<DispatchProgress> progress);

    /** How a followed event stands now, empty when this console does not follow it. */
    Optional<EventSnapshot> snapshot(String eventId);

    /** Branches to relieve: the most loaded now and the N-1 violations, worst first. */
    List<CongestionRow> congestions();

    /** Ranks the sites by their effect on {@code c} and proposes the smallest set of events to {@code targetPercent}. */
    CongestionRelief.Proposal propose(CongestionRelief.Congestion c, double targetPercent);
}
