package dev.mkw.kernel;

/**
 * Where the kernel keeps its objects in the kernel region (the top quarter of every space),
 * and where the UTCBs sit in user space.
 */
public final class KernelLayout {
    private KernelLayout() {}

    /** The TCB pointer table (TABLE lookup variant). */
    public static long tcbTable(long kernelBase) { return kernelBase + 0x10_0000; }

    /** The virtual TCB array: TCB of thread number n at tcbArea + n × Tcb.SIZE. */
    public static long tcbArea(long kernelBase) { return kernelBase + 0x100_0000; }

    /** Kernel text: the {@link KernelImage}'s code blocks. */
    public static long kernelText(long kernelBase) { return kernelBase + 0x50_0000; }

    /** The ready-queue heads: 256 priorities × (head, tail) words. */
    public static long readyQueues(long kernelBase) { return readyQueues(kernelBase, 0); }

    /** The head of the wakeup list (threads with an armed timeout). */
    public static long wakeupList(long kernelBase) { return wakeupList(kernelBase, 0); }

    /**
     * Per-processor data, two pages per processor from 0x300000 (Pistachio's {@code cpu_local}
     * section, seL4's per-node state): processor {@code cpu}'s ready-queue heads fill the first
     * page; its wakeup-list head, lock word and IPI mailbox lie in separate cache lines of the
     * second, so that processors sharing nothing share no line.
     */
    public static long readyQueues(long kernelBase, int cpu) { return kernelBase + 0x30_0000 + cpu * 0x2000L; }

    /** Processors the kernel supports: the per-processor area holds 128, the coherence directory's sharer masks 64. */
    public static final int MAX_PROCESSORS = 64;

    /** Processor {@code cpu}'s wakeup-list head. */
    public static long wakeupList(long kernelBase, int cpu) { return kernelBase + 0x30_1000 + cpu * 0x2000L; }

    /** Processor {@code cpu}'s lock word (per-processor locking), a line of its own. */
    public static long processorLock(long kernelBase, int cpu) { return wakeupList(kernelBase, cpu) + 0x100; }

    /** Processor {@code cpu}'s IPI mailbox (the requests other processors leave for it), a line of its own. */
    public static long ipiMailbox(long kernelBase, int cpu) { return wakeupList(kernelBase, cpu) + 0x200; }

    /** The big kernel lock's word (seL4's CLH lock head), in a line of its own in the boot processor's page. */
    public static long bigKernelLock(long kernelBase) { return wakeupList(kernelBase, 0) + 0x800; }

    /**
     * The capability table of the task with address-space number {@code asid}: 256 slots of 16
     * bytes (a 4 KiB one-level CNode, seL4's cte_t being 16 bytes on 32-bit), whatever the page size.
     */
    public static long capTable(long kernelBase, int asid) { return kernelBase + 0x40_0000 + (long) asid * 0x1000; }

    /** The kernel buffer string items pass through (COPY_IN_OUT variant); one page, reused. */
    public static long stringBuffer(long kernelBase) { return kernelBase + 0x20_0000; }

    /**
     * User address of the text (code) area of a task: each thread's code at its own MiB, as a
     * loader places program images (0x08000000, where i386 ELF executables start).
     */
    public static final long USER_TEXT = 0x0800_0000L;
    public static final long USER_TEXT_STRIDE = 0x10_0000L;

    /** User address of the UTCB area of a task: one 512-byte UTCB per thread. */
    public static final long UTCB_AREA = 0x7000_0000L;
    public static final int UTCB_SIZE = 512;
    /** Offset of MR0 in a UTCB (L4 X.2 ia32: the message registers start at offset 64... MKW uses 64). */
    public static final int UTCB_MR0 = 64;
}
