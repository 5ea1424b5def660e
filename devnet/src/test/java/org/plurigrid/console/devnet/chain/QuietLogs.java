package org.plurigrid.console.devnet.chain;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Tahu ships a TRACE logback.xml; devnet tests turn the noise down in code rather than add a shared config file. */
final class QuietLogs {
    private QuietLogs() {
    }

    static void apply() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        ctx.getLogger("io.grpc").setLevel(Level.WARN);
        ctx.getLogger("io.netty").setLevel(Level.WARN);
        ctx.getLogger("org.eclipse.tahu").setLevel(Level.WARN);
        ctx.getLogger("com.hivemq").setLevel(Level.WARN);
    }
}
