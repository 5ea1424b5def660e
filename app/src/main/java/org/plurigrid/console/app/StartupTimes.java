package org.plurigrid.console.app;

import java.lang.management.ManagementFactory;

import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.views.common.FrameListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up milestones in the log, counted from the JVM's start ("Window shown 2,310 ms after launch"), so a slow start
 * can be told apart from a slow broker; {@code bench} reads the same lines.
 */
final class StartupTimes {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTimes.class);

    private StartupTimes() {
    }

    /** Milliseconds since the JVM started. */
    static long sinceLaunchMillis() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static void log(String milestone) {
        LOG.info("{} {} ms after launch", milestone, sinceLaunchMillis());
    }

    /** Logs the frame that first brings live values to the screen, once. FX thread (a frame-pump listener). */
    static final class FirstLiveValue implements FrameListener {
        private boolean seen;

        @Override
        public void onFrame(ChangeSet changes) {
            if (!seen && !changes.changed().isEmpty()) {
                seen = true;
                log("First live values on screen");
            }
        }
    }
}
