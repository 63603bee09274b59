package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelError;
import dev.mkw.run.Simulation;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/**
 * Random map, grant and unmap sequences through a pager hierarchy three deep (p0 owns memory
 * from sigma0, maps and grants on to p1, p1 on to p2, and each unmaps now and then, with random
 * rights and the flush flag), on machines with untagged and tagged TLBs. The memory invariants
 * run after every system call: page tables and mapping database agree, rights shrink down the
 * tree, every tree hangs from sigma0, and no TLB keeps a translation the page tables dropped,
 * so every mapping of a frame reaches the same memory.
 */
class RandomMappingPropertyTest {
    private static final long P0 = 0x100000, P1 = 0x200000, P2 = 0x300000;
    private static final int WINDOW = 18; // 256 KiB receive windows
    private static final String[] RIGHTS = {"r", "rw", "rwx"};

    @Test
    void randomMapGrantUnmapKeepsTheMemoryInvariants() {
        List<String> failures = new ArrayList<>();
        int grants = 0, unmaps = 0, refusals = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Random r = new Random(seed);
            String preset = seed % 2 == 0 ? "x86_64_pcid" : "i486_50";
            List<Op> p0 = new ArrayList<>(), p1 = new ArrayList<>(), p2 = new ArrayList<>();
            p0.add(new Op.Touch(c(P0), c(P0 + 0x40000), c(4096), true, AT));
            int rounds = 6 + r.nextInt(10);
            for (int i = 0; i < rounds; i++) {
                boolean grant = r.nextInt(5) == 0;
                if (grant) grants++;
                p0.add(send("p1.t", P0, r, grant));
                // Now and then p1 opens no window (a receive without acceptor): the map must be refused
                // and p1's own pages stay as they are; the window invariant checks every mapping.
                boolean noWindow = r.nextInt(6) == 0;
                if (noWindow) refusals++;
                p1.add(noWindow ? new Op.Receive(new Target.Thread("p0.t"), null, "m", Timeout.NEVER, AT) : receive("p0.t", P1));
                p1.add(send("p2.t", P1, r, r.nextInt(5) == 0));
                p2.add(receive("p1.t", P2));
                if (r.nextInt(3) == 0) { p0.add(unmap(P0, r)); unmaps++; }
                if (r.nextInt(3) == 0) { p1.add(unmap(P1, r)); unmaps++; }
                // p2 reads a random page of its window: mapped, or a fault its pager (sigma0) serves.
                p2.add(new Op.Access(c(P2 + 4096L * r.nextInt(64)), Op.AccessKind.READ, AT));
            }
            Scenario s = scenario(preset, KernelConfig.defaults(), task("p0", "root", thread("t", 30, p0.toArray(Op[]::new))),
                    task("p1", "root", thread("t", 20, p1.toArray(Op[]::new))), task("p2", "root", thread("t", 10, p2.toArray(Op[]::new))));
            Simulation sim = run(s);
            for (KernelError e : sim.inspector().errors()) {
                // Sending what one no longer has (granted or flushed away) is the user's mistake, reported; anything else is not.
                if (!e.message().contains("has not mapped itself") && !e.message().contains("opened no receive window")) failures.add("seed " + seed + " (" + preset + "): " + e.message());
            }
            if (!sim.inspector().allThreadsEnded()) failures.add("seed " + seed + ": did not finish: " + sim.threads());
            assertEquals(sim.engine().cpuClock(0), run(s).engine().cpuClock(0), "seed " + seed + ": deterministic");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(grants > 10 && unmaps > 50 && refusals > 20, "the runs exercised grant, unmap and refused maps: " + grants + " grants, " + unmaps
                + " unmaps, " + refusals + " receives without a window");
    }

    /** A map or grant item of 1, 2 or 4 pages from a random place of the sender's 256 KiB. */
    private static Op send(String to, long base, Random r, boolean grant) {
        int sizeLog2 = 12 + r.nextInt(3);
        long at = base + ((4096L * r.nextInt(64)) & -(1L << sizeLog2));
        MessageSpec m = new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(c(at), sizeLog2, RIGHTS[r.nextInt(3)], grant, c(at))));
        return new Op.Send(new Target.Thread(to), m, Timeout.NEVER, AT);
    }

    private static Op receive(String from, long window) {
        return new Op.Receive(new Target.Thread(from), new Op.Acceptor(c(window), WINDOW, null, null), "m", Timeout.NEVER, AT);
    }

    private static Op unmap(long base, Random r) {
        int sizeLog2 = 12 + r.nextInt(4);
        long at = base + ((4096L * r.nextInt(64)) & -(1L << sizeLog2));
        return new Op.Unmap(c(at), sizeLog2, RIGHTS[r.nextInt(3)], r.nextInt(4) == 0, AT);
    }
}
