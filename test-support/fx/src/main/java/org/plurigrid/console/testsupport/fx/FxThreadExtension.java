package org.plurigrid.console.testsupport.fx;

import java.lang.reflect.Method;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Starts the JavaFX platform as {@link FxPlatformExtension} does and runs every {@code @BeforeEach} and test
 * method on the FX thread, as view-models expect. A test that fails on the FX thread fails with its own exception;
 * one that does not finish within {@link FxPlatformExtension#FX_TIMEOUT} fails with an {@link AssertionError}.
 */
public final class FxThreadExtension implements BeforeAllCallback, InvocationInterceptor {

    @Override
    public void beforeAll(ExtensionContext context) {
        FxPlatformExtension.startOnce(context);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ctx,
                                    ExtensionContext ext) throws Throwable {
        FxPlatformExtension.onFxThrowing(FxPlatformExtension.FX_TIMEOUT, invocation::proceed);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ctx,
                                          ExtensionContext ext) throws Throwable {
        FxPlatformExtension.onFxThrowing(FxPlatformExtension.FX_TIMEOUT, invocation::proceed);
    }
}
