package dev.mkw.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelVariants;
import dev.mkw.scenario.MachineSpec;
import dev.mkw.scenario.RunSpec;
import dev.mkw.scenario.Scenario;

/**
 * {@code key=value} settings that override a scenario from outside it: {@code mkw run --set},
 * {@code mkw sweep --vary}, and the workbench's launch configuration. Keys use the
 * scenario language's words, so what a user writes in a file and on the command line agree.
 */
public final class VariantSettings {

    /** Every key with the values it accepts (for help texts and error messages), in display order. */
    public static final Map<String, String> KEYS = keys();

    private static final String KERNEL = "kernel.";

    private VariantSettings() {}

    private static Map<String, String> keys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("machine.preset", "a preset id (mkw presets)");
        for (KernelVariants.Variant v : KernelVariants.ALL) m.put(KERNEL + v.word(), String.join(" | ", v.values()));
        m.put("run.seed", "a number");
        m.put("run.until-cycles", "cycles (0: no limit)");
        m.put("run.trace", "off | on | ring:N");
        return m;
    }

    /** Apply {@code key=value} strings in order. */
    public static Scenario apply(Scenario s, List<String> settings) throws CliException {
        for (String kv : settings) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new CliException("a setting is key=value, got '" + kv + "'");
            s = apply(s, kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return s;
    }

    public static Scenario apply(Scenario s, String key, String value) throws CliException {
        KernelConfig k = s.kernel();
        RunSpec r = s.run();
        KernelVariants.Variant variant = key.startsWith(KERNEL) ? KernelVariants.byWord(key.substring(KERNEL.length())) : null;
        if (variant != null) {
            try {
                return s.withKernel(variant.apply(k, onOffWord(value)));
            } catch (IllegalArgumentException e) {
                throw new CliException(KERNEL + e.getMessage());
            }
        }
        switch (key) {
            case "machine.preset": return s.withMachine(new MachineSpec(value, s.machine().overrides()));
            case "run.seed": return s.withRun(r.withSeed(Args.parseCount(key, value)));
            case "run.until-cycles": return s.withRun(r.withUntilCycles(Args.parseCount(key, value)));
            case "run.trace":
                if (value.equals("off")) return s.withRun(r.withTrace(RunSpec.Trace.OFF, 0));
                if (value.equals("on")) return s.withRun(r.withTrace(RunSpec.Trace.ON, 0));
                if (value.startsWith("ring:")) return s.withRun(r.withTrace(RunSpec.Trace.RING, (int) Args.parseCount(key, value.substring(5))));
                throw new CliException("run.trace must be off, on or ring:N, got '" + value + "'");
            default:
                throw new CliException("unknown setting '" + key + "'; known: " + String.join(", ", KEYS.keySet()));
        }
    }

    /** The settings of a scenario as key → value, in {@link #KEYS} order (for reports and sweep rows). */
    public static Map<String, String> describe(Scenario s) {
        KernelConfig k = s.kernel();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("machine.preset", s.machine().preset());
        for (KernelVariants.Variant v : KernelVariants.ALL) m.put(KERNEL + v.word(), v.valueOf(k));
        m.put("run.seed", Long.toString(s.run().seed()));
        m.put("run.until-cycles", Long.toString(s.run().untilCycles()));
        m.put("run.trace", s.run().trace() == RunSpec.Trace.RING ? "ring:" + s.run().traceRing() : word(s.run().trace()));
        return m;
    }

    /** An enum constant as the scenario language writes it: VIRTUAL_ARRAY → virtual-array. */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The command line also takes true/yes and false/no for on and off. */
    private static String onOffWord(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> "on";
            case "false", "no" -> "off";
            default -> value;
        };
    }
}
