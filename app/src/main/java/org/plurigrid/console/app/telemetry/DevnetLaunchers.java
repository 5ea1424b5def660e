package org.plurigrid.console.app.telemetry;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;

import org.plurigrid.console.devnet.Devnet;
import org.plurigrid.console.devnet.DevnetConfig;

/** The devnet of this build: {@code Devnet.startGridInBackground(DevnetConfig.defaults())} on the requested port. */
public final class DevnetLaunchers {

    /** The console is the in-process devnet's Sparkplug primary host application under this id. */
    public static final String PRIMARY_HOST_ID = "plurigrid-console";

    private DevnetLaunchers() {
    }

    public static DevnetLauncher inThisBuild(InstantSource clock) {
        return port -> {
            // the grid EMS comes up in background: the console connects and shows the fleet while it starts
            Devnet devnet = Devnet.startGridInBackground(DevnetConfig.defaults().withMqttPort(port), clock);
            devnet.followPrimaryHost(PRIMARY_HOST_ID);
            // A window stopped with SIGTERM (logout, systemd, kill) never reaches close(): stop the devnet anyway, so
            // its broker's temporary folder is deleted. close() removes the hook again.
            AtomicBoolean closed = new AtomicBoolean();
            Thread onExit = new Thread(() -> {
                if (closed.compareAndSet(false, true)) {
                    closeQuietly(devnet);
                }
            }, "devnet-shutdown");
            Runtime.getRuntime().addShutdownHook(onExit);
            return new InProcessDevnet() {
                @Override
                public String primaryHostId() {
                    return PRIMARY_HOST_ID;
                }

                @Override
                public String mqttUri() {
                    return devnet.mqttUri();
                }

                @Override
                public String topicFilter() {
                    return devnet.sparkplugTopicFilter();
                }

                @Override
                public java.util.Optional<Devnet> devnet() {
                    return java.util.Optional.of(devnet);
                }

                @Override
                public void close() {
                    try {
                        Runtime.getRuntime().removeShutdownHook(onExit);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is exiting and the hook runs too: whichever comes first closes the devnet
                    }
                    if (closed.compareAndSet(false, true)) {
                        devnet.close();
                    }
                }
            };
        };
    }

    private static void closeQuietly(Devnet devnet) {
        try {
            devnet.close();
        } catch (RuntimeException e) {
            System.err.println("The devnet did not stop cleanly at exit: " + e.getMessage());
        }
    }
}
