package org.plurigrid.console.app;

import java.util.Objects;
import java.util.function.Consumer;

import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.client.recording.RecordedEvent;
import org.plurigrid.console.client.recording.Recorder;
import org.plurigrid.console.client.recording.RecordingException;
import org.plurigrid.console.client.recording.RecordingStatus;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.TelemetryClient;
import org.plurigrid.console.client.telemetry.TelemetryService;

/**
 * Taps the live console into a {@link Recorder}: every point store update before coalescing, every alarm journal
 * entry, the rule set at start and after each change, and every connection change. Operator actions and chain
 * transactions are handed in by their wiring through {@link #operatorAction} and {@link #chainTransaction}.
 * The status bar binds to {@link #status()} (poll it about once a second).
 */
public final class ConsoleRecording implements AutoCloseable {

    private final Recorder recorder;
    private TelemetryService service;
    private AlarmEngine alarms;
    private Consumer<Measurement> values;
    private Consumer<JournalEntry> journal;
    private volatile AlarmRuleSet recordedRules;

    public ConsoleRecording(Recorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /** Starts tapping; call after {@link Recorder#start()} or before (entries wait in its buffer). */
    public void attach(TelemetryService telemetry, AlarmEngine engine) {
        this.service = telemetry;
        this.alarms = engine;
        recordedRules = engine.rules();
        recorder.rules(recordedRules);
        values = recorder.telemetryTap();
        telemetry.addListener(values);
        journal = entry -> {
            recorder.alarm(entry);
            // The engine swaps its rules before journaling the change: record the set now in force once.
            if (entry.event().name().startsWith("RULE_") && engine.rules() != recordedRules) {
                recordedRules = engine.rules();
                recorder.rules(recordedRules);
            }
        };
        engine.journal().addListener(journal);
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
        return recorder.status();
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
        if (alarms != null) {
            alarms.journal().removeListener(journal);
        }
        recorder.close();
    }
}
