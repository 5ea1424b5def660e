package org.plurigrid.console.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --home DIR}: where the keystore and configuration live (default {@code ~/.plurigrid}). */
public final class HomeOption {

    @Option(names = "--home", paramLabel = "DIR", description = "Home folder with keystore and configuration (default: ~/.plurigrid).")
    Path home;

    public Path home() {
        return home != null ? home : Path.of(System.getProperty("user.home"), ".plurigrid");
    }
}
