package org.plurigrid.console.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the window needs before JavaFX is asked for it, checked so that a missing display or a missing GTK 3 ends in
 * one line saying what to do (install, or use the headless subcommands) instead of JavaFX's stack traces.
 * Only Linux is checked (Windows and macOS bring their own toolkit); Monocle (headless tests) needs nothing.
 */
final class GuiPreflight {

    /** Exit code when the window cannot open. */
    static final int EXIT_NO_WINDOW = 3;

    static final String HEADLESS_HINT = "the headless subcommands work without one: keys, gov, tx, grid, telemetry"
            + " (plurigrid-console help)";

    private static final String GTK3 = "libgtk-3.so.0";
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            "/usr/local/lib");

    private final String osName;
    private final Map<String, String> env;
    private final String glassPlatform;
    private final Predicate<Path> exists;

    GuiPreflight(String osName, Map<String, String> env, String glassPlatform, Predicate<Path> exists) {
        this.osName = Objects.requireNonNull(osName, "osName");
        this.env = Map.copyOf(env);
        this.glassPlatform = glassPlatform == null ? "" : glassPlatform;
        this.exists = Objects.requireNonNull(exists, "exists");
    }

    /** This machine, as the JVM sees it. */
    static GuiPreflight ofThisMachine() {
        return new GuiPreflight(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"),
                Files::isRegularFile);
    }

    /** Empty when the window can be tried; otherwise the one line to print. */
    Optional<String> problem() {
        if (!osName.toLowerCase(java.util.Locale.ROOT).contains("linux") || glassPlatform.equalsIgnoreCase("Monocle")) {
            return Optional.empty();
        }
        if (blank("DISPLAY") && blank("WAYLAND_DISPLAY")) {
            return Optional.of("plurigrid-console: no display to open the window on (DISPLAY is not set); start it in a"
                    + " desktop session or with X forwarding, or use " + HEADLESS_HINT + ".");
        }
        if (!gtk3Found()) {
            return Optional.of("plurigrid-console: GTK 3 is not installed (" + GTK3 + " not found), and the window needs"
                    + " it; install it (Debian/Ubuntu: sudo apt-get install libgtk-3-0, Fedora: sudo dnf install gtk3),"
                    + " or use " + HEADLESS_HINT + ".");
        }
        return Optional.empty();
    }

    private boolean blank(String name) {
        String v = env.get(name);
        return v == null || v.isBlank();
    }

    private boolean gtk3Found() {
        List<String> dirs = new ArrayList<>();
        String ld = env.get("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(LIBRARY_DIRS);
        return dirs.stream().anyMatch(d -> exists.test(Path.of(d, GTK3)));
    }

    /** The one line for a window that failed to open anyway (JavaFX's own reason, e.g. a refused X connection). */
    static String launchFailed(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "plurigrid-console: the window could not open (" + reason.lines().findFirst().orElse(reason).strip()
                + "); " + HEADLESS_HINT + ".";
    }
}
