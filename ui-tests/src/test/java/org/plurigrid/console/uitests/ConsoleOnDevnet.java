package org.plurigrid.console.uitests;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.plurigrid.console.app.ConsoleApplication;
import org.plurigrid.console.app.ConsoleOptions;
import org.plurigrid.console.app.telemetry.LiveTelemetryStartup;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application on its own in-process devnet (broker on a free loopback port), as every UI test starts it. */
final class ConsoleOnDevnet {

    private ConsoleOnDevnet() {
    }

    /** Starts the console with {@code home} (absolute, under target/) as its home folder. */
    static ConsoleApplication launch(Path home) throws Exception {
        FxToolkit.registerPrimaryStage();
        ConsoleOptions options = ConsoleOptions.defaults(home.toAbsolutePath()).withDevnetPort(0);
        return (ConsoleApplication) FxToolkit.setupApplication(
                () -> new ConsoleApplication(options, LiveTelemetryStartup.create(Clock.systemUTC()), Clock.systemUTC()));
    }

    /** Safety net if a test failed before the window was closed: stops devnet, chain and telemetry anyway. */
    static void stop(ConsoleApplication app) throws Exception {
        if (app != null) {
            app.shutdown().get(30, TimeUnit.SECONDS);
        }
    }

    /** Runs {@code c} on the FX thread and waits (10 s at most) for its result. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
