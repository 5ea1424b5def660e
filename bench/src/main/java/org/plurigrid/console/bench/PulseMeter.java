package org.plurigrid.console.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Measures the JavaFX pulse from inside it: the interval between consecutive {@link AnimationTimer} calls (every
 * timer of a pulse gets the same {@code now}, so this is the pulse-to-pulse interval the frame pump sees), the time
 * the frame pump spends draining the feed and updating the view-models, and the scene's CSS + layout pass. All
 * methods run on the FX thread; a phase is begun and ended there too, so nothing here is shared across threads.
 */
final class PulseMeter {

    /** The bound for a responsive UI; frames slower than this are counted, never asserted. */
    static final double SLOW_FRAME_MS = 100;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };
    private Phase phase;
    private long lastPulse;
    private long layoutStart;
    private long drainStart;
    /** What the previous frame did, to say what a slow interval after it contained. */
    private double lastPumpMs;
    private double lastLayoutMs;
    private int lastChanges;
    private long lastGcMs;

    /** Hooks the scene's layout pass; call on the FX thread before the first pulse. */
    void attach(Scene scene) {
        scene.addPreLayoutPulseListener(() -> layoutStart = System.nanoTime());
        scene.addPostLayoutPulseListener(() -> {
            if (phase != null && layoutStart != 0) {
                lastLayoutMs = (System.nanoTime() - layoutStart) / 1e6;
                phase.layout.record(lastLayoutMs);
            }
        });
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    void begin(String name) {
        phase = new Phase(name);
        lastPulse = 0;
    }

    Phase end() {
        Phase p = phase;
        phase = null;
        p.endNanos = System.nanoTime();
        p.gcAtEnd = gc();
        p.loadAverageAtEnd = loadAverage();
        p.cpuAtEnd = processCpuNanos();
        return p;
    }

    private void pulse(long now) {
        long gcMs = gc()[1];
        if (phase != null) {
            if (lastPulse != 0) {
                double ms = (now - lastPulse) / 1e6;
                phase.interval.record(ms);
                if (ms > SLOW_FRAME_MS) {
                    phase.slowFrames++;
                    if (phase.slow.size() < Phase.SLOW_DETAIL) {
                        phase.slow.add(new SlowFrame((now - phase.startNanos) / 1e9, ms, gcMs - lastGcMs,
                                lastPumpMs, lastLayoutMs, lastChanges));
                    }
                }
            }
            phase.frames++;
        }
        lastPulse = now;
        lastGcMs = gcMs;
    }

    /**
     * One interval over {@link #SLOW_FRAME_MS}: when it ended (s into the phase), GC time that ended within it, and
     * what the frame before it did on the FX thread (pump and CSS/layout), so the rest is render or a starved thread.
     */
    record SlowFrame(double atSecond, double intervalMs, long gcMs, double previousPumpMs, double previousLayoutMs,
                     int previousChangedPoints) {
    }

    /** The frame pump started draining the feed. */
    void drainStarted() {
        drainStart = System.nanoTime();
    }

    /** The feed returned {@code changes} measurements. */
    void drained(int changes) {
        if (phase != null) {
            phase.drain.record((System.nanoTime() - drainStart) / 1e6);
            lastChanges = changes;
            phase.changes += changes;
            phase.maxChanges = Math.max(phase.maxChanges, changes);
        }
    }

    /** The last frame listener returned: drain plus every view-model update of this frame are done. */
    void pumped() {
        if (phase != null) {
            lastPumpMs = (System.nanoTime() - drainStart) / 1e6;
            phase.pump.record(lastPumpMs);
            phase.pumps++;
        }
    }

    private static long[] gc() {
        long count = 0;
        long ms = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            ms += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, ms};
    }

    /** The figures of one phase (idle or load). */
    static final class Phase {
        static final int SLOW_DETAIL = 30;
        final String name;
        final java.util.List<SlowFrame> slow = new java.util.ArrayList<>();
        final double loadAverageAtStart = loadAverage();
        final long cpuAtStart = processCpuNanos();
        final LatencyRecorder interval = new LatencyRecorder();
        final LatencyRecorder pump = new LatencyRecorder();
        final LatencyRecorder drain = new LatencyRecorder();
        final LatencyRecorder layout = new LatencyRecorder();
        final long startNanos = System.nanoTime();
        final long[] gcAtStart = gc();
        long endNanos;
        long[] gcAtEnd;
        double loadAverageAtEnd;
        long cpuAtEnd;
        long frames;
        long slowFrames;
        long pumps;
        long changes;
        long maxChanges;

        Phase(String name) {
            this.name = name;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        ObjectNode json() {
            ObjectNode n = new ObjectMapper().createObjectNode();
            double s = seconds();
            n.put("seconds", round(s, 2));
            n.put("frames", frames);
            n.put("framesPerSecond", round(frames / s, 1));
            n.set("frameIntervalMs", stats(interval));
            n.put("framesOver100Ms", slowFrames);
            n.set("pumpMsPerFrame", stats(pump));
            n.set("drainMsPerFrame", stats(drain));
            n.set("cssAndLayoutMsPerFrame", stats(layout));
            n.put("pumpedFrames", pumps);
            n.put("changedPointsPerFrameMean", pumps == 0 ? 0 : round((double) changes / pumps, 1));
            n.put("changedPointsPerFrameMax", maxChanges);
            n.put("gcCollections", gcAtEnd[0] - gcAtStart[0]);
            n.put("gcTimeMs", gcAtEnd[1] - gcAtStart[1]);
            // CPU of this JVM (console, publisher and, with HiveMQ, the broker) in cores: 1.0 = one core busy
            n.put("processCpuCores", cpuAtStart < 0 ? -1 : round((cpuAtEnd - cpuAtStart) / 1e9 / s, 2));
            n.put("systemLoadAverageAtStart", round(loadAverageAtStart, 2));
            n.put("systemLoadAverageAtEnd", round(loadAverageAtEnd, 2));
            com.fasterxml.jackson.databind.node.ArrayNode detail = n.putArray("slowFrames");
            for (SlowFrame f : slow) {
                ObjectNode d = detail.addObject();
                d.put("atSecond", round(f.atSecond(), 2));
                d.put("intervalMs", round(f.intervalMs(), 1));
                d.put("gcMs", f.gcMs());
                d.put("previousPumpMs", round(f.previousPumpMs(), 1));
                d.put("previousCssAndLayoutMs", round(f.previousLayoutMs(), 1));
                d.put("previousChangedPoints", f.previousChangedPoints());
            }
            return n;
        }

        private static ObjectNode stats(LatencyRecorder r) {
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("samples", r.count());
            if (r.count() > 0) {
                n.put("p50", r.quantileMs(0.50));
                n.put("p99", r.quantileMs(0.99));
                n.put("max", round(r.maxMs(), 2));
            }
            return n;
        }
    }

    /** The 1-minute system load average: other processes on the machine take pulses' time too. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
