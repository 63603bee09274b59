package dev.mkw.kernel;

/**
 * Instruction counts of the kernel paths, beyond the memory accesses they make (which are
 * simulated one by one). These are MKW's estimates of path length, stated here so an
 * experiment can see and question them; they are not fitted to any published cycle count.
 * Liedtke (1993) describes the L3 short-IPC path as a few dozen instructions once the
 * hardware costs are paid; Pistachio's ia32 fast path is of the same order.
 */
public final class PathLengths {
    private PathLengths() {}

    // The IPC fast path is not an estimate: it is counted in real kernels (abi.CountedPath).
    /** The general IPC path: typed items, queueing, timeouts, all checks. */
    public static final int IPC_SLOWPATH = 160;
    /**
     * Per untyped word the kernel copies from the sender's UTCB to the receiver's on x86 (the
     * ARM kernels' copy loop is counted: {@link dev.mkw.kernel.abi.CountedPath#perWord}). Estimate.
     */
    public static final int PER_WORD = 2;
    /**
     * Setting a thread's notification bits (system call {@code notify}) between entry and exit:
     * find the target, or its bits, set them, test whether it waits for them. Estimate (it was
     * half the former 40-instruction fast-path estimate); seL4's {@code sendSignal} runs through
     * the general system-call path, not counted here.
     */
    public static final int NOTIFY = 20;
    /** Handling a page fault exception before the fault IPC. */
    public static final int PAGEFAULT = 60;
    /** Installing one page during map/grant (besides the page-table writes). */
    public static final int MAP_PAGE = 30;
    /** The scheduler's selection, per queue entry inspected. */
    public static final int SCHEDULE = 20;
    /** Timer or device interrupt entry handling. */
    public static final int IRQ = 40;
    /** Thread switch bookkeeping besides stack and address-space switch. */
    public static final int SWITCH = 15;
    /**
     * Linking or unlinking one TCB in a doubly linked queue (ready queue, wakeup list),
     * besides its memory accesses: load/compare/store of the links, about as Pistachio's
     * {@code ENQUEUE_LIST_TAIL}/{@code DEQUEUE_LIST} macros expand. Estimate.
     */
    public static final int QUEUE_LINK = 4;
    /**
     * Emulating a user's {@code cli} or {@code sti} after the #GP it raises (interrupt-flag
     * variant TRAP; Microkernel Construction I.8 "Virtualizing the Interrupt Flag": analyse the
     * faulting instruction, flip the thread's flag): read and compare the opcode, find the
     * thread's flag, write it, step the user's instruction pointer past the one-byte
     * instruction. Estimate.
     */
    public static final int INTERRUPT_FLAG = 12;

    /**
     * Sending an inter-processor interrupt, besides the write of the interrupt controller's
     * register (an uncached device access): build the target mask and vector, as seL4's
     * {@code ipi_send_target} / {@code doRemoteMaskOp} (src/smp/ipi.c) and Pistachio's
     * {@code local_apic_t::send_ipi} do. Estimate.
     */
    public static final int IPI_SEND = 20;
    /**
     * Taking an IPI, besides the interrupt entry and acknowledge: read the mailbox, dispatch on
     * the request kind (seL4's {@code handleIPI} → {@code handleRemoteCall}, Pistachio's
     * {@code xcpu_irq} handler) and signal completion. Estimate.
     */
    public static final int IPI_HANDLER = 40;
    /** Per page of a TLB shootdown, besides the TLB-entry invalidation itself (loop, address computation). Estimate. */
    public static final int SHOOTDOWN_PAGE = 5;
    /**
     * Acquiring and releasing the kernel lock, besides the accesses to its words (which the
     * cache-coherence model charges): seL4's CLH lock ({@code clh_lock_acquire}/{@code _release},
     * include/smp/lock.h): mark the own node pending, swap it into the tail, spin on the
     * predecessor's node; on release mark it granted and take over the predecessor's. Estimate.
     */
    public static final int KERNEL_LOCK = 12;
    /**
     * Moving a thread to another processor (L4 X.2 Schedule with a processor number, seL4's
     * {@code Arch_migrateTCB}): dequeue, change the home, enqueue remotely, besides the queue
     * work and the IPI. Estimate.
     */
    public static final int MIGRATE = 30;
}
