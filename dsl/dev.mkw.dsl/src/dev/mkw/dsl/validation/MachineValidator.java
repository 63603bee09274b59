package dev.mkw.dsl.validation;

import java.util.List;

import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import dev.mkw.dsl.mkw.Machine;
import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.mkw.Thread;
import dev.mkw.dsl.translate.Numbers;
import dev.mkw.dsl.translate.ScenarioTranslator;
import dev.mkw.hw.model.MachinePresets;

/**
 * The machine a scenario asks for: a known preset, overrides that name fields of its model with
 * values of their types and leave a machine MKW can simulate, and one CPU until
 * multiprocessor support is built. Part of {@link MkwValidator} through {@code @ComposedChecks}.
 */
public class MachineValidator extends AbstractDeclarativeValidator {

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into MkwValidator, which registers for the package.
    }

    /** A machine override names a field of the preset's model ({@code memory.latency}). */
    @Check
    public void overrideNamesAField(dev.mkw.dsl.mkw.MachineSetting setting) {
        Machine m = (Machine) setting.eContainer();
        if (m.getPreset() == null || !KnownNames.presetExists(m.getPreset()) || setting.getKey() == null) return;
        String problem = dev.mkw.hw.model.MachineOverrides.check(dev.mkw.hw.model.MachinePresets.get().model(m.getPreset()), setting.getKey());
        if (problem != null) error(problem, MkwPackage.Literals.MACHINE_SETTING__KEY, IssueCodes.UNKNOWN_MACHINE_FIELD);
    }

    /** The overrides leave a machine MKW can simulate; a problem is marked at the override that causes it. */
    @Check
    public void overridesDescribeAPossibleMachine(Machine m) {
        if (m.getPreset() == null || !KnownNames.presetExists(m.getPreset()) || m.getSettings().isEmpty()) return;
        for (MachineSettingsCheck.Problem p : MachineSettingsCheck.problems(m, dev.mkw.hw.model.MachinePresets.get().model(m.getPreset()))) {
            error(p.message(), p.setting(), p.setting().getValue() != null ? MkwPackage.Literals.MACHINE_SETTING__VALUE : MkwPackage.Literals.MACHINE_SETTING__TEXT,
                    IssueCodes.IMPOSSIBLE_MACHINE);
        }
    }

    /**
     * {@code entry}, {@code interrupt-flag}, {@code smp-lock}, {@code placement}, {@code ipc} and {@code path} are words of
     * their variant (not keywords, so that {@code int} or {@code virtual} stay free for names), the entry mechanism is one the
     * scenario's machine offers (an i486 has only {@code int}) and the kernel path one counted for its CPU (Fiasco's on ARMv8).
     */
    @Check
    public void kernelWordIsAValue(dev.mkw.dsl.mkw.KernelSetting s) {
        var feature = switch (s.getKey()) {
            case "entry" -> MkwPackage.Literals.KERNEL_SETTING__ENTRY;
            case "interrupt-flag" -> MkwPackage.Literals.KERNEL_SETTING__INTERRUPT_FLAG;
            case "smp-lock" -> MkwPackage.Literals.KERNEL_SETTING__SMP_LOCK;
            case "placement" -> MkwPackage.Literals.KERNEL_SETTING__PLACEMENT;
            case "ipc" -> MkwPackage.Literals.KERNEL_SETTING__IPC;
            case "path" -> MkwPackage.Literals.KERNEL_SETTING__PATH;
            default -> null;
        };
        if (feature == null) return;
        String word = (String) s.eGet(feature);
        if (word == null) return;
        dev.mkw.kernel.KernelVariants.Variant v = dev.mkw.kernel.KernelVariants.byWord(s.getKey());
        if (!v.values().contains(word)) {
            String best = Suggestions.closest(word, v.values());
            error(s.getKey() + " must be one of " + String.join(" | ", v.values()) + ", not '" + word + "'" + (best == null ? "" : "; did you mean " + best + "?"),
                    feature, IssueCodes.UNKNOWN_VARIANT, best == null ? new String[0] : new String[] {best});
            return;
        }
        if (!("entry".equals(s.getKey()) || "path".equals(s.getKey())) || word.equals("default")) return;
        String preset = dev.mkw.scenario.MachineSpec.DEFAULT_PRESET;
        for (Object e : ((dev.mkw.dsl.mkw.Model) org.eclipse.xtext.EcoreUtil2.getRootContainer(s)).getElements()) {
            if (e instanceof Machine m && m.getPreset() != null) preset = m.getPreset();
        }
        if (!KnownNames.presetExists(preset)) return;
        var d = MachinePresets.get().description(preset);
        if ("path".equals(s.getKey())) {
            java.util.List<String> counted = dev.mkw.kernel.abi.Abi.paths(d.isa());
            if (!counted.contains(word)) {
                error("path " + word + ": that kernel's code was not counted for the CPU of preset " + preset + " (" + d.isa() + "); counted there: "
                        + String.join(" | ", counted) + " (or default)", feature, IssueCodes.UNKNOWN_VARIANT, new String[] {counted.get(0)});
            }
            return;
        }
        java.util.List<String> offered = dev.mkw.kernel.KernelEntry.words(d);
        if (!offered.contains(word)) {
            error("entry " + word + ": the CPU of preset " + preset + " (" + d.isa() + ") has no such kernel entry; it offers "
                    + String.join(" | ", offered) + " (or default: " + d.entryMechanism() + ")", feature, IssueCodes.UNKNOWN_VARIANT,
                    offered.isEmpty() ? new String[0] : new String[] {offered.get(0)});
        }
    }

    /** Small address spaces are x86-32 segments (Liedtke 1995): another CPU has none, an error at the word. */
    @Check
    public void smallSpacesNeedSegments(dev.mkw.dsl.mkw.KernelSetting s) {
        if (!"small-spaces".equals(s.getKey()) || s.getSmallSpaces() != dev.mkw.dsl.mkw.OnOff.ON) return;
        String preset = dev.mkw.scenario.MachineSpec.DEFAULT_PRESET;
        for (Object e : ((dev.mkw.dsl.mkw.Model) org.eclipse.xtext.EcoreUtil2.getRootContainer(s)).getElements()) {
            if (e instanceof Machine m && m.getPreset() != null) preset = m.getPreset();
        }
        if (!KnownNames.presetExists(preset)) return;
        String isa = MachinePresets.get().description(preset).isa();
        if (!"x86-32".equals(isa) && isa != null && !isa.isEmpty()) {
            error("small-spaces on: small address spaces are segments of x86-32 segmentation (Liedtke 1995); the CPU of preset " + preset + " is " + isa,
                    MkwPackage.Literals.KERNEL_SETTING__SMALL_SPACES, IssueCodes.UNKNOWN_VARIANT);
        }
    }

    @Check
    public void presetExists(Machine m) {
        if (m.getPreset() == null || KnownNames.presetExists(m.getPreset())) return;
        List<String> known = KnownNames.presets();
        String best = Suggestions.closest(m.getPreset(), known);
        error("unknown machine preset '" + m.getPreset() + "'" + (best == null ? "" : "; did you mean " + best + "?")
                + " (known: " + String.join(", ", known) + ")",
                MkwPackage.Literals.MACHINE__PRESET, IssueCodes.UNKNOWN_PRESET, best == null ? new String[0] : new String[] {best});
    }

    /** The most processors the kernel's per-processor area holds. */
    private static final int MAX_CPUS = dev.mkw.kernel.KernelLayout.MAX_PROCESSORS;

    /**
     * A thread pinned to a processor the machine does not have would never run: the pin must
     * name one of the machine's CPUs (the preset's count or its {@code cpus} override).
     */
    @Check
    public void pinnedToAnExistingCpu(Thread t) {
        if (!t.eIsSet(MkwPackage.Literals.THREAD__CPU)) return;
        int cpus = cpusOf((dev.mkw.dsl.mkw.Model) org.eclipse.xtext.EcoreUtil2.getRootContainer(t));
        if (cpus > 0 && t.getCpu() >= cpus) {
            error("thread " + ScenarioTranslator.qualified(t) + " is pinned to cpu " + t.getCpu() + ", but the machine has " + cpus + " CPU"
                    + (cpus == 1 ? "" : "s") + " (0.." + (cpus - 1) + "); pin it to one of them or give the machine more: machine preset P { cpus "
                    + (t.getCpu() + 1) + " }", MkwPackage.Literals.THREAD__CPU, IssueCodes.NEVER_RUNS, "0");
        }
    }

    @Check
    public void cpuCount(dev.mkw.dsl.mkw.MachineSetting s) {
        if (!"cpus".equals(s.getKey()) || s.getValue() == null || !Numbers.fits(s.getValue())) return;
        long n = Numbers.parse(s.getValue());
        // More than the kernel holds is the hardware model's range check (an impossible machine).
        Machine m = (Machine) s.eContainer();
        if (n > 1 && n <= MAX_CPUS && m.getPreset() != null && KnownNames.presetExists(m.getPreset())) {
            Long ipi = MachinePresets.get().description(m.getPreset()).costs().get(dev.mkw.hw.sim.CostKind.IPI);
            if (ipi != null && ipi == 0) {
                error("cpus " + s.getValue() + ": preset " + m.getPreset() + " describes no inter-processor interrupts (its IPI cost is 0), so it is a "
                        + "uniprocessor; for several CPUs take cortex_a9, cortex_a53, x86_64_pcid or pentium_100",
                        MkwPackage.Literals.MACHINE_SETTING__VALUE, IssueCodes.ONE_CPU, "1");
            }
        }
    }

    /** The CPU count of the scenario's machine, or 0 when it cannot be told (unknown preset, bad override). */
    private static int cpusOf(dev.mkw.dsl.mkw.Model model) {
        String preset = dev.mkw.scenario.MachineSpec.DEFAULT_PRESET;
        Machine machine = null;
        for (Object e : model.getElements()) {
            if (e instanceof Machine m) {
                machine = m;
                if (m.getPreset() != null) preset = m.getPreset();
            }
        }
        if (machine != null) {
            for (dev.mkw.dsl.mkw.MachineSetting s : machine.getSettings()) {
                if ("cpus".equals(s.getKey()) && s.getValue() != null && Numbers.fits(s.getValue())) return (int) Math.min(Integer.MAX_VALUE, Numbers.parse(s.getValue()));
            }
        }
        return KnownNames.presetExists(preset) ? MachinePresets.get().description(preset).cpus() : 0;
    }
}
