package org.plurigrid.console.plugins.host;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.PluginApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the plugins the console would run: those on the class path (the bundled ones) and one or more in each jar of
 * {@code <home>/plugins}, each jar in a class loader of its own. A jar is opened only after its manifest declares a
 * compatible plugin API ({@link PluginApi}); a plugin that cannot be loaded or instantiated, or whose id is taken, is
 * listed as refused or failed with the reason, and the others load as usual. Closing the catalog closes the jars'
 * class loaders.
 */
public final class PluginCatalog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginCatalog.class);
    /** A plugins folder is a handful of jars; more is a mistake (or an attack), not a configuration. */
    static final int MAX_JARS = 64;

    /** A plugin as found: what the manager shows, and the instance when it is enabled. */
    public record Entry(PluginInfo info, Optional<ConsolePlugin> plugin) {
    }

    private final List<Entry> entries;
    private final List<URLClassLoader> loaders;

    private PluginCatalog(List<Entry> entries, List<URLClassLoader> loaders) {
        this.entries = List.copyOf(entries);
        this.loaders = List.copyOf(loaders);
    }

    /**
     * @param appLoader  the console's class loader (bundled plugins, and the parent of every jar's loader)
     * @param pluginsDir {@code <home>/plugins}; a missing folder means no plugins from there
     * @param disabled   ids the operator switched off: listed as disabled and never started (no view is built)
     */
    public static PluginCatalog discover(ClassLoader appLoader, Optional<Path> pluginsDir, Set<String> disabled) {
        List<Entry> entries = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        ServiceLoader.load(ConsolePlugin.class, appLoader).stream()
                .sorted(Comparator.comparing(p -> p.type().getName()))
                .forEach(provider -> entries.add(instantiate(provider, "bundled", versionOf(provider.type()), disabled, ids)));
        if (pluginsDir.isPresent() && Files.isDirectory(pluginsDir.get())) {
            for (Path jar : jarsIn(pluginsDir.get(), entries)) {
                loadJar(jar, appLoader, disabled, ids, entries, loaders);
            }
        }
        entries.forEach(e -> e.info().problem().ifPresent(why ->
                log.warn("Plugin '{}' ({}) is {}: {}", e.info().title(), e.info().source(), e.info().state().label(), why)));
        return new PluginCatalog(entries, loaders);
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<PluginInfo> infos() {
        return entries.stream().map(Entry::info).toList();
    }

    @Override
    public void close() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                log.debug("Closing a plugin class loader failed", e);
            }
        }
    }

    private static List<Path> jarsIn(Path dir, List<Entry> entries) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
            if (jars.size() > MAX_JARS) {
                entries.add(refused(dir.getFileName().toString(), dir.toString(),
                        "the folder holds " + jars.size() + " jars; only the first " + MAX_JARS + " (by name) are loaded"));
                return jars.subList(0, MAX_JARS);
            }
            return jars;
        } catch (IOException e) {
            entries.add(refused("plugins", dir.toString(), "the plugins folder cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    private static void loadJar(Path jar, ClassLoader parent, Set<String> disabled, Set<String> ids,
                                List<Entry> entries, List<URLClassLoader> loaders) {
        String source = jar.toString();
        String name = jar.getFileName().toString();
        String version;
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest() == null ? new Attributes() : file.getManifest().getMainAttributes();
            Optional<String> incompatible = PluginApi.incompatibility(main.getValue(PluginApi.MANIFEST_ATTRIBUTE));
            if (incompatible.isPresent()) {
                entries.add(refused(name, source, incompatible.get()));
                return;
            }
            version = Optional.ofNullable(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION)).orElse("unknown");
            if (file.getEntry("META-INF/services/" + ConsolePlugin.class.getName()) == null) {
                entries.add(refused(name, source, "it registers no " + ConsolePlugin.class.getName()
                        + " in META-INF/services"));
                return;
            }
        } catch (IOException | SecurityException e) {
            entries.add(refused(name, source, "it is not a readable jar (" + e.getMessage() + ")"));
            return;
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin:" + name, new URL[] {jar.toUri().toURL()}, parent);
        } catch (IOException e) {
            entries.add(refused(name, source, "it cannot be opened (" + e.getMessage() + ")"));
            return;
        }
        loaders.add(loader);
        int found = 0;
        try {
            for (ServiceLoader.Provider<ConsolePlugin> provider :
                    ServiceLoader.load(ConsolePlugin.class, loader).stream().toList()) {
                if (provider.type().getClassLoader() != loader) {
                    continue; // a class-path plugin seen again through the parent: listed once, as bundled
                }
                found++;
                entries.add(instantiate(provider, source, version, disabled, ids));
            }
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            entries.add(failed(name, source, version, "it could not be loaded: " + e.getMessage()));
            return;
        }
        if (found == 0) {
            entries.add(refused(name, source, "its services file names no class that loads from this jar"));
        }
    }

    private static Entry instantiate(ServiceLoader.Provider<ConsolePlugin> provider, String source, String version,
                                     Set<String> disabled, Set<String> ids) {
        String className = provider.type().getName();
        ConsolePlugin plugin;
        String id;
        String title;
        String description;
        try {
            plugin = provider.get();
            id = plugin.id();
            title = plugin.title();
            description = plugin.description() == null ? "" : plugin.description();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // ServiceLoader wraps what the constructor threw; the operator needs the plugin's own reason.
            Throwable why = e instanceof java.util.ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
            return failed(className, source, version, "it threw " + why.getClass().getSimpleName() + " while loading"
                    + (why.getMessage() == null ? "" : ": " + why.getMessage()));
        }
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,39}")) {
            return refused(className, source, "its id '" + id + "' is not lower-case letters, digits and dashes");
        }
        if (title == null || title.isBlank()) {
            return refused(id, source, "it has no title");
        }
        if (!ids.add(id)) {
            return new Entry(new PluginInfo(id, title, description, version, source, PluginState.REFUSED,
                    Optional.of("another plugin already uses the id '" + id + "'")), Optional.empty());
        }
        if (disabled.contains(id)) {
            return new Entry(new PluginInfo(id, title, description, version, source, PluginState.DISABLED,
                    Optional.empty()), Optional.empty());
        }
        return new Entry(new PluginInfo(id, title, description, version, source, PluginState.ENABLED, Optional.empty()),
                Optional.of(plugin));
    }

    private static String versionOf(Class<?> type) {
        return Optional.ofNullable(type.getPackage().getImplementationVersion()).orElse("bundled");
    }

    private static Entry refused(String name, String source, String why) {
        return new Entry(new PluginInfo(name, name, "", "unknown", source, PluginState.REFUSED, Optional.of(why)),
                Optional.empty());
    }

    private static Entry failed(String name, String source, String version, String why) {
        return new Entry(new PluginInfo(name, name, "", version, source, PluginState.FAILED, Optional.of(why)),
                Optional.empty());
    }
}
