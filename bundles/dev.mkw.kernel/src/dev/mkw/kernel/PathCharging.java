package dev.mkw.kernel;

import java.util.HashMap;
import java.util.Map;

import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.CycleAccounting;
import dev.mkw.sim.TraceEvent;
import dev.mkw.sim.TraceKind;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.Misses;

/**
 * Where every cycle goes: kernel paths are opened and charged here, user steps and idle gaps
 * too, so each cycle of a processor's clock lands in exactly one account (a kernel path, a
 * thread's user time, idle) and the misses its hierarchy counted land with the path or thread
 * that caused them (issue 18, "where every cycle went").
 *
 * <p>A path opened inside another (a page fault inside an IPC) nests: the outer path's misses
 * up to then are set aside and given to the thread on whose behalf the outer path runs. The
 * outermost path of a multiprocessor kernel takes the kernel lock ({@link dev.mkw.kernel.smp.KernelLock}).
 */
final class PathCharging {
    /** A kernel path's account and statistics, resolved once per path name (the charging path does no lookups). */
    record PathHandle(CycleAccounting.Account account, KernelPathStats.Counter stats) {}

    private final Kernel k;
    private final CycleAccounting accounting;
    private final CycleAccounting.Account idle;
    private final Map<String, PathHandle> handles = new HashMap<>();
    /** The kernel path charged last (the IPC samples name the path that delivered). */
    private String lastPathName = "";

    PathCharging(Kernel k, CycleAccounting accounting) {
        this.k = k;
        this.accounting = accounting;
        this.idle = accounting.account(CycleAccounting.IDLE);
    }

    private PathHandle handle(String name) {
        PathHandle h = handles.get(name);
        if (h == null) {
            h = new PathHandle(accounting.kernelAccount(name), k.statistics().path(name));
            handles.put(name, h);
        }
        return h;
    }

    /** The name of the path charged last. */
    String lastPathName() { return lastPathName; }

    /** Start a kernel path on behalf of the running thread. */
    KernelPath open(String name) {
        PathHandle h = handle(name);
        // The misses so far belong to what ran until now: the path this one nests in, or the
        // thread whose user code entered the kernel.
        Processor c = k.processor();
        KernelPath outer = c.openPaths.peekLast();
        if (outer != null) c.misses.attribute(outer.handle.stats().misses, c.nestedMisses.computeIfAbsent(outer, x -> new Misses.Counter()));
        else if (c.current() != null) c.misses.attribute(c.current().stats.userMisses, null);
        else c.misses.attribute(k.statistics().unattributedMisses(), null);
        KernelPath p = new KernelPath(name, h, c.mem(), k.costs(), k::kernelFault, k.loadedImage(), k.entry(), k.ipcFootprint());
        c.openPaths.addLast(p);
        if (outer == null && k.lock() != null) k.lock().acquire(c, p);
        if (c.decodeCycles != 0) {
            p.add(c.decodeCycles);
            c.decodeCycles = 0;
        }
        return p;
    }

    /** Charge a finished path: advance the CPU clock, account the cycles, record statistics. */
    void charge(KernelPath p, Tcb onBehalf) {
        // Paths end innermost first; the scan is for the rare one charged out of order.
        Processor cpu = k.processor();
        if (cpu.openPaths.size() == 1) k.shootdown().finish(p, onBehalf);
        if (cpu.openPaths.peekLast() == p) cpu.openPaths.pollLast();
        else cpu.openPaths.removeLastOccurrence(p);
        long c = p.cycles();
        lastPathName = p.name();
        accounting.charge(cpu.index(), p.handle.account(), c);
        k.engine().advanceCpu(cpu.index(), c);
        KernelPathStats.Counter stats = p.handle.stats();
        stats.add(c);
        stats.split(p.fetchStalls(), p.instructionCycles(), p.privilegedCycles(), p.memoryCycles());
        stats.walks(p.walkCycles());
        cpu.misses.attribute(stats.misses, onBehalf == null ? null : onBehalf.stats.kernelMisses);
        // Misses the path caused before a nested path began are the thread's too.
        Misses.Counter before = cpu.nestedMisses.isEmpty() ? null : cpu.nestedMisses.remove(p);
        if (before != null && onBehalf != null) onBehalf.stats.kernelMisses.add(before);
        if (onBehalf != null) {
            onBehalf.stats.kernelFetchStallCycles += p.fetchStalls();
            onBehalf.stats.kernelInstructionCycles += p.instructionCycles();
            onBehalf.stats.kernelPrivilegedCycles += p.privilegedCycles();
            onBehalf.stats.kernelMemoryCycles += p.memoryCycles();
            onBehalf.stats.kernelWalkCycles += p.walkCycles();
            kernelCyclesOf(onBehalf, c);
        }
        if (k.trace().isRecording()) {
            String who = onBehalf == null ? "" : onBehalf.name;
            k.trace().record(new TraceEvent(k.now() - c, cpu.index(), TraceKind.KERNEL_ENTRY, who, "", p.name(), 0, ""));
            k.trace().record(new TraceEvent(k.now(), cpu.index(), TraceKind.KERNEL_EXIT, who, "", p.name(), c, ""));
        }
    }

    /** {@code c} kernel cycles spent on behalf of {@code t}: its counters and its per-thread kernel account. */
    private void kernelCyclesOf(Tcb t, long c) {
        t.stats.kernelCycles += c;
        if (c > 0) {
            if (t.kernelCounter == null) t.kernelCounter = accounting.threadKernelCounter(t.name);
            t.kernelCounter[0] += c;
        }
    }

    /** {@code cycles} of {@code t}'s user code ran on the active processor. */
    void chargeUser(Tcb t, long cycles) {
        Processor cpu = k.processor();
        CycleAccounting.Account a = t.userAccount;
        if (a == null) a = t.userAccount = accounting.userAccount(t.name);
        accounting.charge(cpu.index(), a, cycles);
        k.engine().advanceCpu(cpu.index(), cycles);
        t.stats.userCycles += cycles;
        cpu.misses.attribute(t.stats.userMisses, null);
        t.quantum -= cycles;
    }

    /**
     * Account as idle the cycles the engine moved the CPU's clock forward while nothing ran
     * (an event for this CPU fires at its own time, past the idle already charged). Called
     * first by every handler of such an event, so every cycle of the clock is in an account.
     */
    void accountIdleGap() {
        Processor cpu = k.processor();
        long gap = k.now() - accounting.total(cpu.index());
        if (gap <= 0) return;
        dev.mkw.kernel.smp.TlbShootdown shootdown = k.shootdown();
        if (shootdown.stalled(cpu)) {
            // Not idle: spinning for the acknowledgements of a TLB shootdown, on behalf of the revoking thread.
            Tcb waiter = shootdown.waitingFor(cpu);
            PathHandle h = handle("tlb.shootdown");
            accounting.charge(cpu.index(), h.account(), gap);
            h.stats().add(gap);
            shootdown.waited(cpu, gap);
            if (waiter != null) kernelCyclesOf(waiter, gap);
            return;
        }
        accounting.charge(cpu.index(), idle, gap);
    }

    /** {@code cycles} of idling on the active processor. */
    void chargeIdle(long cycles) {
        int cpu = k.processor().index();
        accounting.charge(cpu, idle, cycles);
        k.engine().advanceCpu(cpu, cycles);
    }
}
