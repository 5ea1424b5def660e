package org.plurigrid.console.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.plurigrid.console.app.ConsoleApplication;
import org.plurigrid.console.app.ConsoleOptions;
import org.plurigrid.console.app.telemetry.LiveTelemetryStartup;
import org.plurigrid.console.views.overview.OverviewView;

/**
 * The console's first minutes as an operator meets them (issue 9): the real {@link ConsoleApplication} on its
 * in-process devnet, in this JVM, headless (Monocle, software rendering) unless {@code -Dglass.platform} says
 * otherwise. Prints, never asserts: time from JVM start to the window shown, to telemetry live and to the first live
 * value on the Overview; per view of the rail the CPU of the whole process (devnet included) and of the FX and render
 * threads over {@code --idle-seconds}; then the resident set and the heap after {@code --soak-minutes}.
 * <p>
 * Options: {@code --idle-seconds S} (20), {@code --warmup-seconds S} per view before measuring (5),
 * {@code --soak-minutes M} (10), {@code --scale F} (1.0), {@code --out FILE} (bench/target/startup-bench.json).
 */
public final class StartupBench {

    record Options(int idleSeconds, int warmupSeconds, double soakMinutes, double scale, Path out) {
        static Options parse(String[] args) {
            int idle = 20;
            int warmup = 5;
            double soak = 10;
            double scale = 1.0;
            Path out = BenchOutput.defaultFile("startup-bench.json");
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--idle-seconds" -> idle = Integer.parseInt(need(args[i], value));
                    case "--warmup-seconds" -> warmup = Integer.parseInt(need(args[i], value));
                    case "--soak-minutes" -> soak = Double.parseDouble(need(args[i], value));
                    case "--scale" -> scale = Double.parseDouble(need(args[i], value));
                    case "--out" -> out = Path.of(need(args[i], value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; known: --idle-seconds, --warmup-seconds, --soak-minutes, --scale, --out");
                }
                i++;
            }
            return new Options(idle, warmup, soak, scale, out);
        }

        private static String need(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }

    private final Options options;

    StartupBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "telemetry-bench-logback.xml");
        }
        ObjectNode result = new StartupBench(Options.parse(args)).run();
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Platform.exit();
        System.exit(0); // the devnet's libraries leave non-daemon threads behind
    }

    ObjectNode run() throws Exception {
        BenchFx.configureHeadless("1920x1080-32");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("startedAt", Instant.now().toString());
        root.put("cpus", Runtime.getRuntime().availableProcessors());
        root.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        root.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        root.put("prism", System.getProperty("prism.order"));
        root.put("glass", System.getProperty("glass.platform") + "/" + System.getProperty("monocle.platform"));
        root.put("scale", options.scale());
        root.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        BenchFx.start();
        root.put("fxStartedMs", sinceLaunch());
        Path home = Files.createTempDirectory("startup-bench");
        ConsoleOptions consoleOptions = ConsoleOptions.defaults(home).withDevnetPort(0);
        if (options.scale() != 1.0) {
            consoleOptions = new ConsoleOptions(consoleOptions.home(), consoleOptions.brokers(),
                    consoleOptions.mqttVersion(), consoleOptions.username(), consoleOptions.passwordFile(),
                    consoleOptions.devnetPort(), options.scale(), consoleOptions.config(), consoleOptions.gridModel(),
                    consoleOptions.chain());
        }
        ConsoleApplication app = new ConsoleApplication(consoleOptions, LiveTelemetryStartup.create(Clock.systemUTC()),
                Clock.systemUTC());
        app.init();
        BenchFx.onFx(Duration.ofSeconds(60), () -> {
            app.start(new Stage());
            return null;
        });
        root.put("windowShownMs", sinceLaunch());
        long firstLive = -1;
        long telemetryLive = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && (firstLive < 0 || telemetryLive < 0)) {
            if (telemetryLive < 0 && app.started() != null && app.started().isDone()) {
                telemetryLive = sinceLaunch();
            }
            if (firstLive < 0 && BenchFx.onFx(Duration.ofSeconds(10), () -> {
                OverviewView overview = (OverviewView) app.window().lookup("#overview-view");
                return overview != null && overview.tileValue("tile-load") > 0;
            })) {
                firstLive = sinceLaunch();
            }
            Thread.sleep(50);
        }
        root.put("telemetryLiveMs", telemetryLive);
        root.put("firstLiveValueMs", firstLive);
        log("window " + root.get("windowShownMs") + " ms, telemetry " + telemetryLive + " ms, first live value "
                + firstLive + " ms after JVM start");

        ObjectNode views = root.putObject("idlePerView");
        for (String id : app.window().entryIds()) {
            BenchFx.onFx(Duration.ofSeconds(30), () -> {
                app.window().select(id);
                return null;
            });
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmupSeconds()));
            Cpu before = Cpu.now();
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.idleSeconds()));
            Cpu after = Cpu.now();
            ObjectNode v = views.putObject(id);
            v.put("processCores", round(after.processCores(before)));
            v.put("fxAndRenderCores", round(after.uiCores(before)));
            log(id + ": process " + v.get("processCores") + " cores, FX + render " + v.get("fxAndRenderCores"));
        }
        BenchFx.onFx(Duration.ofSeconds(30), () -> {
            app.window().select("overview");
            return null;
        });

        long soakMillis = (long) (options.soakMinutes() * 60_000);
        log("soak: " + options.soakMinutes() + " min on the Overview");
        Thread.sleep(soakMillis);
        ObjectNode memory = root.putObject("afterSoak");
        memory.put("minutes", options.soakMinutes());
        memory.put("rssMb", rssMb());
        Runtime rt = Runtime.getRuntime();
        memory.put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) >> 20);
        memory.put("heapCommittedMb", rt.totalMemory() >> 20);
        System.gc();
        memory.put("heapUsedAfterGcMb", (rt.totalMemory() - rt.freeMemory()) >> 20);
        root.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        root.put("note", "times are from JVM start; processCores includes the in-process devnet (broker, fleet, EMS,"
                + " chain); fxAndRenderCores is the JavaFX application and render threads (1.0 = one core busy)");

        app.shutdown().get(60, TimeUnit.SECONDS);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        root.put("writtenTo", options.out().toAbsolutePath().toString());
        return root;
    }

    /** CPU time of the process and of the FX and render threads at one moment. */
    private record Cpu(long wallNanos, long processNanos, long uiNanos) {
        static Cpu now() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long ui = 0;
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && isUi(t.getThreadName())) {
                    ui += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                }
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Cpu(System.nanoTime(), os.getProcessCpuTime(), ui);
        }

        private static boolean isUi(String name) {
            return name.startsWith("JavaFX Application Thread") || name.startsWith("QuantumRenderer")
                    || name.startsWith("GtkNativeMainLoopThread");
        }

        double processCores(Cpu before) {
            return (double) (processNanos - before.processNanos) / (wallNanos - before.wallNanos);
        }

        double uiCores(Cpu before) {
            return (double) (uiNanos - before.uiNanos) / (wallNanos - before.wallNanos);
        }
    }

    private static long sinceLaunch() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    static long rssMb() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            return lines.stream().filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(Arrays.stream(l.split("\\s+")).filter(s -> s.matches("\\d+")).findFirst()
                            .orElse("-1024")) / 1024)
                    .orElse(-1L);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void log(String line) {
        System.err.println("startup-bench: " + line);
    }
}
