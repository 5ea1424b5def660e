package org.plurigrid.console.app.telemetry;

/** Starts the in-process devnet (blocking, a few seconds; never on the FX thread). */
@FunctionalInterface
public interface DevnetLauncher {

    /**
     * @param port MQTT port on 127.0.0.1, 0 for any free one
     */
    public InProcessDevnet start(int port) throws Exception;

    /** For builds without the devnet module: says how to get telemetry instead. */
    public static DevnetLauncher unavailable() {
        return port -> {
            throw new IllegalStateException("the in-process devnet is not part of this build; give --broker tcp://HOST:PORT "
                    + "or start java -jar devnet/target/plurigrid-devnet.jar --mqtt-port 1883");
        };
    }
}
