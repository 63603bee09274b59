package dev.mkw.dsl.validation;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import dev.mkw.hw.model.MachinePresets;

/**
 * The names a scenario may use that live outside the language: machine presets (from the
 * hardware model) and scheduler policy ids (from the kernel's registry). Validation, content
 * assist and quick fixes ask here, so a plugin that contributes a preset or a policy only
 * has to be registered with its owner.
 */
public final class KnownNames {
    private KnownNames() {}

    /** The kernel's registry: the built-in policy and every contributed one. Replaceable for tests. */
    private static volatile Supplier<Collection<String>> schedulerPolicies = () -> dev.mkw.kernel.sched.SchedulerPolicies.get().ids();

    public static List<String> presets() {
        return MachinePresets.get().ids();
    }

    public static boolean presetExists(String id) {
        return id != null && MachinePresets.get().exists(id);
    }

    /** Device types: the hardware model's built-in ones and every contributed one (looked up once). */
    public static List<String> deviceTypes() {
        List<String> d = deviceTypes;
        if (d == null) deviceTypes = d = List.copyOf(dev.mkw.hw.sim.DeviceTypes.standard().ids());
        return d;
    }

    private static volatile List<String> deviceTypes;

    /** The device type of {@code id} (built in or contributed; looked up once), or null. */
    public static dev.mkw.hw.sim.DeviceType deviceType(String id) {
        dev.mkw.hw.sim.DeviceTypes t = deviceTypeModel;
        if (t == null) deviceTypeModel = t = dev.mkw.hw.sim.DeviceTypes.standard();
        return t.exists(id) ? t.get(id) : null;
    }

    private static volatile dev.mkw.hw.sim.DeviceTypes deviceTypeModel;

    /** Cross-domain call hardware (user-visible address-space tags) that plugins contribute (looked up once). */
    public static List<String> domainCallHardware() {
        return List.copyOf(cpuFeatures().domainCallIds());
    }

    /** The contributed cross-domain call hardware of {@code id}, or null. */
    public static dev.mkw.hw.sim.DomainCallHardware domainCallHardware(String id) {
        return cpuFeatures().domainCall(id);
    }

    private static dev.mkw.hw.sim.CpuFeatures cpuFeatures() {
        dev.mkw.hw.sim.CpuFeatures f = cpuFeatures;
        if (f == null) cpuFeatures = f = dev.mkw.hw.sim.CpuFeatures.standard();
        return f;
    }

    private static volatile dev.mkw.hw.sim.CpuFeatures cpuFeatures;

    /** TCB lookup variants: the kernel's built-in ones and every contributed one. */
    public static List<String> tcbLookups() {
        return List.copyOf(dev.mkw.kernel.tcb.TcbLookupVariants.get().ids());
    }

    public static Collection<String> schedulerPolicies() {
        return schedulerPolicies.get();
    }

    /** Wire the kernel's scheduler-policy registry (the CLI/workbench calls this once at start). */
    public static void setSchedulerPolicies(Supplier<Collection<String>> source) {
        schedulerPolicies = source;
    }
}
