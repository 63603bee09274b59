package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.abi.MessageTag;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/**
 * The message transfer of an IPC (L4 X.2 reference manual, "Message Transfer"): the sender's
 * untyped words arrive in the receiver's MR1.. in order, whether they travel in CPU registers
 * (as many as the ISA's ABI puts there) or through both UTCBs; the receiver's MR0 holds the tag
 * with the label and word counts, FROM the sender's ID. A failed IPC leaves the E bit in MR0.
 */
class MessageTransferTest {

    private static Simulation send(String preset, long... words) {
        var s = thread("s", 10, new Op.Send(new Target.Thread("b.r"), words(words), Timeout.NEVER, AT));
        var r = thread("r", 20, new Op.Receive(new Target.Any(), null, "m", Timeout.NEVER, AT));
        Simulation sim = run(scenario(preset, KernelConfig.defaults(), task("a", null, s), task("b", null, r)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        return sim;
    }

    /** Ten words exceed the registers of every ISA (ia32 2, x86-64 7, ARM 4 untyped words in registers): all arrive in order. */
    @Test
    void untypedWordsArriveInOrderInRegistersAndThroughTheUtcb() {
        long[] words = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        for (String preset : new String[] {"i486_50", "x86_64_pcid", "cortex_a9"}) {
            Simulation sim = send(preset, words);
            var i = sim.inspector();
            for (int w = 0; w < words.length; w++) assertEquals(words[w], i.messageRegister("b.r", 1 + w), preset + ": MR" + (1 + w));
            MessageTag tag = MessageTag.decode(i.messageRegister("b.r", 0));
            assertEquals(10, tag.untypedWords(), preset);
            assertEquals(0, tag.typedWords(), preset);
            assertEquals(1, tag.label(), preset + ": the label the sender gave");
            assertFalse(tag.error(), preset);
            assertEquals(Long.decode(i.thread("a.s").id()), sim.userState("b.r").received("m").sender(), preset + ": FROM");
        }
    }

    /** A short message travels in registers only: the fast path takes it; a long one needs the slow path. */
    @Test
    void aMessageThatFitsTheRegistersTakesTheFastPath() {
        Simulation shortOne = send("i486_50", 1, 2);
        Simulation longOne = send("i486_50", 1, 2, 3);
        assertEquals(1, shortOne.inspector().path("ipc.fastpath").count(), "ia32: MR1, MR2 in registers");
        assertEquals(0, longOne.inspector().path("ipc.fastpath").count(), "MR3 is in the UTCB");
    }

    /** A receive that fails (here: it times out) leaves the E bit in MR0 and no words. */
    @Test
    void aFailedIpcSetsTheErrorBit() {
        var r = thread("r", 20, new Op.Receive(new Target.Thread("b.q"), null, "m", Timeout.cycles(1000), AT));
        var q = thread("q", 10, new Op.Compute(c(5000), AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("a", null, r), task("b", null, q)));
        MessageTag tag = MessageTag.decode(sim.inspector().messageRegister("a.r", 0));
        assertTrue(tag.error());
        assertEquals(0, tag.untypedWords());
    }
}
