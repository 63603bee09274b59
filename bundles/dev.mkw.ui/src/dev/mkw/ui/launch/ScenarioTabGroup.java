package dev.mkw.ui.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;

import dev.mkw.run.VariantSettings;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.sched.SchedulerPolicies;

/** The tabs of an "MKW Scenario" launch configuration: scenario, machine, kernel variants, run (seed, cycle limit, trace). */
public final class ScenarioTabGroup extends AbstractLaunchConfigurationTabGroup {

    @Override
    public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
        List<String> kernel = new ArrayList<>();
        for (String k : VariantSettings.KEYS.keySet()) if (k.startsWith("kernel.")) kernel.add(k);
        setTabs(new ILaunchConfigurationTab[] {
            new ScenarioTab(),
            new SettingsTab("Machine", List.of("machine.preset"), choices()),
            new SettingsTab("Kernel", kernel, choices()),
            new SettingsTab("Run", List.of("run.seed", "run.until-cycles", "run.trace"), choices()),
            new CommonTab()});
    }

    /** The values offered per key: presets, policies, and the alternatives the key's description lists. */
    static Map<String, List<String>> choices() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("machine.preset", MachinePresets.get().ids());
        m.put("kernel.scheduler()", List.copyOf(SchedulerPolicies.get().ids()));
        m.put("run.trace", List.of("off", "on", "ring:100000"));
        for (Map.Entry<String, String> e : VariantSettings.KEYS.entrySet()) {
            if (e.getValue().contains(" | ") && !m.containsKey(e.getKey())) m.put(e.getKey(), List.of(e.getValue().split(" \\| ")));
        }
        return m;
    }
}
