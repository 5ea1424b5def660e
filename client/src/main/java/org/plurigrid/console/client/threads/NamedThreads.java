package org.plurigrid.console.client.threads;

import java.util.concurrent.ThreadFactory;

/**
 * The one way the console makes its own threads: platform daemon threads with a name that says what they do (so a
 * thread dump reads like the architecture page), from Java 21's {@link Thread.Builder}. Daemon, so a forgotten
 * executor never keeps the process alive after the window closes; executors are still shut down by their owners.
 */
public final class NamedThreads {

    private NamedThreads() {
    }

    /** Daemon threads all named {@code name}: for a single-thread executor such as {@code "grid-model"}. */
    public static ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(checked(name)).daemon(true).factory();
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, …: for a pool. */
    public static ThreadFactory numberedDaemons(String prefix) {
        return Thread.ofPlatform().name(checked(prefix) + "-", 1).daemon(true).factory();
    }

    /** As {@link #numberedDaemons(String)}, at {@code priority} (e.g. below normal for background tile rendering). */
    public static ThreadFactory numberedDaemons(String prefix, int priority) {
        return Thread.ofPlatform().name(checked(prefix) + "-", 1).daemon(true).priority(priority).factory();
    }

    private static String checked(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a thread needs a name that says what it does");
        }
        return name;
    }
}
