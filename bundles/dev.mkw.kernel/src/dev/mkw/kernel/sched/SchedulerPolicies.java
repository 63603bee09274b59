package dev.mkw.kernel.sched;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.sim.contrib.Contributions;

/**
 * The registry of scheduling policies: {@link KernelConfig#DEFAULT_POLICY} is built into
 * the kernel; others come from plugins: through the extension point
 * {@code dev.mkw.kernel.schedulerPolicies} in OSGi, {@link java.util.ServiceLoader} as plain
 * jars, or {@link #register} (tests, embedding applications).
 */
public final class SchedulerPolicies {
    public static final String EXTENSION_POINT = "dev.mkw.kernel.schedulerPolicies";
    private static final SchedulerPolicies INSTANCE = new SchedulerPolicies();
    private final Map<String, SchedulerPolicy> policies = new TreeMap<>();
    private final java.util.List<String> problems;

    private SchedulerPolicies() {
        var found = Contributions.discover(EXTENSION_POINT, SchedulerPolicy.class, SchedulerPolicy::id);
        for (SchedulerPolicy p : found.items()) register(p);
        problems = found.problems();
    }

    /** Contributions that could not be loaded (a class missing in a plugin), for messages. */
    public java.util.List<String> problems() {
        return problems;
    }

    public static SchedulerPolicies get() {
        return INSTANCE;
    }

    public synchronized void register(SchedulerPolicy p) {
        if (p.id().equals(KernelConfig.DEFAULT_POLICY)) throw new IllegalArgumentException("the policy id " + p.id() + " is the kernel's own");
        policies.put(p.id(), p);
    }

    /** The contributed policy of that id, or null for the built-in one; throws for an unknown id. */
    public synchronized SchedulerPolicy forId(String id) {
        if (id.equals(KernelConfig.DEFAULT_POLICY)) return null;
        SchedulerPolicy p = policies.get(id);
        if (p == null) throw new IllegalArgumentException("unknown scheduler policy '" + id + "'; known: " + String.join(", ", ids()));
        return p;
    }

    /** Every known id, the built-in one first. */
    public synchronized Set<String> ids() {
        Set<String> s = new java.util.LinkedHashSet<>();
        s.add(KernelConfig.DEFAULT_POLICY);
        s.addAll(policies.keySet());
        return Collections.unmodifiableSet(s);
    }
}
