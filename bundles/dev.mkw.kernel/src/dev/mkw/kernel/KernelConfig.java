package dev.mkw.kernel;

/**
 * The kernel's selectable variants: every alternative the literature weighs is a switch
 * here, so that an experiment can flip it and measure.
 *
 * @param scheduling       ready-queue management
 * @param schedulerPolicy  the scheduling policy's id: {@code "priority-rr"} (built in,
 *                         fixed-priority round robin) or one contributed by a plugin
 * @param tcbLookup        how a thread ID finds its TCB: the id of a {@link
 *                         dev.mkw.kernel.tcb.TcbLookupVariant} (built in: table, virtual-array,
 *                         physical; plugins add more)
 * @param stringCopy       how string items are copied
 * @param irqDelivery      interrupts as synchronous IPC or as notification bits
 * @param fastpath         whether short register-only IPC takes the fast path
 * @param fpuSwitch        lazy (trap on first use) or eager FPU context switch
 * @param naming           global thread IDs or capabilities (IPC gates)
 * @param timesliceCycles  default timeslice in cycles for threads that set none
 * @param checkInvariants  check the kernel invariants after every system call
 * @param entry            how a system call enters the kernel and returns ({@link Entry}); {@code DEFAULT}: the
 *                         mechanism the real kernel uses on the machine's CPU (the preset's {@code entryMechanism})
 * @param interruptFlag    what a user-level driver's cli/sti does: trap into the kernel, or write a virtual flag
 * @param ipc              the IPC mechanism: L4's (the kernel MKW simulates), or a baseline kernel's ({@link Ipc})
 * @param smallSpaces      x86 small address spaces (Liedtke 1995): tasks that fit are segments of a small-space region
 *                         every page directory maps, and switching to them reloads segments instead of CR3 (no TLB flush)
 * @param pathLengthScale  a factor on the instruction count of kernel code blocks (1 where absent): not a design
 *                         choice, but how {@code mkw fidelity --sensitivity} varies the estimated path lengths
 * @param smpLock          how a multiprocessor kernel serialises its paths ({@link SmpLock}); no effect on one CPU
 * @param placement        which processor a thread without {@code cpu K} is homed on ({@link Placement})
 * @param path             whose counted kernel paths the kernel runs ({@link Path}): the IPC path and, for Fiasco, its
 *                         kernel-object invocation
 */
public record KernelConfig(Scheduling scheduling, String schedulerPolicy, String tcbLookup,
        StringCopy stringCopy, IrqDelivery irqDelivery, boolean fastpath, FpuSwitch fpuSwitch,
        Naming naming, long timesliceCycles, boolean checkInvariants, Entry entry, InterruptFlag interruptFlag,
        java.util.Map<KernelCode, Double> pathLengthScale, Ipc ipc, boolean smallSpaces, SmpLock smpLock, Placement placement, Path path) {

    public KernelConfig {
        pathLengthScale = java.util.Map.copyOf(pathLengthScale);
    }

    /**
     * Multiprocessor locking: one big kernel lock every kernel path takes (seL4's SMP kernel, a
     * CLH lock: include/smp/lock.h), or per-processor data with a lock per processor, which a
     * path takes for its own processor and for each other processor whose queues it changes
     * (Pistachio's and Fiasco's per-CPU kernel data, remote operations by IPI).
     */
    public enum SmpLock { BIG, PER_CPU }

    /**
     * The home processor of a thread the scenario does not pin ({@code cpu K}): its creator's,
     * which is processor 0 for the threads the root task creates at boot (L4 X.2: ThreadControl
     * creates a thread on the current processor; Schedule moves it), or spread round robin
     * over the processors in declaration order, as a root server placing its threads would.
     */
    public enum Placement { CREATOR, SPREAD }

    /** Ready-queue management (Microkernel Construction I.12, "Lazy Dispatching", "Benno Scheduling"). */
    public enum Scheduling { EAGER, LAZY, BENNO }

    /** The built-in thread ID to TCB translations (I.12, "Thread ID -> TCB"), by their scenario ids. */
    public enum TcbLookup {
        TABLE("table"), VIRTUAL_ARRAY("virtual-array"), PHYSICAL("physical");

        private final String id;

        TcbLookup(String id) { this.id = id; }

        public String id() { return id; }
    }

    /** String IPC copy (I.12, "String IPC"): through a kernel buffer, or a temporary mapping. */
    public enum StringCopy { COPY_IN_OUT, TEMPORARY_MAPPING }

    /** Interrupt delivery (I.8): IPC from a pseudo thread, or a notification bit. */
    public enum IrqDelivery { SYNC, ASYNC }

    /** FPU context switch (I.8, "Lazy FPU"). */
    public enum FpuSwitch { LAZY, EAGER }

    /** How threads name IPC partners: global thread IDs (L4 X.2) or capabilities (seL4 / L4.Fiasco gates). */
    public enum Naming { THREAD_IDS, CAPABILITIES }

    /**
     * The kernel-entry mechanism (a system call's trap and return), where the CPU offers several:
     * x86 {@code int}/{@code iret}, {@code sysenter}/{@code sysexit}, {@code syscall}/{@code sysret};
     * ARM {@code svc} with {@code eret} (ARMv8) or {@code movs pc, lr} (ARMv7), and on ARMv7
     * {@code svc} with {@code srs}/{@code rfe} ({@code SVC_RFE}). See {@link dev.mkw.kernel.abi.EntryMechanism}.
     */
    public enum Entry { DEFAULT, INT, SYSENTER, SYSCALL, SVC, SVC_RFE }

    /**
     * A user-level driver's interrupt disable and enable (Microkernel Construction I.8,
     * "Virtualizing the Interrupt Flag"): {@code TRAP}: cli/sti are privileged, the #GP enters the
     * kernel, which decodes the instruction and flips the thread's flag; {@code VIRTUAL}: the
     * flag is a word in the thread's UTCB that cli/sti store to, without a trap.
     */
    public enum InterruptFlag { TRAP, VIRTUAL }

    /**
     * The IPC mechanism, so that the literature's baselines run on the same machine model as L4:
     * {@code L4}: L4 X.2 synchronous IPC ({@link dev.mkw.kernel.ipc.IpcPath}); {@code MACH}: Mach 3.0
     * messages through ports, buffered in the kernel ({@code dev.mkw.kernel.baseline.mach});
     * {@code LRPC}: Bershad's lightweight RPC, the caller's thread running in the server's domain
     * ({@code dev.mkw.kernel.baseline.lrpc}).
     */
    public enum Ipc { L4, MACH, LRPC }

    /**
     * Whose kernel code the IPC path runs, as a real kernel's instructions counted along the
     * scenario ({@link dev.mkw.kernel.abi.CountedPath}): {@code DEFAULT} the kernel whose ABI MKW
     * follows on the CPU (Pistachio on x86, seL4 on ARM); {@code PISTACHIO} (x86), {@code SEL4}
     * (ARM) name it; {@code FIASCO} (ARMv8) runs the Fiasco/L4Re kernel's generic C++ IPC path
     * (it has no fast path) and its kernel-object invocation for a system call the kernel answers
     * itself, with its ABI: every message register in the UTCB. {@link dev.mkw.kernel.abi.Abi#of}
     * refuses a kernel not counted for the CPU.
     */
    public enum Path { DEFAULT, PISTACHIO, SEL4, FIASCO }

    public static final String DEFAULT_POLICY = "priority-rr";

    /** The defaults: what L4 X.2/Pistachio does out of the box. */
    public static KernelConfig defaults() {
        return new KernelConfig(Scheduling.LAZY, DEFAULT_POLICY, TcbLookup.VIRTUAL_ARRAY.id(),
                StringCopy.TEMPORARY_MAPPING, IrqDelivery.SYNC, true, FpuSwitch.LAZY,
                Naming.THREAD_IDS, 10_000, false, Entry.DEFAULT, InterruptFlag.TRAP, java.util.Map.of(), Ipc.L4, false,
                SmpLock.BIG, Placement.CREATOR, Path.DEFAULT);
    }

    public KernelConfig withScheduling(Scheduling v) { return edit(c -> c.scheduling = v); }
    public KernelConfig withSchedulerPolicy(String v) { return edit(c -> c.schedulerPolicy = v); }
    public KernelConfig withTcbLookup(String v) { return edit(c -> c.tcbLookup = v); }
    public KernelConfig withTcbLookup(TcbLookup v) { return withTcbLookup(v.id()); }
    public KernelConfig withStringCopy(StringCopy v) { return edit(c -> c.stringCopy = v); }
    public KernelConfig withIrqDelivery(IrqDelivery v) { return edit(c -> c.irqDelivery = v); }
    public KernelConfig withFastpath(boolean v) { return edit(c -> c.fastpath = v); }
    public KernelConfig withFpuSwitch(FpuSwitch v) { return edit(c -> c.fpuSwitch = v); }
    public KernelConfig withNaming(Naming v) { return edit(c -> c.naming = v); }
    public KernelConfig withTimesliceCycles(long v) { return edit(c -> c.timesliceCycles = v); }
    public KernelConfig withCheckInvariants(boolean v) { return edit(c -> c.checkInvariants = v); }
    public KernelConfig withEntry(Entry v) { return edit(c -> c.entry = v); }
    public KernelConfig withInterruptFlag(InterruptFlag v) { return edit(c -> c.interruptFlag = v); }

    public KernelConfig withIpc(Ipc v) { return edit(c -> c.ipc = v); }

    public KernelConfig withSmallSpaces(boolean v) { return edit(c -> c.smallSpaces = v); }

    public KernelConfig withSmpLock(SmpLock v) { return edit(c -> c.smpLock = v); }
    public KernelConfig withPath(Path v) { return edit(c -> c.path = v); }
    public KernelConfig withPlacement(Placement v) { return edit(c -> c.placement = v); }

    /** The configuration with block {@code c}'s instruction count multiplied by {@code factor} (sensitivity analysis). */
    public KernelConfig withPathLengthScale(KernelCode c, double factor) {
        java.util.Map<KernelCode, Double> m = new java.util.EnumMap<>(KernelCode.class);
        m.putAll(pathLengthScale);
        m.put(c, factor);
        return edit(x -> x.pathLengthScale = m);
    }

    /** A field-by-field copy a with-method changes one field of (a new field is added to it and to its constructor and {@link Copy#build}). */
    private static final class Copy {
        Scheduling scheduling;
        String schedulerPolicy;
        String tcbLookup;
        StringCopy stringCopy;
        IrqDelivery irqDelivery;
        boolean fastpath;
        FpuSwitch fpuSwitch;
        Naming naming;
        long timesliceCycles;
        boolean checkInvariants;
        Entry entry;
        InterruptFlag interruptFlag;
        java.util.Map<KernelCode, Double> pathLengthScale;
        Ipc ipc;
        boolean smallSpaces;
        SmpLock smpLock;
        Placement placement;
        Path path;

        Copy(KernelConfig k) {
            scheduling = k.scheduling;
            schedulerPolicy = k.schedulerPolicy;
            tcbLookup = k.tcbLookup;
            stringCopy = k.stringCopy;
            irqDelivery = k.irqDelivery;
            fastpath = k.fastpath;
            fpuSwitch = k.fpuSwitch;
            naming = k.naming;
            timesliceCycles = k.timesliceCycles;
            checkInvariants = k.checkInvariants;
            entry = k.entry;
            interruptFlag = k.interruptFlag;
            pathLengthScale = k.pathLengthScale;
            ipc = k.ipc;
            smallSpaces = k.smallSpaces;
            smpLock = k.smpLock;
            placement = k.placement;
            path = k.path;
        }

        KernelConfig build() {
            return new KernelConfig(scheduling, schedulerPolicy, tcbLookup, stringCopy, irqDelivery, fastpath, fpuSwitch, naming, timesliceCycles, checkInvariants, entry, interruptFlag, pathLengthScale, ipc, smallSpaces, smpLock, placement, path);
        }
    }

    /** This configuration with the fields {@code change} sets. */
    private KernelConfig edit(java.util.function.Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }
}
