package org.plurigrid.console.plugins.host;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between the console and one plugin's code: every call goes through it, a call that throws disables the
 * plugin (with a message naming the plugin and the phase), and frame calls are timed against a budget, three
 * overruns disabling the plugin. Once disabled, nothing of the plugin is called again. Thread-safe.
 *
 * <p>A frame overruns when the plugin's code used more CPU than the budget, or blocked the thread for more than ten
 * budgets of wall time. CPU time is what the plugin itself costs; wall time alone would punish an innocent plugin on
 * a busy workstation, where the FX thread is simply not scheduled for a while.
 */
public final class PluginGuard {

    private static final Logger log = LoggerFactory.getLogger(PluginGuard.class);
    static final int OVERRUNS_ALLOWED = 2;

    private final AtomicReference<PluginInfo> info;
    private final LongSupplier nanoClock;
    private final LongSupplier cpuNanoClock;
    private final Duration frameBudget;
    private final Consumer<PluginInfo> onDisabled;
    private int overruns;

    /**
     * @param nanoClock    wall time ({@code System::nanoTime})
     * @param cpuNanoClock CPU time of the calling thread ({@link #currentThreadCpuTime()})
     */
    public PluginGuard(PluginInfo info, Duration frameBudget, LongSupplier nanoClock, LongSupplier cpuNanoClock,
                       Consumer<PluginInfo> onDisabled) {
        this.info = new AtomicReference<>(Objects.requireNonNull(info, "info"));
        this.frameBudget = Objects.requireNonNull(frameBudget, "frameBudget");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.cpuNanoClock = Objects.requireNonNull(cpuNanoClock, "cpuNanoClock");
        this.onDisabled = Objects.requireNonNull(onDisabled, "onDisabled");
    }

    public PluginInfo info() {
        return info.get();
    }

    public boolean active() {
        return info.get().state() == PluginState.ENABLED;
    }

    /** Runs plugin code for {@code phase} ("building its view"); empty when inactive or when it threw. */
    public <T> Optional<T> call(String phase, Supplier<T> code) {
        if (!active()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(code.get());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            disable("threw " + e.getClass().getSimpleName() + " while " + phase
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            return Optional.empty();
        }
    }

    /** One frame of the plugin's view, timed: a frame over budget counts, the third one disables the plugin. */
    public void frame(Runnable code) {
        long start = nanoClock.getAsLong();
        long cpuStart = cpuNanoClock.getAsLong();
        Optional<Boolean> ran = call("handling telemetry", () -> {
            code.run();
            return Boolean.TRUE;
        });
        long cpu = cpuNanoClock.getAsLong() - cpuStart;
        long wall = nanoClock.getAsLong() - start;
        String overrun = cpu > frameBudget.toNanos() ? "used " + cpu / 1_000_000 + " ms of CPU for one frame"
                : wall > 10 * frameBudget.toNanos() ? "blocked for " + wall / 1_000_000 + " ms in one frame"
                : null;
        if (ran.isPresent() && overrun != null) {
            synchronized (this) {
                overruns++;
                if (overruns > OVERRUNS_ALLOWED) {
                    disable(overrun + ", over its budget of " + frameBudget.toMillis() + " ms, " + overruns + " times", null);
                }
            }
        }
    }

    /** CPU time of the calling thread in nanoseconds, or wall time where the JVM cannot measure it. */
    public static long currentThreadCpuTime() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Disables the plugin for good (first reason wins); the console carries on without it. */
    public void disable(String why, Throwable cause) {
        PluginInfo before = info.get();
        if (before.state() != PluginState.ENABLED) {
            return;
        }
        PluginInfo after = before.with(PluginState.FAILED, why);
        if (info.compareAndSet(before, after)) {
            log.warn("Plugin '{}' ({}) is disabled: it {}", before.title(), before.source(), why, cause);
            onDisabled.accept(after);
        }
    }
}
