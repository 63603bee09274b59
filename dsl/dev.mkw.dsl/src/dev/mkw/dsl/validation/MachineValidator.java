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
     * {@code entry} and {@code interrupt-flag} are words of their variant (not keywords, so that
     * {@code int} or {@code virtual} stay free for names), and the entry mechanism is one the
     * scenario's machine offers: an i486 has only {@code int}.
     */
    @Check
    public void kernelWordIsAValue(dev.mkw.dsl.mkw.KernelSetting s) {
        String word = "entry".equals(s.getKey()) ? s.getEntry() : "interrupt-flag".equals(s.getKey()) ? s.getInterruptFlag() : "ipc".equals(s.getKey()) ? s.getIpc() : null;
        if (word == null) return;
        var feature = "entry".equals(s.getKey()) ? MkwPackage.Literals.KERNEL_SETTING__ENTRY
                : "ipc".equals(s.getKey()) ? MkwPackage.Literals.KERNEL_SETTING__IPC : MkwPackage.Literals.KERNEL_SETTING__INTERRUPT_FLAG;
        dev.mkw.kernel.KernelVariants.Variant v = dev.mkw.kernel.KernelVariants.byWord(s.getKey());
        if (!v.values().contains(word)) {
            String best = Suggestions.closest(word, v.values());
            error(s.getKey() + " must be one of " + String.join(" | ", v.values()) + ", not '" + word + "'" + (best == null ? "" : "; did you mean " + best + "?"),
                    feature, IssueCodes.UNKNOWN_VARIANT, best == null ? new String[0] : new String[] {best});
            return;
        }
        if (!"entry".equals(s.getKey()) || word.equals("default")) return;
        String preset = dev.mkw.scenario.MachineSpec.DEFAULT_PRESET;
        for (Object e : ((dev.mkw.dsl.mkw.Model) org.eclipse.xtext.EcoreUtil2.getRootContainer(s)).getElements()) {
            if (e instanceof Machine m && m.getPreset() != null) preset = m.getPreset();
        }
        if (!KnownNames.presetExists(preset)) return;
        var d = MachinePresets.get().description(preset);
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

    /**
     * MKW simulates one CPU until multiprocessor support is built: a thread bound to another
     * CPU, or a machine of several, would be accepted and silently run everything on CPU 0.
     */
    @Check
    public void oneCpuThread(Thread t) {
        if (t.getCpu() != 0) {
            error("thread " + ScenarioTranslator.qualified(t) + " is bound to cpu " + t.getCpu() + ", but MKW simulates one CPU so far"
                    + " (multiprocessor support is not built yet): every thread runs on cpu 0; remove 'cpu " + t.getCpu() + "'",
                    MkwPackage.Literals.THREAD__CPU, IssueCodes.NEVER_RUNS, "0");
        }
    }

    @Check
    public void oneCpuMachine(dev.mkw.dsl.mkw.MachineSetting s) {
        if (!"cpus".equals(s.getKey()) || s.getValue() == null || !Numbers.fits(s.getValue())) return;
        long n = Numbers.parse(s.getValue());
        if (n > 1) {
            error("cpus " + s.getValue() + ": MKW simulates one CPU so far (multiprocessor support is not built yet); every thread would run on cpu 0; use cpus 1",
                    MkwPackage.Literals.MACHINE_SETTING__VALUE, IssueCodes.ONE_CPU, "1");
        }
    }

    @Check
    public void onePresetCpu(Machine m) {
        if (m.getPreset() == null || !KnownNames.presetExists(m.getPreset())) return;
        if (m.getSettings().stream().anyMatch(s -> "cpus".equals(s.getKey()))) return;
        int cpus = MachinePresets.get().description(m.getPreset()).cpus();
        if (cpus > 1) {
            error("preset " + m.getPreset() + " has " + cpus + " CPUs, but MKW simulates one CPU so far; override it with '{ cpus 1 }'",
                    MkwPackage.Literals.MACHINE__PRESET, IssueCodes.ONE_CPU);
        }
    }
}
