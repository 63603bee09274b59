package dev.mkw.dsl.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mkw.dsl.mkw.Machine;
import dev.mkw.dsl.mkw.MachineSetting;
import dev.mkw.dsl.translate.Numbers;
import dev.mkw.dsl.translate.ScenarioTranslator;
import dev.mkw.hw.model.MachineModelValidator;
import dev.mkw.hw.model.MachineOverrides;

/**
 * Whether a scenario's machine overrides still describe a machine MKW can simulate (a cache
 * whose size is not a multiple of line size × ways, a TLB of 0 entries, a clock of 0 MHz),
 * checked by the hardware model's own validator while the scenario is edited, so the problem
 * is marked at the override that causes it rather than reported when the run starts.
 *
 * <p>Each problem is charged to the first override after which it appears: the overrides are
 * applied one more at a time to a copy of the preset and the new problems of each step belong
 * to that step's setting. Nothing is simulated; a preset model is a few dozen objects.
 */
final class MachineSettingsCheck {
    /** What is wrong, and the override it is charged to. */
    record Problem(MachineSetting setting, String message) {}

    private MachineSettingsCheck() {}

    /** The problems of {@code m}'s overrides applied to {@code preset}, the model of its preset. */
    static List<Problem> problems(Machine m, dev.mkw.hw.model.Machine preset) {
        Map<String, String> applied = new LinkedHashMap<>();
        List<String> before = MachineModelValidator.problems(preset);
        List<Problem> found = new ArrayList<>();
        for (MachineSetting s : m.getSettings()) {
            if (s.getKey() == null || s.getValue() == null && s.getText() == null || MachineOverrides.check(preset, s.getKey()) != null) continue; // reported by the field check
            if (s.getValue() != null && !Numbers.fits(s.getValue())) continue; // reported by LimitsValidator
            applied.put(s.getKey(), ScenarioTranslator.settingValue(s));
            List<String> now;
            try {
                now = MachineModelValidator.problems((dev.mkw.hw.model.Machine) MachineOverrides.apply(preset, applied));
            } catch (IllegalArgumentException e) {
                found.add(new Problem(s, e.getMessage()));
                applied.remove(s.getKey());
                continue;
            }
            for (String p : now) if (!before.contains(p)) found.add(new Problem(s, "impossible machine: " + p));
            before = now;
        }
        return found;
    }
}
