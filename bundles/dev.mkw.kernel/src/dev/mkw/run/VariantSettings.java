package dev.mkw.run;

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
 * It lives beside the scenario model (not in a front end) so that the command line and the
 * workbench apply and describe settings the one same way ({@link RunPipeline}).
 */
public final class VariantSettings {

    /** Every key with the values it accepts (for help texts and error messages), in display order. */
    public static final Map<String, String> KEYS = keys();

    private static final String KERNEL = "kernel.";
    private static final String MACHINE = "machine.";

    /**
     * Besides {@link #KEYS}: {@code machine.FIELD=value} sets one field of the preset, as a
     * {@code machine preset P { FIELD value }} block does (the fields {@code mkw presets ID}
     * lists, e.g. {@code machine.memory.latency=20}), so a sweep can vary the hardware too.
     */
    public static final String MACHINE_FIELD_HELP = "machine.FIELD=value sets a field of the preset (mkw presets ID lists them), e.g. machine.memory.latency=20";

    /**
     * {@code param.NAME=value} gives a scenario parameter ({@code param NAME default V}) another
     * value. Parameters are numbers of the scenario's text, so they are given to the loader
     * (the scenario language's ScenarioLoader.withParams), not applied to a loaded scenario:
     * front ends take them out with {@link #params} first.
     */
    public static final String PARAM_HELP = "param.NAME=value sets a parameter the scenario declares (param NAME default V), e.g. param.size=4K";

    private static final String PARAM = "param.";

    /** Whether {@code key} is a setting: one of {@link #KEYS}, a machine field or a scenario parameter. */
    public static boolean isKnown(String key) {
        return KEYS.containsKey(key) || isMachineField(key) || isParam(key);
    }

    /** Whether {@code key} names a scenario parameter ({@code param.NAME}). */
    public static boolean isParam(String key) {
        return key.startsWith(PARAM) && key.length() > PARAM.length();
    }

    /** The parameters among {@code key=value} settings: NAME → value as typed, in order (later wins). */
    public static Map<String, String> params(List<String> settings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : settings) {
            int eq = kv.indexOf('=');
            if (eq > 0 && isParam(kv.substring(0, eq).trim())) m.put(kv.substring(0, eq).trim().substring(PARAM.length()), kv.substring(eq + 1).trim());
        }
        return m;
    }

    /** The parameters among a point's settings (key → value): NAME → value. */
    public static Map<String, String> params(Map<String, String> settings) {
        Map<String, String> m = new LinkedHashMap<>();
        settings.forEach((k, v) -> { if (isParam(k)) m.put(k.substring(PARAM.length()), v); });
        return m;
    }

    /** The settings that are not parameters, in order. */
    public static List<String> withoutParams(List<String> settings) {
        return settings.stream().filter(kv -> kv.indexOf('=') <= 0 || !isParam(kv.substring(0, kv.indexOf('=')).trim())).toList();
    }

    private static boolean isMachineField(String key) {
        return key.startsWith(MACHINE) && key.length() > MACHINE.length() && !key.equals("machine.preset");
    }

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
    public static Scenario apply(Scenario s, List<String> settings) throws RunRefused {
        for (String kv : settings) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new RunRefused("a setting is key=value, got '" + kv + "'");
            s = apply(s, kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return s;
    }

    public static Scenario apply(Scenario s, String key, String value) throws RunRefused {
        KernelConfig k = s.kernel();
        RunSpec r = s.run();
        KernelVariants.Variant variant = key.startsWith(KERNEL) ? KernelVariants.byWord(key.substring(KERNEL.length())) : null;
        if (variant != null) {
            try {
                return s.withKernel(variant.apply(k, onOffWord(value)));
            } catch (IllegalArgumentException e) {
                throw new RunRefused(KERNEL + e.getMessage());
            }
        }
        if (isMachineField(key)) {
            // Checked against the preset's model when the machine is built (an unknown field or a
            // value of the wrong type is refused there, naming the field).
            Map<String, String> o = new java.util.TreeMap<>(s.machine().overrides());
            o.put(key.substring(MACHINE.length()), machineValue(value));
            return s.withMachine(new MachineSpec(s.machine().preset(), o));
        }
        if (isParam(key)) {
            throw new RunRefused(key + " is a parameter of the scenario's text: it is given when the file is loaded (--set " + key + "=" + value
                    + " on the command line), not to a loaded scenario");
        }
        switch (key) {
            case "machine.preset": return s.withMachine(new MachineSpec(value, s.machine().overrides()));
            case "run.seed": return s.withRun(r.withSeed(parseCount(key, value)));
            case "run.until-cycles": return s.withRun(r.withUntilCycles(parseCount(key, value)));
            case "run.trace":
                if (value.equals("off")) return s.withRun(r.withTrace(RunSpec.Trace.OFF, 0));
                if (value.equals("on")) return s.withRun(r.withTrace(RunSpec.Trace.ON, 0));
                if (value.startsWith("ring:")) return s.withRun(r.withTrace(RunSpec.Trace.RING, (int) parseCount(key, value.substring(5))));
                throw new RunRefused("run.trace must be off, on or ring:N, got '" + value + "'");
            default:
                throw new RunRefused("unknown setting '" + key + "'; known: " + String.join(", ", KEYS.keySet()) + ", and " + MACHINE_FIELD_HELP);
        }
    }

    /** The settings of a scenario as key → value, in {@link #KEYS} order (for reports and sweep rows). */
    public static Map<String, String> describe(Scenario s) {
        KernelConfig k = s.kernel();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("machine.preset", s.machine().preset());
        new java.util.TreeMap<>(s.machine().overrides()).forEach((field, value) -> m.put(MACHINE + field, value));
        for (KernelVariants.Variant v : KernelVariants.ALL) m.put(KERNEL + v.word(), v.valueOf(k));
        m.put("run.seed", Long.toString(s.run().seed()));
        m.put("run.until-cycles", Long.toString(s.run().untilCycles()));
        m.put("run.trace", s.run().trace() == RunSpec.Trace.RING ? "ring:" + s.run().traceRing() : word(s.run().trace()));
        return m;
    }

    /**
     * A non-negative count: decimal or 0x hex, underscores allowed, with an optional k, M or G
     * suffix (10k, 2M); {@code what} names the setting or option in the message.
     */
    public static long parseCount(String what, String text) throws RunRefused {
        String t = text.trim().replace("_", "");
        long mult = 1;
        if (!t.isEmpty()) {
            char last = Character.toUpperCase(t.charAt(t.length() - 1));
            if (last == 'K') mult = 1_000;
            else if (last == 'M') mult = 1_000_000;
            else if (last == 'G') mult = 1_000_000_000;
            if (mult != 1) t = t.substring(0, t.length() - 1);
        }
        long n;
        try {
            n = Long.decode(t);
        } catch (NumberFormatException e) {
            if (t.matches("[0-9]+|0[xX][0-9a-fA-F]+")) throw tooLarge(what, text);
            throw new RunRefused(what + " expects a number (like 42, 0x100, 10k, 2M), got '" + text + "'");
        }
        if (n < 0) throw new RunRefused(what + " must not be negative: " + text);
        try {
            return Math.multiplyExact(n, mult);
        } catch (ArithmeticException e) {
            throw tooLarge(what, text);
        }
    }

    private static RunRefused tooLarge(String what, String text) {
        return new RunRefused(what + " " + text + " is too large: the largest number is " + Long.MAX_VALUE + " (about 9.2e18, or 9223372036G)");
    }

    /**
     * A machine field's value: {@code 4K}, {@code 8KiB}, {@code 2M} are sizes in powers of 1024
     * (as sizes in a scenario: {@code caches.L1.sizeBytes=16K}); anything else as given, for the
     * hardware model to check against the field's type.
     */
    static String machineValue(String value) {
        var m = java.util.regex.Pattern.compile("([0-9][0-9_]*)\\s*([KMG])(?:iB)?", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(value.trim());
        if (!m.matches()) return value;
        int shift = switch (Character.toUpperCase(m.group(2).charAt(0))) { case 'K' -> 10; case 'M' -> 20; default -> 30; };
        try {
            long n = Long.parseLong(m.group(1).replace("_", ""));
            return n > (Long.MAX_VALUE >> shift) ? value : Long.toString(n << shift);
        } catch (NumberFormatException e) {
            return value;
        }
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
