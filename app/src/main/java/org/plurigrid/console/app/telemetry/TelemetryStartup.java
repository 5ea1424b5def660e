package org.plurigrid.console.app.telemetry;

import org.plurigrid.console.app.ConsoleOptions;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.TopicDecoder;

/**
 * Brings up what feeds the console (devnet, brokers, telemetry pipeline). Runs on a start-up thread, never on the
 * FX thread; reports what it is doing so the window can say so while the operator waits.
 */
@FunctionalInterface
public interface TelemetryStartup {

    /** Receives short progress notes, e.g. ("devnet", "in-process", "starting broker"). */
    public interface Progress {
        void report(String name, String endpoint, String detail);
    }

    /**
     * @param taps see every decoded measurement and quality change before coalescing, on the telemetry thread
     *             (alarm engine, recorder); added before the first message can arrive
     */
    public TelemetryBackend start(ConsoleOptions options, List<Consumer<Measurement>> taps, Progress progress) throws Exception;

    /**
     * As above, with decoders for topics beyond Sparkplug and the JSON mappings (plugins'). A start-up that feeds no
     * broker (a test's, a replay's) has nothing to decode and ignores them.
     *
     * @param onDecoderOff told when the telemetry service switches one of them off, and why
     */
    public default TelemetryBackend start(ConsoleOptions options, List<Consumer<Measurement>> taps, List<TopicDecoder> decoders,
                                   BiConsumer<TopicDecoder, String> onDecoderOff, Progress progress) throws Exception {
        return start(options, taps, progress);
    }
}
