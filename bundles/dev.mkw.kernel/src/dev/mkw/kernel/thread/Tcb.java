package dev.mkw.kernel.thread;

import dev.mkw.sim.report.ThreadStats;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.tcb.ThreadState;

import java.util.ArrayDeque;

import dev.mkw.kernel.abi.UserCode;
import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.abi.Utcb;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.sim.SimEvent;

/**
 * A thread control block. Its fields live at {@link #address} in kernel memory: kernel paths
 * touch them through the memory hierarchy at the offsets in {@link #OFF_STATE} etc., so a
 * TCB that is not in the cache costs what it costs.
 *
 * <p>The kernel knows a thread by its registers, its UTCB and its user code, which it only
 * runs ({@link UserCode#step}); it never looks into the program.
 */
public final class Tcb implements dev.mkw.kernel.sched.SchedThread {
    /** Field offsets (bytes) of the hot fields, packed at the start as L3 did for cache locality (Liedtke 1993). */
    public static final int OFF_STATE = 0, OFF_PARTNER = 8, OFF_QUEUE = 16, OFF_SPACE = 24, OFF_STACK_PTR = 32, OFF_PRIORITY = 40, OFF_TIMESLICE = 48;
    /** The ready queue's previous link and the wakeup list's links (Pistachio keeps both queues' links in the TCB). */
    public static final int OFF_QUEUE_PREV = 56, OFF_WAKEUP = 64;
    /** The reply capability slot (seL4's tcbReply), read when a reply names it. */
    public static final int OFF_REPLY = 72;
    /** Bytes of a TCB including its kernel stack (L4 X.2 on x86: TCB and kernel stack share one 2 KiB block... MKW uses 4 KiB). */
    public static final int SIZE = 4096;
    /** Where the user registers are saved on the kernel stack (the trap frame, at its top). */
    public static final int OFF_TRAP_FRAME = SIZE - 128;
    /** The FPU save area. */
    public static final int OFF_FPU = 512;

    public final int id;
    public final String name;
    public final AddressSpace space;
    public final long address;
    public final Utcb utcb;
    public final UserRegisters regs = new UserRegisters();
    public final UserCode user;
    public ThreadState state = ThreadState.READY;
    public int priority;
    /**
     * The processor the thread is homed on: it is queued and runs only there, until migrated
     * (L4 X.2's Schedule system call sets it; seL4's tcbAffinity).
     */
    public int cpu;
    /** A processor this thread is to move to once its processor stops running it (Schedule from another processor), or -1. */
    public int migrateTo = -1;
    public long timeslice;
    public long quantum;
    /** The partner this thread waits for (closed receive/send), or ThreadId.NIL (open wait). */
    public int partner;
    /** Pager and exception handler, resolved to threads at boot (null: none; the pager may be sigma0's thread). */
    public Tcb pager, exceptionHandler;
    public boolean inReadyQueue;
    /** Senders blocked on this thread, in arrival order. */
    public final ArrayDeque<Tcb> sendQueue = new ArrayDeque<>();
    /** Whether the current send is the send phase of a call (then it receives from the same partner). */
    public boolean calling;
    /** The badge of the capability the current send goes through (seL4 endpoints queue it with the sender). */
    public long sendBadge;
    /** Whether the capability the current send goes through has the grant right (may carry capabilities). */
    public boolean sendCanGrant = true;
    public SimEvent timeoutEvent;
    public long notifyBits;
    public long notifyMask;
    /**
     * The IRQ line a "receive from irq N" waits for under asynchronous delivery (it waits for
     * the line's notification bit and gets an interrupt message), or -1.
     */
    public int notifyAsIrq = -1;
    /** Faulting address and access while in PAGE_FAULT for a page fault; -1 for an exception. */
    public long faultAddress = -1;
    public int faultKind;
    /** The virtual interrupt flag of a user-level driver: false holds its interrupts pending. */
    public boolean virtualInterrupts = true;
    /** Whether the thread has used the FPU (eager switching then saves and restores its state). */
    public boolean fpuUsed;
    /** The one-shot reply right of the last call this thread received (capability naming): the caller's ID, or NIL. */
    public int replyCap;
    /** This thread's user-cycle account, resolved on first use. */
    public dev.mkw.sim.CycleAccounting.Account userAccount;
    /** Kernel cycles spent on this thread's behalf, as the accounting counts them (resolved on first use). */
    public long[] kernelCounter;
    /**
     * What this thread did (user and kernel cycles, IPCs, faults, switches): the run's
     * statistics hold this counter, so the report reads it as the kernel writes it.
     */
    public final ThreadStats.Counter stats;
    /** Cycle at which the current send began (for latency). */
    public long sendStart;

    public Tcb(int id, String name, int priority, AddressSpace space, long address, long utcb, UserCode user, ThreadStats.Counter stats) {
        this.stats = stats;
        this.id = id;
        this.name = name;
        this.priority = priority;
        this.space = space;
        this.address = address;
        this.utcb = new Utcb(utcb);
        this.user = user;
    }

    @Override public String name() { return name; }
    @Override public int priority() { return priority; }
    @Override public long timesliceCycles() { return timeslice; }
    @Override public int cpu() { return cpu; }

    public boolean isBlocked() {
        return state == ThreadState.SENDING || state == ThreadState.RECEIVING || state == ThreadState.WAITING_NOTIFY || state == ThreadState.PAGE_FAULT;
    }

    @Override
    public String toString() {
        return name + "(" + ThreadId.format(id) + ")";
    }
}
