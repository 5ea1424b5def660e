package org.plurigrid.console.client.alarms;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the alarm system (defaults follow ISA-18.2 guidance).
 *
 * @param chatterActivations activations within {@code chatterWindow} that flag an alarm as chattering
 * @param chatterWindow      window for chattering detection
 * @param floodThreshold     more than this many new alarms within {@code floodWindow} is a flood
 * @param floodWindow        window for flood detection
 * @param floodExitThreshold the flood ends when the count in the window falls to this or below (hysteresis, so the
 *                           banner does not flicker)
 * @param maxShelveDuration  longest an operator may shelve an alarm
 * @param journalCapacity    journal entries kept in memory
 * @param suppressionGrace   after a dead edge node comes back, its device alarms stay suppressed this long so the
 *                           births that follow can clear them before anyone is disturbed
 */
public record AlarmEngineSettings(int chatterActivations, Duration chatterWindow, int floodThreshold,
                                  Duration floodWindow, int floodExitThreshold, Duration maxShelveDuration,
                                  int journalCapacity, Duration suppressionGrace) {

    public static final AlarmEngineSettings DEFAULTS = new AlarmEngineSettings(
            3, Duration.ofSeconds(60), 10, Duration.ofMinutes(10), 5, Duration.ofHours(12), 10_000, Duration.ofSeconds(10));

    public AlarmEngineSettings {
        Objects.requireNonNull(chatterWindow, "chatterWindow");
        Objects.requireNonNull(floodWindow, "floodWindow");
        Objects.requireNonNull(maxShelveDuration, "maxShelveDuration");
        Objects.requireNonNull(suppressionGrace, "suppressionGrace");
        if (suppressionGrace.isNegative()) {
            throw new IllegalArgumentException("suppressionGrace must not be negative");
        }
        if (chatterActivations < 2) {
            throw new IllegalArgumentException("chatterActivations must be at least 2");
        }
        if (floodThreshold < 1 || floodExitThreshold < 0 || floodExitThreshold > floodThreshold) {
            throw new IllegalArgumentException("need 0 <= floodExitThreshold <= floodThreshold, floodThreshold >= 1");
        }
        if (chatterWindow.isNegative() || chatterWindow.isZero() || floodWindow.isNegative() || floodWindow.isZero()
                || maxShelveDuration.isNegative() || maxShelveDuration.isZero()) {
            throw new IllegalArgumentException("windows and the maximum shelve duration must be positive");
        }
        if (journalCapacity < 1) {
            throw new IllegalArgumentException("journalCapacity must be at least 1");
        }
    }
}
