package dev.mkw.kernel.baseline.lrpc;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.Processor;
import dev.mkw.kernel.baseline.BaselineCode;
import dev.mkw.kernel.baseline.BaselineLayout;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.tcb.ThreadState;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * LRPC on a multiprocessor (Bershad et al., TOCS 8(1) 1990, §3.4 "Domain caching on
 * multiprocessors"; Advanced OS week 6: "check for processor idling on server domain; if so, swap
 * calling and idling threads; same trick applies on return path"): a call looks for a processor
 * that idles in the server's domain, its page table loaded and its TLB holding the server's
 * translations. If there is one, the processors are exchanged: the calling thread continues on
 * that processor, in the server's domain without an address-space switch, and the caller's own
 * processor idles on, in the caller's domain, ready for the exchange back on the return.
 * Without such a processor the call runs on the caller's processor as on a uniprocessor.
 *
 * <p>Each processor publishes the domain it idles in on its own cache line
 * ({@link BaselineLayout#lrpcIdleDomain}); the kernel scans them (a read of each, lines another
 * processor wrote: coherence misses) and claims the one it found (a write). The processor it
 * claimed spins in its idle loop on its record, as the Firefly's idle processors spun in a domain:
 * it sees the write a cache transfer later, without an IPI, loads the exchanged context (path
 * {@code lrpc.exchange}) and switches to the thread, without the scheduler and without loading a
 * page table. The processor the thread left goes idle through its scheduler, as any processor
 * whose thread blocked.
 * MKW runs the server's procedure as the server thread: exchanging means that thread runs on the
 * idle processor.
 */
final class IdleExchange {
    /** Among simultaneous events: with IPIs, after devices and timeouts, before CPU steps. */
    private static final int PRIORITY = 5;
    private final Kernel k;
    private final BaselineCode.Image code;

    IdleExchange(Kernel k, BaselineCode.Image code) {
        this.k = k;
        this.code = code;
    }

    /** Whether the machine has other processors to exchange with. */
    boolean possible() {
        return k.processorCount() > 1;
    }

    /**
     * Look for a processor other than the active one idling in {@code domain}, inside path
     * {@code p}; claim it. Null when there is none (the paper counts these misses to "prod" idle
     * processors into the busiest domains; MKW does not).
     */
    Processor find(AddressSpace domain, KernelPath p) {
        code.execute(p, BaselineCode.LRPC_IDLE_SCAN);
        long base = k.kernelMemory().base;
        Processor here = k.processor();
        for (Processor c : k.processors()) {
            if (c == here) continue;
            p.touch(BaselineLayout.lrpcIdleDomain(base, c.index()), MemoryHierarchy.READ);
            if (idlesIn(c, domain)) {
                code.execute(p, BaselineCode.LRPC_EXCHANGE);
                p.touch(BaselineLayout.lrpcIdleDomain(base, c.index()), MemoryHierarchy.WRITE);
                // The caller's processor now idles in the caller's domain: it says so on its line.
                p.touch(BaselineLayout.lrpcIdleDomain(base, here.index()), MemoryHierarchy.WRITE);
                return c;
            }
        }
        return null;
    }

    /**
     * Thread {@code t} (the server's activation on a call, the caller on a return) goes on running
     * on {@code there}, which {@link #find} claimed: this processor has written the exchange record
     * in path {@code p}; {@code there}, spinning on that line, sees it a cache transfer later, loads
     * the context in its own path {@code lrpc.exchange} ({@code onArrival} adds what the stub does
     * there first, through the domain already loaded) and runs the thread without an
     * address-space switch. Until then {@code t} stays blocked as it is.
     */
    void exchange(Tcb t, Processor there, KernelPath p, java.util.function.Consumer<KernelPath> onArrival) {
        k.record(TraceKind.MIGRATE, t, there.toString(), p.name(), there.index(), "LRPC exchange with the processor idling in " + t.space.name + " (from cpu" + t.cpu + ")");
        if (t.inReadyQueue) k.scheduler().remove(t);
        t.cpu = there.index();
        there.claim();
        long at = k.now() + p.cycles() + k.costs().cost(CostKind.CACHE_TRANSFER);
        k.engine().schedule(at, there.index(), PRIORITY, "lrpc exchange " + there, () -> {
            try {
                arrive(t, there, onArrival);
            } finally {
                k.leaveKernel();
            }
        });
    }

    private void arrive(Tcb t, Processor there, java.util.function.Consumer<KernelPath> onArrival) {
        k.activate(there);
        there.arrived();
        k.accountIdleGap();
        if (k.finished()) return;
        KernelPath q = k.path("lrpc.exchange");
        q.touch(BaselineLayout.lrpcIdleDomain(k.kernelMemory().base, there.index()), MemoryHierarchy.READ);
        code.execute(q, BaselineCode.LRPC_PICKUP);
        onArrival.accept(q);
        // Straight into the thread, as the paper's exchange: no scheduler, and no page table to
        // load (the processor idled in the thread's domain), only the kernel stack to switch.
        if (there.current() == null) {
            k.switchTo(t, q);
        } else {
            // Woken for other work meanwhile (an interrupt routed to it): the thread queues there.
            k.scheduler().makeReady(t);
        }
        k.charge(q, t);
        there.wake();
    }

    /** A processor idles in {@code domain}: nothing runs or is queued there, no IPI is under way to it, its MMU has the domain loaded. */
    private boolean idlesIn(Processor c, AddressSpace domain) {
        return c.idle() && c.current() == null && c.loadedSpace() == domain
                && k.scheduler().highestReady(c.index()) < 0 && !k.ipis().pending(c);
    }
}
