package dev.mkw.kernel;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.thread.Tcb;

/**
 * A user thread's run of accesses ({@code touch A .. B stride S}) done page by page: each
 * page's accesses go to {@link MemoryHierarchy#accessRun} (one TLB lookup and rights check per
 * page, the rest of the page's accesses straight to the caches) and the thread is charged once
 * for the run, where the accesses one by one each charged the thread (the clock, the cycle
 * accounts and the miss attribution) separately. The cycles, counters, cache and TLB state
 * are those of the accesses one by one: a user access costs what the hierarchy says plus one
 * cycle for the instruction ({@link UserMode#access}), and only the first access of a page can
 * fault, so a page either faults before any of its accesses or completes; at a fault the
 * accesses before it are charged first, then the fault is taken as {@link UserMode#access}
 * takes it.
 */
final class UserAccessRun {
    private UserAccessRun() {}

    /** See {@link dev.mkw.kernel.abi.UserCpu#accessRun}; {@code slow} does one access the plain way. */
    static long run(Kernel k, Tcb t, UserMode slow, long from, long to, long stride, int kind) {
        long userTop = k.kernelMemory().base;
        if (from < 0 || to > userTop || stride <= 0 || stride > Integer.MAX_VALUE || from >= to) {
            // Out of user space (a protection fault somewhere in the run) or nothing to do: one by one.
            for (long a = from; a < to; a += stride) {
                if (!slow.access(a, kind) || slow.raisedException()) return a;
                if (to - a <= stride) break; // the next would be at or past the end (and a + stride cannot wrap)
            }
            return to;
        }
        MemoryHierarchy mem = k.mem();
        long pageMask = (1L << k.machine().mmu().format().pageShift()) - 1; // the TLB's granule, as accessRun splits

        long cycles = 0;
        long a = from;
        while (a < to) {
            long pageEnd = Math.min(to, (a | pageMask) + 1);
            long c = mem.accessRun(a, pageEnd, (int) stride, kind, true, 0);
            if (c == MemoryHierarchy.PAGE_FAULT) {
                if (cycles > 0) k.chargeUser(t, cycles);
                k.pageFaults().pageFault(t, a, kind);
                return a;
            }
            long n = (pageEnd - a + stride - 1) / stride;
            cycles += c + n;
            a += n * stride;
        }
        if (cycles > 0) k.chargeUser(t, cycles);
        return to;
    }
}
