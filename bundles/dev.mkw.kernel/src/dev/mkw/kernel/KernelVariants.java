package dev.mkw.kernel;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every kernel variant, declared once: its word in the scenario language ({@code kernel {
 * scheduling benno }}), the values it takes, how a value sets it in a {@link KernelConfig}
 * and how a configuration reads back. The scenario translator, {@code mkw run --set},
 * {@code mkw sweep --vary}, reports and the workbench's launch settings all go through this
 * list, so a variant added here is reachable from all of them (and the grammar test checks
 * that the language's keywords match it).
 */
public final class KernelVariants {
    private KernelVariants() {}

    /**
     * One variant.
     *
     * @param word   its keyword in a {@code kernel { }} block (and {@code kernel.WORD} in settings)
     * @param values the words it accepts, or a description of a free-form value
     * @param closed whether {@link #values} lists every accepted word
     */
    public record Variant(String word, List<String> values, boolean closed, String help,
            BiFunction<KernelConfig, String, KernelConfig> set, Function<KernelConfig, String> get) {

        /** The configuration with this variant set to {@code value}; IllegalArgumentException names the accepted values. */
        public KernelConfig apply(KernelConfig c, String value) {
            String v = value.trim();
            if (closed && !values.contains(v.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(word + " must be one of " + String.join(" | ", values) + ", got '" + value + "'");
            }
            return set.apply(c, closed ? v.toLowerCase(Locale.ROOT) : v);
        }

        public String valueOf(KernelConfig c) {
            return get.apply(c);
        }
    }

    /** The variants in the order reports list them. */
    public static final List<Variant> ALL = List.of(
            closed("scheduling", "ready-queue management (Microkernel Construction I.12)", KernelConfig.Scheduling.class,
                    (c, v) -> c.withScheduling(v), KernelConfig::scheduling),
            new Variant("scheduler", List.of("a scheduler policy id (priority-rr or a plugin's)"), false, "the scheduling policy",
                    KernelConfig::withSchedulerPolicy, KernelConfig::schedulerPolicy),
            new Variant("tcb-lookup", List.of("table | virtual-array | physical, or a plugin's"), false, "thread ID to TCB (I.12)",
                    (c, v) -> {
                        var known = dev.mkw.kernel.tcb.TcbLookupVariants.get().ids();
                        if (!known.contains(v)) throw new IllegalArgumentException("tcb-lookup: unknown value '" + v + "' (known: " + String.join(", ", known) + ")");
                        return c.withTcbLookup(v);
                    }, KernelConfig::tcbLookup),
            closed("string-copy", "string IPC copy (I.12)", KernelConfig.StringCopy.class, (c, v) -> c.withStringCopy(v), KernelConfig::stringCopy),
            closed("irq-delivery", "interrupts as IPC or notification (I.8)", KernelConfig.IrqDelivery.class, (c, v) -> c.withIrqDelivery(v), KernelConfig::irqDelivery),
            onOff("fastpath", "the short-IPC fast path", KernelConfig::withFastpath, KernelConfig::fastpath),
            closed("fpu", "FPU context switch (I.8)", KernelConfig.FpuSwitch.class, (c, v) -> c.withFpuSwitch(v), KernelConfig::fpuSwitch),
            closed("naming", "thread IDs (L4 X.2) or capabilities (seL4)", KernelConfig.Naming.class, (c, v) -> c.withNaming(v), KernelConfig::naming),
            closed("entry", "kernel entry and exit: int/iret, sysenter/sysexit, syscall/sysret, svc/eret or movs pc,lr, svc with srs/rfe; default: the CPU's as the real kernel uses it",
                    KernelConfig.Entry.class, (c, v) -> c.withEntry(v), KernelConfig::entry),
            closed("interrupt-flag", "a user driver's cli/sti trap into the kernel or write a virtual flag (I.8)", KernelConfig.InterruptFlag.class,
                    (c, v) -> c.withInterruptFlag(v), KernelConfig::interruptFlag),
            closed("smp-lock", "multiprocessor kernel: one big lock (seL4) or per-processor data and locks (Pistachio, Fiasco)", KernelConfig.SmpLock.class,
                    (c, v) -> c.withSmpLock(v), KernelConfig::smpLock),
            closed("placement", "home processor of a thread without 'cpu K': its creator's (L4 X.2) or spread round robin", KernelConfig.Placement.class,
                    (c, v) -> c.withPlacement(v), KernelConfig::placement),
            new Variant("timeslice", List.of("cycles"), false, "default timeslice",
                    (c, v) -> c.withTimesliceCycles(cycles(v)), c -> Long.toString(c.timesliceCycles())),
            onOff("invariants", "check the kernel invariants after every system call", KernelConfig::withCheckInvariants, KernelConfig::checkInvariants),
            closed("ipc", "the IPC mechanism: l4 (L4 X.2), or a baseline of the literature: mach (Mach 3.0 ports and kernel-buffered messages), lrpc (Bershad's lightweight RPC)",
                    KernelConfig.Ipc.class, (c, v) -> c.withIpc(v), KernelConfig::ipc),
            onOff("small-spaces", "x86 small address spaces (Liedtke 1995): switching between small spaces reloads segment registers, not the page table, and keeps the TLB",
                    KernelConfig::withSmallSpaces, KernelConfig::smallSpaces),
            closed("path", "whose counted kernel code the IPC path runs: default (the kernel whose ABI MKW follows: Pistachio on x86, seL4 on ARM), "
                    + "pistachio, sel4, or fiasco (the Fiasco/L4Re kernel's C++ IPC path and kernel-object invocation, ARMv8)",
                    KernelConfig.Path.class, (c, v) -> c.withPath(v), KernelConfig::path));

    /** The variant with keyword {@code word}, or null. */
    public static Variant byWord(String word) {
        for (Variant v : ALL) if (v.word().equals(word)) return v;
        return null;
    }

    /** An enum constant as the scenario language writes it: VIRTUAL_ARRAY → virtual-array. */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> Variant closed(String word, String help, Class<E> type, BiFunction<KernelConfig, E, KernelConfig> set,
            Function<KernelConfig, E> get) {
        List<String> words = java.util.Arrays.stream(type.getEnumConstants()).map(KernelVariants::word).toList();
        return new Variant(word, words, true, help, (c, v) -> set.apply(c, Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'))),
                c -> word(get.apply(c)));
    }

    private static Variant onOff(String word, String help, BiFunction<KernelConfig, Boolean, KernelConfig> set, Function<KernelConfig, Boolean> get) {
        return new Variant(word, List.of("on", "off"), true, help, (c, v) -> set.apply(c, v.equals("on")), c -> get.apply(c) ? "on" : "off");
    }

    private static long cycles(String v) {
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timeslice must be a number of cycles, got '" + v + "'");
        }
    }
}
