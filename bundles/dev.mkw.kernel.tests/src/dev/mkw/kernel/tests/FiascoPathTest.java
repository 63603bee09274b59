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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.CountedPath;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.test.support.Scenarios;

/**
 * {@code kernel { path fiasco }}: the IPC path is the Fiasco kernel's generic C++ path and a
 * system call the kernel answers itself ({@code notify}) its kernel-object invocation, each the
 * instruction mix counted in its ARMv8 build ({@link CountedPath#FIASCO_AARCH64_CALL},
 * {@code _REPLY_WAIT}, {@code _INVOKE}), with Fiasco's ABI: the message words in the UTCB. A
 * test per mechanism, failing when it stops costing.
 */
class FiascoPathTest {

    private static final int ROUNDS = 200;
    private static final KernelConfig FIASCO = KernelConfig.defaults().withPath(KernelConfig.Path.FIASCO);

    private static Simulation run(Scenario s, Map<String, String> overrides) {
        Simulation sim = dev.mkw.test.support.Scenarios.run(s, overrides);
        assertTrue(sim.kernel().errors().isEmpty(), sim.kernel().errors().toString());
        return sim;
    }

    /** A ping-pong with {@code n} untyped words each way: the server's first receive, then ROUNDS calls and replies. */
    private static Scenario pingPong(KernelConfig k, int n) {
        long[] w = new long[n];
        return scenario("cortex_a53", k, task("server", null, thread("pong", 100, waitAny("req"), repeat(ROUNDS, replyWait("req", words(w))))),
                task("client", null, thread("ping", 100, repeat(ROUNDS, call("server.pong", words(w))))));
    }

    /** A thread that sets a notification bit of its own ROUNDS times: the null system call. */
    private static Scenario nullSyscall(KernelConfig k) {
        return scenario("cortex_a53", k, task("bench", null, thread("caller", 100, repeat(ROUNDS, new Op.Notify(new Target.Thread("bench.caller"), c(1), AT)))));
    }

    private static KernelPathStats path(Simulation sim, String name) {
        KernelPathStats p = sim.inspector().path(name);
        assertTrue(p != null && p.count() > 0, name + " ran");
        return p;
    }

    @Test
    void theImageHoldsFiascosCountedPaths() {
        Kernel k = run(pingPong(FIASCO, 2), Map.of()).kernel();
        int stub = k.entry().countedInstructions();
        assertEquals(CountedPath.FIASCO_AARCH64_CALL.instructions() - stub, k.image().instructions(KernelCode.IPC_FASTPATH));
        assertEquals(CountedPath.FIASCO_AARCH64_REPLY_WAIT.instructions() - stub, k.image().instructions(KernelCode.IPC_FASTPATH_REPLY));
        assertEquals(CountedPath.FIASCO_AARCH64_INVOKE.instructions() - stub, k.image().instructions(KernelCode.NOTIFY));
        assertEquals(570, CountedPath.FIASCO_AARCH64_CALL.total());
        assertEquals(554, CountedPath.FIASCO_AARCH64_REPLY_WAIT.total());
        assertEquals(166, CountedPath.FIASCO_AARCH64_INVOKE.total());
        assertEquals(11 + 3, k.image().systemRegisterMoves(KernelCode.IPC_FASTPATH), "11 mrs/msr and 3 dmb on the call");
        assertEquals(6, k.image().systemRegisterMoves(KernelCode.NOTIFY), "mrs ESR, ELR, SPSR, DAIF; msr ELR, SPSR");
        assertEquals(k.image().start(KernelCode.IPC_FASTPATH), k.image().start(KernelCode.IPC_FASTPATH_REPLY), "one do_ipc for both");
        assertEquals(7, k.image().instructions(KernelCode.COPY_WORD), "memcpy: 13 instructions per two words");

        Kernel sel4 = run(pingPong(KernelConfig.defaults(), 2), Map.of()).kernel();
        assertEquals(CountedPath.SEL4_AARCH64_CALL.instructions() - stub, sel4.image().instructions(KernelCode.IPC_FASTPATH), "default on ARMv8: seL4");
        assertEquals(PathLengths.NOTIFY, sel4.image().instructions(KernelCode.NOTIFY), "seL4's notify is the estimate");
    }

    @Test
    void fiascosSystemRegisterMovesAndBarriersCost() {
        // Per call 14 (11 moves, 3 dmb), per reply-and-wait 12 (11, 1). On the A53's in-order pipeline a move's
        // SYSTEM_REGISTER cycles are its latency: they cost where an instruction waits for its result, and a dmb
        // waits for every older instruction, so 1 → 3 adds to every pass, but less than 2 a move.
        KernelPathStats one = path(run(pingPong(FIASCO, 2), Map.of("costs.SYSTEM_REGISTER.cycles", "1")), "ipc.fastpath");
        KernelPathStats three = path(run(pingPong(FIASCO, 2), Map.of("costs.SYSTEM_REGISTER.cycles", "3")), "ipc.fastpath");
        assertEquals(2 * ROUNDS, one.count(), "every call and every reply takes Fiasco's counted path");
        long added = three.total() - one.total();
        assertTrue(added >= 2L * ROUNDS * 2 && added <= 2L * ROUNDS * (2 * 14 + 2 * 12), "moves and barriers cost through the schedule: " + added);
        // On a scalar core (the pipeline left out) each one costs its SYSTEM_REGISTER in turn.
        KernelPathStats scalar1 = path(run(pingPong(FIASCO, 2), Map.of("costs.SYSTEM_REGISTER.cycles", "1", "pipeline", "none")), "ipc.fastpath");
        KernelPathStats scalar3 = path(run(pingPong(FIASCO, 2), Map.of("costs.SYSTEM_REGISTER.cycles", "3", "pipeline", "none")), "ipc.fastpath");
        assertEquals(ROUNDS * 2 * 14 + ROUNDS * 2 * 12, scalar3.privilegedCycles() - scalar1.privilegedCycles(), "system-register moves are privileged work");
    }

    @Test
    void fiascosTakenBranchesCost() {
        // 59 taken branches per call, 57 per reply-and-wait (seL4's: 9 and 12).
        KernelPathStats base = path(run(pingPong(FIASCO, 0), Map.of()), "ipc.fastpath");
        String taken = Long.toString(MachinePresets.get().description("cortex_a53").costs().get(dev.mkw.hw.sim.CostKind.BRANCH_TAKEN) + 1);
        KernelPathStats more = path(run(pingPong(FIASCO, 0), Map.of("costs.BRANCH_TAKEN.cycles", taken)), "ipc.fastpath");
        assertEquals(ROUNDS * (59 + 57), more.total() - base.total());
    }

    @Test
    void theMessageWordsGoThroughTheUtcbWithFiascosMemcpy() {
        // Fiasco's ABI keeps every message register in the UTCB: 4 words still take the counted path, 7 instructions a word.
        KernelPathStats none = path(run(pingPong(FIASCO, 0), Map.of()), "ipc.fastpath");
        KernelPathStats one = path(run(pingPong(FIASCO, 1), Map.of()), "ipc.fastpath");
        KernelPathStats four = path(run(pingPong(FIASCO, 4), Map.of()), "ipc.fastpath");
        assertEquals(none.count(), four.count());
        // 3 words more, 7 instructions each, every pass; the longer run's timer ticks land elsewhere and may add a few
        // instructions of other work to some pass (8 here: two QUEUE_LINK's worth), never a word's copy per pass.
        long extra = four.instructionCycles() - one.instructionCycles() - 3 * 7 * four.count();
        assertTrue(extra >= 0 && extra <= 4 * PathLengths.QUEUE_LINK,
                "0: " + none.instructionCycles() + "/" + none.count() + " 1: " + one.instructionCycles() + "/" + one.count() + " 4: " + four.instructionCycles() + "/" + four.count());
        assertTrue(four.total() - one.total() > four.instructionCycles() - one.instructionCycles(), "and the UTCB accesses cost besides");
    }

    @Test
    void notifyRunsFiascosKernelObjectInvocation() {
        KernelPathStats sel4 = path(run(nullSyscall(KernelConfig.defaults()), Map.of()), "notify");
        KernelPathStats fiasco = path(run(nullSyscall(FIASCO), Map.of()), "notify");
        assertEquals(ROUNDS, fiasco.count());
        // The estimate (20 instructions, one a cycle) against the counted invocation's 166 instructions as the A53's
        // dual-issue pipeline schedules them, net of the entry's 4 software instructions (which KernelEntry charges).
        Kernel k = run(nullSyscall(FIASCO), Map.of()).kernel();
        long scheduled = k.image().scheduledCycles(KernelCode.NOTIFY);
        assertTrue(scheduled > 20 && scheduled < 166, "dual issue: fewer cycles than instructions, " + scheduled);
        assertEquals(ROUNDS * (scheduled - 20), fiasco.instructionCycles() - sel4.instructionCycles(), "both pay the entry's software part besides");
        // Its 6 system-register moves cost (through the schedule); the estimate has none.
        KernelPathStats fiasco3 = path(run(nullSyscall(FIASCO), Map.of("costs.SYSTEM_REGISTER.cycles", "3")), "notify");
        assertTrue(fiasco3.total() > fiasco.total() && fiasco3.total() - fiasco.total() <= ROUNDS * 6 * 2);
        KernelPathStats sel43 = path(run(nullSyscall(KernelConfig.defaults()), Map.of("costs.SYSTEM_REGISTER.cycles", "3")), "notify");
        assertEquals(sel4.total(), sel43.total());
    }

    @Test
    void aKernelNotCountedForTheCpuIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> run(Scenarios.pingPong("i486_50", FIASCO, 10), Map.of()));
        assertEquals("kernel.path fiasco: its code was not counted for the x86-32 CPU of this machine; counted there: pistachio (or default: pistachio)", e.getMessage());
        var a9 = assertThrows(IllegalArgumentException.class, () -> run(Scenarios.pingPong("cortex_a9", FIASCO, 10), Map.of()));
        assertTrue(a9.getMessage().contains("armv7 CPU of this machine; counted there: sel4"), a9.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run(Scenarios.pingPong("cortex_a53", KernelConfig.defaults().withPath(KernelConfig.Path.PISTACHIO), 10), Map.of()));
        // Naming the default kernel is the default.
        assertEquals(path(run(pingPong(KernelConfig.defaults(), 2), Map.of()), "ipc.fastpath").total(),
                path(run(pingPong(KernelConfig.defaults().withPath(KernelConfig.Path.SEL4), 2), Map.of()), "ipc.fastpath").total());
    }
}
