package dev.mkw.kernel.tcb;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import dev.mkw.kernel.ipc.Message;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.user.UserProgram;
import dev.mkw.sim.SimEvent;

/**
 * A thread control block. Its fields live at {@link #address} in kernel memory: kernel paths
 * touch them through the memory hierarchy at the offsets in {@link #OFF_STATE} etc., so a
 * TCB that is not in the cache costs what it costs.
 */
public final class Tcb implements dev.mkw.kernel.sched.SchedThread {
    /** Field offsets (bytes) of the hot fields, packed at the start as L3 did for cache locality (Liedtke 1993). */
    public static final int OFF_STATE = 0, OFF_PARTNER = 8, OFF_QUEUE = 16, OFF_SPACE = 24, OFF_STACK_PTR = 32, OFF_PRIORITY = 40, OFF_TIMESLICE = 48;
    /** Bytes of a TCB including its kernel stack (L4 X.2 on x86: TCB and kernel stack share one 2 KiB block... MKW uses 4 KiB). */
    public static final int SIZE = 4096;

    public final int id;
    public final String name;
    public final ThreadSpec spec;
    public final AddressSpace space;
    public final long address;
    public final long utcb;
    public final UserProgram program;
    public ThreadState state = ThreadState.READY;
    public int priority;
    public long timeslice;
    public long quantum;
    /** The partner this thread waits for (closed receive/send), or ThreadId.NIL (open wait). */
    public int partner;
    public Tcb pager;
    public boolean inReadyQueue;
    /** Senders blocked on this thread, in arrival order. */
    public final ArrayDeque<Tcb> sendQueue = new ArrayDeque<>();
    /** The message this thread is trying to send while SENDING. */
    public Message outgoing;
    /** Whether the current send is the send phase of a call (then it receives from the same partner). */
    public boolean calling;
    /** The variable a pending receive binds to. */
    public String bindAs;
    public SimEvent timeoutEvent;
    public long notifyBits;
    public long notifyMask;
    /**
     * The IRQ line a "receive from irq N" waits for under asynchronous delivery (it waits for
     * the line's notification bit and gets an interrupt message), or -1.
     */
    public int notifyAsIrq = -1;
    public final Map<String, Message> received = new HashMap<>();
    public final Map<String, Long> variables = new HashMap<>();
    /** The instruction pointer reported by the pending exception IPC, or -1 when none is pending. */
    public long exceptionIp = -1;
    /** Faulting address and access while in PAGE_FAULT. */
    public long faultAddress = -1;
    public int faultKind;
    /** The receive window of a pending receive (null: accepts no mappings). */
    public dev.mkw.kernel.memory.Fpage window;
    /** The string buffer of a pending receive (-1: accepts no strings) and its length. */
    public long stringBuffer = -1;
    public long stringLength;
    /** The virtual interrupt flag of a user-level driver: false holds its interrupts pending. */
    public boolean virtualInterrupts = true;
    public long userCycles;
    /** This thread's user-cycle account, resolved on first use. */
    public dev.mkw.sim.CycleAccounting.Account userAccount;
    /** Kernel cycles spent on this thread's behalf, as the accounting counts them (resolved on first use). */
    public long[] kernelCounter;
    public long kernelCycles;
    public long ipcsSent, ipcsReceived, pageFaults, switchesIn;
    /** Cycle at which the current send began (for latency). */
    public long sendStart;

    public Tcb(int id, String name, ThreadSpec spec, AddressSpace space, long address, long utcb, UserProgram program) {
        this.id = id;
        this.name = name;
        this.spec = spec;
        this.space = space;
        this.address = address;
        this.utcb = utcb;
        this.program = program;
        this.priority = spec == null ? 0 : spec.priority();
    }

    @Override public String name() { return name; }
    @Override public int priority() { return priority; }
    @Override public long timesliceCycles() { return timeslice; }

    public boolean isBlocked() {
        return state == ThreadState.SENDING || state == ThreadState.RECEIVING || state == ThreadState.WAITING_NOTIFY || state == ThreadState.PAGE_FAULT;
    }

    @Override
    public String toString() {
        return name + "(" + ThreadId.format(id) + ")";
    }
}
