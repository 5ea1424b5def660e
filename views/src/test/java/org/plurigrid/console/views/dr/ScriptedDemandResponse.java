package org.plurigrid.console.views.dr;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.dr.ChainEvent;
import org.plurigrid.console.client.dr.CongestionRelief;
import org.plurigrid.console.client.dr.DeviceState;
import org.plurigrid.console.client.dr.DispatchOutcome;
import org.plurigrid.console.client.dr.DispatchProgress;
import org.plurigrid.console.client.dr.DispatchRequest;
import org.plurigrid.console.client.dr.Flexibility;
import org.plurigrid.console.client.dr.LiveEvent;
import org.plurigrid.console.client.dr.PayloadType;
import org.plurigrid.console.client.dr.PreparedDispatch;
import org.plurigrid.console.client.dr.ProgramInfo;

/** An in-memory backend for the demand-response view-model: records what it was asked to sign, send and cancel. */
final class ScriptedDemandResponse implements DemandResponseActions {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    final List<ChainEvent> events = new CopyOnWriteArrayList<>();
    final List<PreparedDispatch> prepared = new CopyOnWriteArrayList<>();
    final List<PreparedDispatch> sent = new CopyOnWriteArrayList<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    double deliveredKw = 0;
    int counter;

    @Override
    public ProgramInfo program() {
        return new ProgramInfo("cosmos1contract", "prog-devnet", "Devnet congestion relief", List.of("cosmos1op"), "ucosm",
                BigInteger.TEN, BigInteger.ONE, Optional.of(5000.0), Optional.of(Duration.ofHours(4)), List.of(), Map.of());
    }

    @Override
    public List<Flexibility> sites() {
        return List.of(new Flexibility("site-a", 6, 120, 40, 20, 10, 5, 0), new Flexibility("site-b", 4, 80, 30, 0, 0, 0, 12));
    }

    @Override
    public List<ChainEvent> events() {
        return List.copyOf(events);
    }

    static ChainEvent anEvent(String id, String target, ChainEvent.State state, Instant start, Duration duration) {
        return new ChainEvent(id, "prog-devnet", target, PayloadType.DISPATCH_SETPOINT_RELATIVE, -20, "KW", start, duration, Duration.ZERO,
                Optional.empty(), state, "cosmos1op", 7, start, Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), List.of());
    }

    @Override
    public PreparedDispatch prepare(DispatchRequest r) {
        PreparedDispatch p = new PreparedDispatch("ev-" + (++counter), r, NOW, "cosmos1op", "cosmos1contract", "plurigrid-devnet",
                "{\"dispatch_event\":{\"event_id\":\"ev-" + counter + "\",\"target\":\"" + r.target() + "\",\"value\":\"" + r.value() + "\"}}");
        prepared.add(p);
        return p;
    }

    @Override
    public DispatchOutcome dispatch(PreparedDispatch p, boolean allowOverlap, Consumer<DispatchProgress> progress) {
        sent.add(p);
        progress.accept(new DispatchProgress.Submitting(TxStep.BROADCAST, ""));
        progress.accept(new DispatchProgress.Included(p.eventId(), "AB12", 42));
        events.add(anEvent(p.eventId(), p.request().target(), ChainEvent.State.ACTIVE, NOW, p.request().duration()));
        return new DispatchOutcome.Dispatched(new LiveEvent(p.eventId(), "AB12", 42, p.request().target(), -p.request().value(), NOW,
                NOW.plus(p.request().duration()), Map.of(), NOW, x -> { }));
    }

    @Override
    public TxOutcome cancel(String eventId, Consumer<DispatchProgress> progress) {
        cancelled.add(eventId);
        events.replaceAll(e -> e.eventId().equals(eventId) ? withState(e, ChainEvent.State.CANCELLED, Optional.of(NOW), List.of()) : e);
        return new TxOutcome.Included("CD34", 43, 1, 1, List.of());
    }

    final List<String> settled = new CopyOnWriteArrayList<>();

    /** Like the contract: an event that is still running is refused; a settled one gets a payout. */
    @Override
    public TxOutcome settle(String eventId, Consumer<DispatchProgress> progress) {
        ChainEvent e = events.stream().filter(x -> x.eventId().equals(eventId)).findFirst().orElseThrow();
        if (!e.isSettleable(NOW)) {
            return new TxOutcome.Rejected(TxStep.SIMULATE, 5, "wasm", "event " + eventId + " runs until " + e.end()
                    + ": settle it after its end or cancel it first", Optional.empty(), 0);
        }
        settled.add(eventId);
        events.replaceAll(x -> x.eventId().equals(eventId) ? withState(x, ChainEvent.State.SETTLED, x.cancelledAt(),
                List.of(new ChainEvent.Payout("cosmos1owner", BigInteger.valueOf(1234)))) : x);
        return new TxOutcome.Included("EF56", 44, 1, 1, List.of());
    }

    private static ChainEvent withState(ChainEvent e, ChainEvent.State s, Optional<Instant> cancelledAt, List<ChainEvent.Payout> payouts) {
        return new ChainEvent(e.eventId(), e.programId(), e.target(), e.payloadType(), e.value(), e.units(), e.start(), e.duration(),
                e.randomizeStart(), e.priority(), s, e.dispatcher(), e.height(), e.dispatchedAt(), cancelledAt, e.overlaps(),
                e.deliveries(), e.baselineKw(), e.measuredKw(), payouts);
    }

    @Override
    public Optional<EventSnapshot> snapshot(String eventId) {
        PreparedDispatch p = sent.stream().filter(x -> x.eventId().equals(eventId)).findFirst().orElse(null);
        if (p == null) {
            return Optional.empty();
        }
        DeviceState s = cancelled.contains(eventId) ? DeviceState.RESTORED : DeviceState.RESPONDING;
        List<EventSnapshot.DeviceRow> rows = new ArrayList<>();
        rows.add(new EventSnapshot.DeviceRow("load-1", p.request().target(), s, 10, 6));
        rows.add(new EventSnapshot.DeviceRow("ev-1", p.request().target(), DeviceState.OFFLINE, 5, 5));
        return Optional.of(new EventSnapshot(eventId, p.request().target(), 42, "AB12", NOW, NOW.plusSeconds(1800), -p.request().value(),
                deliveredKw, Map.of(s, 1, DeviceState.OFFLINE, 1), rows, NOW.plusSeconds(sent.size() + cancelled.size())));
    }

    @Override
    public List<CongestionRow> congestions() {
        return List.of(new CongestionRow(CongestionRelief.Congestion.baseCase("line-1"), 112),
                new CongestionRow(CongestionRelief.Congestion.afterOutage("line-2", "line-1"), 104));
    }

    @Override
    public CongestionRelief.Proposal propose(CongestionRelief.Congestion c, double targetPercent) {
        return new CongestionRelief.Proposal(c, 100, 112, targetPercent - 1, targetPercent,
                List.of(new CongestionRelief.SiteDispatch("site-a", 60, 8), new CongestionRelief.SiteDispatch("site-b", 25, 5)),
                List.of(new CongestionRelief.SiteEffect("site-a", -0.2, 70, 14), new CongestionRelief.SiteEffect("site-b", -0.15, 30, 4.5)));
    }
}
