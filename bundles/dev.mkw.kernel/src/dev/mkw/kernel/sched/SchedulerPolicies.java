package dev.mkw.kernel.sched;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.sim.contrib.ContributionRegistry;
import dev.mkw.sim.contrib.Contributions;

/**
 * The registry of scheduling policies: {@link KernelConfig#DEFAULT_POLICY} is built into
 * the kernel; others come from plugins: through the extension point
 * {@code dev.mkw.kernel.schedulerPolicies} in OSGi, {@link java.util.ServiceLoader} as plain
 * jars, or {@link #register} (tests, embedding applications). A {@link ContributionRegistry}:
 * the first policy of an id keeps it, and the built-in id is the kernel's.
 */
public final class SchedulerPolicies {
    public static final String EXTENSION_POINT = "dev.mkw.kernel.schedulerPolicies";
    private static final SchedulerPolicies INSTANCE = new SchedulerPolicies();
    private final ContributionRegistry<SchedulerPolicy> policies = new ContributionRegistry<>("scheduler policy", SchedulerPolicy::id, true);

    private SchedulerPolicies() {
        Contributions.Found<SchedulerPolicy> found = Contributions.discover(EXTENSION_POINT, SchedulerPolicy.class, SchedulerPolicy::id);
        found.problems().forEach(policies::problem);
        for (SchedulerPolicy p : found.items()) register(p);
    }

    /** Contributions that could not be loaded (a class missing in a plugin) or were refused, for messages. */
    public List<String> problems() {
        return policies.problems();
    }

    public static SchedulerPolicies get() {
        return INSTANCE;
    }

    /** Add a policy; false (and a problem) if its id is the kernel's own or another policy's. */
    public boolean register(SchedulerPolicy p) {
        if (p.id().equals(KernelConfig.DEFAULT_POLICY)) {
            policies.problem("scheduler policy '" + p.id() + "' of " + Contributions.origin(p) + " (" + p.getClass().getName()
                    + ") is taken by the kernel (built in); the first keeps it");
            return false;
        }
        return policies.register(p);
    }

    /** The contributed policy of that id, or null for the built-in one; throws for an unknown id. */
    public SchedulerPolicy forId(String id) {
        if (id.equals(KernelConfig.DEFAULT_POLICY)) return null;
        return policies.find(id).orElseThrow(() -> new IllegalArgumentException("unknown scheduler policy '" + id + "'; known: " + String.join(", ", ids())));
    }

    /** Every known id, the built-in one first. */
    public Set<String> ids() {
        Set<String> s = new LinkedHashSet<>();
        s.add(KernelConfig.DEFAULT_POLICY);
        s.addAll(policies.ids());
        return Collections.unmodifiableSet(s);
    }
}
