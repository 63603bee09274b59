package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;

/**
 * What the kernel's mechanisms share ({@code Kernel}): the thread switch with its address-space
 * switch (an untagged TLB is flushed by it, a tagged one is not: Liedtke, "On µ-Kernel
 * Construction", SOSP 1995, §4.2), the accounting that puts every cycle into one account, and
 * determinism (same scenario and seed, same run).
 */
class KernelTest {

    @Test
    void sameSeedSameRunCycleForCycle() {
        Simulation one = run(pingPong("pentium_100", KernelConfig.defaults(), 50));
        Simulation two = run(pingPong("pentium_100", KernelConfig.defaults(), 50));
        assertEquals(one.engine().cpuClock(0), two.engine().cpuClock(0));
        assertEquals(one.inspector().accountTotals(), two.inspector().accountTotals());
    }

    @Test
    void accountingAddsUpToElapsedCycles() {
        Simulation sim = run(pingPong("x86_64_pcid", KernelConfig.defaults(), 50));
        long sum = sim.inspector().accountTotals().values().stream().mapToLong(Long::longValue).sum();
        long clocks = 0;
        for (int cpu = 0; cpu < sim.machine().cpuCount(); cpu++) clocks += sim.engine().cpuClock(cpu);
        assertEquals(clocks, sum, "every cycle of every processor's clock is in one account");
        sim.checkAccounting(); // checks again, throws on a mismatch
    }

    @Test
    void invariantsHoldThroughARun() {
        Simulation sim = run(pingPong("i486_50", KernelConfig.defaults().withCheckInvariants(true), 50));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
    }

    @Test
    void taggedTlbAvoidsTheFlushOnAddressSpaceSwitch() {
        Simulation untagged = run(pingPong("i486_50", KernelConfig.defaults(), 50));
        Simulation tagged = run(pingPong("x86_64_pcid", KernelConfig.defaults(), 50));
        assertTrue(untagged.machine().mem(0).tlb().flushes() >= 100, "i486: a flush per switch");
        assertEquals(0, tagged.machine().mem(0).tlb().flushes(), "PCID: no flush");
    }
}
