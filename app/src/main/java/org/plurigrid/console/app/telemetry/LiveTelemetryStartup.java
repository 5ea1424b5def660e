package org.plurigrid.console.app.telemetry;

import org.plurigrid.console.app.ConsoleOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.plurigrid.console.client.config.ConsoleConfig;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.TelemetrySettings;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.client.telemetry.TelemetryFeed;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.client.config.TransportWarnings;
import org.plurigrid.console.client.files.PasswordFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real start-up: the in-process devnet when no broker is given (on the requested port, or a free one if that is
 * taken), then the MQTT telemetry pipeline towards the devnet or the given brokers.
 */
public final class LiveTelemetryStartup implements TelemetryStartup {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTelemetryStartup.class);

    private final DevnetLauncher devnet;
    private final InstantSource clock;

    public LiveTelemetryStartup(DevnetLauncher devnet, InstantSource clock) {
        this.devnet = Objects.requireNonNull(devnet, "devnet");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** With the devnet of this build, on the system clock. */
    public static LiveTelemetryStartup create(InstantSource clock) {
        return new LiveTelemetryStartup(DevnetLaunchers.inThisBuild(clock), clock);
    }

    @Override
    public TelemetryBackend start(ConsoleOptions options, List<Consumer<Measurement>> taps, Progress progress)
            throws Exception {
        return start(options, taps, List.of(), (d, why) -> { }, progress);
    }

    @Override
    public TelemetryBackend start(ConsoleOptions options, List<Consumer<Measurement>> taps, List<TopicDecoder> decoders,
                                  BiConsumer<TopicDecoder, String> onDecoderOff, Progress progress) throws Exception {
        InProcessDevnet running = null;
        List<BrokerConfig> brokers = new ArrayList<>();
        try {
            if (options.usesDevnet()) {
                progress.report("devnet", "in-process", "starting broker and fleet");
                running = startDevnet(options.devnetPort());
                progress.report("devnet", running.mqttUri(), "connecting");
                brokers.add(BrokerConfig.builder("devnet", running.mqttUri())
                        .version(options.mqttVersion())
                        .topicFilters(running.topicFilter())
                        .hostId(running.primaryHostId())
                        .build());
            } else if (options.brokers().isEmpty()) {
                // Brokers from console.json, with their TLS, credentials and subscriptions.
                brokers.addAll(options.config().orElseThrow().brokers());
                progress.report(brokers.getFirst().name(), brokers.getFirst().serverUri().toString(), "connecting");
            } else {
                char[] password = options.passwordFile().map(LiveTelemetryStartup::readPassword).orElse(null);
                try {
                    for (URI uri : options.brokers()) {
                        BrokerConfig.Builder b = BrokerConfig.builder(brokerName(uri), uri.toString())
                                .version(options.mqttVersion());
                        options.username().ifPresent(b::username);
                        if (password != null) {
                            b.password(password);
                        }
                        brokers.add(b.build());
                    }
                } finally {
                    if (password != null) {
                        Arrays.fill(password, '\0');
                    }
                }
                progress.report(brokers.getFirst().name(), brokers.getFirst().serverUri().toString(), "connecting");
            }
            TelemetrySettings settings = options.config().map(ConsoleConfig::telemetry).orElse(TelemetrySettings.DEFAULTS);
            TransportWarnings.logged(TransportWarnings.ofBrokers(brokers));
            TelemetryService service = new TelemetryService(brokers, clock, null, settings, decoders, onDecoderOff);
            taps.forEach(service::addListener);
            service.start();
            return new Backend(service, running);
        } catch (Exception | Error e) {
            if (running != null) {
                running.close();
            }
            throw e;
        }
    }

    private InProcessDevnet startDevnet(int port) throws Exception {
        try {
            return devnet.start(port);
        } catch (Exception e) {
            if (port == 0) {
                throw e;
            }
            // Usually the port is taken (another console, a local Mosquitto): any free port will do.
            LOG.warn("Devnet broker could not use port {} ({}); using a free port", port, e.toString());
            return devnet.start(0);
        }
    }

    /** The name shown in the status bar: host:port. */
    public static String brokerName(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    /** First line of the password file, as chars; the bytes read are wiped. Errors never contain the content. */
    public static char[] readPassword(Path file) {
        try {
            char[] password = PasswordFile.readFirstLine(file);
            if (password.length == 0) {
                throw new IllegalArgumentException("--password-file " + file + ": the first line is empty");
            }
            return password;
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-file: " + e.getMessage(), e);
        }
    }

    /** Telemetry, then the devnet, stopped in that order. */
    private record Backend(TelemetryService service, InProcessDevnet inProcess) implements TelemetryBackend {
        @Override
        public TelemetryFeed feed() {
            return service.feed();
        }

        @Override
        public SupergridSummary summary() {
            return service.summary();
        }

        @Override
        public java.util.List<org.plurigrid.console.client.telemetry.Measurement> snapshot() {
            return service.snapshot();
        }

        @Override
        public java.util.Optional<org.plurigrid.console.devnet.Devnet> devnet() {
            return inProcess == null ? java.util.Optional.empty() : inProcess.devnet();
        }

        @Override
        public void close() {
            try {
                service.close();
            } finally {
                if (inProcess != null) {
                    inProcess.close();
                }
            }
        }
    }
}
