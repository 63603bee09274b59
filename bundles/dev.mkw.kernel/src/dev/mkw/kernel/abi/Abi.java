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
public record Abi(String isa, int registerMrs, int codeBytesPerInstruction, int fastPathInstructions, int fastPathTakenBranches) {

    /**
     * Average bytes per instruction of kernel code: ia32 4 (Pistachio's INT 0x30 fast path is
     * 253 bytes for 63 instructions), x86-64 5 (its fast path about 372 bytes for 73), ARM 4
     * (fixed-width A32/A64 encodings). shared/notes/kernel-cost-sources.md §1.
     */
    public static Abi of(String isa) {
        return switch (isa == null ? "" : isa) {
            case "x86-64" -> new Abi(isa, 8, 5, X64_FASTPATH, 0);
            case "armv7", "armv8" -> new Abi(isa, 5, 4, dev.mkw.kernel.PathLengths.IPC_FASTPATH, 0);
            default -> new Abi("x86-32", 3, 4, IA32_FASTPATH, IA32_FASTPATH_TAKEN);
        };
    }

    /**
     * Instructions of the IPC fast path counted in real kernels, less the privileged ones MKW
     * charges apart (the page-table root load and the return to user mode):
     * Pistachio ia32, INT 0x30 build (the 486 and P1 configurations), 63 instructions
     * (21 ALU, 16 loads, 11 stores, 12 branches, 3 privileged: two CR3 moves and iret) → 60;
     * Pistachio x86-64, 73 (28/18/10/15/2: CR3 move and sysretq) → 71.
     * {@code kernel/src/glue/v4-x86/x32/trap.S} and {@code x64/trap.S} at l4ka/pistachio 8be66aa9,
     * counted in shared/notes/kernel-cost-sources.md §1. ARM has no counted fast path
     * ({@link dev.mkw.kernel.PathLengths#IPC_FASTPATH}, an estimate).
     */
    public static final int IA32_FASTPATH = 60, X64_FASTPATH = 71;

    /**
     * Taken branches on Pistachio's ia32 hot path: {@code je 1f} (partner matches), {@code je 2f}
     * (FromSpec equals To) and the indirect {@code jmp *%ecx} (notes §1); every other branch
     * falls through. The x86-64 and ARM counts are not known and count as not taken.
     */
    public static final int IA32_FASTPATH_TAKEN = 3;

    /** Untyped words (MR1..) that travel in registers. */
    public int registerWords() {
        return registerMrs - 1;
    }
}
