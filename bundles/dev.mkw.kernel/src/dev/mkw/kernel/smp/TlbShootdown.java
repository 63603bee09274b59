package dev.mkw.kernel.smp;

import java.util.ArrayList;
import java.util.List;

import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.Processor;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * TLB shootdown (Black et al., "Translation Lookaside Buffer Consistency: A Software Approach",
 * ASPLOS 1989; seL4's {@code invalidateTranslationSingle} → {@code doRemoteInvalidate...}
 * with an IPI to every core in the address space's core mask): when a kernel path revokes
 * mappings, the other processors whose TLBs may hold them must drop them before the path
 * returns. The revoking path invalidates its own TLB as it goes; at its end it sends one IPI
 * to every other processor that may cache a revoked page ({@link Processor#mayCache}: the
 * loaded space with an untagged TLB, any space that ran there with a tagged one) and waits,
 * spinning, until each has invalidated and acknowledged. The wait is the path
 * {@code tlb.shootdown} of the revoking thread. Until a processor takes its IPI it may still
 * use the stale entry, as on the real machines; once the revoking path returns, no processor
 * holds one (the memory invariants check it).
 */
public final class TlbShootdown {
    /** One shootdown: the pages one kernel path revoked, and the processors that still owe an acknowledgement. */
    public static final class Round {
        final Processor initiator;
        final Tcb onBehalf;
        final List<AddressSpace> spaces = new ArrayList<>();
        final List<Long> pages = new ArrayList<>();
        int outstanding;
        final List<Processor> targets = new ArrayList<>();
        /** Targets that have not invalidated yet. */
        final java.util.Set<Processor> owing = new java.util.HashSet<>();

        Round(Processor initiator, Tcb onBehalf) {
            this.initiator = initiator;
            this.onBehalf = onBehalf;
        }
    }

    private final Kernel k;
    /** Per processor: the pages its open path revoked so far (null: none). */
    private final Round[] collecting;
    /** Per processor: the round it waits for (null: it runs). */
    private final Round[] awaiting;
    /** Per processor: rounds whose IPI it has taken in its current IPI path, to acknowledge when that path ends. */
    private final List<List<Round>> handled = new ArrayList<>();
    private final long[] initiated, pagesInvalidated, waitCycles;

    public TlbShootdown(Kernel k) {
        this.k = k;
        int n = k.processorCount();
        this.collecting = new Round[n];
        this.awaiting = new Round[n];
        for (int i = 0; i < n; i++) handled.add(new ArrayList<>());
        this.initiated = new long[n];
        this.pagesInvalidated = new long[n];
        this.waitCycles = new long[n];
    }

    /** The active processor revoked {@code vaddr} of {@code space} (and invalidated its own TLB entry). */
    public void revoked(AddressSpace space, long vaddr, Tcb onBehalf) {
        if (k.processorCount() == 1) return;
        Processor c = k.processor();
        Round r = collecting[c.index()];
        if (r == null) r = collecting[c.index()] = new Round(c, onBehalf);
        r.spaces.add(space);
        r.pages.add(vaddr);
    }

    /**
     * The outermost path {@code p} of the active processor ends: if it revoked mappings that
     * other processors may cache, send them the shootdown and make this processor wait.
     */
    public void finish(KernelPath p, Tcb onBehalf) {
        Processor c = k.processor();
        Round r = collecting[c.index()];
        if (r == null) return;
        collecting[c.index()] = null;
        for (Processor other : k.processors()) {
            if (other == c) continue;
            for (AddressSpace s : r.spaces) {
                if (other.mayCache(s)) {
                    r.targets.add(other);
                    break;
                }
            }
        }
        if (r.targets.isEmpty()) return;
        initiated[c.index()]++;
        r.outstanding = r.targets.size();
        r.owing.addAll(r.targets);
        awaiting[c.index()] = r;
        for (Processor other : r.targets) k.ipis().send(other, new Ipi.Request(Ipi.Kind.SHOOTDOWN, c, r), p);
        k.record(TraceKind.TLB_FLUSH, onBehalf, "", p.name(), r.pages.size(), "shootdown to " + r.targets);
    }

    /** Processor {@code c} (active, in its IPI path {@code p}) invalidates what round {@code r} revoked. */
    void invalidate(Processor c, Round r, KernelPath p) {
        for (int i = 0; i < r.pages.size(); i++) {
            AddressSpace s = r.spaces.get(i);
            if (!c.mayCache(s)) continue;
            p.execute(KernelCode.SHOOTDOWN_PAGE);
            p.add(c.mem().flushTlbPage(r.pages.get(i), s.asid));
            pagesInvalidated[c.index()]++;
        }
        r.owing.remove(c);
        handled.get(c.index()).add(r);
    }

    /** {@code c}'s IPI path ended: its acknowledgements reach the initiators now (a store each polls). */
    void acknowledged(Processor c) {
        List<Round> done = handled.get(c.index());
        if (done.isEmpty()) return;
        long at = k.now();
        for (Round r : done) {
            k.engine().schedule(at, r.initiator.index(), 4, "shootdown ack " + c, () -> ack(r));
        }
        done.clear();
    }

    private void ack(Round r) {
        Processor c = r.initiator;
        k.activate(c);
        k.accountIdleGap();
        if (--r.outstanding > 0) return;
        awaiting[c.index()] = null;
        c.wake();
    }

    /** Whether {@code c} waits for shootdown acknowledgements (it runs nothing meanwhile). */
    public boolean stalled(Processor c) {
        return awaiting[c.index()] != null;
    }

    /**
     * The thread on whose behalf {@code c} waits for acknowledgements, or null when it does not
     * wait: the kernel accounts the cycles of the wait to its {@code tlb.shootdown} path.
     */
    public Tcb waitingFor(Processor c) {
        Round r = awaiting[c.index()];
        return r == null ? null : r.onBehalf;
    }

    /** Count {@code cycles} of waiting on {@code c}. */
    public void waited(Processor c, long cycles) {
        waitCycles[c.index()] += cycles;
    }

    /**
     * Whether processor {@code c} may still hold a translation of {@code vaddr} in {@code s}
     * legitimately: a shootdown of it is under way and {@code c} has not taken its IPI yet.
     */
    public boolean inFlight(Processor c, AddressSpace s, long page, int pageShift) {
        for (Round r : awaiting) {
            if (r == null || !r.owing.contains(c)) continue;
            for (int i = 0; i < r.pages.size(); i++) {
                if (r.spaces.get(i) == s && r.pages.get(i) >>> pageShift == page) return true;
            }
        }
        return false;
    }

    public long initiated(int cpu) { return initiated[cpu]; }

    public long pagesInvalidated(int cpu) { return pagesInvalidated[cpu]; }

    public long waitCycles(int cpu) { return waitCycles[cpu]; }
}
