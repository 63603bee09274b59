package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.test.support.Scenarios;

/**
 * The baselines on a multiprocessor: a Mach message to a thread on another processor is queued or
 * handed over and its receiver woken by an IPI (the copy-out then goes through the receiver's page
 * table); an LRPC to a server whose processor idles in the server's domain exchanges processors
 * (Bershad et al. 1990, §3.4) instead of switching the address space; on one processor both work
 * as before.
 */
class BaselinesOnProcessorsTest {
    private static final Map<String, String> UNTAGGED = Map.of("cpus", "2", "mmu.taggedTlb", "false");
    private static final int ROUNDS = 40;
    /** Cycles the client computes before its first call, so that the server waits by then. */
    private static final long HEAD_START = 200_000;

    private static Simulation run(int clientCpu, int serverCpu, KernelConfig k) {
        Simulation sim = Simulation.create(MultiprocessorTest.pingPong(clientCpu, serverCpu, k, 30),
                MachinePresets.get().machine("cortex_a9", 2));
        sim.run();
        return sim;
    }

    @Test
    void machMessagesCrossProcessors() {
        Simulation sim = run(0, 1, MachIpcTest.MACH);
        assertTrue(sim.inspector().errors().isEmpty(), () -> "errors: " + sim.inspector().errors());
        sim.checkAccounting();
        assertEquals(30, sim.inspector().thread("server.pong").ipcsReceived());
        assertEquals(30, sim.inspector().thread("client.ping").ipcsReceived());
        assertTrue(sim.inspector().processors().get(0).ipisSent() > 0, () -> "the client's calls wake the server by IPI: " + sim.inspector().processors());
    }

    @Test
    void lrpcOnOneProcessorAsBefore() {
        Simulation same = run(1, 1, LrpcTest.LRPC);
        assertTrue(same.inspector().errors().isEmpty(), () -> "errors: " + same.inspector().errors());
        assertEquals(30, same.inspector().path("lrpc.call").count());
        assertEquals(0, exchanges(same));
    }

    /**
     * Bershad et al. (TOCS 1990, §3.4): a call finds the server's processor idling in the server's
     * domain and the two processors are exchanged, so the call needs no address-space switch and
     * that processor's TLB still holds the server's translations; the return does the same the
     * other way. The idle processor spins on its record: no IPI.
     */
    @Test
    void lrpcExchangesWithTheProcessorIdlingInTheServersDomain() {
        Simulation cross = workingSets(UNTAGGED, KernelConfig.SmpLock.PER_CPU, 1, 8);
        assertTrue(cross.inspector().errors().isEmpty(), () -> "errors: " + cross.inspector().errors());
        cross.checkAccounting();
        assertEquals(ROUNDS, cross.inspector().path("lrpc.call").count());
        assertEquals(ROUNDS, cross.inspector().path("lrpc.return").count());
        assertEquals("DEAD", cross.inspector().thread("client.ping").state(), "the client made all its calls");
        assertEquals(2 * ROUNDS, exchanges(cross), "every call and every return exchanged processors");
        assertEquals(1, cross.inspector().thread("server.pong").cpu(), "the server's activation runs on the processor idling in its domain");
        assertEquals(0, cross.inspector().thread("client.ping").cpu(), "the client returns to its own processor");
        long lrpcIpis = cross.inspector().processors().get(0).ipisSent();
        assertTrue(lrpcIpis <= 1, "the idle processor spins on its record, no IPI (one may wake it for sigma0's page faults): " + lrpcIpis);
    }

    /**
     * What the exchange saves is the address-space switch and the TLB refills after it: with an
     * untagged TLB and working sets of 32 pages on both sides, half the TLB misses and fewer cycles.
     * (A null call does not pay off in MKW: the exchange moves the A-stack, the TCBs and the idle
     * records between the caches, more than the switch of an empty working set costs; README.)
     */
    @Test
    void theExchangePaysOffInTlbMissesAndCycles() {
        Simulation same = workingSets(UNTAGGED, KernelConfig.SmpLock.PER_CPU, 0, 32), cross = workingSets(UNTAGGED, KernelConfig.SmpLock.PER_CPU, 1, 32);
        assertEquals(0, exchanges(same));
        assertTrue(tlbMisses(cross) * 2 < tlbMisses(same), "TLB misses: exchanged " + tlbMisses(cross) + " against " + tlbMisses(same) + " with the switch");
        assertTrue(calls(cross) < calls(same), "cycles of the calls: exchanged " + calls(cross) + " against " + calls(same));
        long crossWalks = cross.inspector().path("lrpc.call").walkCycles() + cross.inspector().path("lrpc.return").walkCycles();
        long sameWalks = same.inspector().path("lrpc.call").walkCycles() + same.inspector().path("lrpc.return").walkCycles();
        assertTrue(crossWalks < sameWalks, "page-table walks in the call and return paths " + crossWalks + " vs " + sameWalks);
    }

    @Test
    void sameSeedSameExchanges() {
        Simulation a = workingSets(UNTAGGED, KernelConfig.SmpLock.BIG, 1, 4), b = workingSets(UNTAGGED, KernelConfig.SmpLock.BIG, 1, 4);
        assertEquals(a.inspector().paths(), b.inspector().paths());
        assertEquals(calls(a), calls(b));
    }

    /**
     * Client on cpu0 and server on {@code serverCpu}, each touching {@code pages} pages of its own
     * per call. Both fault their pages in first (sigma0 runs on cpu0), and the client starts calling
     * once the server waits, so the processors idle in the domains the calls go between.
     */
    static Simulation workingSets(Map<String, String> machine, KernelConfig.SmpLock lock, int serverCpu, int pages) {
        var touch = new Op.Touch(Scenarios.c(0x10000), Scenarios.c(0x10000 + 4096L * pages), Scenarios.c(4096), true, Scenarios.AT);
        var server = Scenarios.task("server", "root", MultiprocessorTest.pinned("pong", serverCpu, touch, Scenarios.waitAny("req"),
                Scenarios.repeat(ROUNDS, touch, Scenarios.replyWait("req", Scenarios.words(1, 2)))));
        var client = Scenarios.task("client", "root", MultiprocessorTest.pinned("ping", 0, touch, new Op.Compute(Scenarios.c(HEAD_START), Scenarios.AT),
                Scenarios.repeat(ROUNDS, Scenarios.call("server.pong", Scenarios.words(1, 2)), touch)));
        Simulation sim = Simulation.create(Scenarios.scenario("cortex_a9", LrpcTest.LRPC.withSmpLock(lock), server, client),
                MachinePresets.get().machine("cortex_a9", machine));
        sim.run();
        return sim;
    }

    private static long exchanges(Simulation sim) {
        return sim.inspector().paths().containsKey("lrpc.exchange") ? sim.inspector().path("lrpc.exchange").count() : 0;
    }

    static long tlbMisses(Simulation sim) {
        long n = 0;
        for (int i = 0; i < sim.machine().cpuCount(); i++) {
            var mem = sim.machine().mem(i);
            n += mem.tlb().misses() + (mem.itlb() != mem.tlb() ? mem.itlb().misses() : 0);
        }
        return n;
    }

    /** The client's processor's cycles after the head start: the calls and the client's touches. */
    static long calls(Simulation sim) {
        return sim.inspector().processors().get(0).clock() - HEAD_START;
    }
}
