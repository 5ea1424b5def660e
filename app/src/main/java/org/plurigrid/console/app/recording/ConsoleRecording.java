package org.plurigrid.console.app.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.client.recording.DuckDbRecordingStore;
import org.plurigrid.console.client.recording.RecordedEvent;
import org.plurigrid.console.client.recording.Recorder;
import org.plurigrid.console.client.recording.RecordingException;
import org.plurigrid.console.client.recording.RecordingReader;
import org.plurigrid.console.client.recording.RecordingSettings;
import org.plurigrid.console.client.recording.Recovery;
import org.plurigrid.console.client.recording.RolledRecordings;
import org.plurigrid.console.client.recording.RecordingStatus;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.TelemetryClient;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taps the live console into a {@link Recorder}: every point store update before coalescing, every alarm journal
 * entry, the rule set at start and after each change, and every connection change. Operator actions and chain
 * transactions are handed in by their wiring through {@link #operatorAction} and {@link #chainTransaction}.
 * The status bar binds to {@link #status()} (poll it about once a second).
 */
public final class ConsoleRecording implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRecording.class);
    /** Where the window records: {@code <home>/recordings}, one DuckDB file per hour. */
    public static final String FOLDER = "recordings";
    public static final Duration ROLL = Duration.ofHours(1);
    /** Closed files are kept a week, and the folder under 10 GB (about a week of the devnet at full rate). */
    public static final DuckDbRecordingStore.Retention RETENTION =
            new DuckDbRecordingStore.Retention(Duration.ofDays(7), 10L * 1024 * 1024 * 1024);

    private final Recorder recorder;
    private final DuckDbRecordingStore files;
    private final Path folder;
    private final Map<String, String> connectionStates = new HashMap<>();
    private volatile String startError = "";
    private TelemetryService service;
    private AlarmEngine alarms;
    private Consumer<Measurement> values;
    private Consumer<JournalEntry> journal;
    private volatile AlarmRuleSet recordedRules;

    public ConsoleRecording(Recorder recorder) {
        this(recorder, null, null);
    }

    private ConsoleRecording(Recorder recorder, DuckDbRecordingStore files, Path folder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.files = files;
        this.folder = folder;
    }

    /** The window's recording: {@code <home>/recordings}, rolled hourly, kept a week (see docs/recording.md). */
    public static ConsoleRecording inHome(Path home, InstantSource clock) {
        DuckDbRecordingStore store = DuckDbRecordingStore.rolling(home.resolve(FOLDER), ROLL, RETENTION);
        return new ConsoleRecording(new Recorder(store, clock, RecordingSettings.DEFAULTS), store, home.resolve(FOLDER));
    }

    /**
     * Everything this console recorded, closed hourly files and the one written now, read as one history (for the
     * "X of Y days" DR baselines); empty when it does not record into files. Close it when done.
     */
    public Optional<RolledRecordings> history() {
        return folder == null ? Optional.empty() : Optional.of(new RolledRecordings(folder, ROLL, this::open, this::currentFile));
    }

    /**
     * Opens the store and starts writing (file I/O: never on the FX thread). A store that cannot open leaves the
     * console running unrecorded; {@link #status()} says why.
     */
    public void start() {
        try {
            Recovery r = recorder.start();
            LOG.info("Recording to {} ({})", recorder.status().location(), r.describe());
        } catch (RecordingException | RuntimeException e) {
            startError = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("Not recording: {}", startError, e);
        }
    }

    /** Every point store update before coalescing, for the telemetry pipeline's taps. */
    public Consumer<Measurement> telemetryTap() {
        return recorder.telemetryTap();
    }

    /** Records every alarm journal entry and the rule set in force (now, and after each change). */
    public void attachAlarms(AlarmEngine engine) {
        this.alarms = engine;
        recordedRules = engine.rules();
        recorder.rules(recordedRules);
        journal = entry -> {
            recorder.alarm(entry);
            // The engine swaps its rules before journaling the change: record the set now in force once.
            if (entry.event().name().startsWith("RULE_") && engine.rules() != recordedRules) {
                recordedRules = engine.rules();
                recorder.rules(recordedRules);
            }
        };
        engine.journal().addListener(journal);
    }

    /** Records the connections whose state changed since the previous call (the window polls its feed). */
    public void connectionsSeen(List<ConnectionStatus> now) {
        for (ConnectionStatus s : now) {
            String state = s.state().name() + (s.detail().isEmpty() ? "" : ": " + s.detail());
            if (!state.equals(connectionStates.put(s.name(), state))) {
                connectionChanged(s);
            }
        }
    }

    /** The file written now, when this console records into files and the recorder is running. */
    public Optional<Path> currentFile() {
        RecordingStatus s = status();
        return files == null || s.location().isEmpty() || s.state() == RecordingStatus.State.NOT_RECORDING
                || s.state() == RecordingStatus.State.STOPPED ? Optional.empty() : Optional.of(Path.of(s.location()));
    }

    /**
     * A reader of {@code file}: through the recorder's own database when it is the file written now (one process
     * may open a DuckDB file once), else the file opened read-only.
     */
    public RecordingReader open(Path file) throws RecordingException {
        if (files != null) {
            Optional<RecordingReader> current = files.readCurrent(file);
            if (current.isPresent()) {
                return current.get();
            }
        }
        return RecordingReader.openDuckDb(file);
    }

    /** Starts tapping; call after {@link Recorder#start()} or before (entries wait in its buffer). */
    public void attach(TelemetryService telemetry, AlarmEngine engine) {
        this.service = telemetry;
        values = recorder.telemetryTap();
        telemetry.addListener(values);
        attachAlarms(engine);
        for (TelemetryClient c : telemetry.clients()) {
            c.addStatusListener(this::connectionChanged);
        }
    }

    private void connectionChanged(ConnectionStatus s) {
        recorder.event(RecordedEvent.EventKind.CONNECTION, s.name(),
                s.state().name() + (s.detail().isEmpty() ? "" : ": " + s.detail()) + " (" + s.endpoint() + ")");
    }

    /** Something an operator did that is not an alarm command (those reach the journal). */
    public void operatorAction(String operator, String what) {
        recorder.event(RecordedEvent.EventKind.OPERATOR_ACTION, operator, what);
    }

    /** A chain transaction the console sent or followed (vote, DR event). */
    public void chainTransaction(String what, String txHash, long height, String detail) {
        recorder.chainTransaction(what, txHash, height, detail);
    }

    public RecordingStatus status() {
        RecordingStatus s = recorder.status();
        return startError.isEmpty() || s.state() != RecordingStatus.State.NOT_RECORDING ? s
                : new RecordingStatus(s.state(), s.store(), s.location(), s.rowsWritten(), s.rowsPerSecond(), s.lag(),
                        s.buffered(), s.dropped(), startError, s.recovered());
    }

    public Recorder recorder() {
        return recorder;
    }

    /** Stops tapping and commits what is buffered. */
    @Override
    public void close() throws RecordingException {
        if (service != null) {
            service.removeListener(values);
        }
        if (alarms != null && journal != null) {
            alarms.journal().removeListener(journal);
        }
        recorder.close();
    }
}
