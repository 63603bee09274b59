package dev.mkw.kernel.tests;

import static dev.mkw.kernel.tests.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.run.Simulation;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/** String items: both copy variants deliver the bytes at different costs; an over-long string overflows. */
class StringIpcTest {

    private static Simulation send(KernelConfig k, long bytes, long buffer) {
        MessageSpec msg = new MessageSpec(null, c(3), List.of(), List.of(new MessageSpec.StringItem(c(0x20000), c(bytes))));
        var sender = thread("s", 100, new Op.Touch(c(0x20000), c(0x24000), c(4096), true, AT),
                new Op.Send(new Target.Thread("rx.r"), msg, Timeout.NEVER, AT));
        var receiver = thread("r", 110, new Op.Touch(c(0x30000), c(0x34000), c(4096), true, AT),
                new Op.Receive(new Target.Any(), new Op.Acceptor(null, 0, c(0x30000), c(buffer)), "m", Timeout.NEVER, AT));
        return run(scenario("i486_50", k, task("tx", "root", sender), task("rx", "root", receiver)));
    }

    @Test
    void bothVariantsDeliverTheString() {
        for (KernelConfig.StringCopy v : KernelConfig.StringCopy.values()) {
            Simulation sim = send(KernelConfig.defaults().withStringCopy(v), 6000, 16384);
            assertTrue(sim.kernel().errors.isEmpty(), v + ": " + sim.kernel().errors);
            assertEquals(6000, sim.userState("rx.r").received("m").stringBytes(), v.toString());
        }
    }

    @Test
    void copyInCopyOutMovesEveryWordTwice() {
        long twice = send(KernelConfig.defaults().withStringCopy(KernelConfig.StringCopy.COPY_IN_OUT), 12000, 16384).kernel().paths.get("ipc.slowpath").cycles;
        long once = send(KernelConfig.defaults().withStringCopy(KernelConfig.StringCopy.TEMPORARY_MAPPING), 12000, 16384).kernel().paths.get("ipc.slowpath").cycles;
        assertTrue(twice > once, "copy-in/copy-out " + twice + " vs temporary mapping " + once);
    }

    @Test
    void anOverlongStringIsAMessageOverflow() {
        Simulation sim = send(KernelConfig.defaults(), 5000, 4096);
        assertTrue(sim.kernel().errors.get(0).message().contains("message overflow: a string of 5000 bytes for the 4096 bytes left of a buffer of 4096"), sim.kernel().errors.toString());
        assertEquals((4 << 1) | 1, sim.userState("rx.r").received("m").error(), "L4 error code: message overflow, receive phase");
    }

    @Test
    void anEmptyStringIsFine() {
        Simulation sim = send(KernelConfig.defaults(), 0, 4096);
        assertTrue(sim.kernel().errors.isEmpty(), sim.kernel().errors.toString());
        assertEquals(0, sim.userState("rx.r").received("m").stringBytes());
    }
}
