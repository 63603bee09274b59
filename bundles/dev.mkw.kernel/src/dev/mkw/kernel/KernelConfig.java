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
 */
public record KernelConfig(Scheduling scheduling, String schedulerPolicy, String tcbLookup,
        StringCopy stringCopy, IrqDelivery irqDelivery, boolean fastpath, FpuSwitch fpuSwitch,
        Naming naming, long timesliceCycles, boolean checkInvariants) {

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

    public static final String DEFAULT_POLICY = "priority-rr";

    /** The defaults: what L4 X.2/Pistachio does out of the box. */
    public static KernelConfig defaults() {
        return new KernelConfig(Scheduling.LAZY, DEFAULT_POLICY, TcbLookup.VIRTUAL_ARRAY.id(),
                StringCopy.TEMPORARY_MAPPING, IrqDelivery.SYNC, true, FpuSwitch.LAZY,
                Naming.THREAD_IDS, 10_000, false);
    }

    public KernelConfig withScheduling(Scheduling v) { return new KernelConfig(v, schedulerPolicy, tcbLookup, stringCopy, irqDelivery, fastpath, fpuSwitch, naming, timesliceCycles, checkInvariants); }
    public KernelConfig withSchedulerPolicy(String v) { return new KernelConfig(scheduling, v, tcbLookup, stringCopy, irqDelivery, fastpath, fpuSwitch, naming, timesliceCycles, checkInvariants); }
    public KernelConfig withTcbLookup(String v) { return new KernelConfig(scheduling, schedulerPolicy, v, stringCopy, irqDelivery, fastpath, fpuSwitch, naming, timesliceCycles, checkInvariants); }
    public KernelConfig withTcbLookup(TcbLookup v) { return withTcbLookup(v.id()); }
    public KernelConfig withStringCopy(StringCopy v) { return new KernelConfig(scheduling, schedulerPolicy, tcbLookup, v, irqDelivery, fastpath, fpuSwitch, naming, timesliceCycles, checkInvariants); }
    public KernelConfig withIrqDelivery(IrqDelivery v) { return new KernelConfig(scheduling, schedulerPolicy, tcbLookup, stringCopy, v, fastpath, fpuSwitch, naming, timesliceCycles, checkInvariants); }
    public KernelConfig withFastpath(boolean v) { return new KernelConfig(scheduling, schedulerPolicy, tcbLookup, stringCopy, irqDelivery, v, fpuSwitch, naming, timesliceCycles, checkInvariants); }
    public KernelConfig withFpuSwitch(FpuSwitch v) { return new KernelConfig(scheduling, schedulerPolicy, tcbLookup, stringCopy, irqDelivery, fastpath, v, naming, timesliceCycles, checkInvariants); }
    public KernelConfig withNaming(Naming v) { return new KernelConfig(scheduling, schedulerPolicy, tcbLookup, stringCopy, irqDelivery, fastpath, fpuSwitch, v, timesliceCycles, checkInvariants); }
    public KernelConfig withTimesliceCycles(long v) { return new KernelConfig(scheduling, schedulerPolicy, tcbLookup, stringCopy, irqDelivery, fastpath, fpuSwitch, naming, v, checkInvariants); }
    public KernelConfig withCheckInvariants(boolean v) { return new KernelConfig(scheduling, schedulerPolicy, tcbLookup, stringCopy, irqDelivery, fastpath, fpuSwitch, naming, timesliceCycles, v); }
}
