package dev.mkw.kernel.abi;

import dev.mkw.kernel.KernelConfig;

/**
 * What the L4 X.2 ABI of an ISA puts in CPU registers on a system call: message registers
 * MR0..MR(n-1) travel in registers, the rest in the UTCB.
 * <ul>
 * <li>ia32 (Pistachio {@code kernel/src/glue/v4-x86/x32/trap.S}, {@code user/include/l4/ia32/syscalls.h}):
 * MR0 in ESI, MR1 in EBX, MR2 in EBP: 3;</li>
 * <li>x86-64 (Pistachio {@code glue/v4-x86/x64/trap.S}): MR0 in R9 and MR1..MR7 in registers
 * when both partners are in the fast path: 8 (shared/notes/kernel-cost-sources.md §1);</li>
 * <li>ARMv7 and ARMv8 (seL4's ABI, {@code seL4_FastMessageRegisters} = 4 in
 * {@code libsel4/sel4_arch_include/*}): the tag and 4 message words: 5;</li>
 * <li>Fiasco on ARMv8 (its {@code Syscall_frame}, {@code src/kern/arm/64/entry_frame-arm.cpp}:
 * the tag in x0, label, destination, timeouts and UTCB in x1..x4): the tag only: 1; every
 * message word is in the UTCB and the kernel copies it there ({@code memcpy}).</li>
 * </ul>
 * The counted path takes a message without typed items whose untyped words all fit in
 * registers, or, where the kernel copies UTCB words on that path (Fiasco), any untyped message.
 *
 * @param invocation   the counted path of a system call the kernel answers itself (Fiasco's
 *                     kernel-object invocation, which MKW runs for {@code notify}), or null where
 *                     that path is an estimate ({@code PathLengths.NOTIFY})
 * @param utcbMessages whether the counted IPC path copies the message words from UTCB to UTCB
 */
public record Abi(String isa, int registerMrs, int codeBytesPerInstruction, CountedPath fastPathCall, CountedPath fastPathReplyWait,
        CountedPath invocation, boolean utcbMessages) {

    /**
     * Average bytes per instruction of kernel code: ia32 4 (Pistachio's INT 0x30 fast path is
     * 253 bytes for 63 instructions), x86-64 5 (its fast path about 372 bytes for 73), ARM 4
     * (fixed-width A32/A64 encodings). shared/notes/kernel-cost-sources.md §1.
     *
     * <p>By default the paths are counted in the kernel whose ABI MKW follows on the ISA: Pistachio on
     * ia32 and x86-64 (one path for Call and ReplyWait; its message registers), seL4 on ARMv7 and
     * ARMv8 (its {@code fastpath_call} and {@code fastpath_reply_recv}; its 4 fast message
     * registers). The x86-64 reference figure is seL4's, whose path was counted too (notes §1) but
     * is not the one run here: README, "Fidelity", states the mismatch. {@link CountedPath} has the
     * counts and their sources.
     */
    public static Abi of(String isa) {
        return of(isa, KernelConfig.Path.DEFAULT);
    }

    /**
     * The ABI and counted paths of kernel {@code path} on {@code isa}; IllegalArgumentException
     * naming the kernels counted for the ISA where {@code path} was not counted for it.
     */
    public static Abi of(String isa, KernelConfig.Path path) {
        String known = isa == null ? "" : isa;
        String kernel = known.startsWith("x86") || !known.startsWith("armv") ? "pistachio" : "sel4";
        String asked = path == KernelConfig.Path.DEFAULT ? kernel : path.name().toLowerCase(java.util.Locale.ROOT);
        if (!paths(isa).contains(asked)) {
            throw new IllegalArgumentException("kernel.path " + asked + ": its code was not counted for the " + (known.isEmpty() ? "x86-32" : known)
                    + " CPU of this machine; counted there: " + String.join(" | ", paths(isa)) + " (or default: " + kernel + ")");
        }
        return switch (asked + "/" + known) {
            case "pistachio/x86-64" -> new Abi(isa, 8, 5, CountedPath.PISTACHIO_X64, CountedPath.PISTACHIO_X64, null, false);
            case "sel4/armv7" -> new Abi(isa, 5, 4, CountedPath.SEL4_AARCH32_CALL, CountedPath.SEL4_AARCH32_REPLY_RECV, null, false);
            case "sel4/armv8" -> new Abi(isa, 5, 4, CountedPath.SEL4_AARCH64_CALL, CountedPath.SEL4_AARCH64_REPLY_RECV, null, false);
            case "fiasco/armv8" -> new Abi(isa, 1, 4, CountedPath.FIASCO_AARCH64_CALL, CountedPath.FIASCO_AARCH64_REPLY_WAIT,
                    CountedPath.FIASCO_AARCH64_INVOKE, true);
            default -> new Abi("x86-32", 3, 4, CountedPath.PISTACHIO_IA32, CountedPath.PISTACHIO_IA32, null, false);
        };
    }

    /** The kernels whose paths were counted for {@code isa} ({@code kernel { path }} words, default aside). */
    public static java.util.List<String> paths(String isa) {
        String known = isa == null ? "" : isa;
        if (known.equals("armv8")) return java.util.List.of("sel4", "fiasco");
        if (known.equals("armv7")) return java.util.List.of("sel4");
        return java.util.List.of("pistachio");
    }

    /**
     * Instructions of the counted IPC fast paths less the privileged ones MKW charges apart:
     * Pistachio ia32 INT 0x30 build 63 → 60; Pistachio x86-64 73 → 71 ({@link CountedPath}).
     */
    public static final int IA32_FASTPATH = CountedPath.PISTACHIO_IA32.instructions(), X64_FASTPATH = CountedPath.PISTACHIO_X64.instructions();

    /** Whether the counted paths of a Call and a ReplyWait are one piece of code (Pistachio's one fast path; Fiasco's one do_ipc). */
    public boolean sharedIpcCode() {
        return fastPathCall == fastPathReplyWait || utcbMessages;
    }

    /** Untyped words (MR1..) that travel in registers. */
    public int registerWords() {
        return registerMrs - 1;
    }

    /**
     * Whether the kernel copies the words that travel in registers from the sender's saved
     * context to the receiver's: seL4 does (its entry saved every register in the TCB; the
     * fast path's copy loop, {@link CountedPath#perWord} instructions a word); Pistachio's x86
     * fast paths leave them in the registers, untouched.
     */
    public boolean copiesRegisterWords() {
        return fastPathCall.perWord() > 0;
    }
}
