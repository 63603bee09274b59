package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelConfig.Entry;
import dev.mkw.run.ReportAssembler;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.MachineSpec;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;

/**
 * The kernel-entry variant: each mechanism costs through what it does (its entry and exit
 * cycles from the machine, the hardware frame it pushes through the memory hierarchy, the
 * saves it leaves to software), the default is what the real kernel uses on the CPU, and a
 * CPU without the mechanism asked for refuses it.
 */
class EntryVariantTest {

    static Simulation run(String preset, KernelConfig k, Map<String, String> overrides) {
        Scenario s = Scenarios.pingPong(preset, k, 200);
        s = s.withMachine(new MachineSpec(preset, overrides));
        Simulation sim = Simulation.create(s, MachinePresets.get().machine(preset, overrides));
        sim.run();
        assertTrue(sim.kernel().errors().isEmpty(), sim.kernel().errors().toString());
        return sim;
    }

    static RunReport report(Simulation sim) {
        return ReportAssembler.report(sim, Map.of(), "all threads done");
    }

    /** Mean cycles of the IPC fast path. */
    static double fastPath(Simulation sim) {
        KernelPathStats p = report(sim).kernelPaths().get("ipc.fastpath");
        assertTrue(p != null && p.count() > 0, "the fast path ran");
        return p.mean();
    }

    /** First-level data-cache accesses of the run (hits and misses of L1D). */
    static long l1dAccesses(Simulation sim) {
        var c = report(sim).cacheTotals().get("L1D");
        return c.hits() + c.misses();
    }

    @Test
    void theDefaultIsWhatTheRealKernelUsesOnTheCpu() {
        assertEquals("int/iret", run("i486_50", KernelConfig.defaults(), Map.of()).kernel().entry().name(), "Pistachio's 486 build: INT 0x30");
        assertEquals("syscall/sysret", run("x86_64_pcid", KernelConfig.defaults(), Map.of()).kernel().entry().name(), "Pistachio x64 and seL4");
        assertEquals("svc/rfe", run("cortex_a9", KernelConfig.defaults(), Map.of()).kernel().entry().name(), "seL4 ARMv7: srs/rfe");
        assertEquals("svc/eret", run("cortex_a53", KernelConfig.defaults(), Map.of()).kernel().entry().name());
    }

    @Test
    void eachMechanismOfACpuCostsItsOwn() {
        double sys = fastPath(run("x86_64_pcid", KernelConfig.defaults().withEntry(Entry.SYSCALL), Map.of()));
        double sysenter = fastPath(run("x86_64_pcid", KernelConfig.defaults().withEntry(Entry.SYSENTER), Map.of()));
        double interrupt = fastPath(run("x86_64_pcid", KernelConfig.defaults().withEntry(Entry.INT), Map.of()));
        assertTrue(interrupt > sys + 400, "int/iret (an interrupt gate each way) " + interrupt + " > syscall/sysret " + sys);
        assertTrue(sysenter != sys, "sysenter " + sysenter + " differs from syscall " + sys);
        double movs = fastPath(run("cortex_a9", KernelConfig.defaults().withEntry(Entry.SVC), Map.of()));
        double rfe = fastPath(run("cortex_a9", KernelConfig.defaults().withEntry(Entry.SVC_RFE), Map.of()));
        assertTrue(movs > rfe, "movs pc, lr leaves LR/SPSR to software saves: " + movs + " > srs/rfe " + rfe);
    }

    @Test
    void theSoftwareSavesOfAFastCallCost() {
        // Same entry and exit cycles for both: what is left is the software part. SYSENTER leaves
        // the user's EIP and ESP to the kernel (2 stores, 2 loads); SYSCALL only the stack pointer.
        Map<String, String> same = Map.of("entryMechanisms.sysenter/sysexit.entryCycles", "70", "entryMechanisms.sysenter/sysexit.exitCycles", "60");
        double sys = fastPath(run("x86_64_pcid", KernelConfig.defaults().withEntry(Entry.SYSCALL), same));
        double sysenter = fastPath(run("x86_64_pcid", KernelConfig.defaults().withEntry(Entry.SYSENTER), same));
        assertTrue(sysenter > sys, "sysenter's saves " + sysenter + " > syscall's " + sys);
    }

    @Test
    void theHardwareFrameGoesThroughTheDataCache() {
        // int and syscall at the same instruction cycles: int's frame (5 words pushed, 5 popped) is
        // written and read through the memory hierarchy; syscall has no frame, 3 software words.
        Map<String, String> same = Map.of("entryMechanisms.int/iret.entryCycles", "70", "entryMechanisms.int/iret.exitCycles", "60");
        long viaInt = l1dAccesses(run("x86_64_pcid", KernelConfig.defaults().withEntry(Entry.INT), same));
        long viaSyscall = l1dAccesses(run("x86_64_pcid", KernelConfig.defaults().withEntry(Entry.SYSCALL), same));
        assertTrue(viaInt > viaSyscall + 200 * 2 * 5, "int's frame words are data accesses: " + viaInt + " > " + viaSyscall);
    }

    @Test
    void aCpuWithoutTheMechanismRefusesIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> run("i486_50", KernelConfig.defaults().withEntry(Entry.SYSENTER), Map.of()));
        assertEquals("kernel.entry() sysenter: machine i486_50 (x86-32) has no sysenter/sysexit; its CPU offers int/iret (kernel.entry() int)", e.getMessage());
        var arm = assertThrows(IllegalArgumentException.class, () -> run("cortex_a53", KernelConfig.defaults().withEntry(Entry.SYSCALL), Map.of()));
        assertTrue(arm.getMessage().contains("has no syscall instruction; its CPU offers svc/eret (kernel.entry() svc)"), arm.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run("cortex_a53", KernelConfig.defaults().withEntry(Entry.SVC_RFE), Map.of()), "srs/rfe is ARMv7");
    }
}
