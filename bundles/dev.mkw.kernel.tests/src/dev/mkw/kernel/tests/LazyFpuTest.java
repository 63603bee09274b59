package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;

/**
 * Lazy FPU switching (Liedtke, "On µ-Kernel Construction", SOSP 1995, §4 "lazy switching";
 * the Intel SDM's CR0.TS): the FPU keeps its owner's state across thread switches; a thread's
 * FPU instruction traps only when the FPU holds another thread's state, and the trap moves the
 * state. Eager switching moves it at every switch to a thread that uses the FPU, and never traps.
 */
class LazyFpuTest {
    private static final KernelConfig LAZY = KernelConfig.defaults();
    private static final KernelConfig EAGER = KernelConfig.defaults().withFpuSwitch(KernelConfig.FpuSwitch.EAGER);

    @Test
    void lazyFpuTrapsOnFirstUseEagerSwitchesAlways() {
        KernelConfig lazy = KernelConfig.defaults();
        KernelConfig eager = KernelConfig.defaults().withFpuSwitch(KernelConfig.FpuSwitch.EAGER);
        TaskSpec[] tasks = {
            task("a", null, new ThreadSpec("x", 10, 0, 0, true, null, null, List.of(repeat(5, new Op.Fpu(c(100), AT), call("b.y", words(1)))), AT)),
            task("b", null, new ThreadSpec("y", 10, 0, 0, true, null, null, List.of(waitAny("m"), repeat(5, new Op.Fpu(c(100), AT), replyWait("m", words(1)))), AT))};
        Simulation l = run(scenario("i486_50", lazy, tasks));
        Simulation e = run(scenario("i486_50", eager, tasks));
        assertTrue(l.inspector().path("fpu.trap").count() >= 2, "lazy: traps");
        assertFalse((e.inspector().path("fpu.trap").count() > 0), "eager: no trap");
    }

    /** x calls y five times; each uses the FPU before its message if {@code xFpu}/{@code yFpu}. */
    private static Simulation pingPong(KernelConfig k, boolean xFpu, boolean yFpu, boolean declared) {
        Op[] xRound = xFpu ? new Op[] {new Op.Fpu(c(100), AT), call("b.y", words(1))} : new Op[] {new Op.Compute(c(100), AT), call("b.y", words(1))};
        Op[] yRound = yFpu ? new Op[] {new Op.Fpu(c(100), AT), replyWait("m", words(1))} : new Op[] {new Op.Compute(c(100), AT), replyWait("m", words(1))};
        var x = new ThreadSpec("x", 10, 0, 0, declared, null, null, List.of(repeat(5, xRound)), AT);
        var y = new ThreadSpec("y", 10, 0, 0, declared, null, null, List.of(waitAny("m"), repeat(5, yRound)), AT);
        Simulation sim = run(scenario("i486_50", k, task("a", null, x), task("b", null, y)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        return sim;
    }

    /** Two FPU users taking turns: every use after the other's finds the FPU holding foreign state, so each of the 10 uses traps. */
    @Test
    void everyChangeOfOwnerTraps() {
        Simulation sim = pingPong(LAZY, true, true, false);
        assertEquals(10, sim.inspector().path("fpu.trap").count());
    }

    /** One FPU user switching with a thread that never uses the FPU: the state stays in the FPU, only the first use traps. */
    @Test
    void noTrapWhileTheOwnerKeepsTheFpu() {
        Simulation sim = pingPong(LAZY, true, false, false);
        assertEquals(1, sim.inspector().path("fpu.trap").count(), "the first use only: y never took the FPU away");
        assertTrue(sim.inspector().thread("a.x").switchesIn() >= 5, "though x was switched away from and back to");
    }

    /**
     * A thread declared {@code uses-fpu} has its FPU state moved at each switch to it under eager
     * switching, from its first switch on (regression: the declaration had lost its effect when
     * the kernel moved behind the system-call boundary; only a first FPU instruction counted).
     * Lazy switching ignores the declaration: only the traps move state.
     */
    @Test
    void eagerSwitchingMovesTheStateOfThreadsDeclaredToUseTheFpu() {
        long declared = pingPong(EAGER, false, false, true).inspector().kernelCycles();
        long undeclared = pingPong(EAGER, false, false, false).inspector().kernelCycles();
        assertTrue(declared > undeclared, "eager: the declared FPU state moves at the switches: " + declared + " vs " + undeclared);
        assertEquals(pingPong(LAZY, false, false, true).inspector().kernelCycles(), pingPong(LAZY, false, false, false).inspector().kernelCycles(),
                "lazy: the declaration alone costs nothing");
    }

    /**
     * The case lazy switching was invented for (lecture I.8): one FPU user switching with a thread
     * that never touches the FPU. Eager switching saves its state when it is switched away from
     * and loads it when it comes back, every time (the kernel cannot know the state did not
     * change); lazy switching moves nothing after the first trap. Fails if eager switching skips
     * the move because the FPU still holds the state, which is lazy behaviour (an earlier model
     * error: eager then cost nothing here and the fpu experiment's lazy-fpu claim was missed).
     */
    @Test
    void eagerSwitchingSavesAndLoadsAtEverySwitchOfTheFpuUser() {
        Simulation eager = pingPong(EAGER, true, false, false);
        Simulation lazy = pingPong(LAZY, true, false, false);
        long switches = eager.inspector().thread("a.x").switchesIn();
        assertTrue(switches >= 5, "x is switched away from and back to");
        assertTrue(eager.inspector().kernelCycles() > lazy.inspector().kernelCycles(),
                "eager moves x's state at its switches, lazy traps once: " + eager.inspector().kernelCycles() + " vs " + lazy.inspector().kernelCycles());
        assertEquals(0, eager.inspector().path("fpu.trap").count(), "eager never traps");
    }
}
