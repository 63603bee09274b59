package dev.mkw.sim.contrib;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the contributions of one kind (exporters, analyses, benchmarks) wherever this
 * bundle runs: in Equinox through the extension registry, as plain jars through
 * {@link ServiceLoader}. Problems (a class that does not load) are collected, not thrown,
 * so one broken plugin does not take the command down.
 */
public final class Contributions {
    private Contributions() {}

    /** Contributed class → the plugin that contributed it, for messages that name the culprit. */
    private static final Map<Class<?>, String> ORIGINS = new ConcurrentHashMap<>();

    /** What discovery found, in a deterministic order, and what went wrong on the way. */
    public record Found<T>(List<T> items, List<String> problems) {}

    /**
     * Everything contributed for {@code type}: extension registry contributions to
     * {@code extensionPoint} (elements with a {@code class} attribute) first, then
     * ServiceLoader providers; each group sorted by {@code key}.
     */
    public static <T> Found<T> discover(String extensionPoint, Class<T> type, Function<T, String> key) {
        List<T> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<T> fromRegistry = new ArrayList<>();
        if (registryPresent()) {
            try {
                EclipseRegistry.load(extensionPoint, type, fromRegistry, problems);
            } catch (LinkageError e) {
                // The optional import is wired but the registry bundle is not: plain-jar mode.
                problems.add("extension registry unusable: " + e);
            }
        }
        fromRegistry.sort(Comparator.comparing(key));
        items.addAll(fromRegistry);

        List<T> fromServices = new ArrayList<>();
        try {
            ServiceLoader<T> loader = ServiceLoader.load(type, type.getClassLoader());
            var it = loader.iterator();
            while (true) {
                try {
                    if (!it.hasNext()) break;
                    T item = it.next();
                    ORIGINS.putIfAbsent(item.getClass(), jarName(item.getClass()));
                    fromServices.add(item);
                } catch (ServiceConfigurationError e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (ServiceConfigurationError e) {
            problems.add(e.getMessage());
        }
        fromServices.sort(Comparator.comparing(key));
        items.addAll(fromServices);
        return new Found<>(items, problems);
    }

    /**
     * The plugin a contribution came from: its bundle's symbolic name under Equinox, its jar
     * (Bundle-SymbolicName, else the file name) as plain jars, else its package. Used when a
     * contribution throws, so the message names whom to blame.
     */
    public static String origin(Object contribution) {
        Class<?> c = contribution instanceof Class<?> k ? k : contribution.getClass();
        String known = ORIGINS.get(c);
        return known != null ? known : jarName(c);
    }

    static void noteOrigin(Class<?> c, String plugin) {
        ORIGINS.putIfAbsent(c, plugin);
    }

    private static String jarName(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                java.nio.file.Path p = java.nio.file.Path.of(source.getLocation().toURI());
                if (java.nio.file.Files.isRegularFile(p)) {
                    try (var jar = new java.util.jar.JarFile(p.toFile())) {
                        var mf = jar.getManifest();
                        String bsn = mf == null ? null : mf.getMainAttributes().getValue("Bundle-SymbolicName");
                        if (bsn != null) return bsn.split(";")[0].trim();
                    }
                }
                return p.getFileName().toString();
            }
        } catch (Exception | LinkageError e) {
            // No readable code source (OSGi bundle URLs, a security manager): fall back below.
        }
        return c.getPackageName();
    }

    /**
     * Whether the registry's classes can be loaded. Asked here, not in {@link EclipseRegistry}:
     * loading that class already makes the verifier resolve the Eclipse types it uses.
     */
    static boolean registryPresent() {
        try {
            Class.forName("org.eclipse.core.runtime.RegistryFactory", false, Contributions.class.getClassLoader());
            Class.forName("org.eclipse.core.runtime.CoreException", false, Contributions.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
