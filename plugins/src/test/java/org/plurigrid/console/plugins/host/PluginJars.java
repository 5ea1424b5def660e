package org.plurigrid.console.plugins.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars for tests: compiles a plugin class from source (so it is not on the test class path and
 * must load through the jar's own class loader), registers it as a service and writes the manifest asked for.
 */
final class PluginJars {

    private PluginJars() {
    }

    /** A plugin whose constructor runs {@code constructorBody} and whose view is a Label; id and title as given. */
    static String source(String simpleName, String id, String title, String constructorBody, String createViewBody) {
        return """
                package test.plugins;
                import org.plurigrid.console.plugins.spi.*;
                public final class %s implements ConsolePlugin {
                    public %s() { %s }
                    public String id() { return "%s"; }
                    public String title() { return "%s"; }
                    public PluginView createView(PluginContext context) { %s }
                }
                """.formatted(simpleName, simpleName, constructorBody, id, title, createViewBody);
    }

    static String labelView() {
        return """
                javafx.scene.control.Label label = new javafx.scene.control.Label("hello");
                return new PluginView() {
                    public javafx.scene.Node node() { return label; }
                    public void onFrame(org.plurigrid.console.client.telemetry.ChangeSet changes) { }
                };""";
    }

    /** Compiles {@code source} (class test.plugins.SIMPLE_NAME) into {@code dir/jarName} with the given API attribute. */
    static Path jar(Path dir, String jarName, String apiVersion, String simpleName, String source) throws IOException {
        Path work = Files.createTempDirectory(dir.getParent(), "src");
        Path src = work.resolve("test/plugins/" + simpleName + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "-proc:none", src.toString());
        if (rc != 0) {
            throw new IllegalStateException("test plugin did not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "2.3.4");
        if (apiVersion != null) {
            manifest.getMainAttributes().putValue("Plurigrid-Plugin-Api", apiVersion);
        }
        Files.createDirectories(dir);
        Path jar = dir.resolve(jarName);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, manifest)) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    jos.write(Files.readAllBytes(f));
                    jos.closeEntry();
                }
            }
            jos.putNextEntry(new JarEntry("META-INF/services/org.plurigrid.console.plugins.spi.ConsolePlugin"));
            jos.write(("test.plugins." + simpleName + "\n").getBytes(StandardCharsets.UTF_8));
            jos.closeEntry();
        }
        return jar;
    }

    static List<String> ids(PluginCatalog catalog) {
        return catalog.infos().stream().map(PluginInfo::id).toList();
    }
}
