package org.plurigrid.console.views.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.plurigrid.console.client.alarms.AlarmCounts;
import org.plurigrid.console.client.alarms.AlarmPriority;

/**
 * Plays the sound for the most urgent unacknowledged priority at once when a new alarm comes in, then again every
 * {@code repeat} until everything is acknowledged. Critical alarms repeat twice as often.
 */
public final class RepeatingAnnunciator implements Annunciator {

    private final AlarmSound sound;
    private final InstantSource clock;
    private final Duration repeat;
    private final BooleanProperty muted = new SimpleBooleanProperty(this, "muted", false);
    private final ReadOnlyBooleanWrapper sounding = new ReadOnlyBooleanWrapper(this, "sounding", false);
    private final javafx.beans.property.ReadOnlyStringWrapper unavailable =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "unavailable", "");
    private Instant lastPlayed;
    private int lastUnacknowledged;
    private long plays;

    public RepeatingAnnunciator(AlarmSound sound, InstantSource clock, Duration repeat) {
        this.sound = Objects.requireNonNull(sound, "sound");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.repeat = Objects.requireNonNull(repeat, "repeat");
        if (repeat.isNegative() || repeat.isZero()) {
            throw new IllegalArgumentException("repeat must be positive");
        }
        muted.addListener((obs, was, now) -> {
            if (!now) {
                lastPlayed = null; // unmuting with alarms standing sounds at once
            }
        });
    }

    @Override
    public void onFrame(AlarmCounts counts) {
        Optional<AlarmPriority> highest = counts.highestUnacknowledged();
        int unacked = counts.totalUnacknowledged();
        boolean newAlarm = unacked > lastUnacknowledged;
        lastUnacknowledged = unacked;
        sounding.set(highest.isPresent() && !muted.get() && unavailable.get().isEmpty());
        if (!sounding.get()) {
            if (highest.isEmpty()) {
                lastPlayed = null;
            }
            return;
        }
        Instant now = clock.instant();
        Duration interval = highest.get() == AlarmPriority.CRITICAL ? repeat.dividedBy(2) : repeat;
        if (newAlarm || lastPlayed == null || !now.isBefore(lastPlayed.plus(interval))) {
            lastPlayed = now;
            plays++;
            sound.play(highest.get());
        }
    }

    @Override
    public BooleanProperty mutedProperty() {
        return muted;
    }

    @Override
    public ReadOnlyBooleanProperty soundingProperty() {
        return sounding.getReadOnlyProperty();
    }

    @Override
    public javafx.beans.property.ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /** The sound cannot play (FX thread): {@code reason} is shown in the banner, e.g. "no audio output". */
    public void markUnavailable(String reason) {
        unavailable.set(Objects.requireNonNull(reason, "reason").isBlank() ? "unknown reason" : reason);
        sounding.set(false);
    }

    /** How often the sound was played (diagnostics, tests). */
    public long plays() {
        return plays;
    }
}
