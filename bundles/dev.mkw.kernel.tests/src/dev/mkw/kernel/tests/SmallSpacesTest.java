package dev.mkw.kernel.tests;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.baseline.BaselineCode;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.TaskSpec;

/**
 * Small address spaces ({@code kernel { small-spaces on }}; Liedtke, "Improved address-space
 * switching on Pentium processors by transparently multiplexing user address spaces", 1995): an IPC
 * between two small spaces reloads segment registers instead of the page directory, so the TLB keeps
 * both spaces' translations, and the client's working set survives the round trip. The kernel
 * invariants (on in every test) check that no TLB entry is ever stale across these switches.
 */
class SmallSpacesTest {
    static final KernelConfig SMALL = KernelConfig.defaults().withSmallSpaces(true);

    /** Ping-pong on the Pentium where the client touches {@code pages} pages of its data between calls. */
    static Simulation pingPong(KernelConfig k, int pages, long rounds, long serverRegionBase) {
        var server = task("server", null, thread("pong", 100, waitAny("req"), repeat(rounds, replyWait("req", words(1, 2)))));
        if (serverRegionBase > 0) server = withRegion(server, new TaskSpec.RegionSpec(serverRegionBase, 0x1000_0000L, "rw", AT));
        var client = task("client", "root", thread("ping", 100, repeat(rounds, call("server.pong", words(1, 2)),
                new Op.Touch(c(0x10000), c(0x10000 + 4096L * pages), c(4096), true, AT))));
        client = withRegion(client, new TaskSpec.RegionSpec(0x10000, 0x10_0000, "rw", AT));
        return run(scenario("pentium_100", k, server, client));
    }

    private static TaskSpec withRegion(TaskSpec t, TaskSpec.RegionSpec r) {
        return new TaskSpec(t.name(), t.pager(), t.exceptionHandler(), List.of(r), t.ioPorts(), t.caps(), t.threads(), t.at(), t.privileged());
    }

    static long total(Simulation sim) {
        return sim.inspector().accountTotals().values().stream().mapToLong(Long::longValue).sum();
    }

    static long tlbMisses(Simulation sim) {
        var mem = sim.machine().mem(0);
        return mem.tlb().misses() + (mem.itlb() != mem.tlb() ? mem.itlb().misses() : 0);
    }

    @Test
    void smallSpacesKeepTheClientsTranslationsAcrossIpc() {
        // 32 pages: the two spaces' translations and the kernel's fit the Pentium's 64-entry data TLB
        // together. (With 48 the shared TLB's capacity decides and the full switch is cheaper in MKW.)
        Simulation small = pingPong(SMALL, 32, 100, 0), full = pingPong(KernelConfig.defaults(), 32, 100, 0);
        assertTrue(small.inspector().errors().isEmpty(), small.inspector().errors().toString());
        long smallMisses = tlbMisses(small), fullMisses = tlbMisses(full);
        assertTrue(smallMisses * 2 < fullMisses, "TLB misses with small spaces " + smallMisses + ", with full switches " + fullMisses);
        // The client's own accesses no longer refill the TLB after every round trip.
        long smallUser = small.inspector().thread("client.ping").userCycles(), fullUser = full.inspector().thread("client.ping").userCycles();
        assertTrue(smallUser < fullUser, "client user cycles " + smallUser + " vs " + fullUser);
        assertTrue(total(small) < total(full), "run " + total(small) + " vs " + total(full) + " cycles");
    }

    @Test
    void aSwitchReloadsSegmentsInsteadOfThePageDirectory() {
        var small = pingPong(SMALL, 0, 100, 0).inspector().path("ipc.fastpath");
        var full = pingPong(KernelConfig.defaults(), 0, 100, 0).inspector().path("ipc.fastpath");
        double perCall = (small.instructionCycles() - full.instructionCycles()) / (double) small.count();
        // The descriptor rewrite and segment loads are instructions the full switch does not run...
        assertTrue(perCall >= BaselineCode.SMALL_SPACE_SWITCH.instructions(), "segment reload: " + perCall + " more instruction cycles per IPC");
        // ...and what it saves is the flush: the kernel's own TLB entries survive the switch.
        assertTrue(small.tlbMisses() < full.tlbMisses() && small.walkCycles() < full.walkCycles(), small + " vs " + full);
    }

    @Test
    void aTaskTooLargeStaysInALargeSpace() {
        // The server's region ends at 2.25 GiB: no segment of the 512 MiB region holds it, so every
        // switch to it loads its page directory, and back to the small client costs a segment reload.
        Simulation sim = pingPong(SMALL, 16, 50, 0x8000_0000L);
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        Simulation both = pingPong(SMALL, 16, 50, 0);
        assertTrue(tlbMisses(sim) > tlbMisses(both), tlbMisses(sim) + " vs " + tlbMisses(both));
    }

    @Test
    void onlyX86_32HasSegments() {
        Simulation sim = run(scenario("x86_64_pcid", SMALL, task("t", null, thread("a", 1, new Op.Compute(c(10), AT)))));
        assertTrue(sim.inspector().errors().stream().anyMatch(e -> e.message().contains("segments of x86-32")), sim.inspector().errors().toString());
    }

    @Test
    void sameSeedSameRun() {
        assertEquals(pingPong(SMALL, 4, 20, 0).inspector().path("ipc.fastpath"), pingPong(SMALL, 4, 20, 0).inspector().path("ipc.fastpath"));
    }
}
