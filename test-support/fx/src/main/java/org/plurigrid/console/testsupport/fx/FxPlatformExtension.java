package org.plurigrid.console.testsupport.fx;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.application.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the JavaFX platform once per test JVM ({@code @ExtendWith(FxPlatformExtension.class)}) and runs code on
 * the FX thread with {@link #onFx(Supplier)}. Headless Monocle comes from the module's surefire argLine
 * ({@code fx.headless.argLine} in the root pom), not from here; without a robot or window unless a test makes one.
 * To run whole test methods on the FX thread (view-models that assert the FX thread), use {@link FxThreadExtension}.
 */
public final class FxPlatformExtension implements BeforeAllCallback {

    /** How long {@link #onFx(Supplier)} waits for the FX thread before failing the test. */
    public static final Duration FX_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
    /** Monocle's headless screen is 1280x800 unless told otherwise; whole-window screenshots need more. */
    private static final String HEADLESS_GEOMETRY = "1920x1200-32";

    @Override
    public void beforeAll(ExtensionContext context) {
        startOnce(context);
    }

    /** Starts the platform unless this JVM's test run already did (kept in the root store, so once per run). */
    static void startOnce(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(FxPlatformExtension.class, k -> start(), Object.class);
    }

    private static Object start() {
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", HEADLESS_GEOMETRY);
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown(); // someone else (TestFX, another extension) started it: fine, it runs once per JVM
        }
        // Tests open and close stages; the last one closing must not end the FX thread for the next test class.
        Platform.setImplicitExit(false);
        try {
            if (!started.await(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("JavaFX platform did not start within " + STARTUP_TIMEOUT.toSeconds()
                        + " s (is the Monocle argLine set for this module's surefire?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Boolean.TRUE;
    }

    /**
     * Runs {@code work} on the FX thread (directly when already on it) and returns its result. What it throws is
     * rethrown here as it is; it fails with an {@link AssertionError} when the FX thread does not finish it within
     * {@link #FX_TIMEOUT}.
     */
    public static <T> T onFx(Supplier<T> work) {
        return onFx(FX_TIMEOUT, work);
    }

    /** {@link #onFx(Supplier)} with its own timeout. */
    public static <T> T onFx(Duration timeout, Supplier<T> work) {
        try {
            return onFxThrowing(timeout, work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t); // a Supplier throws no checked exception, unless sneakily
        }
    }

    /** Runs {@code work} on the FX thread and waits for it, as {@link #onFx(Supplier)}. */
    public static void runOnFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Polls {@code condition} on the FX thread until it holds, failing with {@code what} when {@code timeout}
     * passes first (for state that arrives through {@code Platform.runLater} from other threads).
     */
    public static void eventually(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + timeout.toMillis() + " ms: " + what);
            }
            Thread.sleep(40);
        }
    }

    /** Work that may throw anything, for test invocations ({@link FxThreadExtension}). */
    @FunctionalInterface
    interface FxWork<T> {
        T call() throws Throwable;
    }

    static <T> T onFxThrowing(Duration timeout, FxWork<T> work) throws Throwable {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.call());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("FX thread did not finish the work within " + timeout.toMillis()
                    + " ms (blocked, or the platform is not running)", e);
        }
    }
}
