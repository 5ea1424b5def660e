package org.plurigrid.console.bench;

import org.plurigrid.console.app.alarms.ConsoleAlarms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.client.telemetry.TelemetrySettings;
import org.plurigrid.console.client.threads.NamedThreads;
import org.plurigrid.console.views.alarms.AlarmBanner;
import org.plurigrid.console.views.alarms.AlarmBannerViewModel;
import org.plurigrid.console.views.alarms.AlarmJournalViewModel;
import org.plurigrid.console.views.alarms.AlarmListViewModel;
import org.plurigrid.console.views.common.FramePump;
import org.plurigrid.console.views.common.Theme;
import org.plurigrid.console.views.overview.OverviewView;
import org.plurigrid.console.views.overview.OverviewViewModel;
import org.plurigrid.console.views.points.PointTableViewModel;
import org.plurigrid.console.views.shell.StatusBar;
import org.plurigrid.console.views.shell.StatusBarViewModel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * UI pulse benchmark (issue 3, "no frame over 100 ms at 50,000 msg/s"): the console's Overview as the app shows it —
 * status bar, alarm banner over an {@link AlarmEngine} with the shipped rules, the tiles and the live point table —
 * in a 1440×900 stage, headless (Monocle, software rendering), driven by the real {@link FramePump} over a real
 * {@link TelemetryService} subscribed to a real broker ({@link BenchBroker}) into which a {@link SparkplugStream} is
 * published at a fixed rate. {@link PulseMeter} measures the JavaFX pulse from inside it, first with no telemetry
 * flowing (idle baseline: the same scene with every point born), then under load. Prints JSON and writes
 * {@code bench/target/ui-pulse-bench.json}. Figures only: nothing here asserts a timing.
 *
 * <p>Options: {@code --rate R} (msg/s, default 50000), {@code --seconds S} (load phase, default 60),
 * {@code --idle-seconds S} (default 30), {@code --warmup-seconds S} (unmeasured load before the idle phase, default
 * 5), {@code --nodes N} (20), {@code --devices D} per node (60, at most 200; 2 points each), {@code --hivemq},
 * {@code --out FILE}, {@code --record} (issue 12: the console also records every value the point store emits into
 * DuckDB, as the app does, and the recorder's committed rows, drops and lag are reported with the raw Appender rate
 * measured after the run), {@code --publisher-process} (the publisher in a JVM of its own, as devices are in a
 * control room, instead of sharing the console's heap and cores' threads), {@code --peers-nice N} (the publisher
 * process and Mosquitto run with niceness N: on a bench machine they share the console's cores, where in a control
 * room devices and broker run on machines of their own; 0 by default).
 */
public final class UiPulseBench {

    static final int WIDTH = 1440;
    static final int HEIGHT = 900;

    /** What to run; {@link #parse} reads the command line. */
    record Options(int rate, int seconds, int idleSeconds, int warmupSeconds, int nodes, int devices, boolean hivemq,
                   Path out, boolean record, boolean publisherProcess, int peersNice) {
        Options {
            if (peersNice < 0 || peersNice > 19) {
                throw new IllegalArgumentException("--peers-nice takes 0..19");
            }
            if (rate <= 0 || seconds <= 0 || idleSeconds <= 0 || warmupSeconds < 0 || nodes <= 0 || devices <= 0) {
                throw new IllegalArgumentException("rate, seconds, idle seconds, nodes and devices must be positive");
            }
        }

        static Options parse(String[] args) {
            int rate = 50_000, seconds = 60, idle = 30, warmup = 5, nodes = 20, devices = 60;
            boolean hivemq = false;
            boolean record = false;
            boolean publisherProcess = false;
            int peersNice = 0;
            Path out = BenchOutput.defaultFile("ui-pulse-bench.json");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rate" -> rate = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--idle-seconds" -> idle = Integer.parseInt(args[++i]);
                    case "--warmup-seconds" -> warmup = Integer.parseInt(args[++i]);
                    case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                    case "--devices" -> devices = Integer.parseInt(args[++i]);
                    case "--hivemq" -> hivemq = true;
                    case "--record" -> record = true;
                    case "--publisher-process" -> publisherProcess = true;
                    case "--peers-nice" -> peersNice = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; see the class comment or bench/README.md");
                }
            }
            return new Options(rate, seconds, idle, warmup, nodes, devices, hivemq, out, record, publisherProcess,
                    peersNice);
        }
    }

    private final Options options;

    UiPulseBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Tahu ships a TRACE logback.xml; ours must win before the first logger is created.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "telemetry-bench-logback.xml");
        }
        ObjectNode result = new UiPulseBench(Options.parse(args)).run();
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Platform.exit();
        System.exit(0); // Paho and HiveMQ leave non-daemon threads behind
    }

    /** Runs both phases and writes the JSON file; returns the same document. */
    ObjectNode run() throws Exception {
        startFx();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        SparkplugStream stream = new SparkplugStream(options.nodes(), options.devices());
        Path work = Files.createTempDirectory("ui-pulse-bench");
        try (BenchBroker broker = BenchBroker.start(work, options.hivemq(), options.peersNice());
             Console console = new Console(broker.uri, options.record() ? work.resolve("recording.duckdb") : null);
             Publisher publisher = options.publisherProcess()
                     ? Publisher.of(PublisherProcess.start(broker.uri, options.nodes(), options.devices(), "1g",
                             options.peersNice()))
                     : Publisher.of(new PacedPublisher(broker.uri, stream, "ui-pulse-publisher"))) {
            root.put("broker", broker.kind);
            root.put("startedAt", Instant.now().toString());
            root.put("cpus", Runtime.getRuntime().availableProcessors());
            root.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
            root.put("prism", System.getProperty("prism.order"));
            root.put("glass", System.getProperty("glass.platform") + "/" + System.getProperty("monocle.platform"));
            root.put("stage", WIDTH + "x" + HEIGHT);
            root.put("publisher", options.publisherProcess() ? "own JVM" : "in the console's JVM");
            root.put("peersNice", options.peersNice());
            root.putPOJO("jvmArguments", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            root.put("slowFrameThresholdMs", PulseMeter.SLOW_FRAME_MS);
            ObjectNode s = root.putObject("stream");
            s.put("nodes", options.nodes());
            s.put("devicesPerNode", options.devices());
            s.put("devicePoints", stream.points());
            s.put("targetRate", options.rate());

            long births = publisher.births();
            awaitQuiet(console::messages, births, DRAIN_LIMIT);
            if (options.warmupSeconds() > 0) {
                log("warm-up: " + options.rate() + " msg/s for " + options.warmupSeconds() + " s (not measured)");
                long sent = publisher.paced(options.rate(),
                        System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupSeconds()));
                awaitQuiet(console::messages, births + sent, DRAIN_LIMIT);
            }

            log("idle: no telemetry for " + options.idleSeconds() + " s");
            long before = console.messages();
            onFx(() -> console.meter.begin("idle"));
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.idleSeconds()));
            PulseMeter.Phase idle = onFx(console.meter::end);
            ObjectNode idleJson = idle.json();
            idleJson.put("messagesReceived", console.messages() - before);
            root.set("idle", idleJson);

            log("load: " + options.rate() + " msg/s for " + options.seconds() + " s");
            before = console.messages();
            onFx(() -> console.meter.begin("load"));
            long valuesBefore = console.recordedValues.sum();
            long loadStart = System.nanoTime();
            long received0 = before;
            var progress = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("ui-pulse-progress"));
            progress.scheduleAtFixedRate(() -> log(String.format("load %d s: received %,d%s",
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - loadStart), console.messages() - received0,
                            console.recorder == null ? "" : String.format(", recorded %,d, recorder lag %d ms",
                                    console.recorder.status().rowsWritten(), console.recorder.status().lag().toMillis()))),
                    30, 30, TimeUnit.SECONDS);
            long sent;
            try {
                sent = publisher.paced(options.rate(), loadStart + TimeUnit.SECONDS.toNanos(options.seconds()));
            } finally {
                progress.shutdownNow();
            }
            console.loadValues = console.recordedValues.sum() - valuesBefore;
            long receivedInWindow = console.messages() - before;
            PulseMeter.Phase load = onFx(console.meter::end);
            long drainStart = System.nanoTime();
            boolean drained = awaitQuiet(console::messages, before + sent, DRAIN_LIMIT);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            ObjectNode loadJson = load.json();
            double seconds = load.seconds();
            loadJson.put("sent", sent);
            loadJson.put("achievedPublishRate", Math.round(sent / seconds));
            loadJson.put("receivedInWindow", receivedInWindow);
            loadJson.put("achievedReceiveRate", Math.round(receivedInWindow / seconds));
            loadJson.put("receivedAfterDrain", console.messages() - before);
            loadJson.put("drainSeconds", Math.round(drainSeconds * 10) / 10.0);
            loadJson.put("drainComplete", drained);
            loadJson.put("notReceived", before + sent - console.messages());
            root.set("load", loadJson);

            if (console.recorder != null) {
                ObjectNode rec = root.putObject("recording");
                long t = System.nanoTime();
                console.recorder.flush(Duration.ofSeconds(120));
                var status = console.recorder.status();
                rec.put("valuesOffered", console.recordedValues.sum());
                rec.put("committedRows", status.rowsWritten());
                rec.put("dropped", status.dropped());
                rec.put("maxLagMs", console.maxLagMs);
                rec.put("finalFlushSeconds", Math.round((System.nanoTime() - t) / 1e7) / 100.0);
                double raw = RecordingBench.rawAppenderRate(work.resolve("raw.duckdb"), 2_000_000, stream.points());
                rec.put("rawAppenderRowsPerSecond", Math.round(raw));
                rec.put("loadValuesPerSecond", Math.round(console.loadValues / load.seconds()));
                rec.put("ingestOverRawAppender", Math.round(console.loadValues / load.seconds() / raw * 1000) / 1000.0);
                rec.put("fileBytes", Files.size(work.resolve("recording.duckdb")));
                log("recording: " + rec);
            }
            root.put("points", console.service.stats().points());
            root.put("tableRows", onFx(() -> console.table.totalCountProperty().get()));
            root.putPOJO("decodeErrors", console.service.stats().decodeErrors());
            root.put("alarmEvaluations", console.alarms.evaluations());
            root.put("note", "frame interval = time between consecutive AnimationTimer pulses on the FX thread; "
                    + "pump = the frame pump's drain plus every view-model update of that frame; the publisher, "
                    + "the broker and the console share the machine's cores");
        }
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        root.put("writtenTo", options.out().toAbsolutePath().toString());
        return root;
    }

    /**
     * The console as the app wires the Overview: telemetry service with the alarm engine as a tap, the engine ticked
     * four times a second, and on the FX thread the frame pump feeding the status bar, the Overview and the alarm
     * view-models, with the meter's hooks around the pump.
     */
    private static final class Console implements AutoCloseable {
        final TelemetryService service;
        final AlarmEngine alarms = new AlarmEngine(AlarmRuleFile.defaults(), InstantSource.system());
        final PulseMeter meter = new PulseMeter();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                NamedThreads.daemon("ui-pulse-alarm-ticker"));
        private FramePump pump;
        private Stage stage;
        PointTableViewModel table;
        final org.plurigrid.console.client.recording.Recorder recorder;
        final java.util.concurrent.atomic.LongAdder recordedValues = new java.util.concurrent.atomic.LongAdder();
        volatile long maxLagMs;
        volatile long loadValues;

        Console(String uri, Path recording) throws Exception {
            InstantSource clock = InstantSource.system();
            BrokerConfig config = BrokerConfig.builder("bench", uri).clientId("ui-pulse-console").build();
            service = new TelemetryService(List.of(config), clock, null, TelemetrySettings.DEFAULTS);
            service.addListener(alarms);
            if (recording != null) {
                recorder = new org.plurigrid.console.client.recording.Recorder(
                        org.plurigrid.console.client.recording.DuckDbRecordingStore.singleFile(recording), clock,
                        org.plurigrid.console.client.recording.RecordingSettings.DEFAULTS);
                recorder.start();
                java.util.function.Consumer<org.plurigrid.console.client.telemetry.Measurement> tap = recorder.telemetryTap();
                service.addListener(m -> {
                    recordedValues.increment();
                    tap.accept(m);
                });
                ticker.scheduleAtFixedRate(() -> maxLagMs = Math.max(maxLagMs, recorder.status().lag().toMillis()),
                        100, 100, TimeUnit.MILLISECONDS);
            } else {
                recorder = null;
            }
            ticker.scheduleAtFixedRate(alarms::tick, 250, 250, TimeUnit.MILLISECONDS);
            TelemetryFeed timed = new TimedFeed(service.feed(), meter);
            onFx(() -> {
                show(timed, clock);
                return null;
            });
            service.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (service.connections().get(0).state() != ConnectionState.CONNECTED) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("console did not connect: " + service.connections());
                }
                Thread.sleep(20);
            }
        }

        private void show(TelemetryFeed feed, InstantSource clock) {
            ZoneId zone = ZoneId.systemDefault();
            StatusBarViewModel status = new StatusBarViewModel(feed::connections, clock, zone);
            table = new PointTableViewModel(clock);
            OverviewViewModel overview = new OverviewViewModel(table, service::summary, clock);
            AlarmListViewModel list = new AlarmListViewModel(alarms, alarms, clock, "bench");
            AlarmBannerViewModel banner = new AlarmBannerViewModel(alarms);
            AlarmJournalViewModel journal = new AlarmJournalViewModel(alarms.journal());
            pump = new FramePump(feed);
            pump.addListener(status);
            pump.addListener(overview);
            pump.addListener(changes -> {     // as ConsoleAlarms.attach, without the horn (no audio here)
                list.onFrame();
                banner.onFrame();
                journal.onFrame();
            });
            pump.addListener(changes -> meter.pumped());   // last: the frame's view-model work is done

            BorderPane root = new BorderPane(new OverviewView(overview));
            root.setTop(new VBox(new StatusBar(status), new AlarmBanner(banner, null, zone)));
            Scene scene = new Scene(root, WIDTH, HEIGHT);
            Theme.apply(scene);
            stage = new Stage();
            stage.setScene(scene);
            stage.setTitle("Plurigrid Console — UI pulse bench");
            meter.attach(scene);
            stage.show();
            pump.start();
        }

        long messages() {
            return service.stats().messages();
        }

        @Override
        public void close() throws Exception {
            onFx(() -> {
                meter.stop();
                if (pump != null) {
                    pump.stop();
                }
                if (stage != null) {
                    stage.hide();
                }
                return null;
            });
            ticker.shutdownNow();
            service.close();
            if (recorder != null) {
                recorder.close();
            }
        }
    }

    /** The service's feed, with the meter told when the pump starts and ends draining it. */
    private record TimedFeed(TelemetryFeed delegate, PulseMeter meter) implements TelemetryFeed {
        @Override
        public ChangeSet drainChanges() {
            meter.drainStarted();
            ChangeSet changes = delegate.drainChanges();
            meter.drained(changes.changed().size());
            return changes;
        }

        @Override
        public List<ConnectionStatus> connections() {
            return delegate.connections();
        }
    }

    /** Monocle headless with the software pipeline and a 1440×900 screen, unless the caller chose otherwise. */
    private static void startFx() throws InterruptedException {
        BenchFx.configureHeadless(WIDTH + "x" + HEIGHT + "-32");
        BenchFx.start();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        return BenchFx.onFx(Duration.ofSeconds(60), work);
    }

    private static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /**
     * A backlog left by a console slower than the publisher drains at the console's own rate; after a long load phase
     * that can take minutes, and the figure that matters (what was not received) is reported either way.
     */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);

    /**
     * Waits until {@code expected} arrived, nothing arrived for 2 s, or {@code limit} passed; true when everything
     * expected arrived.
     */
    private static boolean awaitQuiet(LongSupplier count, long expected, Duration limit) throws InterruptedException {
        long seen = -1;
        long start = System.nanoTime();
        long quietSince = start;
        while (true) {
            long c = count.getAsLong();
            if (c >= expected) {
                return true;
            }
            long now = System.nanoTime();
            if (c != seen) {
                seen = c;
                quietSince = now;
            } else if (now - quietSince > TimeUnit.SECONDS.toNanos(2)) {
                return false;
            }
            if (now - start > limit.toNanos()) {
                log(String.format("drain stopped after %d s with %,d of %,d received", limit.toSeconds(), c, expected));
                return false;
            }
            Thread.sleep(10);
        }
    }

    /** The publisher in this JVM or in its own. */
    private interface Publisher extends AutoCloseable {
        long births() throws Exception;

        long paced(int perSecond, long endNanos) throws Exception;

        static Publisher of(PacedPublisher p) {
            return new Publisher() {
                public long births() throws Exception { return p.births(); }
                public long paced(int perSecond, long endNanos) throws Exception { return p.paced(perSecond, endNanos); }
                public void close() throws Exception { p.close(); }
            };
        }

        static Publisher of(PublisherProcess p) {
            return new Publisher() {
                public long births() throws Exception { return p.births(); }
                public long paced(int perSecond, long endNanos) throws Exception { return p.paced(perSecond, endNanos); }
                public void close() throws Exception { p.close(); }
            };
        }
    }

    private static void log(String s) {
        System.err.println("[ui-pulse-bench] " + s);
    }
}
