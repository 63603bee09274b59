package dev.mkw.kernel.tcb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mkw.sim.contrib.Contributions;

/**
 * The registry of TCB lookup variants: the built-in three, then what plugins contribute
 * (extension point {@value #EXTENSION_POINT} in OSGi, ServiceLoader as plain jars, or
 * {@link #register}). A plugin cannot replace a built-in id.
 */
public final class TcbLookupVariants {
    public static final String EXTENSION_POINT = "dev.mkw.kernel.tcbLookups";
    public static final String DEFAULT = "virtual-array";
    private static final TcbLookupVariants INSTANCE = new TcbLookupVariants();

    private final Map<String, TcbLookupVariant> variants = new LinkedHashMap<>();
    private final List<String> problems;

    private TcbLookupVariants() {
        for (TcbLookupVariant v : BuiltInTcbLookups.all()) variants.put(v.id(), v);
        var found = Contributions.discover(EXTENSION_POINT, TcbLookupVariant.class, TcbLookupVariant::id);
        java.util.ArrayList<String> p = new java.util.ArrayList<>(found.problems());
        for (TcbLookupVariant v : found.items()) {
            try {
                register(v);
            } catch (IllegalArgumentException e) {
                p.add(e.getMessage());
            }
        }
        problems = List.copyOf(p);
    }

    public static TcbLookupVariants get() {
        return INSTANCE;
    }

    public synchronized void register(TcbLookupVariant v) {
        TcbLookupVariant old = variants.get(v.id());
        if (old != null && old.getClass() != v.getClass()) {
            throw new IllegalArgumentException("tcb lookup '" + v.id() + "' of " + Contributions.origin(v) + " is taken by " + Contributions.origin(old));
        }
        variants.put(v.id(), v);
    }

    /** The variant of that id; throws with the known ids for an unknown one. */
    public synchronized TcbLookupVariant forId(String id) {
        TcbLookupVariant v = variants.get(id);
        if (v == null) throw new IllegalArgumentException("unknown tcb lookup '" + id + "'; known: " + String.join(", ", variants.keySet()));
        return v;
    }

    /** Every id, the built-in ones first. */
    public synchronized Set<String> ids() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(variants.keySet()));
    }

    /** Contributions that could not be loaded or registered, for messages. */
    public List<String> problems() {
        return problems;
    }
}
