package dev.mkw.kernel.tests;

import static dev.mkw.test.support.Scenarios.AT;
import static dev.mkw.test.support.Scenarios.c;
import static dev.mkw.test.support.Scenarios.call;
import static dev.mkw.test.support.Scenarios.repeat;
import static dev.mkw.test.support.Scenarios.replyWait;
import static dev.mkw.test.support.Scenarios.scenario;
import static dev.mkw.test.support.Scenarios.task;
import static dev.mkw.test.support.Scenarios.thread;
import static dev.mkw.test.support.Scenarios.waitAny;
import static dev.mkw.test.support.Scenarios.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.sim.InstructionStream;
import dev.mkw.hw.sim.InstructionStream.Kind;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.abi.CountedPath;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.test.support.Scenarios;

/**
 * On a machine with a pipeline, a counted kernel path runs as the walked instruction stream of
 * the real kernel, scheduled on that pipeline ({@code dev.mkw.hw.sim.IssueModel}): its cycles
 * come from width, units, latencies and dependencies, not from one cycle per instruction; and a
 * kernel data access costs only what it takes beyond a first-level hit, which the schedule has.
 */
class PipelineScheduleTest {

    private static final int ROUNDS = 200;
    private static final KernelConfig FIASCO = KernelConfig.defaults().withPath(KernelConfig.Path.FIASCO);

    private static Scenario pingPong(String preset, KernelConfig k) {
        return scenario(preset, k, task("server", null, thread("pong", 100, waitAny("req"), repeat(ROUNDS, replyWait("req", words())))),
                task("client", null, thread("ping", 100, repeat(ROUNDS, call("server.pong", words())))));
    }

    private static Scenario nullSyscall(String preset, KernelConfig k) {
        return scenario(preset, k, task("bench", null, thread("caller", 100, repeat(ROUNDS, new Op.Notify(new Target.Thread("bench.caller"), c(1), AT)))));
    }

    private static KernelPathStats path(Scenario s, Map<String, String> machine, String name) {
        Simulation sim = Scenarios.run(s, machine);
        assertTrue(sim.kernel().errors().isEmpty(), sim.kernel().errors().toString());
        KernelPathStats p = sim.inspector().path(name);
        assertTrue(p != null && p.count() > 0, name + " ran");
        return p;
    }

    @Test
    void everyStreamIsThePathItsCountsDescribe() {
        for (CountedPath p : List.of(CountedPath.SEL4_AARCH32_CALL, CountedPath.SEL4_AARCH32_REPLY_RECV, CountedPath.SEL4_AARCH64_CALL,
                CountedPath.SEL4_AARCH64_REPLY_RECV, CountedPath.FIASCO_AARCH64_CALL, CountedPath.FIASCO_AARCH64_REPLY_WAIT, CountedPath.FIASCO_AARCH64_INVOKE)) {
            InstructionStream s = p.instructionStream();
            assertNotNull(s, p.kernel());
            assertEquals(p.total(), s.length(), p.kernel() + ": every instruction of the pass");
            assertEquals(p.taken(), s.count(Kind.TAKEN_BRANCH), p.kernel() + ": taken branches");
            assertEquals(p.systemRegisterMoves(), s.count(Kind.SYSTEM_REGISTER), p.kernel() + ": system-register moves");
            assertEquals(p.barriers(), s.count(Kind.BARRIER), p.kernel() + ": barriers besides the address-space switch's");
            assertEquals(p.privileged(), s.count(Kind.SYSTEM_REGISTER) + s.count(Kind.BARRIER) + s.count(Kind.SERIALIZING), p.kernel() + ": privileged");
            assertEquals(p.simple(), s.count(Kind.ALU) + s.count(Kind.MULTI_CYCLE_ALU), p.kernel() + ": ALU instructions");
            assertEquals(p.stores(), s.count(Kind.STORE), p.kernel() + ": stores");
        }
        // The ARMv7 vector's ldr pc is a load the counts list among the loads and a taken branch the stream has as one.
        assertEquals(CountedPath.SEL4_AARCH32_CALL.loads() - 1, CountedPath.SEL4_AARCH32_CALL.instructionStream().count(Kind.LOAD));
        assertEquals(CountedPath.FIASCO_AARCH64_CALL.loads(), CountedPath.FIASCO_AARCH64_CALL.instructionStream().count(Kind.LOAD));
    }

    @Test
    void anOutOfOrderCoreRunsTheCountedPathInFewerCyclesThanInstructions() {
        // Fiasco's IPC call on the Cortex-A76 (4-wide, out of order): 570 instructions.
        KernelPathStats four = path(pingPong("cortex_a76", FIASCO), Map.of(), "ipc.fastpath");
        KernelPathStats one = path(pingPong("cortex_a76", FIASCO), Map.of("pipeline.issueWidth", "1"), "ipc.fastpath");
        KernelPathStats scalar = path(pingPong("cortex_a76", FIASCO), Map.of("pipeline", "none"), "ipc.fastpath");
        long perPass = four.instructionCycles() / four.count();
        assertTrue(perPass < CountedPath.FIASCO_AARCH64_CALL.total() / 2, "a quarter to a half of the instructions' count: " + perPass);
        assertTrue(one.instructionCycles() > 2 * four.instructionCycles(), "one issued a cycle: " + one.instructionCycles() + " vs " + four.instructionCycles());
        assertTrue(scalar.instructionCycles() > one.instructionCycles() - one.count() * 100L, "the scalar class sum is of the same order as width 1");
        assertTrue(four.total() < one.total() && one.total() < scalar.total() + scalar.count() * 200L);
        // The dependencies decide too: a longer load-to-use latency lengthens the schedule at the same width.
        KernelPathStats slowLoads = path(pingPong("cortex_a76", FIASCO), Map.of("pipeline.loadToUse", "8"), "ipc.fastpath");
        assertTrue(slowLoads.instructionCycles() > four.instructionCycles(), slowLoads.instructionCycles() + " vs " + four.instructionCycles());
    }

    @Test
    void inOrderDualIssueLiesBetweenScalarAndOutOfOrder() {
        long inOrder = path(nullSyscall("cortex_a53", FIASCO), Map.of(), "notify").instructionCycles();
        long outOfOrder = path(nullSyscall("cortex_a53", FIASCO), Map.of("pipeline.order", "out-of-order", "pipeline.window", "64"), "notify").instructionCycles();
        long scalar = path(nullSyscall("cortex_a53", FIASCO), Map.of("pipeline", "none"), "notify").instructionCycles();
        assertTrue(outOfOrder < inOrder && inOrder < scalar, outOfOrder + " < " + inOrder + " < " + scalar);
    }

    @Test
    void aPipelineHidesAKernelDataAccessThatHitsTheFirstLevel() {
        // notify touches the caller's TCB every pass: a first-level hit after the first, its latency in the schedule.
        KernelPathStats pipelined = path(nullSyscall("cortex_a76", FIASCO), Map.of(), "notify");
        KernelPathStats scalar = path(nullSyscall("cortex_a76", FIASCO), Map.of("pipeline", "none"), "notify");
        long hits = scalar.memoryCycles() - pipelined.memoryCycles();
        assertTrue(hits >= ROUNDS * 4L, "the L1D's 4 cycles a pass and more: " + hits);
        assertTrue(pipelined.memoryCycles() < ROUNDS, "what is left: misses only, " + pipelined.memoryCycles());
    }

    @Test
    void theScheduleIsComputedOncePerBlockAndIsTheSameEveryPass() {
        Simulation sim = Scenarios.run(pingPong("cortex_a9", KernelConfig.defaults()), Map.of());
        long call = sim.kernel().image().scheduledCycles(KernelCode.IPC_FASTPATH);
        long reply = sim.kernel().image().scheduledCycles(KernelCode.IPC_FASTPATH_REPLY);
        assertTrue(call > 0 && reply > call, call + " " + reply);
        assertEquals(-1, sim.kernel().image().scheduledCycles(KernelCode.IPC_SLOWPATH), "an estimated block has no stream");
        assertEquals(-1, Scenarios.run(pingPong("i486_50", KernelConfig.defaults()), Map.of()).kernel().image().scheduledCycles(KernelCode.IPC_FASTPATH),
                "a scalar core (and Pistachio's x86 path has no stream)");
    }
}
