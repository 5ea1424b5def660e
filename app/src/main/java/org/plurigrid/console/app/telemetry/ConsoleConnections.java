package org.plurigrid.console.app.telemetry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.plurigrid.console.client.config.BrokerEntry;
import org.plurigrid.console.client.config.ConfigException;
import org.plurigrid.console.client.config.ConsoleConfig;
import org.plurigrid.console.client.config.ConsoleConfigWriter;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.client.telemetry.TelemetrySettings;
import org.plurigrid.console.views.common.Theme;
import org.plurigrid.console.views.connections.ConnectionsBackend;
import org.plurigrid.console.views.connections.ConnectionsView;
import org.plurigrid.console.views.connections.ConnectionsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * The Connections dialog's backend over {@code <home>/console.json}: reads and writes the brokers with
 * {@link ConsoleConfigWriter} (new passwords encrypted with the home's {@code console.key}), applies saved brokers
 * through the application, and tries a broker with the console's own MQTT client before it is saved.
 */
public final class ConsoleConnections implements ConnectionsBackend {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConnections.class);

    /** Applies a saved configuration (e.g. restarts telemetry with its brokers); returns what the operator is told. */
    @FunctionalInterface
    public interface Applier {
        String apply(ConsoleConfig saved) throws Exception;
    }

    private static final String RETRY_MARK = "; retrying in ";

    private final ConsoleConfigWriter writer;
    private final Applier applier;
    private final InstantSource clock;
    private final Duration testTimeout;

    public ConsoleConnections(Path home, Applier applier, InstantSource clock, Duration testTimeout) {
        this.writer = new ConsoleConfigWriter(Objects.requireNonNull(home, "home"));
        this.applier = Objects.requireNonNull(applier, "applier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.testTimeout = Objects.requireNonNull(testTimeout, "testTimeout");
    }

    @Override
    public List<BrokerEntry> load() throws ConfigException {
        return writer.readBrokers();
    }

    @Override
    public Outcome save(List<BrokerEntry> brokers) {
        ConsoleConfig saved;
        try {
            saved = writer.writeBrokers(brokers);
        } catch (ConfigException e) {
            return new Failed("Not saved: " + e.getMessage());
        }
        LOG.info("Connections saved to {}: {} brokers", writer.file(), saved.brokers().size());
        try {
            return new Done(applier.apply(saved));
        } catch (Exception e) {
            LOG.warn("Saved connections could not be applied", e);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Failed("Saved to " + writer.file() + ", but reconnecting failed: " + cause.getMessage());
        }
    }

    /**
     * Connects with the console's own telemetry client and these settings (checked as they would be saved, stored
     * passwords decrypted only inside the client), waits for the subscription, then disconnects.
     */
    @Override
    public Outcome test(BrokerEntry broker) {
        BrokerConfig config;
        try {
            config = writer.check(List.of(broker)).brokers().getFirst();
        } catch (ConfigException e) {
            return new Failed(e.getMessage());
        }
        long deadline = System.nanoTime() + testTimeout.toNanos();
        try (TelemetryService service = new TelemetryService(List.of(config), clock, null, TelemetrySettings.DEFAULTS)) {
            service.start();
            ConnectionStatus s = service.connections().getFirst();
            while (System.nanoTime() < deadline) {
                s = service.connections().getFirst();
                if (s.state() == ConnectionState.CONNECTED) {
                    return new Done(config.name() + ": connected to " + config.serverUri() + " and " + s.detail() + ".");
                }
                // Before a first success the client stays CONNECTING and says why the attempt failed
                // ("…; retrying in 1.0 s"); one failed attempt is the answer a test wants.
                int retry = s.detail().indexOf(RETRY_MARK);
                if (s.state() == ConnectionState.FAILED || s.state() == ConnectionState.RECONNECTING || retry > 0) {
                    return new Failed(config.name() + ": cannot connect to " + config.serverUri() + ": "
                            + (retry > 0 ? s.detail().substring(0, retry) : s.detail()));
                }
                Thread.sleep(50);
            }
            return new Failed(config.name() + ": no answer from " + config.serverUri() + " within "
                    + testTimeout.toSeconds() + " s (" + s.detail() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("Test interrupted");
        }
    }

    /** Shows the dialog, modal to {@code owner}; file and network work runs on a thread of its own. */
    public void open(Window owner) {
        open(owner, "");
    }

    /**
     * As {@link #open(Window)}, saying what the console is connected to now (e.g. the devnet's broker), so an empty
     * configuration does not read as "no broker".
     */
    public void open(Window owner, String inUse) {
        ExecutorService background = Executors.newSingleThreadExecutor(NamedThreads.daemon("connections-dialog"));
        ConnectionsViewModel vm = new ConnectionsViewModel(this, background, Platform::runLater);
        vm.setInUse(inUse);
        ConnectionsView view = new ConnectionsView(vm);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Connections — " + writer.file());
        Scene scene = new Scene(view, 980, 820);
        Theme.apply(scene);
        stage.setScene(scene);
        view.setOnClose(stage::close);
        stage.setOnCloseRequest(e -> {
            e.consume();          // the view asks first when there are unsaved changes, then closes the stage
            view.requestClose();
        });
        stage.setOnHidden(e -> {
            vm.discard();
            background.shutdown();
        });
        vm.load();
        stage.show();
    }
}
