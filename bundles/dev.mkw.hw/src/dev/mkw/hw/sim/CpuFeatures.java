package dev.mkw.hw.sim;

import java.util.List;
import java.util.Set;

import dev.mkw.sim.contrib.ContributionRegistry;

/**
 * The registry of CPU and MMU features plugins add to the hardware model (extension point
 * {@value #EXTENSION_POINT} in OSGi, ServiceLoader as plain jars, or {@link #register}). MKW has no
 * built-in one: the cross-domain call hardware of {@link DomainCallHardware} is an idea a plugin
 * contributes. A {@link ContributionRegistry}: the first contribution of an id keeps it.
 */
public final class CpuFeatures {
    public static final String EXTENSION_POINT = "dev.mkw.hw.cpuFeatures";
    private final ContributionRegistry<DomainCallHardware> domainCalls = new ContributionRegistry<>("cross-domain call hardware", DomainCallHardware::id, true);

    private CpuFeatures() {}

    /** Every contributed feature. */
    public static CpuFeatures standard() {
        CpuFeatures f = new CpuFeatures();
        f.domainCalls.discover(EXTENSION_POINT, DomainCallHardware.class);
        return f;
    }

    /** None (tests register their own). */
    public static CpuFeatures none() {
        return new CpuFeatures();
    }

    /** Add a feature; false (and a problem) if another holds its id. */
    public boolean register(DomainCallHardware feature) {
        return domainCalls.register(feature);
    }

    /** The cross-domain call hardware of {@code id}, or null. */
    public DomainCallHardware domainCall(String id) {
        return domainCalls.find(id).orElse(null);
    }

    public Set<String> domainCallIds() {
        return domainCalls.ids();
    }

    /** Contributions that could not be loaded or were refused. */
    public List<String> problems() {
        return domainCalls.problems();
    }
}
