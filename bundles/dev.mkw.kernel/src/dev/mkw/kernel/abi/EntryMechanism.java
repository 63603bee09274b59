package dev.mkw.kernel.abi;

import dev.mkw.kernel.KernelConfig;

/**
 * What a kernel-entry mechanism does besides its entry and exit instruction, as the manuals
 * describe it: the words the hardware pushes onto the kernel stack on entry and pops on exit,
 * and the words the kernel must save and restore in software because the hardware does not.
 * The cycles of the entry and exit instructions are the machine's ({@code entryMechanisms} of
 * the preset, with their sources); this record says which memory they touch.
 *
 * <ul>
 * <li>x86 {@code int}/{@code iret} through an interrupt gate to ring 0: the CPU pushes SS, ESP,
 * EFLAGS, CS, EIP (RSP, RFLAGS, RIP on x86-64) onto the ring-0 stack from the TSS and IRET
 * pops them (Intel SDM vol. 3A, 6.12.1 "Exception- or Interrupt-Handler Procedures", Figure
 * 6-4; 6.14.2 for 64-bit mode): 5 words each way, no software save.</li>
 * <li>{@code sysenter}/{@code sysexit}: no stack frame; SYSEXIT takes the user's EIP from EDX
 * and ESP from ECX (SDM vol. 2B, SYSENTER, SYSEXIT), so the kernel saves the two words the
 * user passes on entry and loads them back before SYSEXIT (Pistachio's ia32 SYSENTER build
 * does exactly this: shared/notes/kernel-cost-sources.md §1): 2 stores, 2 loads, 4 instructions.</li>
 * <li>{@code syscall}/{@code sysret}: RIP goes to RCX and RFLAGS to R11, no stack switch (SDM
 * vol. 2B, SYSCALL): the kernel stores the user RSP and loads its own stack pointer, and loads
 * the user RSP back before SYSRET: 1 store, 2 loads, 3 instructions.</li>
 * <li>ARMv8 {@code svc}/{@code eret}: the return state is in ELR_EL1 and SPSR_EL1 and SP_EL0 stays
 * banked (ARMv8 ARM D1.10, D1.11); a kernel that may switch threads saves the three (seL4's
 * {@code lower_el_sync}: {@code mrs} of SP_EL0, ELR, SPSR, then {@code stp x30, x21} and
 * {@code stp x22, x23}; {@code fastpath_restore}: {@code ldp x21, x22}, {@code ldr x23}, three
 * {@code msr}): 3 words stored and loaded by 4 instructions; the 6 register moves are
 * system-register moves of the counted path ({@link CountedPath#systemRegisterMoves}).</li>
 * <li>ARMv7 {@code svc} with {@code movs pc, lr}: LR_svc and SPSR_svc are banked (ARMv7 ARM
 * B1.8.3); the kernel saves them ({@code mrs spsr} and two stores) and reloads them for the
 * thread it returns to: 2 stores, 2 loads, 2 register moves.</li>
 * <li>ARMv7 {@code svc} with {@code srs}/{@code rfe}: SRS stores LR and SPSR to the kernel
 * stack in one instruction, RFE loads PC and CPSR from it (ARMv7 ARM B9.3.16, B9.3.13; seL4's
 * {@code arm_swi_syscall} and {@code rfeia}): 2 stores by one instruction, 2 loads by the
 * return itself; seL4 then corrects the saved return address ({@code sub lr, lr, #4};
 * {@code str lr, [sp, #8]}): 2 instructions, 1 word.</li>
 * <li>On ARMv7 seL4's entry saves the whole user register file with one privileged
 * user-bank store ({@code stmdb sp, {r0-lr}^}) and its exit loads it back ({@code ldmdb ^}):
 * {@code registerFile}, charged as the preset's {@code REGISTER_SAVE} and
 * {@code REGISTER_RESTORE} whichever return the variant uses.</li>
 * </ul>
 *
 * @param kind          the variant value
 * @param machineName   the mechanism's name in the machine model ({@code int/iret}, ...)
 * @param frameWordsIn  words the hardware pushes on entry (inside the entry's cycles)
 * @param frameWordsOut words the hardware pops on exit (inside the exit's cycles)
 * @param savedWords    words the kernel stores on entry in software
 * @param restoredWords words the kernel loads before the exit in software
 * @param instructions  the software part's instructions (its stores, loads and register moves)
 * @param registerFile  whether the entry stores and the exit loads the whole user register file
 *                      with one privileged transfer each (charged as REGISTER_SAVE and REGISTER_RESTORE)
 */
public record EntryMechanism(KernelConfig.Entry kind, String machineName, int frameWordsIn, int frameWordsOut,
        int savedWords, int restoredWords, int instructions, boolean registerFile) {

    public EntryMechanism(KernelConfig.Entry kind, String machineName, int frameWordsIn, int frameWordsOut, int savedWords, int restoredWords, int instructions) {
        this(kind, machineName, frameWordsIn, frameWordsOut, savedWords, restoredWords, instructions, false);
    }

    /** The mechanism {@code kind} on {@code isa}, or null where the ISA has no such instruction pair. */
    public static EntryMechanism of(KernelConfig.Entry kind, String isa) {
        boolean x86 = isa == null || isa.startsWith("x86");
        return switch (kind) {
            case INT -> x86 ? new EntryMechanism(kind, "int/iret", 5, 5, 0, 0, 0) : null;
            case SYSENTER -> x86 ? new EntryMechanism(kind, "sysenter/sysexit", 0, 0, 2, 2, 4) : null;
            case SYSCALL -> x86 ? new EntryMechanism(kind, "syscall/sysret", 0, 0, 1, 2, 3) : null;
            case SVC -> "armv8".equals(isa) ? new EntryMechanism(kind, "svc/eret", 0, 0, 3, 3, 4)
                    : "armv7".equals(isa) ? new EntryMechanism(kind, "svc/movs pc", 0, 0, 2, 2, 6, true) : null;
            case SVC_RFE -> "armv7".equals(isa) ? new EntryMechanism(kind, "svc/rfe", 2, 2, 1, 0, 2, true) : null;
            case DEFAULT -> null;
        };
    }

    /** The variant value of the machine's mechanism called {@code machineName} on {@code isa}, or null. */
    public static KernelConfig.Entry kindOf(String machineName, String isa) {
        for (KernelConfig.Entry e : KernelConfig.Entry.values()) {
            EntryMechanism m = e == KernelConfig.Entry.DEFAULT ? null : of(e, isa);
            if (m != null && m.machineName().equals(machineName)) return e;
        }
        return null;
    }
}
