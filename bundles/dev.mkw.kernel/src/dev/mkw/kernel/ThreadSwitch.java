package dev.mkw.kernel;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.baseline.smallspace.SmallSpaces;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.sim.TraceKind;

/**
 * The thread switch (Microkernel Construction, "thread switch"): save the current thread's
 * stack pointer in its TCB, load the next one's, and switch the address space when the next
 * thread lives in another (a page-table root load; an untagged TLB is flushed by it), or, with
 * x86 small spaces, reload the segments. The scheduler's dispatch ends in it, and so does
 * IPC's direct switch to the partner without the scheduler; LRPC's migration of the caller's
 * thread into the server's domain goes around it (no thread switch happens at all).
 */
final class ThreadSwitch {
    private final Kernel k;
    private final IpcSamples samples;
    /** x86 small address spaces (kernel { small-spaces on }), or null. */
    private SmallSpaces smallSpaces;

    ThreadSwitch(Kernel k, IpcSamples samples) {
        this.k = k;
        this.samples = samples;
    }

    /** Boot: the small spaces are placed once the tasks exist. */
    void placeSmallSpaces(dev.mkw.scenario.Scenario s) {
        smallSpaces = SmallSpaces.of(k, s);
    }

    /** Switch the active processor to {@code next} inside path {@code p}. */
    void switchTo(Tcb next, KernelPath p) {
        Processor cpu = k.processor();
        if (next.cpu != cpu.index()) throw new IllegalStateException(next.name + " runs on cpu" + next.cpu + ", not on " + cpu);
        Tcb current = cpu.current();
        if (current == next) {
            next.state = ThreadState.RUNNING;
            return;
        }
        if (!p.switchCounted()) p.execute(KernelCode.SWITCH);
        if (current != null) p.touch(current.address + Tcb.OFF_STACK_PTR, MemoryHierarchy.WRITE);
        p.touch(next.address + Tcb.OFF_STACK_PTR, MemoryHierarchy.READ);
        p.touch(next.address + Tcb.SIZE - 64, MemoryHierarchy.READ);
        if (next.space != cpu.loadedSpace()) {
            p.touch(next.address + Tcb.OFF_SPACE, MemoryHierarchy.READ);
            switchSpace(next, p);
        }
        k.fpu().switched(current, next, p);
        samples.switchedTo(next, p.cycles());
        k.record(TraceKind.THREAD_SWITCH, current, next.name, p.name(), 0, "");
        cpu.setCurrent(next);
        next.state = ThreadState.RUNNING;
        next.stats.switches++;
    }

    /** Pick the next thread with the scheduler (path "schedule"); null when nothing is ready. */
    Tcb dispatch(Tcb onBehalf) {
        KernelPath p = k.path("schedule");
        long skipped = k.scheduler().skippedBlocked();
        Processor cpu = k.processor();
        Tcb current = cpu.current();
        Tcb n = k.scheduler().pick(cpu.index(), current != null && current.state == ThreadState.RUNNING ? current : null);
        p.execute(KernelCode.SCHEDULE, PathLengths.SCHEDULE * (int) (1 + k.scheduler().skippedBlocked() - skipped));
        if (n != null) {
            p.touch(n.address + Tcb.OFF_QUEUE, MemoryHierarchy.READ);
            if (current != null && current.state == ThreadState.RUNNING && current != n) current.state = ThreadState.READY;
            switchTo(n, p);
        } else if (current != null && current.state != ThreadState.RUNNING) {
            cpu.setCurrent(null);
        }
        k.charge(p, onBehalf);
        if (n == null && current != null && cpu.current() == null) {
            // The processor goes idle: the trace says so after the schedule path's exit (the Timeline
            // and Perfetto end the thread's slice there instead of showing it running on).
            k.record(TraceKind.THREAD_SWITCH, current, "idle", p.name(), 0, "");
        }
        return n;
    }

    /**
     * IPC's direct switch (L4: the processor goes straight to the partner, without the
     * scheduler). A partner homed on another processor cannot be switched to: it is made ready
     * on its own processor (a remote wake-up, with an IPI) and this one schedules afterwards.
     * Returns whether this processor switched to {@code next}.
     */
    boolean directSwitch(Tcb from, Tcb next, KernelPath p) {
        if (next.cpu != k.processor().index()) {
            k.scheduler().makeReady(next);
            return false;
        }
        k.scheduler().directSwitch(from, next);
        switchTo(next, p);
        return true;
    }

    /**
     * LRPC (dev.mkw.kernel.baseline.lrpc): the running thread continues in {@code next}'s protection
     * domain: the page-table root changes, but no thread switch happens (no stacks switched, no
     * scheduler); {@code next} stands for the server's activation on the caller's thread.
     */
    void migrateTo(Tcb next, KernelPath p) {
        Processor cpu = k.processor();
        if (next.inReadyQueue) k.scheduler().remove(next);
        next.cpu = cpu.index(); // the activation runs on the caller's processor
        if (next.space != cpu.loadedSpace()) switchSpace(next, p);
        cpu.setCurrent(next);
        next.state = ThreadState.RUNNING;
    }

    /** The address-space switch to {@code next}'s space on the active processor: a page-table root load (an untagged TLB flushes), or a small-space switch. */
    private void switchSpace(Tcb next, KernelPath p) {
        Processor cpu = k.processor();
        MemoryHierarchy mem = cpu.mem();
        if (smallSpaces != null) {
            smallSpaces.switchTo(next, p);
        } else {
            p.add(mem.loadPageTableRoot(next.space.root, next.space.asid));
            if (!mem.taggedTlb()) k.record(TraceKind.TLB_FLUSH, next, "", p.name(), 0, "address-space switch");
        }
        cpu.setLoadedSpace(next.space);
    }
}
