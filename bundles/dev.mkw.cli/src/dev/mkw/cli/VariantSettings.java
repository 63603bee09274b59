package dev.mkw.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mkw.kernel.KernelConfig;
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

    private VariantSettings() {}

    private static Map<String, String> keys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("machine.preset", "a preset id (mkw presets)");
        m.put("kernel.scheduling", "eager | lazy | benno");
        m.put("kernel.scheduler", "a scheduler policy id (priority-rr or a plugin's)");
        m.put("kernel.tcb-lookup", "table | virtual-array | physical, or a plugin's");
        m.put("kernel.string-copy", "copy-in-out | temporary-mapping");
        m.put("kernel.irq-delivery", "sync | async");
        m.put("kernel.fastpath", "on | off");
        m.put("kernel.fpu", "lazy | eager");
        m.put("kernel.naming", "thread-ids | capabilities");
        m.put("kernel.timeslice", "cycles");
        m.put("kernel.invariants", "on | off");
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
        switch (key) {
            case "machine.preset": return s.withMachine(new MachineSpec(value, s.machine().overrides()));
            case "kernel.scheduling": return s.withKernel(k.withScheduling(enumValue(key, value, KernelConfig.Scheduling.class)));
            case "kernel.scheduler": return s.withKernel(k.withSchedulerPolicy(value));
            case "kernel.tcb-lookup": return s.withKernel(k.withTcbLookup(tcbLookup(key, value)));
            case "kernel.string-copy": return s.withKernel(k.withStringCopy(enumValue(key, value, KernelConfig.StringCopy.class)));
            case "kernel.irq-delivery": return s.withKernel(k.withIrqDelivery(enumValue(key, value, KernelConfig.IrqDelivery.class)));
            case "kernel.fastpath": return s.withKernel(k.withFastpath(onOff(key, value)));
            case "kernel.fpu": return s.withKernel(k.withFpuSwitch(enumValue(key, value, KernelConfig.FpuSwitch.class)));
            case "kernel.naming": return s.withKernel(k.withNaming(enumValue(key, value, KernelConfig.Naming.class)));
            case "kernel.timeslice": return s.withKernel(k.withTimesliceCycles(Args.parseCount(key, value)));
            case "kernel.invariants": return s.withKernel(k.withCheckInvariants(onOff(key, value)));
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
        m.put("kernel.scheduling", word(k.scheduling()));
        m.put("kernel.scheduler", k.schedulerPolicy());
        m.put("kernel.tcb-lookup", k.tcbLookup());
        m.put("kernel.string-copy", word(k.stringCopy()));
        m.put("kernel.irq-delivery", word(k.irqDelivery()));
        m.put("kernel.fastpath", k.fastpath() ? "on" : "off");
        m.put("kernel.fpu", word(k.fpuSwitch()));
        m.put("kernel.naming", word(k.naming()));
        m.put("kernel.timeslice", Long.toString(k.timesliceCycles()));
        m.put("kernel.invariants", k.checkInvariants() ? "on" : "off");
        m.put("run.seed", Long.toString(s.run().seed()));
        m.put("run.until-cycles", Long.toString(s.run().untilCycles()));
        m.put("run.trace", s.run().trace() == RunSpec.Trace.RING ? "ring:" + s.run().traceRing() : word(s.run().trace()));
        return m;
    }

    /** An enum constant as the scenario language writes it: VIRTUAL_ARRAY → virtual-array. */
    /** A TCB lookup id the kernel knows (built in or a plugin's). */
    private static String tcbLookup(String key, String value) throws CliException {
        var known = dev.mkw.kernel.tcb.TcbLookupVariants.get().ids();
        if (!known.contains(value)) throw new CliException(key + ": unknown value '" + value + "' (known: " + String.join(", ", known) + ")");
        return value;
    }

    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E enumValue(String key, String value, Class<E> type) throws CliException {
        for (E e : type.getEnumConstants()) {
            if (word(e).equals(value.toLowerCase(Locale.ROOT)) || e.name().equalsIgnoreCase(value)) return e;
        }
        throw new CliException(key + " must be one of " + KEYS.get(key) + ", got '" + value + "'");
    }

    private static boolean onOff(String key, String value) throws CliException {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on": case "true": case "yes": return true;
            case "off": case "false": case "no": return false;
            default: throw new CliException(key + " must be on or off, got '" + value + "'");
        }
    }
}
