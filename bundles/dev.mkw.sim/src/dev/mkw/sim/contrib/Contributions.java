package dev.mkw.sim.contrib;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds the contributions of one kind (exporters, analyses, benchmarks) wherever this
 * bundle runs: in Equinox through the extension registry, as plain jars through
 * {@link ServiceLoader}. Problems (a class that does not load) are collected, not thrown,
 * so one broken plugin does not take the command down.
 */
public final class Contributions {
    private Contributions() {}

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
                    fromServices.add(it.next());
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
