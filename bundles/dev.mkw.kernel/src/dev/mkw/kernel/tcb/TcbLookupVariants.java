package dev.mkw.kernel.tcb;

import java.util.List;
import java.util.Set;

import dev.mkw.sim.contrib.ContributionRegistry;

/**
 * The registry of TCB lookup variants: the built-in three, then what plugins contribute
 * (extension point {@value #EXTENSION_POINT} in OSGi, ServiceLoader as plain jars, or
 * {@link #register}). A {@link ContributionRegistry}: the first variant of an id keeps it, so
 * a plugin cannot replace a built-in id.
 */
public final class TcbLookupVariants {
    public static final String EXTENSION_POINT = "dev.mkw.kernel.tcbLookups";
    public static final String DEFAULT = "virtual-array";
    private static final TcbLookupVariants INSTANCE = new TcbLookupVariants();

    private final ContributionRegistry<TcbLookupVariant> variants = new ContributionRegistry<>("tcb lookup", TcbLookupVariant::id, false);

    private TcbLookupVariants() {
        variants.registerAll(BuiltInTcbLookups.all()).discover(EXTENSION_POINT, TcbLookupVariant.class);
    }

    public static TcbLookupVariants get() {
        return INSTANCE;
    }

    /** Add a variant; false (and a problem naming both plugins) if another one holds its id. */
    public boolean register(TcbLookupVariant v) {
        return variants.register(v);
    }

    /** The variant of that id; throws with the known ids for an unknown one. */
    public TcbLookupVariant forId(String id) {
        return variants.get(id);
    }

    /** Every id, the built-in ones first. */
    public Set<String> ids() {
        return variants.ids();
    }

    /** Contributions that could not be loaded or registered, for messages. */
    public List<String> problems() {
        return variants.problems();
    }
}
