package org.plurigrid.console.views.alarms;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A short generated tone through javax.sound: higher and more beeps for more urgent priorities. Plays on the given
 * executor so the FX thread never waits for audio. Without an audio device (headless servers, CI) it turns itself off
 * after logging once; it never throws.
 */
public final class ToneAlarmSound implements AlarmSound {

    private static final Logger LOG = LoggerFactory.getLogger(ToneAlarmSound.class);
    private static final float RATE = 22_050f;
    private static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 1, true, false);

    private final Executor executor;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean disabled = new AtomicBoolean();
    private final java.util.function.Consumer<String> onUnavailable;

    /** @param executor a single background thread for audio (e.g. a daemon single-thread executor) */
    public ToneAlarmSound(Executor executor) {
        this(executor, reason -> { });
    }

    /**
     * @param onUnavailable told once, on the audio thread, why no tone can play ("no audio output"), when the probe at
     *                      start or a later tone finds no usable output line
     */
    public ToneAlarmSound(Executor executor, java.util.function.Consumer<String> onUnavailable) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onUnavailable = Objects.requireNonNull(onUnavailable, "onUnavailable");
    }

    /** Checks on the audio thread, without a sound, that an output line for the tones exists; tells if not. */
    public void probe() {
        try {
            executor.execute(() -> {
                try {
                    boolean supported = AudioSystem.isLineSupported(
                            new javax.sound.sampled.DataLine.Info(SourceDataLine.class, FORMAT));
                    if (!supported) {
                        disable("no audio output", "no output line for " + FORMAT);
                    }
                } catch (Exception | LinkageError e) {
                    disable("no audio output", e.toString());
                }
            });
        } catch (RuntimeException rejected) {
            // shutting down
        }
    }

    private void disable(String reason, String detail) {
        if (disabled.compareAndSet(false, true)) {
            LOG.info("No audio output available, alarm tones are off: {}", detail);
            onUnavailable.accept(reason);
        }
    }

    @Override
    public void play(AlarmPriority priority) {
        if (disabled.get() || !busy.compareAndSet(false, true)) {
            return; // one tone at a time; a repeat while one plays is dropped, not queued
        }
        try {
            executor.execute(() -> {
                try {
                    playNow(priority);
                } catch (Exception | LinkageError e) {
                    disable("no audio output", e.toString());
                } finally {
                    busy.set(false);
                }
            });
        } catch (RuntimeException rejected) {
            busy.set(false);
        }
    }

    /** The PCM samples for a priority: {@code beeps} tone bursts with short gaps, 16-bit mono. */
    static byte[] samples(AlarmPriority priority) {
        double freq = switch (priority) {
            case CRITICAL -> 1_320;
            case HIGH -> 1_100;
            case MEDIUM -> 880;
            case LOW -> 660;
        };
        int beeps = switch (priority) {
            case CRITICAL -> 3;
            case HIGH -> 2;
            case MEDIUM, LOW -> 1;
        };
        int beep = (int) (RATE * 0.12);
        int gap = (int) (RATE * 0.06);
        int n = beeps * beep + (beeps - 1) * gap;
        byte[] out = new byte[n * 2];
        for (int b = 0; b < beeps; b++) {
            int start = b * (beep + gap);
            for (int i = 0; i < beep; i++) {
                // A short fade in and out avoids clicks.
                double envelope = Math.min(1, Math.min(i, beep - i) / (RATE * 0.01));
                short v = (short) (Math.sin(2 * Math.PI * freq * i / RATE) * envelope * 0.4 * Short.MAX_VALUE);
                int k = (start + i) * 2;
                out[k] = (byte) v;
                out[k + 1] = (byte) (v >> 8);
            }
        }
        return out;
    }

    private static void playNow(AlarmPriority priority) throws Exception {
        byte[] pcm = samples(priority);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(FORMAT)) {
            line.open(FORMAT);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        }
    }
}
