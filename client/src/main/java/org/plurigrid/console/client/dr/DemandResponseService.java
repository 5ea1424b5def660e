package org.plurigrid.console.client.dr;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.plurigrid.console.client.chain.ChainException;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.telemetry.DerType;
import org.plurigrid.console.client.wallet.SigningKey;

/**
 * Demand response, headless: checks a dispatch against the program's limits and overlapping events, signs
 * {@code dispatch_event} through the same path as votes, and only once it is included commands the target's devices
 * (Sparkplug DCMD), follows their acknowledgements, retries the silent ones, and measures the response. Cancel,
 * delivery report and settlement go the same way. Progress is a stream of {@link DispatchProgress}.
 */
public final class DemandResponseService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemandResponseService.class);

    /** How long a device has to acknowledge before it is commanded again, and how many tries it gets. */
    public record AckPolicy(Duration ackTimeout, int attempts) {
        public static AckPolicy defaults() {
            return new AckPolicy(Duration.ofSeconds(5), 3);
        }
    }

    private final DrChainClient chain;
    private final DrDeviceTracker devices;
    private final InstantSource clock;
    private final ScheduledExecutorService scheduler;
    private final AckPolicy policy;
    private final Map<String, LiveEvent> live = new ConcurrentHashMap<>();
    private final EventBaselines kept;
    private volatile java.util.function.Predicate<String> submitPower = program -> false;
    private volatile ImportHistory recorded;
    private volatile XofYBaseline xOfY = XofYBaseline.defaults();
    private volatile List<FlexibilityProvider> providers = List.of();
    private volatile java.time.ZoneId zone = java.time.ZoneId.systemDefault();

    public DemandResponseService(DrChainClient chain, DrDeviceTracker devices, InstantSource clock, ScheduledExecutorService scheduler,
                                 AckPolicy policy) {
        this(chain, devices, clock, scheduler, policy, EventBaselines.none());
    }

    /** As the other constructor, keeping each dispatched event's baselines in {@code kept} so a restart measures against them. */
    public DemandResponseService(DrChainClient chain, DrDeviceTracker devices, InstantSource clock, ScheduledExecutorService scheduler,
                                 AckPolicy policy, EventBaselines kept) {
        this.kept = java.util.Objects.requireNonNull(kept, "kept");
        this.chain = chain;
        this.devices = devices;
        this.clock = clock;
        this.scheduler = scheduler;
        this.policy = policy;
        devices.addAckListener(this::onAck);
    }

    public DrChainClient chain() {
        return chain;
    }

    /**
     * Who estimates devices' flexibility besides the console (plugins), first that knows a device wins. Set once at
     * start-up; each is called for all devices of a target at once, off the FX thread.
     */
    public void flexibilityProviders(List<FlexibilityProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** The flexibility available now in {@code target}, from live telemetry (and the providers' estimates). */
    public Flexibility flexibility(String target) {
        List<DrDeviceTracker.DeviceReading> readings = readingsIn(target);
        return Flexibility.of(target, readings, Flexibility.reductions(readings, providers));
    }

    /** The latest reading of every controllable device in {@code target}, online or not. */
    private List<DrDeviceTracker.DeviceReading> readingsIn(String target) {
        return devices.devicesIn(target).stream().map(d -> devices.reading(d).orElseThrow()).toList();
    }

    /** Events on chain that overlap {@code r} on its target (not cancelled, settled or over). */
    public List<ChainEvent> overlapping(DispatchRequest r) {
        Instant now = clock.instant();
        Instant s = r.startAt(now);
        Instant e = s.plus(r.duration());
        return chain.events().stream().filter(x -> x.target().equals(r.target()) && x.isLive(now)
                && x.start().isBefore(e) && s.isBefore(x.end())).toList();
    }

    /** The refusal of {@code r} by the program's limits or an overlap, if any. */
    public Optional<String> check(ProgramInfo program, DispatchRequest r, boolean allowOverlap) {
        Optional<String> limit = program.refusal(r);
        if (limit.isPresent()) {
            return limit;
        }
        if (!allowOverlap) {
            List<ChainEvent> o = overlapping(r);
            if (!o.isEmpty()) {
                return Optional.of("Refused: event(s) " + o.stream().map(ChainEvent::eventId).toList() + " already act on "
                        + r.target() + " in that window; allow the overlap explicitly to dispatch anyway");
            }
        }
        return Optional.empty();
    }

    /** A fresh, URL-safe OpenADR event id. */
    public String newEventId() {
        return "ev-" + clock.instant().getEpochSecond() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt() & 0xFFFF, 4);
    }

    /**
     * The flexibility of every site (edge node) with controllable devices, from live telemetry. The providers are
     * asked once for the devices of all sites together, not once per site: each call of a plugin's provider has its
     * own time limit, so a table of many sites would otherwise wait for as many calls.
     */
    public List<Flexibility> siteFlexibility() {
        List<String> sites = devices.sites();
        List<List<DrDeviceTracker.DeviceReading>> bySite = new ArrayList<>(sites.size());
        Map<DerDevice, DrDeviceTracker.DeviceReading> all = new LinkedHashMap<>();
        for (String site : sites) {
            List<DrDeviceTracker.DeviceReading> readings = readingsIn(site);
            bySite.add(readings);
            readings.forEach(r -> all.putIfAbsent(r.device(), r));
        }
        Map<DerDevice, Double> reductions = Flexibility.reductions(List.copyOf(all.values()), providers);
        List<Flexibility> out = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            out.add(Flexibility.of(sites.get(i), bySite.get(i), reductions));
        }
        return List.copyOf(out);
    }

    /**
     * Fixes exactly what a dispatch will sign — a fresh event id and the {@code dispatch_event} message with its start
     * resolved now — so the operator confirms those bytes and {@link #dispatch(PreparedDispatch, SigningKey, boolean, Consumer)}
     * sends them unchanged.
     */
    public PreparedDispatch prepare(DispatchRequest r, String sender) {
        Instant now = clock.instant();
        String eventId = newEventId();
        return new PreparedDispatch(eventId, r, now, sender, chain.contract(), chain.chain().config().chainId(),
                new String(DrChainClient.dispatchJson(eventId, r, now), java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Dispatches: limits and overlap, then the signed {@code dispatch_event}; only when it is included, a DCMD to each
     * participating device of the target. A failed broadcast commands nothing.
     */
    public DispatchOutcome dispatch(DispatchRequest r, SigningKey key, boolean allowOverlap, Consumer<DispatchProgress> progress) {
        return dispatch(prepare(r, key.address(chain.chain().config().bech32Prefix()).bech32()), key, allowOverlap, progress);
    }

    /** Dispatches exactly the prepared message (see {@link #prepare}); refused when {@code key} is not its sender. */
    public DispatchOutcome dispatch(PreparedDispatch p, SigningKey key, boolean allowOverlap, Consumer<DispatchProgress> progress) {
        DispatchRequest r = p.request();
        ProgramInfo program = chain.program();
        Optional<String> refusal = check(program, r, allowOverlap);
        if (refusal.isPresent()) {
            return new DispatchOutcome.Refused(refusal.get());
        }
        String sender = key.address(chain.chain().config().bech32Prefix()).bech32();
        if (!sender.equals(p.sender())) {
            return new DispatchOutcome.Refused("Refused: the dispatch was prepared for " + p.sender() + ", not " + sender);
        }
        Instant now = p.preparedAt();
        Map<DerDevice, Map<DeviceControl, Object>> plan = plan(r, clock.instant());
        String eventId = p.eventId();
        TxOutcome tx;
        try {
            tx = chain.chain().submit(List.of(chain.execute(sender, p.messageJson().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    "dr dispatch " + eventId, key, (step, detail) -> progress.accept(new DispatchProgress.Submitting(step, detail)));
        } catch (ChainException e) {
            return new DispatchOutcome.Rejected(new TxOutcome.Rejected(e.step(), 0, "", e.getMessage(), Optional.empty(), 0));
        }
        return switch (tx) {
            case TxOutcome.Rejected rej -> new DispatchOutcome.Rejected(rej);
            case TxOutcome.TimedOut t -> new DispatchOutcome.Unconfirmed(t);
            case TxOutcome.Included inc -> {
                progress.accept(new DispatchProgress.Included(eventId, inc.txHash(), inc.height()));
                yield new DispatchOutcome.Dispatched(command(eventId, inc.txHash(), inc.height(), r, now, plan, progress));
            }
        };
    }

    /** Sends the planned DCMDs and starts following the acknowledgements. */
    private LiveEvent command(String eventId, String txHash, long height, DispatchRequest r, Instant now,
                              Map<DerDevice, Map<DeviceControl, Object>> plan, Consumer<DispatchProgress> progress) {
        Instant start = r.startAt(now);
        Instant end = start.plus(r.duration());
        Map<DerDevice, Double> baselines = new LinkedHashMap<>();
        for (DerDevice d : plan.keySet()) {
            baselines.put(d, devices.meanImportKw(d, now.minus(DrDeviceTracker.BASELINE_WINDOW), now)
                    .orElse(devices.reading(d).map(DrDeviceTracker.DeviceReading::importKw).orElse(0.0)));
        }
        LiveEvent event = new LiveEvent(eventId, txHash, height, r.target(), requestedKw(r), start, end, baselines, clock.instant(), progress);
        live.put(eventId, event);
        try {
            kept.saveBaselines(eventId, baselines);
        } catch (java.io.IOException | RuntimeException e) {
            // the devices are commanded anyway; a restart would then measure against telemetry history only
            LOG.warn("The baselines of {} were not kept ({}); a restart mid-event measures from telemetry history only", eventId, e.getMessage());
        }
        long t0 = System.nanoTime();
        for (Map.Entry<DerDevice, Map<DeviceControl, Object>> p : plan.entrySet()) {
            Map<DeviceControl, Object> controls = new LinkedHashMap<>(p.getValue());
            controls.put(DeviceControl.EVENT_ID, eventId);
            controls.put(DeviceControl.EVENT_START, start);
            controls.put(DeviceControl.EVENT_END, end);
            controls.put(DeviceControl.RAMP_SECONDS, (double) r.ramp().toSeconds());
            event.commanded(p.getKey());
            if (devices.command(p.getKey(), controls)) {
                scheduleRetry(event, p.getKey(), controls, progress);
            } else {
                event.update(p.getKey(), DeviceState.OFFLINE, clock);
            }
        }
        progress.accept(new DispatchProgress.Commanded(plan.size(), Duration.ofNanos(System.nanoTime() - t0)));
        ImportHistory history = recorded;
        if (history != null) {
            // reading days of recordings takes a while: after the commands, never before them
            XofYBaseline method = xOfY;
            java.time.ZoneId days = zone;
            // (its own thread: the scheduler's few threads time the acknowledgements and retries)
            org.plurigrid.console.client.threads.NamedThreads.daemon("dr-baselines-" + eventId)
                    .newThread(() -> baselinesFromHistory(event, history, method, days, progress)).start();
        }
        return event;
    }

    /** Replaces the event's meter-before baselines with "X of Y days" ones where enough days are recorded. */
    private void baselinesFromHistory(LiveEvent event, ImportHistory history, XofYBaseline method, java.time.ZoneId days,
                                      Consumer<DispatchProgress> progress) {
        Map<DerDevice, Double> better = new LinkedHashMap<>();
        try {
            for (DerDevice d : event.baselines().keySet()) {
                try {
                    method.baseline(history, d, event.start(), event.end(), days)
                            .ifPresent(b -> better.put(d, b.baselineKw()));
                } catch (RuntimeException e) {
                    LOG.warn("No X-of-Y baseline for {}: {}", d, e.getMessage());
                }
            }
        } finally {
            history.release();
        }
        if (!better.isEmpty()) {
            event.improveBaselines(better);
            try {
                kept.saveBaselines(event.eventId(), event.baselines());
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("The X-of-Y baselines of {} were not kept ({})", event.eventId(), e.getMessage());
            }
        }
        String how = "high " + method.x() + " of " + method.y() + " days";
        LOG.info("Event {}: {} of {} baselines are {} from the recording, the rest meter-before", event.eventId(),
                better.size(), event.baselines().size(), how);
        progress.accept(new DispatchProgress.Baselines(event.eventId(), better.size(), event.baselines().size(), how));
    }

    private void scheduleRetry(LiveEvent event, DerDevice d, Map<DeviceControl, Object> controls, Consumer<DispatchProgress> progress) {
        scheduler.schedule(() -> {
            if (event.states().get(d) != DeviceState.COMMANDED || !clock.instant().isBefore(event.end())) {
                return;
            }
            int attempt = event.attempt(d);
            if (attempt > policy.attempts()) {
                event.update(d, devices.isOnline(d) ? DeviceState.FAILED : DeviceState.OFFLINE, clock);
                return;
            }
            progress.accept(new DispatchProgress.Retried(d, attempt));
            if (devices.command(d, controls)) {
                scheduleRetry(event, d, controls, progress);
            } else {
                event.update(d, DeviceState.OFFLINE, clock);
            }
        }, policy.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onAck(DrDeviceTracker.Ack ack) {
        LiveEvent e = live.get(ack.eventId());
        if (e == null) {
            return;
        }
        DeviceState s = switch (ack.responseStatus()) {
            case "received" -> DeviceState.ACKNOWLEDGED;
            case "started" -> DeviceState.RESPONDING;
            case "completed", "cancelled" -> DeviceState.RESTORED;
            case "rejected" -> DeviceState.FAILED;
            default -> null;
        };
        if (s != null) {
            e.update(ack.device(), s, clock);
        }
    }

    /** The event this console dispatched and follows, if any. */
    public Optional<LiveEvent> live(String eventId) {
        return Optional.ofNullable(live.get(eventId));
    }

    /**
     * Follows an event this console did not dispatch (or dispatched before a restart): the devices whose DDATA names it
     * become its devices, with their current state; the baseline is each device's import before the event start, as far
     * as the history reaches.
     */
    public LiveEvent resume(ChainEvent e, Consumer<DispatchProgress> progress) {
        Map<DerDevice, Double> baselines = new LinkedHashMap<>();
        Map<DerDevice, DeviceState> states = new HashMap<>();
        for (DerDevice d : devices.devicesIn(e.target())) {
            Optional<DrDeviceTracker.Ack> ack = devices.lastAck(d).filter(a -> a.eventId().equals(e.eventId()));
            if (ack.isEmpty()) {
                continue;
            }
            baselines.put(d, devices.meanImportKw(d, e.start().minus(DrDeviceTracker.BASELINE_WINDOW), e.start()).orElse(Double.NaN));
            states.put(d, switch (ack.get().responseStatus()) {
                case "started" -> DeviceState.RESPONDING;
                case "completed", "cancelled" -> DeviceState.RESTORED;
                case "rejected" -> DeviceState.FAILED;
                default -> DeviceState.ACKNOWLEDGED;
            });
        }
        Map<DerDevice, Double> atDispatch = keptBaselines(e.eventId());
        baselines.replaceAll((d, b) -> atDispatch.containsKey(d) ? atDispatch.get(d)
                : Double.isNaN(b) ? devices.reading(d).map(DrDeviceTracker.DeviceReading::importKw).orElse(0.0) : b);
        LiveEvent ev = new LiveEvent(e.eventId(), "", e.height(), e.target(), requestedKw(e.payloadType(), e.value(), e.units()),
                e.start(), e.end(), baselines, e.dispatchedAt(), progress);
        states.forEach((d, s) -> {
            ev.commanded(d);
            ev.update(d, s, clock);
        });
        live.put(e.eventId(), ev);
        return ev;
    }

    /**
     * Cancels on chain, then tells every commanded device (an event end in the past cancels the control). Devices are
     * told only once the cancel is included.
     */
    public TxOutcome cancel(String eventId, SigningKey key, Consumer<DispatchProgress> progress) {
        String sender = key.address(chain.chain().config().bech32Prefix()).bech32();
        TxOutcome tx = chain.chain().submit(List.of(chain.execute(sender, DrChainClient.cancelJson(eventId))), "dr cancel " + eventId, key,
                (step, detail) -> progress.accept(new DispatchProgress.Submitting(step, detail)));
        if (tx instanceof TxOutcome.Included) {
            ChainEvent e = chain.event(eventId).orElseThrow();
            LiveEvent ev = live.containsKey(eventId) ? live.get(eventId) : resume(e, progress);
            Instant past = clock.instant().minusSeconds(1);
            for (DerDevice d : ev.states().keySet()) {
                devices.command(d, Map.of(DeviceControl.EVENT_ID, eventId, DeviceControl.EVENT_END, past));
            }
        }
        return tx;
    }

    /** Reports each device's delivered energy for {@code eventId}, then settles it: owners are paid from the pool. */
    public TxOutcome reportAndSettle(String eventId, SigningKey key, Consumer<DispatchProgress> progress) {
        return reportAndSettle(eventId, key, keptBaselines(eventId), Map.of(), progress);
    }

    /**
     * Also records each event's delivered power with Plurigrid's {@code /grid.grid.MsgSubmitPower} (creator = the signer,
     * watt = the mean delivered power over the delivery window, W), in the same transaction as {@code report_delivery},
     * for the programs for which {@code perProgram} says so (configuration: {@code demandResponse.programs}).
     */
    public void submitPowerFor(java.util.function.Predicate<String> perProgram) {
        this.submitPower = java.util.Objects.requireNonNull(perProgram, "perProgram");
    }

    /**
     * Where days of history are recorded: each commanded device's baseline is then {@code method}'s "X of Y days"
     * (days counted in {@code zone}), and the meter-before one only for devices with fewer than X days recorded.
     */
    public void baselinesFrom(ImportHistory history, XofYBaseline method, java.time.ZoneId zone) {
        this.recorded = java.util.Objects.requireNonNull(history, "history");
        this.xOfY = java.util.Objects.requireNonNull(method, "method");
        this.zone = java.util.Objects.requireNonNull(zone, "zone");
    }

    /** The baselines kept at dispatch for {@code eventId}; empty when none were kept or they cannot be read (logged). */
    private Map<DerDevice, Double> keptBaselines(String eventId) {
        try {
            return kept.baselines(eventId);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("The baselines kept for {} cannot be read ({}); measuring from telemetry history", eventId, e.getMessage());
            return Map.of();
        }
    }

    /**
     * As {@link #reportAndSettle(String, SigningKey, Consumer)}, with baselines and measured imports (kW) observed by an
     * earlier run (e.g. the command that dispatched): those override what this run's telemetry history holds, and a
     * device's measured mean is taken to hold for the whole delivery window.
     */
    public TxOutcome reportAndSettle(String eventId, SigningKey key, Map<DerDevice, Double> baselines, Map<DerDevice, Double> measured,
                                     Consumer<DispatchProgress> progress) {
        ChainEvent e = chain.event(eventId).orElseThrow(() -> new ChainException(TxStep.SIMULATE, "Event " + eventId + " is not on chain"));
        LiveEvent ev = live.containsKey(eventId) ? live.get(eventId) : resume(e, progress);
        Instant endOfDelivery = e.endOfDelivery();
        Map<DerDevice, Double> base = new LinkedHashMap<>(ev.baselines());
        base.putAll(baselines);
        Measurement tracked = LiveEvent.measure(devices, base, ev.requestedKw(), e.start(), endOfDelivery,
                clock.instant().isBefore(endOfDelivery) ? clock.instant() : endOfDelivery);
        Map<DerDevice, double[]> per = new LinkedHashMap<>(tracked.perDevice());
        measured.forEach((d, kw) -> {
            if (base.containsKey(d)) {
                per.put(d, new double[] {base.get(d), kw});
            }
        });
        Duration window = endOfDelivery.isAfter(e.start()) ? Duration.between(e.start(), endOfDelivery) : Duration.ZERO;
        double b = per.values().stream().mapToDouble(v -> v[0]).sum();
        double mm = per.values().stream().mapToDouble(v -> v[1]).sum();
        Measurement m = measured.isEmpty() ? tracked : new Measurement(ev.requestedKw(), b, mm, b - mm, window, per);
        List<ChainEvent.Delivery> deliveries = new ArrayList<>();
        for (DerDevice d : m.perDevice().keySet()) {
            deliveries.add(new ChainEvent.Delivery(d.device(), d.node(), java.math.BigInteger.valueOf(m.deliveredWh(d))));
        }
        String sender = key.address(chain.chain().config().bech32Prefix()).bech32();
        List<com.google.protobuf.Any> reportMsgs = new ArrayList<>();
        reportMsgs.add(chain.execute(sender, DrChainClient.reportJson(eventId, deliveries, m.baselineKw(), m.measuredKw())));
        if (submitPower.test(e.programId())) {
            reportMsgs.add(org.plurigrid.console.client.chain.ChainClient.submitPowerMessage(sender, deliveredWatts(m)));
        }
        // Two transactions: settlement is checked against the reported deliveries, which must be on chain first.
        TxOutcome report = chain.chain().submit(reportMsgs,
                "dr report " + eventId, key, (step, detail) -> progress.accept(new DispatchProgress.Submitting(step, detail)));
        if (!(report instanceof TxOutcome.Included)) {
            return report;
        }
        return chain.chain().submit(List.of(chain.execute(sender, DrChainClient.settleJson(eventId))),
                "dr settle " + eventId, key, (step, detail) -> progress.accept(new DispatchProgress.Submitting(step, detail)));
    }

    /** The event's mean delivered power over its delivery window, W: the reported energy ÷ the window (never negative). */
    static long deliveredWatts(Measurement m) {
        long wh = m.perDevice().keySet().stream().mapToLong(m::deliveredWh).filter(x -> x > 0).sum();
        double hours = m.elapsed().toMillis() / 3_600_000.0;
        return hours <= 0 ? 0 : Math.round(wh / hours);
    }

    // ---- planning ------------------------------------------------------------------------------------------------

    static double requestedKw(DispatchRequest r) {
        return requestedKw(r.payloadType(), r.value(), r.units());
    }

    static double requestedKw(PayloadType t, double value, String units) {
        double kw = switch (units.toUpperCase(java.util.Locale.ROOT)) {
            case "W" -> value / 1000;
            case "MW" -> value * 1000;
            default -> value;
        };
        return t == PayloadType.DISPATCH_SETPOINT_RELATIVE ? -kw : kw;
    }

    /**
     * What each device of the target is told: the import reduction asked for (or export reduction for an export limit)
     * shared by the devices in proportion to their flexibility now, as 2030.5 limits (loads, EVs, PV) or fixed power
     * (batteries), in W of the device's own power.
     */
    Map<DerDevice, Map<DeviceControl, Object>> plan(DispatchRequest r, Instant now) {
        List<DrDeviceTracker.DeviceReading> readings = readingsIn(r.target()).stream()
                .filter(DrDeviceTracker.DeviceReading::online).toList();
        Map<DerDevice, Double> reductions = Flexibility.reductions(readings, providers);
        Flexibility flex = Flexibility.of(r.target(), readings, reductions);
        double kw = r.valueKw().orElse(r.value());
        Map<DerDevice, Map<DeviceControl, Object>> plan = new LinkedHashMap<>();
        if (r.payloadType() == PayloadType.EXPORT_CAPACITY_LIMIT) {
            double reduce = Math.max(0, -flex.importKw() - kw);
            double f = flex.curtailablePvKw() <= 0 ? 0 : Math.min(1, reduce / flex.curtailablePvKw());
            for (DrDeviceTracker.DeviceReading d : readings) {
                if (d.device().generator() && d.activePowerKw() > 0 && f > 0) {
                    plan.put(d.device(), Map.of(DeviceControl.MAX_LIMIT_W, d.activePowerKw() * (1 - f) * 1000));
                }
            }
            return plan;
        }
        if (r.payloadType() == PayloadType.CHARGE_STATE_SETPOINT) {
            for (DrDeviceTracker.DeviceReading d : readings) {
                if (d.device().type().orElse(null) == DerType.BATTERY && !Double.isNaN(d.capacity())) {
                    double p = d.stateOfCharge() < r.value() ? -0.5 * d.capacity() : 0.5 * d.capacity();
                    plan.put(d.device(), Map.of(DeviceControl.FIXED_W, p * 1000));
                }
            }
            return plan;
        }
        double reduce = switch (r.payloadType()) {
            case IMPORT_CAPACITY_LIMIT, DISPATCH_SETPOINT -> flex.importKw() - kw;
            case DISPATCH_SETPOINT_RELATIVE -> -kw;
            case SIMPLE -> Math.max(0, Math.min(3, r.value())) / 3 * flex.reductionKw();
            default -> 0;
        };
        double total = flex.reductionKw();
        double f = total <= 0 || reduce <= 0 ? 0 : Math.min(1, reduce / total);
        if (f <= 0) {
            return plan;
        }
        for (DrDeviceTracker.DeviceReading d : readings) {
            double share = reductions.getOrDefault(d.device(), 0.0) * f;
            if (share <= 0) {
                continue;
            }
            double p = Double.isNaN(d.activePowerKw()) ? 0 : d.activePowerKw();
            EnumMap<DeviceControl, Object> c = new EnumMap<>(DeviceControl.class);
            if (d.device().type().orElse(null) == DerType.BATTERY) {
                c.put(DeviceControl.FIXED_W, (p + share) * 1000);
            } else {
                c.put(DeviceControl.MAX_LIMIT_W, Math.max(0, p - share) * 1000);
            }
            plan.put(d.device(), c);
        }
        return plan;
    }
}
