package org.plurigrid.console.views.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.plurigrid.console.client.recording.RecordingStatus;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.views.common.FrameListener;

/**
 * State of the status bar: connections (from the telemetry feed), chain node, recording, clocks and alarm counts.
 * Connections and clocks refresh a few times a second from the frame pump; chain, recording and alarm counts are
 * fed by {@code app} (bind the integer properties to the alarm engine's counts). Honest defaults until then.
 */
public final class StatusBarViewModel implements FrameListener {

    /** How often connections and clocks refresh: often enough for a seconds clock, rarely enough to be free. */
    static final Duration REFRESH = Duration.ofMillis(250);

    private static final DateTimeFormatter UTC_FORMAT =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Supplier<List<ConnectionStatus>> connectionSource;
    private final InstantSource clock;
    private final DateTimeFormatter localFormat;

    private final ObservableList<ConnectionItem> connections = FXCollections.observableArrayList();
    private final ObservableList<ConnectionItem> readOnlyConnections = FXCollections.unmodifiableObservableList(connections);
    private final StringProperty chainStatus = new SimpleStringProperty(this, "chainStatus", "chain: not configured");
    private final BooleanProperty chainAbnormal = new SimpleBooleanProperty(this, "chainAbnormal", false);
    private final StringProperty recordingStatus = new SimpleStringProperty(this, "recordingStatus", "not recording");
    private final BooleanProperty recording = new SimpleBooleanProperty(this, "recording", false);
    private final ReadOnlyBooleanWrapper recordingAbnormal = new ReadOnlyBooleanWrapper(this, "recordingAbnormal", false);
    private final ReadOnlyStringWrapper recordingDetail = new ReadOnlyStringWrapper(this, "recordingDetail", "");
    private final ReadOnlyStringWrapper utcClock = new ReadOnlyStringWrapper(this, "utcClock", "");
    private final ReadOnlyStringWrapper localClock = new ReadOnlyStringWrapper(this, "localClock", "");
    private final ReadOnlyStringWrapper date = new ReadOnlyStringWrapper(this, "date", "");

    private Instant lastRefresh = Instant.MIN;
    private final ZoneId localZone;

    /**
     * @param connectionSource where connection states come from, usually {@code TelemetryFeed::connections}
     * @param clock            the console clock (system clock live, replay clock in replay)
     * @param localZone        the operator's zone for the local clock
     */
    public StatusBarViewModel(Supplier<List<ConnectionStatus>> connectionSource, InstantSource clock, ZoneId localZone) {
        this.connectionSource = Objects.requireNonNull(connectionSource, "connectionSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.localZone = Objects.requireNonNull(localZone, "localZone");
        this.localFormat = DateTimeFormatter.ofPattern("HH:mm:ss zzz", Locale.ENGLISH).withZone(localZone);
        refresh();
    }

    @Override
    public void onFrame(ChangeSet changes) {
        Instant now = clock.instant();
        if (lastRefresh == Instant.MIN || !now.isBefore(lastRefresh.plus(REFRESH))) {
            refresh();
        }
    }

    /** Reads connections and the clock now, whatever the throttle says. */
    public void refresh() {
        Instant now = clock.instant();
        lastRefresh = now;
        utcClock.set(UTC_FORMAT.format(now));
        localClock.set(localZone.getRules().getOffset(now).getTotalSeconds() == 0 ? "" : localFormat.format(now));
        date.set(DATE_FORMAT.format(now) + " (UTC)");
        List<ConnectionItem> items = connectionSource.get().stream().map(StatusBarViewModel::toItem).toList();
        if (!items.equals(connections)) {
            connections.setAll(items);
        }
    }

    static ConnectionItem toItem(ConnectionStatus s) {
        String state = s.state().name().toLowerCase(Locale.ROOT);
        String text = s.reconnects() == 0
                ? s.name() + ": " + state
                : s.name() + ": " + state + " · " + s.reconnects() + (s.reconnects() == 1 ? " reconnect" : " reconnects");
        String tooltip = s.endpoint() + (s.detail().isEmpty() ? "" : "\n" + s.detail());
        if (!s.warning().isEmpty()) {
            text += " · ▲ " + s.warning();
            tooltip += "\n" + s.warning() + ": see Connections…";
        }
        return new ConnectionItem(s.name(), text, s.state(), tooltip, !s.warning().isEmpty());
    }

    /** Broker and node connections, refreshed a few times a second. */
    public ObservableList<ConnectionItem> connections() {
        return readOnlyConnections;
    }

    /** Chain node state; {@code app} sets it once governance is wired. */
    public StringProperty chainStatusProperty() {
        return chainStatus;
    }

    public BooleanProperty chainAbnormalProperty() {
        return chainAbnormal;
    }

    /** Recording state; {@code app} sets it once the recorder is wired. */
    public StringProperty recordingStatusProperty() {
        return recordingStatus;
    }

    public BooleanProperty recordingProperty() {
        return recording;
    }

    /** True while recording fails (disk full, server down) or has dropped entries: the operator must know. */
    public ReadOnlyBooleanProperty recordingAbnormalProperty() {
        return recordingAbnormal.getReadOnlyProperty();
    }

    /** The whole recording picture for the tooltip: where, how much, what went wrong. */
    public ReadOnlyStringProperty recordingDetailProperty() {
        return recordingDetail.getReadOnlyProperty();
    }

    /**
     * Shows the recorder's state (call about once a second): rows/s and lag while recording (store and file in the
     * detail); the error, what waits in the buffer and what was dropped while failing.
     */
    public void showRecording(RecordingStatus s) {
        String text = switch (s.state()) {
            case NOT_RECORDING -> s.lastError().isEmpty() ? "not recording" : "not recording: " + s.lastError();
            // the store and file are in the tooltip: the bar keeps what changes (rate and lag)
            case RECORDING -> String.format(Locale.ROOT, "REC · %,.0f rows/s · lag %.1f s", s.rowsPerSecond(),
                    s.lag().toMillis() / 1000.0);
            case FAILING -> String.format(Locale.ROOT, "REC FAILING: %s · %,d buffered · %,d dropped", s.lastError(),
                    s.buffered(), s.dropped());
            case STOPPED -> "recording stopped";
        };
        if (s.state() == RecordingStatus.State.RECORDING && s.dropped() > 0) {
            text += String.format(Locale.ROOT, " · %,d dropped", s.dropped());
        }
        recordingStatus.set(text);
        recording.set(s.state() == RecordingStatus.State.RECORDING || s.state() == RecordingStatus.State.FAILING);
        recordingAbnormal.set(s.state() == RecordingStatus.State.FAILING || s.dropped() > 0
                || (s.state() == RecordingStatus.State.NOT_RECORDING && !s.lastError().isEmpty()));
        StringBuilder detail = new StringBuilder();
        if (!s.location().isEmpty()) {
            detail.append(s.store()).append(": ").append(s.location()).append('\n');
        }
        detail.append(String.format(Locale.ROOT, "%,d rows written · %,d buffered · %,d dropped", s.rowsWritten(),
                s.buffered(), s.dropped()));
        if (!s.recovered().isEmpty()) {
            detail.append('\n').append(s.recovered());
        }
        if (!s.lastError().isEmpty()) {
            detail.append("\nlast error: ").append(s.lastError());
        }
        recordingDetail.set(detail.toString());
    }

    public ReadOnlyStringProperty utcClockProperty() {
        return utcClock.getReadOnlyProperty();
    }

    /** Today's date in UTC, e.g. {@code Wednesday 2026-11-25 (UTC)}. */
    public ReadOnlyStringProperty dateProperty() {
        return date.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty localClockProperty() {
        return localClock.getReadOnlyProperty();
    }
}
