package dev.mkw.cli.sweep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mkw.cli.CliException;
import dev.mkw.dsl.ParamValues;
import dev.mkw.run.RunPipeline;
import dev.mkw.run.RunRefused;
import dev.mkw.run.VariantSettings;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.sweep.Sweep;
import dev.mkw.sim.sweep.SweepAxis;

/**
 * A sweep's axes checked before any run: a thousand-point sweep should not end with a
 * thousand rows all saying that {@code machine.caches.L1.sizeBytes} is spelt wrong. Every
 * value of a machine field builds the machine (the hardware model names an unknown field or
 * a value of the wrong type); parameters are parsed and the scenario loaded once with the
 * first value of each (an undeclared name is an error of that load). A bad value of a kernel
 * variant or run setting stays a failed row of its run, as sweeps have always reported it.
 */
final class SweepChecks {
    private SweepChecks() {}

    /** {@code fixed}: the keys given with {@code --set} (one value each), so a message names the option the user wrote. */
    static void check(Path file, Scenario scenario, SweepJob.Loader loader, Sweep sweep, java.util.Set<String> fixed) throws CliException {
        Map<String, String> firstParams = new LinkedHashMap<>();
        for (SweepAxis axis : sweep.axes()) {
            String key = axis.key();
            for (String v : axis.values()) {
                String where = (fixed.contains(key) ? "--set " : "--vary ") + key + "=" + v + ": ";
                if (VariantSettings.isParam(key)) {
                    try {
                        ParamValues.parse(v);
                    } catch (IllegalArgumentException e) {
                        throw new CliException(where + e.getMessage());
                    }
                    firstParams.putIfAbsent(key, v);
                    continue;
                }
                // Kernel variants and run settings stay the run's business: a bad value there is a
                // failed row (issue 25: a failing run is a row, never a lost one), as before.
                if (!key.startsWith("machine.")) continue;
                try {
                    // Each value on the machine the other machine axes make at their first value (a --set
                    // machine.preset=P, a first preset of --vary): a pipeline field needs a preset with a pipeline.
                    RunPipeline.machine(VariantSettings.apply(otherMachineAxesAtFirst(scenario, sweep, key), key, v));
                } catch (RunRefused e) {
                    throw new CliException(where + e.getMessage());
                }
            }
        }
        if (!firstParams.isEmpty()) {
            try {
                loader.load(VariantSettings.params(firstParams));
            } catch (CliException e) {
throw new CliException((fixed.containsAll(firstParams.keySet()) ? "--set " : "--vary ") + String.join(" ", firstParams.keySet()) + " with " + file.getFileName() + ": " + e.getMessage());
            }
        }
    }

    /** {@code scenario} with every machine axis but {@code key} at its first value, in the sweep's order. */
    private static Scenario otherMachineAxesAtFirst(Scenario scenario, Sweep sweep, String key) throws RunRefused {
        Scenario s = scenario;
        for (SweepAxis other : sweep.axes()) {
            if (other.key().equals(key) || !other.key().startsWith("machine.") || other.values().isEmpty()) continue;
            s = VariantSettings.apply(s, other.key(), other.values().get(0));
        }
        return s;
    }
}
