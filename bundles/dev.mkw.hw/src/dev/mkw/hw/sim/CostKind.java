package dev.mkw.hw.sim;

/** The primitive operations whose cycle cost a machine model states (from data sheets and papers). */
public enum CostKind {
    /** Trap into the kernel with the machine's system-call mechanism (int / sysenter / syscall / svc). */
    KERNEL_ENTRY,
    /** Return to user mode (iret / sysexit / sysret / eret). */
    KERNEL_EXIT,
    /** Save the user register set the kernel must preserve. */
    REGISTER_SAVE,
    REGISTER_RESTORE,
    /** Load the page-table root (mov cr3 / TTBR write), without the TLB flush it may imply. */
    PAGE_TABLE_ROOT_LOAD,
    /** A whole-TLB flush. */
    TLB_FLUSH,
    /** Invalidate one TLB entry (invlpg / TLBI by VA). */
    TLB_FLUSH_ENTRY,
    FPU_SAVE,
    FPU_RESTORE,
    /** The device-not-available trap taken on the first FPU use after a switch. */
    FPU_TRAP,
    /** Entry of a hardware interrupt into the kernel. */
    INTERRUPT_ENTRY,
    /** Acknowledge/unmask at the interrupt controller. */
    INTERRUPT_ACK,
    /** Sending an inter-processor interrupt (APIC ICR write, GIC SGI), up to its delivery. */
    IPI,
    /**
     * A multiprocessor's coherence: the latency of a read served from another CPU's cache that
     * holds the line modified (a cache-to-cache transfer), a lower bound on that access.
     */
    CACHE_TRANSFER,
    /**
     * A multiprocessor's coherence: the latency of a write to a line other CPUs' caches hold
     * (read for ownership or upgrade, waiting for their invalidation), a lower bound on that access.
     */
    CACHE_INVALIDATE,
    /** One simple ALU instruction: kernel paths state instruction counts times this. */
    INSTRUCTION,
    /**
     * A taken branch (conditional or unconditional): what it costs in all, where a block's
     * taken branches are known (the counted fast paths); the others cost {@link #INSTRUCTION}.
     */
    BRANCH_TAKEN,
    /**
     * A move to or from a system or coprocessor register that is neither the page-table root
     * nor the entry and exit themselves: the thread-local-storage registers a kernel switches,
     * the FPU access control, the syndrome and return-address registers an exception handler
     * reads ({@code mrs}/{@code msr} on ARMv8, {@code mrc}/{@code mcr} on ARMv7, {@code mov} from
     * a control register on x86). The counted fast paths say how many they execute.
     */
    SYSTEM_REGISTER
}
