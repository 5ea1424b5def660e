package org.plurigrid.console.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Version and commit of the running build, read from the manifest of the jar that holds this class (written by the
 * app module's build: Implementation-Version, Build-Commit). Absent when running from classes.
 */
public record BuildInfo(Optional<String> version, Optional<String> commit) {

    /** What {@code --version} prints. */
    public String describe() {
        StringBuilder s = new StringBuilder("Plurigrid Console ").append(version.orElse("(development build)"));
        commit.ifPresent(c -> s.append(" (commit ").append(c).append(')'));
        return s.toString();
    }

    public static BuildInfo current() {
        URL self = BuildInfo.class.getResource(BuildInfo.class.getSimpleName() + ".class");
        if (self == null || !"jar".equals(self.getProtocol())) {
            return new BuildInfo(Optional.empty(), Optional.empty());
        }
        String jar = self.toString().substring(0, self.toString().indexOf("!/") + 2);
        try (InputStream in = new URL(jar + "META-INF/MANIFEST.MF").openStream()) {
            return of(new Manifest(in).getMainAttributes());
        } catch (IOException e) {
            return new BuildInfo(Optional.empty(), Optional.empty());
        }
    }

    static BuildInfo of(Attributes a) {
        return new BuildInfo(present(a.getValue(Attributes.Name.IMPLEMENTATION_VERSION)),
                present(a.getValue("Build-Commit")).filter(c -> c.matches("[0-9a-f]{7,40}")));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty() && !v.startsWith("${"));
    }
}
