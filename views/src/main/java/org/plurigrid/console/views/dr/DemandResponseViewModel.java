package org.plurigrid.console.views.dr;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.dr.ChainEvent;
import org.plurigrid.console.client.dr.CongestionRelief;
import org.plurigrid.console.client.dr.DeviceState;
import org.plurigrid.console.client.dr.DispatchOutcome;
import org.plurigrid.console.client.dr.DispatchProgress;
import org.plurigrid.console.client.dr.DispatchRequest;
import org.plurigrid.console.client.dr.Flexibility;
import org.plurigrid.console.client.dr.IntervalPeriod;
import org.plurigrid.console.client.dr.PayloadType;
import org.plurigrid.console.client.dr.PreparedDispatch;
import org.plurigrid.console.client.dr.ProgramInfo;
import org.plurigrid.console.views.common.BackgroundTask;
import org.plurigrid.console.views.common.BackgroundTask.Outcome;

/**
 * The demand-response screen's state: the sites and their flexibility, the request being set (checked against the
 * program's limits, overlapping events flagged), the two-step confirmation of exactly the messages that will be signed,
 * the events being followed (device states, requested vs delivered trend, cancel), the events on chain with filters,
 * and the way from a congestion to a proposed dispatch. Every call to the services goes through {@link BackgroundTask};
 * {@link #tick()} (once a second from the view) refreshes what is followed.
 */
public final class DemandResponseViewModel {

    /** Where the operator is in dispatching. */
    public enum Step { EDIT, CONFIRM, SENDING }

    static final int TREND_POINTS = 900;
    private static final int REFRESH_EVERY_TICKS = 5;

    private final DemandResponseActions actions;
    private final InstantSource clock;
    private final Executor background;
    private final Executor fx;

    // inputs (the form binds these both ways)
    private final StringProperty target = new SimpleStringProperty("");
    private final ObjectProperty<PayloadType> payloadType = new SimpleObjectProperty<>(PayloadType.DISPATCH_SETPOINT_RELATIVE);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty startInMinutes = new SimpleStringProperty("0");
    private final StringProperty durationMinutes = new SimpleStringProperty("30");
    private final StringProperty rampSeconds = new SimpleStringProperty("10");
    private final StringProperty randomizeSeconds = new SimpleStringProperty("0");
    private final StringProperty priority = new SimpleStringProperty("");
    private final BooleanProperty allowOverlap = new SimpleBooleanProperty(false);
    private final StringProperty targetLoading = new SimpleStringProperty("95");
    private final ObjectProperty<ChainEvent.State> stateFilter = new SimpleObjectProperty<>();
    private final StringProperty textFilter = new SimpleStringProperty("");

    // outputs
    private final ReadOnlyObjectWrapper<ProgramInfo> program = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Flexibility> sites = FXCollections.observableArrayList();
    private final ObservableList<ChainEvent> events = FXCollections.observableArrayList();
    private final FilteredList<ChainEvent> filteredEvents = new FilteredList<>(events);
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper overlap = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canReview = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.EDIT);
    private final ObservableList<PreparedDispatch> pending = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<String> followed = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EventSnapshot> live = new ReadOnlyObjectWrapper<>();
    private final ObservableList<EventSnapshot.DeviceRow> liveDevices = FXCollections.observableArrayList();
    private final ObservableList<TrendPoint> trend = FXCollections.observableArrayList();
    private final ObservableList<CongestionRow> congestions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CongestionRelief.Proposal> proposal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSettleFollowed = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> group = FXCollections.observableArrayList();
    private final ObservableList<String> groupView = FXCollections.unmodifiableObservableList(group);
    private final ReadOnlyStringWrapper groupText = new ReadOnlyStringWrapper("");

    // read-only views made once: a wrapper made per call could be collected, and the listeners added to it with it
    private final ObservableList<Flexibility> sitesView = FXCollections.unmodifiableObservableList(sites);
    private final ObservableList<ChainEvent> eventsView = FXCollections.unmodifiableObservableList(filteredEvents);
    private final ObservableList<String> followedView = FXCollections.unmodifiableObservableList(followed);
    private final ObservableList<EventSnapshot.DeviceRow> liveDevicesView = FXCollections.unmodifiableObservableList(liveDevices);
    private final ObservableList<TrendPoint> trendView = FXCollections.unmodifiableObservableList(trend);
    private final ObservableList<CongestionRow> congestionsView = FXCollections.unmodifiableObservableList(congestions);
    private final ObservableList<PreparedDispatch> pendingView = FXCollections.unmodifiableObservableList(pending);

    private Instant followedSince;
    private int ticks;
    private boolean snapshotInFlight;

    public DemandResponseViewModel(DemandResponseActions actions, InstantSource clock, Executor background, Executor fx) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        for (javafx.beans.Observable o : List.of(target, payloadType, value, startInMinutes, durationMinutes, rampSeconds,
                randomizeSeconds, priority, allowOverlap, program)) {
            o.addListener(x -> validate());
        }
        events.addListener((javafx.collections.ListChangeListener<ChainEvent>) c -> {
            validate();
            updateCanSettle();
        });
        followed.addListener((javafx.collections.ListChangeListener<String>) c -> updateCanSettle());
        stateFilter.addListener(x -> applyFilter());
        textFilter.addListener(x -> applyFilter());
        validate();
    }

    // ---- loading -------------------------------------------------------------------------------------------------

    /** Loads program, sites and events (and the congestions once). */
    public void refresh() {
        BackgroundTask.run(background, fx, actions::program, o -> {
            if (o instanceof Outcome.Done<ProgramInfo> d) {
                program.set(d.value());
            } else if (o instanceof Outcome.Failed<ProgramInfo> f) {
                error.set("Program not available: " + f.message());
            }
        });
        refreshSitesAndEvents();
    }

    private void refreshSitesAndEvents() {
        BackgroundTask.run(background, fx, actions::sites, o -> {
            if (o instanceof Outcome.Done<List<Flexibility>> d) {
                sites.setAll(d.value());
                updateGroupText();
                if (target.get().isBlank() && !d.value().isEmpty()) {
                    target.set(d.value().getFirst().target());
                }
            }
        });
        BackgroundTask.run(background, fx, actions::events, o -> {
            if (o instanceof Outcome.Done<List<ChainEvent>> d) {
                events.setAll(d.value());
            }
        });
    }

    /** Finds the branches to relieve (base-case loadings and N-1 violations). */
    public void refreshCongestions() {
        busy.set(true);
        BackgroundTask.run(background, fx, actions::congestions, o -> {
            busy.set(false);
            switch (o) {
                case Outcome.Done<List<CongestionRow>> d -> congestions.setAll(d.value());
                case Outcome.Failed<List<CongestionRow>> f -> error.set("Congestions not available: " + f.message());
            }
        });
    }

    /** Once a second: the followed events' state and trend; every few seconds, sites and events. */
    public void tick() {
        updateCanSettle();
        if (++ticks % REFRESH_EVERY_TICKS == 0) {
            refreshSitesAndEvents();
        }
        if (followed.isEmpty() || snapshotInFlight) {
            return;
        }
        List<String> ids = List.copyOf(followed);
        snapshotInFlight = true;
        BackgroundTask.run(background, fx, () -> ids.stream().map(actions::snapshot).flatMap(Optional::stream).toList(), o -> {
            snapshotInFlight = false;
            if (o instanceof Outcome.Done<List<EventSnapshot>> d && !d.value().isEmpty() && ids.equals(followed)) {
                show(combine(d.value()));
            }
        });
    }

    private void show(EventSnapshot s) {
        live.set(s);
        liveDevices.setAll(s.devices());
        double t = followedSince == null ? 0 : Duration.between(followedSince, s.at()).toMillis() / 1000.0;
        trend.add(new TrendPoint(t, s.requestedKw(), s.deliveredKw()));
        if (trend.size() > TREND_POINTS) {
            trend.remove(0, trend.size() - TREND_POINTS);
        }
    }

    /** Several events followed together (one proposal) read as one: sums, all devices. */
    static EventSnapshot combine(List<EventSnapshot> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        Map<DeviceState, Integer> counts = new EnumMap<>(DeviceState.class);
        List<EventSnapshot.DeviceRow> devices = new ArrayList<>();
        double requested = 0;
        double delivered = 0;
        for (EventSnapshot p : parts) {
            p.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
            devices.addAll(p.devices());
            requested += p.requestedKw();
            delivered += p.deliveredKw();
        }
        EventSnapshot first = parts.getFirst();
        String ids = String.join(", ", parts.stream().map(EventSnapshot::eventId).toList());
        String targets = String.join(", ", parts.stream().map(EventSnapshot::target).toList());
        Instant at = parts.stream().map(EventSnapshot::at).max(Comparator.naturalOrder()).orElseThrow();
        long height = parts.stream().mapToLong(EventSnapshot::height).max().orElse(first.height());
        return new EventSnapshot(ids, targets, height, first.txHash(), first.start(), first.end(), requested, delivered, counts,
                devices, at);
    }

    // ---- the request ---------------------------------------------------------------------------------------------

    /** The request as set, or the reason it cannot be built (a field that is not a number, a blank target). */
    Optional<DispatchRequest> request(StringBuilder why) {
        try {
            String t = target.get() == null ? "" : target.get().strip();
            if (t.isEmpty()) {
                why.append("Choose a target");
                return Optional.empty();
            }
            double v = number(value.get(), "Value");
            long startMin = (long) number(startInMinutes.get(), "Start in (min)");
            long durMin = (long) number(durationMinutes.get(), "Duration (min)");
            long ramp = (long) number(rampSeconds.get(), "Ramp (s)");
            long rnd = (long) number(randomizeSeconds.get(), "Randomised start (s)");
            if (startMin < 0 || rnd < 0) {
                why.append("Start and randomised start cannot be negative");
                return Optional.empty();
            }
            // OpenADR priority: 0 is the highest, none when left blank
            String p = priority.get() == null ? "" : priority.get().strip();
            Optional<Integer> prio = Optional.empty();
            if (!p.isEmpty()) {
                double n = number(p, "Priority");
                if (n < 0 || n != Math.rint(n) || n > Integer.MAX_VALUE) {
                    why.append("Priority must be a whole number from 0 (highest), or blank for none");
                    return Optional.empty();
                }
                prio = Optional.of((int) n);
            }
            Instant start = startMin == 0 ? IntervalPeriod.NOW : clock.instant().plus(Duration.ofMinutes(startMin));
            PayloadType type = payloadType.get();
            String units = type == PayloadType.CHARGE_STATE_SETPOINT ? "PERCENT" : type == PayloadType.SIMPLE ? "LEVEL" : "KW";
            return Optional.of(new DispatchRequest(t, type, v, units, start, Duration.ofMinutes(durMin),
                    rnd == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(rnd)), prio, Duration.ofSeconds(ramp)));
        } catch (IllegalArgumentException e) {
            why.append(BackgroundTask.message(e));
            return Optional.empty();
        }
    }

    private static double number(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Set " + field);
        }
        try {
            return Double.parseDouble(text == null ? "" : text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, was '" + text + "'");
        }
    }

    private void validate() {
        StringBuilder why = new StringBuilder();
        Optional<DispatchRequest> r = request(why);
        if (r.isEmpty()) {
            refusal.set(why.toString());
            overlap.set("");
            canReview.set(false);
            return;
        }
        ProgramInfo p = program.get();
        Optional<String> limit = p == null ? Optional.of("Waiting for the program's limits") : p.refusal(r.get());
        refusal.set(limit.orElse(""));
        List<ChainEvent> o = overlapping(r.get());
        overlap.set(o.isEmpty() ? "" : "Overlaps " + String.join(", ", o.stream().map(ChainEvent::eventId).toList()) + " on "
                + r.get().target() + (allowOverlap.get() ? " (allowed)" : ": allow the overlap to dispatch anyway"));
        canReview.set(limit.isEmpty() && (o.isEmpty() || allowOverlap.get()) && step.get() == Step.EDIT);
    }

    /** Events on chain that act on the request's target in its window. */
    List<ChainEvent> overlapping(DispatchRequest r) {
        Instant now = clock.instant();
        Instant s = r.startAt(now);
        Instant e = s.plus(r.duration());
        return events.stream().filter(x -> (x.target().equals(r.target())) && x.isLive(now)
                && x.start().isBefore(e) && s.isBefore(x.end())).toList();
    }

    // ---- two-step dispatch ---------------------------------------------------------------------------------------

    /** Step one: fixes exactly what will be signed for the request as set, and shows it. */
    public void review() {
        StringBuilder why = new StringBuilder();
        Optional<DispatchRequest> r = request(why);
        if (r.isEmpty() || !canReview.get()) {
            return;
        }
        prepare(List.of(r.get()));
    }

    /**
     * A DER group: several sites (picked in the sites table, or by a lasso on the map) dispatched together, one event
     * per site. Fewer than two: no group.
     */
    public void setGroup(List<String> sites) {
        group.setAll(sites.stream().distinct().toList());
        updateGroupText();
    }

    private void updateGroupText() {
        if (group.size() < 2) {
            groupText.set("");
            return;
        }
        List<Flexibility> known = sites.stream().filter(f -> group.contains(f.target())).toList();
        double flexible = known.stream().mapToDouble(Flexibility::reductionKw).sum();
        groupText.set(known.size() == group.size()
                ? String.format(Locale.ROOT, "Group of %d sites, %.0f kW flexible now", group.size(), flexible)
                : String.format(Locale.ROOT, "Group of %d sites (%d with controllable devices), %.0f kW flexible now", group.size(),
                        known.size(), flexible));
    }

    /**
     * Step one for the group: the form's value is the group's reduction (kW, negative, as
     * {@code DISPATCH_SETPOINT_RELATIVE}), shared by the sites in proportion to their flexibility now, one event each,
     * with the form's timing. More than the group has is refused.
     */
    public void reviewGroup() {
        if (group.size() < 2) {
            return;
        }
        double total;
        try {
            total = number(value.get(), "Value");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        if (payloadType.get() != PayloadType.DISPATCH_SETPOINT_RELATIVE || total >= 0) {
            error.set("A group is asked for a reduction: choose DISPATCH_SETPOINT_RELATIVE and a negative value (kW)");
            return;
        }
        List<Flexibility> members = sites.stream().filter(f -> group.contains(f.target()) && f.reductionKw() > 0).toList();
        double flexible = members.stream().mapToDouble(Flexibility::reductionKw).sum();
        if (-total > flexible + 1e-9) {
            error.set(String.format(Locale.ROOT, "Refused: the group has %.0f kW flexible now, %.0f kW asked", flexible, -total));
            return;
        }
        StringBuilder why = new StringBuilder();
        Optional<DispatchRequest> timing = request(why);
        if (timing.isEmpty()) {
            error.set(why.toString());
            return;
        }
        DispatchRequest t = timing.get();
        List<DispatchRequest> requests = members.stream().map(f -> new DispatchRequest(f.target(), PayloadType.DISPATCH_SETPOINT_RELATIVE,
                Math.round(total * f.reductionKw() / flexible * 10) / 10.0, "KW", t.start(), t.duration(), t.randomizeStart(),
                t.priority(), t.ramp())).toList();
        prepareWithinLimits(requests);
    }

    /** Step one for a proposal: one event per site, reducing by the proposed kW, with the form's timing. */
    public void reviewProposal() {
        CongestionRelief.Proposal p = proposal.get();
        if (p == null || p.events().isEmpty()) {
            return;
        }
        StringBuilder why = new StringBuilder();
        Optional<DispatchRequest> timing = request(why);
        Duration duration = timing.map(DispatchRequest::duration).orElse(Duration.ofMinutes(30));
        Duration ramp = timing.map(DispatchRequest::ramp).orElse(Duration.ofSeconds(10));
        List<DispatchRequest> requests = p.events().stream().map(e -> new DispatchRequest(e.site(), PayloadType.DISPATCH_SETPOINT_RELATIVE,
                -e.reduceKw(), "KW", IntervalPeriod.NOW, duration, Optional.empty(), Optional.empty(), ramp)).toList();
        prepareWithinLimits(requests);
    }

    /** Several events at once (a proposal, a group): each must be within the program's limits, else none is prepared. */
    private void prepareWithinLimits(List<DispatchRequest> requests) {
        ProgramInfo program = this.program.get();
        if (program != null) {
            for (DispatchRequest r : requests) {
                Optional<String> refused = program.refusal(r);
                if (refused.isPresent()) {
                    error.set(refused.get());
                    return;
                }
            }
        }
        prepare(requests);
    }

    private void prepare(List<DispatchRequest> requests) {
        busy.set(true);
        error.set("");
        BackgroundTask.run(background, fx, () -> requests.stream().map(actions::prepare).toList(), o -> {
            busy.set(false);
            switch (o) {
                case Outcome.Done<List<PreparedDispatch>> d -> {
                    pending.setAll(d.value());
                    confirmation.set(confirmationText(d.value()));
                    step.set(Step.CONFIRM);
                    validate();
                }
                case Outcome.Failed<List<PreparedDispatch>> f -> error.set("Could not prepare the dispatch: " + f.message());
            }
        });
    }

    /** Exactly what "Sign and send" signs, message by message. */
    static String confirmationText(List<PreparedDispatch> ps) {
        StringBuilder b = new StringBuilder();
        PreparedDispatch first = ps.getFirst();
        b.append("Chain ID:  ").append(first.chainId()).append('\n');
        b.append("Signer:    ").append(first.sender()).append('\n');
        b.append("Contract:  ").append(first.contract()).append('\n');
        for (int i = 0; i < ps.size(); i++) {
            PreparedDispatch p = ps.get(i);
            b.append(ps.size() == 1 ? "Message:   " : "Message " + (i + 1) + ": ").append(p.messageJson()).append('\n');
        }
        b.append("Devices of each target are commanded only after its transaction is included.");
        return b.toString();
    }

    /** Back to editing without signing anything. */
    public void back() {
        pending.clear();
        confirmation.set("");
        step.set(Step.EDIT);
        validate();
    }

    /** Step two: signs and sends exactly the prepared messages, one transaction each, then follows the events. */
    public void confirm() {
        if (step.get() != Step.CONFIRM || pending.isEmpty()) {
            return;
        }
        List<PreparedDispatch> ps = List.copyOf(pending);
        boolean overlapOk = allowOverlap.get();
        step.set(Step.SENDING);
        busy.set(true);
        progress.set("Signing " + ps.size() + (ps.size() == 1 ? " event" : " events"));
        Consumer<DispatchProgress> onProgress = this::onProgress;
        BackgroundTask.run(background, fx, () -> {
            List<DispatchOutcome> outs = new ArrayList<>();
            for (PreparedDispatch p : ps) {
                DispatchOutcome out = actions.dispatch(p, overlapOk, onProgress);
                outs.add(out);
                if (!(out instanceof DispatchOutcome.Dispatched)) {
                    break;
                }
            }
            return outs;
        }, o -> {
            busy.set(false);
            pending.clear();
            confirmation.set("");
            step.set(Step.EDIT);
            switch (o) {
                case Outcome.Done<List<DispatchOutcome>> d -> shown(d.value());
                case Outcome.Failed<List<DispatchOutcome>> f -> error.set("Dispatch failed: " + f.message());
            }
            validate();
            refreshSitesAndEvents();
        });
    }

    private void shown(List<DispatchOutcome> outs) {
        List<String> ids = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        for (DispatchOutcome out : outs) {
            switch (out) {
                case DispatchOutcome.Dispatched d -> ids.add(d.event().eventId());
                case DispatchOutcome.Refused r -> problems.append(r.reason());
                case DispatchOutcome.Rejected r -> problems.append("Rejected at ").append(r.rejection().step()).append(": ")
                        .append(r.rejection().log());
                case DispatchOutcome.Unconfirmed u -> problems.append("Not seen in a block after ").append(u.timedOut().waited().toSeconds())
                        .append(" s (tx ").append(u.timedOut().txHash()).append("); no device was commanded");
            }
        }
        error.set(problems.toString());
        if (!ids.isEmpty()) {
            follow(ids);
            progress.set("Dispatched " + String.join(", ", ids));
        } else {
            progress.set("Nothing dispatched");
        }
    }

    /** Progress from service threads: only the few transaction steps are handed to the FX thread (device states come by tick). */
    private void onProgress(DispatchProgress p) {
        String text = switch (p) {
            case DispatchProgress.Submitting s -> s.step().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "…";
            case DispatchProgress.Included i -> "Included at height " + i.height() + " (" + i.eventId() + ")";
            case DispatchProgress.Commanded c -> "Commanded " + c.devices() + " devices in " + c.took().toMillis() + " ms";
            case DispatchProgress.Baselines b -> "Baselines of " + b.eventId() + ": " + b.fromHistory() + " of " + b.devices()
                    + " devices from the " + b.method() + " recorded" + (b.fromHistory() < b.devices() ? ", the rest meter-before" : "");
            case DispatchProgress.DeviceUpdate u -> null;
            case DispatchProgress.Retried r -> null;
        };
        if (text != null) {
            fx.execute(() -> progress.set(text));
        }
    }

    /** Follows these events in the live view (their trend starts now). */
    public void follow(List<String> eventIds) {
        followed.setAll(eventIds);
        followedSince = clock.instant();
        trend.clear();
        live.set(null);
        liveDevices.clear();
        tick();
    }

    /** Cancels the followed events on chain; their devices are told once each cancel is included. */
    public void cancelLive() {
        if (followed.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(followed);
        busy.set(true);
        progress.set("Cancelling " + String.join(", ", ids));
        BackgroundTask.run(background, fx, () -> {
            List<String> failed = new ArrayList<>();
            for (String id : ids) {
                TxOutcome t = actions.cancel(id, this::onProgress);
                if (!(t instanceof TxOutcome.Included)) {
                    failed.add(id + ": " + switch (t) {
                        case TxOutcome.Rejected r -> r.log();
                        case TxOutcome.TimedOut x -> "not seen in a block";
                        case TxOutcome.Included i -> "";
                    });
                }
            }
            return failed;
        }, o -> {
            busy.set(false);
            switch (o) {
                case Outcome.Done<List<String>> d -> {
                    progress.set(d.value().isEmpty() ? "Cancelled " + String.join(", ", ids) : "Cancel incomplete");
                    error.set(String.join("; ", d.value()));
                }
                case Outcome.Failed<List<String>> f -> error.set("Cancel failed: " + f.message());
            }
            refreshSitesAndEvents();
        });
    }

    /** True when {@code e} is over (cancelled or past its end) and not settled: delivery can be reported and paid. */
    public boolean canSettle(ChainEvent e) {
        return e != null && e.isSettleable(clock.instant());
    }

    private void updateCanSettle() {
        boolean any = false;
        for (String id : followed) {
            Optional<ChainEvent> e = events.stream().filter(x -> x.eventId().equals(id)).findFirst();
            if (e.isPresent() && !canSettle(e.get())) {
                canSettleFollowed.set(false);
                return;
            }
            any |= e.isPresent();
        }
        canSettleFollowed.set(any);
    }

    /** Reports delivery for the followed events (all over) and settles them. */
    public void settleFollowed() {
        settle(List.copyOf(followed));
    }

    /**
     * Reports each event's delivered energy and settles it, one after the other: the program pays the participants'
     * owners from its pool. Stops at the first event the chain does not accept and says why.
     */
    public void settle(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(eventIds);
        busy.set(true);
        error.set("");
        progress.set("Reporting delivery and settling " + String.join(", ", ids));
        BackgroundTask.run(background, fx, () -> {
            for (String id : ids) {
                TxOutcome t = actions.settle(id, this::onProgress);
                switch (t) {
                    case TxOutcome.Included i -> { }
                    case TxOutcome.Rejected r -> {
                        return Optional.of(id + " not settled: rejected at " + r.step().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + (r.code() == 0 ? "" : " (code " + r.code() + ")") + ": " + r.log());
                    }
                    case TxOutcome.TimedOut x -> {
                        return Optional.of(id + " not settled: tx " + x.txHash() + " not seen in a block after "
                                + x.waited().toSeconds() + " s");
                    }
                }
            }
            return Optional.<String>empty();
        }, o -> {
            busy.set(false);
            switch (o) {
                case Outcome.Done<Optional<String>> d -> {
                    progress.set(d.value().isEmpty() ? "Settled " + String.join(", ", ids) : "Settlement incomplete");
                    error.set(d.value().orElse(""));
                }
                case Outcome.Failed<Optional<String>> f -> error.set("Settlement failed: " + f.message());
            }
            refreshSitesAndEvents();
        });
    }

    // ---- congestion → dispatch -----------------------------------------------------------------------------------

    /** Ranks the sites for {@code row} and proposes the smallest set of events to the target loading. */
    public void propose(CongestionRow row) {
        double target;
        try {
            target = number(targetLoading.get(), "Target loading (%)");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        busy.set(true);
        error.set("");
        proposal.set(null);
        BackgroundTask.run(background, fx, () -> actions.propose(row.congestion(), target), o -> {
            busy.set(false);
            switch (o) {
                case Outcome.Done<CongestionRelief.Proposal> d -> {
                    proposal.set(d.value());
                    if (d.value().events().isEmpty()) {
                        error.set(d.value().loadingBeforePercent() <= target ? "Already at or under " + target + " %: no event needed"
                                : "No site with flexibility relieves " + row.congestion().label());
                    }
                }
                case Outcome.Failed<CongestionRelief.Proposal> f -> error.set("No proposal: " + f.message());
            }
        });
    }

    private void applyFilter() {
        ChainEvent.State s = stateFilter.get();
        String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(Locale.ROOT);
        filteredEvents.setPredicate(e -> (s == null || e.state() == s)
                && (text.isEmpty() || e.eventId().toLowerCase(Locale.ROOT).contains(text) || e.target().toLowerCase(Locale.ROOT).contains(text)));
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<PayloadType> payloadTypeProperty() {
        return payloadType;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty startInMinutesProperty() {
        return startInMinutes;
    }

    public StringProperty durationMinutesProperty() {
        return durationMinutes;
    }

    public StringProperty rampSecondsProperty() {
        return rampSeconds;
    }

    public StringProperty randomizeSecondsProperty() {
        return randomizeSeconds;
    }

    /** The event's OpenADR priority: a whole number, 0 the highest; blank for none. */
    public StringProperty priorityProperty() {
        return priority;
    }

    public BooleanProperty allowOverlapProperty() {
        return allowOverlap;
    }

    public StringProperty targetLoadingProperty() {
        return targetLoading;
    }

    public ObjectProperty<ChainEvent.State> stateFilterProperty() {
        return stateFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public ReadOnlyObjectProperty<ProgramInfo> programProperty() {
        return program.getReadOnlyProperty();
    }

    public ObservableList<Flexibility> sites() {
        return sitesView;
    }

    /** Events on chain as filtered by state and text. */
    public ObservableList<ChainEvent> events() {
        return eventsView;
    }

    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overlapProperty() {
        return overlap.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReviewProperty() {
        return canReview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObservableList<PreparedDispatch> pending() {
        return pendingView;
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

    public ObservableList<String> followed() {
        return followedView;
    }

    public ReadOnlyObjectProperty<EventSnapshot> liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ObservableList<EventSnapshot.DeviceRow> liveDevices() {
        return liveDevicesView;
    }

    public ObservableList<TrendPoint> trend() {
        return trendView;
    }

    public ObservableList<CongestionRow> congestions() {
        return congestionsView;
    }

    public ReadOnlyObjectProperty<CongestionRelief.Proposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    /** True when every followed event is over (cancelled or ended) and none is settled yet. */
    public ReadOnlyBooleanProperty canSettleFollowedProperty() {
        return canSettleFollowed.getReadOnlyProperty();
    }

    /** The sites of the DER group (two or more when there is one). */
    public ObservableList<String> group() {
        return groupView;
    }

    /** "Group of N sites, X kW flexible now", empty without a group. */
    public ReadOnlyStringProperty groupTextProperty() {
        return groupText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
