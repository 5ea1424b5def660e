package org.plurigrid.console.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.application.Platform;

/** JavaFX for the benchmarks that render: Monocle headless with the software pipeline, started once. */
public final class BenchFx {

    private BenchFx() {
    }

    /**
     * Monocle headless, software rendering, T2K text, unless the caller chose otherwise with {@code -D}; call before
     * any JavaFX class is touched.
     *
     * @param geometry the headless screen, e.g. {@code 1440x900-32}, or null for Monocle's default (1280×800)
     */
    public static void configureHeadless(String geometry) {
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("prism.text", "t2k");
        if (geometry != null) {
            setDefault("headless.geometry", geometry);
        }
        System.setProperty("java.awt.headless", "true");
    }

    /** Starts the platform (or joins a running one) and keeps it alive when windows close. */
    public static void start() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        if (!started.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start");
        }
        Platform.setImplicitExit(false);
    }

    /** Runs {@code work} on the FX thread and waits for its result, failing after {@code timeout}. */
    public static <T> T onFx(Duration timeout, Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void setDefault(String key, String value) {
        System.setProperty(key, System.getProperty(key, value));
    }
}
