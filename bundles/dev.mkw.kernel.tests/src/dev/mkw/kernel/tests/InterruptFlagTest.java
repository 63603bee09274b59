package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.AT;
import static dev.mkw.test.support.Scenarios.c;
import static dev.mkw.test.support.Scenarios.repeat;
import static dev.mkw.test.support.Scenarios.scenario;
import static dev.mkw.test.support.Scenarios.task;
import static dev.mkw.test.support.Scenarios.thread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelConfig.InterruptFlag;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.sim.report.KernelPathStats;

/**
 * A user-level driver's cli/sti (Microkernel Construction I.8): under TRAP each one is a
 * kernel entry (x86: the #GP and its emulation; ARM: a system call) that costs its entry,
 * emulation and exit; under VIRTUAL each one is a store to the thread's UTCB, with no trap.
 */
class InterruptFlagTest {

    /** A thread that disables and enables interrupts {@code n} times around some work, or only works. */
    static Simulation driver(String preset, InterruptFlag flag, boolean cliSti) {
        Op work = new Op.Compute(c(50), AT);
        Op body = cliSti ? repeat(100, new Op.SetInterruptFlag(false, AT), work, new Op.SetInterruptFlag(true, AT)) : repeat(100, work);
        Simulation sim = Scenarios.run(scenario(preset, KernelConfig.defaults().withInterruptFlag(flag), task("drv", null, thread("d", 50, body))));
        assertTrue(sim.kernel().errors().isEmpty(), sim.kernel().errors().toString());
        return sim;
    }

    static KernelPathStats irqflag(Simulation sim) {
        return EntryVariantTest.report(sim).kernelPaths().get("irqflag");
    }

    static long userCycles(Simulation sim) {
        return EntryVariantTest.report(sim).threads().get("drv.d").userCycles();
    }

    @Test
    void underTrapEveryCliAndStiEntersTheKernel() {
        for (String preset : new String[] {"i486_50", "cortex_a53"}) {
            KernelPathStats p = irqflag(driver(preset, InterruptFlag.TRAP, true));
            assertEquals(200, p.count(), preset + ": one kernel entry per cli and per sti");
            assertTrue(p.mean() > 20, preset + ": entry, emulation and exit cost " + p.mean());
            assertTrue(p.privilegedCycles() > 0 && p.instructionCycles() > 0, preset + ": a trap and the emulation's instructions");
        }
    }

    @Test
    void aVirtualFlagIsAUserStoreWithoutATrap() {
        Simulation virtual = driver("i486_50", InterruptFlag.VIRTUAL, true);
        assertNull(irqflag(virtual), "no kernel entry");
        long with = userCycles(virtual), without = userCycles(driver("i486_50", InterruptFlag.VIRTUAL, false));
        assertTrue(with >= without + 200, "every cli and sti stores to the UTCB: " + with + " vs " + without + " without them");
        Simulation trap = driver("i486_50", InterruptFlag.TRAP, true);
        long trapTotal = EntryVariantTest.report(trap).cycles(), virtualTotal = EntryVariantTest.report(virtual).cycles();
        assertTrue(trapTotal > virtualTotal + 200 * 100, "trapping " + trapTotal + " costs far more than the virtual flag " + virtualTotal);
    }
}
