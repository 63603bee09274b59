package dev.mkw.kernel.abi;

/**
 * What the L4 X.2 ABI of an ISA puts in CPU registers on a system call: message registers
 * MR0..MR(n-1) travel in registers, the rest in the UTCB.
 * <ul>
 * <li>ia32 (Pistachio {@code kernel/src/glue/v4-x86/x32/trap.S}, {@code user/include/l4/ia32/syscalls.h}):
 * MR0 in ESI, MR1 in EBX, MR2 in EBP: 3;</li>
 * <li>x86-64 (Pistachio {@code glue/v4-x86/x64/trap.S}): MR0 in R9 and MR1..MR7 in registers
 * when both partners are in the fast path: 8 (shared/notes/kernel-cost-sources.md §1);</li>
 * <li>ARMv7 and ARMv8 (seL4's ABI, {@code seL4_FastMessageRegisters} = 4 in
 * {@code libsel4/sel4_arch_include/*}): the tag and 4 message words: 5.</li>
 * </ul>
 * The fast path takes a message whose untyped words all fit in registers.
 */
public record Abi(String isa, int registerMrs, int codeBytesPerInstruction, CountedPath fastPathCall, CountedPath fastPathReplyWait) {

    /**
     * Average bytes per instruction of kernel code: ia32 4 (Pistachio's INT 0x30 fast path is
     * 253 bytes for 63 instructions), x86-64 5 (its fast path about 372 bytes for 73), ARM 4
     * (fixed-width A32/A64 encodings). shared/notes/kernel-cost-sources.md §1.
     *
     * <p>The fast paths are counted in the kernel whose ABI MKW follows on the ISA: Pistachio on
     * ia32 and x86-64 (one path for Call and ReplyWait; its message registers), seL4 on ARMv7 and
     * ARMv8 (its {@code fastpath_call} and {@code fastpath_reply_recv}; its 4 fast message
     * registers). The x86-64 reference figure is seL4's, whose path was counted too (notes §1) but
     * is not the one run here: README, "Fidelity", states the mismatch. {@link CountedPath} has the
     * counts and their sources.
     */
    public static Abi of(String isa) {
        return switch (isa == null ? "" : isa) {
            case "x86-64" -> new Abi(isa, 8, 5, CountedPath.PISTACHIO_X64, CountedPath.PISTACHIO_X64);
            case "armv7" -> new Abi(isa, 5, 4, CountedPath.SEL4_AARCH32_CALL, CountedPath.SEL4_AARCH32_REPLY_RECV);
            case "armv8" -> new Abi(isa, 5, 4, CountedPath.SEL4_AARCH64_CALL, CountedPath.SEL4_AARCH64_REPLY_RECV);
            default -> new Abi("x86-32", 3, 4, CountedPath.PISTACHIO_IA32, CountedPath.PISTACHIO_IA32);
        };
    }

    /**
     * Instructions of the counted IPC fast paths less the privileged ones MKW charges apart:
     * Pistachio ia32 INT 0x30 build 63 → 60; Pistachio x86-64 73 → 71 ({@link CountedPath}).
     */
    public static final int IA32_FASTPATH = CountedPath.PISTACHIO_IA32.instructions(), X64_FASTPATH = CountedPath.PISTACHIO_X64.instructions();

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
