package dev.mkw.kernel.tests;

import static dev.mkw.test.support.Scenarios.call;
import static dev.mkw.test.support.Scenarios.repeat;
import static dev.mkw.test.support.Scenarios.replyWait;
import static dev.mkw.test.support.Scenarios.scenario;
import static dev.mkw.test.support.Scenarios.task;
import static dev.mkw.test.support.Scenarios.thread;
import static dev.mkw.test.support.Scenarios.waitAny;
import static dev.mkw.test.support.Scenarios.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.abi.CountedPath;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.test.support.Scenarios;

/**
 * The IPC fast paths are the instruction mixes counted in real kernels (Pistachio on x86, seL4
 * on ARM: {@link CountedPath}), and each class of their instructions costs what the preset
 * says: a test per mechanism, failing when it stops costing.
 */
class CountedFastPathTest {

    private static final int ROUNDS = 200;

    private static Simulation run(Scenario s, Map<String, String> overrides) {
        Simulation sim = dev.mkw.test.support.Scenarios.run(s, overrides);
        assertTrue(sim.kernel().errors().isEmpty(), sim.kernel().errors().toString());
        return sim;
    }

    private static Simulation pingPong(String preset, Map<String, String> overrides) {
        return run(Scenarios.pingPong(preset, KernelConfig.defaults(), ROUNDS), overrides);
    }

    private static KernelPathStats fast(Simulation sim) {
        KernelPathStats p = sim.inspector().path("ipc.fastpath");
        assertTrue(p != null && p.count() > 0, "the fast path ran");
        return p;
    }

    @Test
    void armRunsSeL4sCountedCallAndReplyRecv() {
        Kernel a9 = pingPong("cortex_a9", Map.of()).kernel();
        // seL4's svc/rfe software part (sub lr; str lr) is in the count and charged by the entry variant.
        int stub = a9.entry().countedInstructions();
        assertEquals(2, stub);
        assertEquals(CountedPath.SEL4_AARCH32_CALL.instructions() - stub, a9.image().instructions(KernelCode.IPC_FASTPATH));
        assertEquals(CountedPath.SEL4_AARCH32_REPLY_RECV.instructions() - stub, a9.image().instructions(KernelCode.IPC_FASTPATH_REPLY));
        assertEquals(5, a9.image().systemRegisterMoves(KernelCode.IPC_FASTPATH), "mrc TPIDRPRW, two TLS reads, two TLS writes");
        assertEquals(145, CountedPath.SEL4_AARCH32_CALL.total());
        assertEquals(176, CountedPath.SEL4_AARCH32_REPLY_RECV.total());

        Kernel a53 = pingPong("cortex_a53", Map.of()).kernel();
        assertEquals(CountedPath.SEL4_AARCH64_CALL.instructions() - a53.entry().countedInstructions(), a53.image().instructions(KernelCode.IPC_FASTPATH));
        assertEquals(15, a53.image().systemRegisterMoves(KernelCode.IPC_FASTPATH_REPLY));
        assertEquals(194, CountedPath.SEL4_AARCH64_CALL.total());
        assertEquals(215, CountedPath.SEL4_AARCH64_REPLY_RECV.total());
        assertNotEquals(a53.image().start(KernelCode.IPC_FASTPATH), a53.image().start(KernelCode.IPC_FASTPATH_REPLY), "two functions, two places in the text");

        Kernel i486 = pingPong("i486_50", Map.of()).kernel();
        assertEquals(i486.image().start(KernelCode.IPC_FASTPATH), i486.image().start(KernelCode.IPC_FASTPATH_REPLY), "Pistachio: one path for both");
        assertEquals(1, i486.image().systemRegisterMoves(KernelCode.IPC_FASTPATH), "the mov %cr3 read");
    }

    @Test
    void systemRegisterMovesCostWhatThePresetSays() {
        // 15 mrs/msr in each seL4 AArch64 fast-path pass: on a scalar core (the preset's pipeline left out),
        // 2 cycles more each, 30 cycles a pass; IssueModelTest has what a pipeline makes of them.
        KernelPathStats one = fast(pingPong("cortex_a53", Map.of("costs.SYSTEM_REGISTER.cycles", "1", "pipeline", "none")));
        KernelPathStats three = fast(pingPong("cortex_a53", Map.of("costs.SYSTEM_REGISTER.cycles", "3", "pipeline", "none")));
        assertEquals(one.count(), three.count());
        assertEquals(30 * one.count(), three.total() - one.total());
        assertEquals(30 * one.count(), three.privilegedCycles() - one.privilegedCycles(), "system-register moves are privileged work");
    }

    @Test
    void theArmv7RegisterFileTransferCostsOnEveryEntryAndExit() {
        // seL4's stmdb/ldmdb {r0-lr}^ on ARMv7: REGISTER_SAVE on entry, REGISTER_RESTORE before rfe.
        KernelPathStats base = fast(pingPong("cortex_a9", Map.of()));
        KernelPathStats save = fast(pingPong("cortex_a9", Map.of("costs.REGISTER_SAVE.cycles", "18")));
        KernelPathStats restore = fast(pingPong("cortex_a9", Map.of("costs.REGISTER_RESTORE.cycles", "18")));
        assertEquals(10 * base.count(), save.total() - base.total(), "8 → 18 cycles per entry");
        assertEquals(10 * base.count(), restore.total() - base.total(), "8 → 18 cycles per exit");
        // AArch64 saves with stp/ldp, counted as instructions of the path: REGISTER_SAVE is not charged there.
        assertEquals(fast(pingPong("cortex_a53", Map.of())).total(), fast(pingPong("cortex_a53", Map.of("costs.REGISTER_SAVE.cycles", "160"))).total());
    }

    @Test
    void aCountedFastPathSwitchesThreadsItselfTheSlowPathPaysTheSwitchEstimate() {
        KernelConfig twiceTheSwitch = KernelConfig.defaults().withPathLengthScale(KernelCode.SWITCH, 2.0);
        for (String preset : new String[] {"i486_50", "cortex_a9"}) {
            assertEquals(fast(pingPong(preset, Map.of())).total(), fast(run(Scenarios.pingPong(preset, twiceTheSwitch, ROUNDS), Map.of())).total(),
                    preset + ": the counted path's own switch, no SWITCH estimate on top");
            KernelPathStats slow = run(Scenarios.pingPong(preset, KernelConfig.defaults().withFastpath(false), ROUNDS), Map.of()).inspector().path("ipc.slowpath");
            KernelPathStats slow2 = run(Scenarios.pingPong(preset, twiceTheSwitch.withFastpath(false), ROUNDS), Map.of()).inspector().path("ipc.slowpath");
            assertTrue(slow2.total() > slow.total(), preset + ": the slow path's switch is the estimate");
        }
    }

    /** A ping-pong with {@code n} untyped words each way. */
    private static Scenario pingPong(String preset, int n) {
        long[] w = new long[n];
        return scenario(preset, KernelConfig.defaults(), task("server", null, thread("pong", 100, waitAny("req"), repeat(ROUNDS, replyWait("req", words(w))))),
                task("client", null, thread("ping", 100, repeat(ROUNDS, call("server.pong", words(w))))));
    }

    @Test
    void seL4CopiesTheRegisterWordsAndPistachioDoesNot() {
        // seL4's copy loop: 4 instructions a word on AArch32 (ldr, str, cmp, bne), 5 on AArch64.
        long a9one = fast(run(pingPong("cortex_a9", 1), Map.of())).instructionCycles();
        long a9four = fast(run(pingPong("cortex_a9", 4), Map.of())).instructionCycles();
        long passes = fast(run(pingPong("cortex_a9", 1), Map.of())).count();
        assertEquals(3 * 4 * passes, a9four - a9one, "3 more words, 4 instructions each, every pass");
        long a53one = fast(run(pingPong("cortex_a53", 1), Map.of())).instructionCycles();
        long a53four = fast(run(pingPong("cortex_a53", 4), Map.of())).instructionCycles();
        assertEquals(3 * 5 * passes, a53four - a53one);
        // Pistachio ia32 passes MR1 and MR2 in EBX and EBP untouched.
        assertEquals(fast(run(pingPong("i486_50", 0), Map.of())).instructionCycles(), fast(run(pingPong("i486_50", 2), Map.of())).instructionCycles());
    }
}
