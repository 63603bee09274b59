package dev.mkw.sim.contrib;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/**
 * The only class that touches the Equinox extension registry. It is loaded only after
 * {@link Contributions#registryPresent()} said the registry's classes are there, so without Equinox (plain
 * jars, unit tests) the JVM never links it and the optional import costs nothing.
 */
final class EclipseRegistry {
    private EclipseRegistry() {}

    static <T> void load(String point, Class<T> type, List<T> into, List<String> problems) {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) return; // classes present but no running registry (e.g. tests)
        for (IConfigurationElement e : registry.getConfigurationElementsFor(point)) {
            String where = e.getContributor().getName() + " (" + point + "/" + e.getName() + ")";
            try {
                Object o = e.createExecutableExtension("class");
                if (type.isInstance(o)) {
                    Contributions.noteOrigin(o.getClass(), e.getContributor().getName());
                    into.add(type.cast(o));
                } else {
                    problems.add(where + ": " + o.getClass().getName() + " is not a " + type.getName());
                }
            } catch (CoreException | RuntimeException ex) {
                problems.add(where + ": " + ex.getMessage());
            }
        }
    }
}
