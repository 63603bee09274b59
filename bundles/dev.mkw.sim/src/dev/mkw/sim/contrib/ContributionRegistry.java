package dev.mkw.sim.contrib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The contributions of one kind by id (exporters, analyses, benchmarks, machine presets,
 * device types, scheduler policies, TCB lookup variants): the built-in ones, then what
 * plugins contribute ({@link #discover}: the extension point under Equinox, ServiceLoader as
 * plain jars, sorted by id), then what is registered by hand (tests, embedding applications).
 *
 * <p>One conflict rule for every kind: <b>the first contribution of an id keeps it.</b> A later
 * one of another class is refused, {@link #register} returns false and a problem names both
 * plugins, so no plugin silently replaces a built-in or another plugin's contribution, and
 * which one wins never depends on the order bundles happen to start in. Registering the same
 * class again replaces the instance (a fresh one of the same contributor). Problems are
 * collected, never thrown: one broken plugin does not take a command down.
 *
 * @param <T> the contribution's type
 */
public final class ContributionRegistry<T> {
    private final String kind;
    private final Function<T, String> idOf;
    private final Function<T, Class<?>> contributor;
    private final Map<String, T> byId;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param kind       what one contribution is called in messages ("exporter", "device type")
     * @param idOf       its id
     * @param sortedById whether {@link #ids} and {@link #all} are in id order (else in registration order: built-ins first)
     */
    public ContributionRegistry(String kind, Function<T, String> idOf, boolean sortedById) {
        this(kind, idOf, Object::getClass, sortedById);
    }

    /**
     * A registry whose items are values made by a contributor (a preset provider's presets):
     * {@code contributor} gives the class that made each, which names the plugin in messages
     * and decides whether a registration is the same contributor's again.
     */
    public ContributionRegistry(String kind, Function<T, String> idOf, Function<T, Class<?>> contributor, boolean sortedById) {
        this.kind = kind;
        this.idOf = idOf;
        this.contributor = contributor;
        this.byId = sortedById ? new TreeMap<>() : new LinkedHashMap<>();
    }

    /** Register each of {@code items} (the built-ins, in their order). */
    public ContributionRegistry<T> registerAll(Collection<? extends T> items) {
        for (T t : items) register(t);
        return this;
    }

    /** Add every contribution to {@code extensionPoint} (Equinox) or of {@code type} (ServiceLoader), noting what fails to load. */
    public ContributionRegistry<T> discover(String extensionPoint, Class<T> type) {
        Contributions.Found<T> found = Contributions.discover(extensionPoint, type, idOf);
        synchronized (this) {
            problems.addAll(found.problems());
        }
        for (T t : found.items()) register(t);
        return this;
    }

    /** Add one contribution; false (and a problem naming both plugins) if another class holds its id. */
    public synchronized boolean register(T item) {
        String id = idOf.apply(item);
        T old = byId.get(id);
        Class<?> by = contributor.apply(item), holder = old == null ? null : contributor.apply(old);
        if (old != null && holder != by) {
            problems.add(kind + " '" + id + "' of " + Contributions.origin(by) + " (" + by.getName() + ") is taken by "
                    + Contributions.origin(holder) + " (" + holder.getName() + "); the first keeps it");
            return false;
        }
        byId.put(id, item);
        return true;
    }

    /** Note a problem found outside the registry (a contribution refused for a reason of its kind). */
    public synchronized void problem(String message) {
        problems.add(message);
    }

    public synchronized Optional<T> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The contribution of {@code id}; IllegalArgumentException naming every known id for an unknown one. */
    public synchronized T get(String id) {
        T t = byId.get(id);
        if (t == null) throw new IllegalArgumentException("unknown " + kind + " '" + id + "'; known: " + String.join(", ", byId.keySet()));
        return t;
    }

    public synchronized boolean exists(String id) {
        return byId.containsKey(id);
    }

    public synchronized Set<String> ids() {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(byId.keySet()));
    }

    public synchronized List<T> all() {
        return List.copyOf(byId.values());
    }

    /** Contributions that could not be loaded or were refused, for messages. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }
}
