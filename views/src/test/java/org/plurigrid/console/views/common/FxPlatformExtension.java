package org.plurigrid.console.views.common;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Starts the JavaFX platform once per test JVM (headless Monocle, see the surefire argLine) and runs each test
 * method and {@code @BeforeEach} on the FX thread, as view-models expect. No robot, no window.
 */
public final class FxPlatformExtension implements BeforeAllCallback, InvocationInterceptor {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(FxPlatformExtension.class, k -> startPlatform(), Object.class);
    }

    private static Object startPlatform() {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("JavaFX platform did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Boolean.TRUE;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ctx,
                                    ExtensionContext ext) throws Throwable {
        onFxThread(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ctx,
                                          ExtensionContext ext) throws Throwable {
        onFxThread(invocation);
    }

    private static void onFxThread(Invocation<Void> invocation) throws Throwable {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                invocation.proceed();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }
}
