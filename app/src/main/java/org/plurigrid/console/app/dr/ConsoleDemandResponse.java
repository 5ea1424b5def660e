package org.plurigrid.console.app.dr;

import com.powsybl.iidm.network.Battery;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.IncludedTxListener;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.dr.ChainEvent;
import org.plurigrid.console.client.dr.CongestionRelief;
import org.plurigrid.console.client.dr.DemandResponseService;
import org.plurigrid.console.client.dr.DerDevice;
import org.plurigrid.console.client.dr.DeviceState;
import org.plurigrid.console.client.dr.DispatchOutcome;
import org.plurigrid.console.client.dr.DispatchProgress;
import org.plurigrid.console.client.dr.DispatchRequest;
import org.plurigrid.console.client.dr.DrChainClient;
import org.plurigrid.console.client.dr.DrDeviceTracker;
import org.plurigrid.console.client.dr.RecordedImportHistory;
import org.plurigrid.console.client.dr.XofYBaseline;
import org.plurigrid.console.client.recording.RecordingException;
import org.plurigrid.console.client.recording.RolledRecordings;
import org.plurigrid.console.client.dr.EventBaselines;
import org.plurigrid.console.client.dr.Flexibility;
import org.plurigrid.console.client.dr.LiveEvent;
import org.plurigrid.console.client.dr.Measurement;
import org.plurigrid.console.client.dr.PreparedDispatch;
import org.plurigrid.console.client.dr.ProgramInfo;
import org.plurigrid.console.client.grid.ContingencyReport;
import org.plurigrid.console.client.grid.ContingencyService;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.TelemetryClient;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.SigningKey;
import org.plurigrid.console.devnet.chain.DevnetChain;
import org.plurigrid.console.views.dr.CongestionRow;
import org.plurigrid.console.views.dr.DemandResponseActions;
import org.plurigrid.console.views.dr.DemandResponseView;
import org.plurigrid.console.views.dr.DemandResponseViewModel;
import org.plurigrid.console.views.dr.EventSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * Demand response on the devnet: once the devnet chain is up, follows the fleet's DER controls over its own MQTT session
 * (DCMD out, DDATA acks in), drives the chain's DR program contract with the devnet's first demo account (a throw-away
 * key, like the governance demo keys) and shows {@link DemandResponseView}. Congestions come from the console's grid
 * model with the DERs set to their live readings. Everything blocking runs on the "demand-response" thread.
 */
public final class ConsoleDemandResponse implements DemandResponseActions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleDemandResponse.class);
    private static final int BASE_CASE_ROWS = 8;

    private final InstantSource clock;
    private final Supplier<Network> gridModel;
    private final ExecutorService background = Executors.newSingleThreadExecutor(NamedThreads.daemon("demand-response"));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, NamedThreads.numberedDaemons("demand-response-acks"));
    private final StackPane page = new StackPane(new Label("Demand response starts with the devnet chain…"));
    private final CongestionRelief relief = new CongestionRelief();
    private volatile ChainClient chainClient;
    private volatile TelemetryClient mqtt;
    private volatile DrDeviceTracker tracker;
    private volatile DemandResponseService service;
    private volatile SigningKey key;
    private volatile DemandResponseViewModel viewModel;
    private Network network;
    private final EventBaselines baselines;
    private volatile IncludedTxListener included = IncludedTxListener.NONE;
    private volatile java.util.function.Predicate<String> submitPower = program -> false;
    private volatile RolledRecordings history;
    private volatile List<org.plurigrid.console.client.dr.FlexibilityProvider> providers = List.of();

    /** {@code home}: each dispatched event's baselines are kept in {@code <home>/dr}, shared with the {@code dr} commands. */
    public ConsoleDemandResponse(java.nio.file.Path home, InstantSource clock, Supplier<Network> gridModel) {
        this.baselines = EventBaselines.in(home.resolve("dr"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gridModel = gridModel;
        page.getStyleClass().add("demand-response-page");
    }

    /** Connects to the devnet's broker and DR contract (off the FX thread), then shows the screen. */
    public void start(String mqttUri, DevnetChain chain) {
        background.execute(() -> {
            try {
                key = chain.demoAccounts().getFirst().mnemonic().deriveKey(HdPath.cosmos(0));
                chainClient = new ChainClient(ChainConfig.of(chain.chainId(), chain.options().bech32Prefix(), chain.options().feeDenom(),
                        chain.options().minGasPrice().toPlainString(), GrpcEndpoint.parse(chain.grpcTarget())), clock);
                DrDeviceTracker[] holder = new DrDeviceTracker[1];
                mqtt = new TelemetryClient(BrokerConfig.builder("demand-response", mqttUri)
                        .clientId("plurigrid-console-dr-" + ProcessHandle.current().pid()).build(), scheduler,
                        pub -> holder[0] = new DrDeviceTracker(clock, pub));
                mqtt.start();
                tracker = holder[0];
                service = new DemandResponseService(new DrChainClient(chainClient, chain.drContractAddress()), tracker, clock, scheduler,
                        DemandResponseService.AckPolicy.defaults(), baselines);
                service.submitPowerFor(submitPower);
                service.flexibilityProviders(providers);
                RolledRecordings h = history;
                if (h != null) {
                    service.baselinesFrom(new RecordedImportHistory(h),
                            XofYBaseline.defaults(), ZoneId.systemDefault());
                }
                LOG.info("Demand response on program contract {}, signing as devnet account {}", chain.drContractAddress(),
                        chain.demoAccounts().getFirst().name());
                Platform.runLater(() -> {
                    viewModel = new DemandResponseViewModel(this, clock, background, Platform::runLater);
                    page.getChildren().setAll(new DemandResponseView(viewModel, ZoneId.systemDefault()));
                });
            } catch (RuntimeException e) {
                LOG.error("Demand response did not start", e);
                Platform.runLater(() -> page.getChildren().setAll(new Label("Demand response did not start: " + e.getMessage()
                        + " (details in the log)")));
            }
        });
    }

    public Node page() {
        return page;
    }

    /**
     * Baselines from days of this console's recordings ("X of Y days", docs/demand-response.md) where enough are
     * recorded, meter-before otherwise; call before {@link #start}. Closed with this.
     */
    /** Plugins' estimators of devices' flexibility (set before {@link #start}). */
    public void flexibilityProviders(List<org.plurigrid.console.client.dr.FlexibilityProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public void baselinesFrom(RolledRecordings recordings) {
        this.history = Objects.requireNonNull(recordings, "recordings");
    }

    /** For tests: the screen's view-model once started, else null. */
    public DemandResponseViewModel viewModel() {
        return viewModel;
    }

    // ---- DemandResponseActions (all on the demand-response thread) ---------------------------------------------------

    @Override
    public ProgramInfo program() {
        return service.chain().program();
    }

    @Override
    public List<Flexibility> sites() {
        return service.siteFlexibility();
    }

    @Override
    public List<ChainEvent> events() {
        List<ChainEvent> all = new ArrayList<>(service.chain().events());
        all.sort(Comparator.comparing(ChainEvent::dispatchedAt).reversed());
        return all;
    }

    @Override
    public PreparedDispatch prepare(DispatchRequest r) {
        return service.prepare(r, key.address(chainClient.config().bech32Prefix()).bech32());
    }

    @Override
    public DispatchOutcome dispatch(PreparedDispatch p, boolean allowOverlap, Consumer<DispatchProgress> progress) {
        DispatchOutcome out = service.dispatch(p, key, allowOverlap, progress);
        if (out instanceof DispatchOutcome.Dispatched d) {
            included.included("dr dispatch " + p.eventId() + " on " + p.request().target(), d.event().txHash(), d.event().height(),
                    p.messageJson());
        }
        return out;
    }

    @Override
    public TxOutcome cancel(String eventId, Consumer<DispatchProgress> progress) {
        return told("dr cancel " + eventId, service.cancel(eventId, key, progress), eventId);
    }

    @Override
    public TxOutcome settle(String eventId, Consumer<DispatchProgress> progress) {
        return told("dr report and settle " + eventId, service.reportAndSettle(eventId, key, progress), eventId);
    }

    /** The programs whose delivery reports also carry {@code /grid.grid.MsgSubmitPower} (configuration); set before starting. */
    public void submitPowerFor(java.util.function.Predicate<String> programs) {
        submitPower = Objects.requireNonNull(programs, "programs");
    }

    /** Every included transaction is told to the recording (set before starting), so replay shows it. */
    public void recordTransactionsIn(IncludedTxListener listener) {
        included = Objects.requireNonNull(listener, "listener");
    }

    private TxOutcome told(String what, TxOutcome out, String eventId) {
        if (out instanceof TxOutcome.Included inc) {
            included.included(what, inc.txHash(), inc.height(), "{\"event_id\":\"" + eventId + "\"}");
        }
        return out;
    }

    @Override
    public Optional<EventSnapshot> snapshot(String eventId) {
        Optional<LiveEvent> followed = service.live(eventId);
        if (followed.isEmpty()) {
            Optional<ChainEvent> onChain = service.chain().event(eventId);
            if (onChain.isEmpty()) {
                return Optional.empty();
            }
            followed = Optional.of(service.resume(onChain.get(), p -> { }));
        }
        LiveEvent e = followed.get();
        Measurement m = e.measure(tracker, clock.instant());
        List<EventSnapshot.DeviceRow> rows = new ArrayList<>();
        Map<DerDevice, DeviceState> states = new java.util.TreeMap<>(Comparator.comparing(DerDevice::toString));
        states.putAll(e.states());
        states.forEach((d, s) -> {
            double[] v = m.perDevice().getOrDefault(d, new double[] {Double.NaN, Double.NaN});
            rows.add(new EventSnapshot.DeviceRow(d.device(), d.node(), s, v[0], v[1]));
        });
        return Optional.of(new EventSnapshot(e.eventId(), e.target(), e.height(), e.txHash(), e.start(), e.end(), e.requestedKw(),
                m.deliveredKw(), e.counts(), rows, clock.instant()));
    }

    @Override
    public List<CongestionRow> congestions() {
        Network n = liveNetwork();
        List<CongestionRow> rows = new ArrayList<>();
        List<CongestionRelief.BranchLoading> loadings = relief.loadings(n);
        loadings.stream().limit(BASE_CASE_ROWS).forEach(l -> rows.add(new CongestionRow(CongestionRelief.Congestion.baseCase(l.branchId()),
                l.loadingPercent())));
        ContingencyReport n1 = new ContingencyService().runN1(n);
        for (ContingencyReport.Outcome o : n1.overloading()) {
            for (ContingencyReport.Overload v : o.overloads()) {
                rows.add(new CongestionRow(CongestionRelief.Congestion.afterOutage(v.branchId(), o.outagedBranchId()), v.loadingPercent()));
            }
        }
        rows.sort(Comparator.comparingDouble(CongestionRow::loadingPercent).reversed());
        return rows;
    }

    @Override
    public CongestionRelief.Proposal propose(CongestionRelief.Congestion c, double targetPercent) {
        Map<String, Double> flexible = new LinkedHashMap<>();
        for (Flexibility f : service.siteFlexibility()) {
            flexible.put(f.target(), f.reductionKw());
        }
        return relief.propose(liveNetwork(), c, flexible, targetPercent);
    }

    /** The grid model with every DER the tracker knows set to its live import (loads) or export (generation, batteries). */
    private Network liveNetwork() {
        if (gridModel == null) {
            throw new IllegalStateException("No grid model: congestions need one (the devnet's is built in)");
        }
        if (network == null) {
            network = gridModel.get();
        }
        for (String site : tracker.sites()) {
            for (DerDevice d : tracker.devicesIn(site)) {
                tracker.reading(d).filter(DrDeviceTracker.DeviceReading::online).ifPresent(r -> {
                    if (Double.isNaN(r.importKw())) {
                        return;
                    }
                    double mw = r.importKw() / 1000;
                    String id = d.node() + "/" + d.device();
                    Load load = network.getLoad(id);
                    Generator gen = network.getGenerator(id);
                    Battery bat = network.getBattery(id);
                    if (load != null) {
                        load.setP0(Math.max(0, mw));
                    } else if (gen != null) {
                        gen.setTargetP(Math.max(0, -mw));
                    } else if (bat != null) {
                        bat.setTargetP(-mw);
                    }
                });
            }
        }
        return network;
    }

    /** Blocking: call it off the FX thread. */
    @Override
    public void close() {
        TelemetryClient m = mqtt;
        if (m != null) {
            m.close();
        }
        scheduler.shutdownNow();
        background.shutdownNow();
        RolledRecordings h = history;
        if (h != null) {
            try {
                h.close();
            } catch (RecordingException e) {
                LOG.warn("Closing the recordings read for baselines failed: {}", e.getMessage());
            }
        }
        ChainClient c = chainClient;
        if (c != null) {
            c.close();
        }
    }
}
