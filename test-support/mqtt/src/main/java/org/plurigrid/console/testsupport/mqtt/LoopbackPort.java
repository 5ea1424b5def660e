package org.plurigrid.console.testsupport.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Free loopback ports for brokers started by tests, and waiting until something listens on one. */
public final class LoopbackPort {

    private static final int CONNECT_TIMEOUT_MS = 200;

    private LoopbackPort() {
    }

    /** A port nothing listens on right now (the OS picks it; another process may still take it later). */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a TCP connect to 127.0.0.1:{@code port} succeeds (bounded, so a black hole cannot hang a test). */
    public static boolean isListening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until every port listens, or stops early when {@code keepWaiting} turns false (the process died);
     * fails with {@code what} and the {@code log} text when {@code timeout} passes first.
     */
    static void awaitListening(Duration timeout, String what, BooleanSupplier keepWaiting, Supplier<String> log,
                               int... ports) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (keepWaiting.getAsBoolean() && !allListening(ports)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not listen within " + timeout.toMillis() + " ms: "
                        + log.get());
            }
            Thread.sleep(20);
        }
    }

    private static boolean allListening(int... ports) {
        for (int port : ports) {
            if (!isListening(port)) {
                return false;
            }
        }
        return true;
    }
}
