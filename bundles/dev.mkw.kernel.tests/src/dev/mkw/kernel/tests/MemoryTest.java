package dev.mkw.kernel.tests;

import static dev.mkw.kernel.tests.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.ipc.TimeoutCodec;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;

/** Flexpages, timeouts' encoding, sigma0, user-level pagers with page-fault IPC, map and recursive unmap. */
class MemoryTest {

    @Test
    void fpageEncodingRoundTrips() {
        Fpage f = new Fpage(0x40_0000, 22, Fpage.R | Fpage.W);
        assertEquals(f, Fpage.decode(f.encode()));
        assertEquals(Fpage.COMPLETE, Fpage.decode(Fpage.COMPLETE.encode()));
        assertTrue(Fpage.NIL.isNil());
        assertThrows(IllegalArgumentException.class, () -> new Fpage(0x1000, 13, 7), "base must be aligned to the size");
        assertThrows(IllegalArgumentException.class, () -> new Fpage(0, 11, 7), "at least a page");
    }

    @Test
    void timeoutEncodingCoversItsRangeAndRoundsUp() {
        assertEquals(-1, TimeoutCodec.decode(TimeoutCodec.NEVER));
        assertEquals(0, TimeoutCodec.decode(TimeoutCodec.ZERO));
        assertEquals(1, TimeoutCodec.decode(TimeoutCodec.encode(1)));
        assertEquals(1023, TimeoutCodec.decode(TimeoutCodec.encode(1023)));
        assertEquals(1024, TimeoutCodec.decode(TimeoutCodec.encode(1024)));
        long odd = 1_000_001;
        assertTrue(TimeoutCodec.decode(TimeoutCodec.encode(odd)) >= odd, "never early");
        assertEquals(1023L << 31, TimeoutCodec.maxMicros());
        assertTrue(TimeoutCodec.maxMicros() / 3_600_000_000L >= 610, "about 610 hours");
        assertThrows(IllegalArgumentException.class, () -> TimeoutCodec.encode(TimeoutCodec.maxMicros() + (1L << 31)));
    }

    @Test
    void sigma0MapsOnFaultAndTheThreadResumesInvisibly() {
        var t = thread("t", 10, new Op.Touch(c(0x10000), c(0x20000), c(4096), true, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("app", "root", t)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(16, sim.threads().get(0).pageFaults());
        assertEquals("DEAD", sim.threads().get(0).state(), "ran to the end");
    }

    @Test
    void aThreadWithoutPagerIsAUserErrorNamingThreadAndAddress() {
        var t = thread("t", 10, new Op.Access(c(0x5000), Op.AccessKind.READ, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("app", null, t)));
        assertEquals(1, sim.inspector().errors().size());
        assertEquals("app.t", sim.inspector().errors().get(0).thread());
        assertTrue(sim.inspector().errors().get(0).message().contains("page fault at 0x5000"), sim.inspector().errors().get(0).message());
    }

    /**
     * Send fpage and receive window of different sizes (L4 X.2): a 64 KiB fpage into a 16 KiB
     * window sends only the 16 KiB part holding the hot spot; a 4 KiB fpage into a 16 KiB
     * window lands at the hot spot's offset in the window.
     */
    @Test
    void mismatchedFpageAndWindowSizesFollowTheHotSpot() {
        MessageSpec big = new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(c(0x100000), 16, "rw", false, c(0x105000))));
        MessageSpec small = new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(c(0x100000), 12, "r", false, c(0x103000))));
        var sender = thread("s", 100, new Op.Touch(c(0x100000), c(0x110000), c(4096), true, AT),
                new Op.Send(new Target.Thread("app.r"), big, dev.mkw.scenario.Timeout.NEVER, AT),
                new Op.Send(new Target.Thread("app.r"), small, dev.mkw.scenario.Timeout.NEVER, AT));
        var receiver = thread("r", 50,
                new Op.Receive(new Target.Thread("mem.s"), new Op.Acceptor(c(0x200000), 14, null, null), "m", dev.mkw.scenario.Timeout.NEVER, AT),
                new Op.Receive(new Target.Thread("mem.s"), new Op.Acceptor(c(0x300000), 14, null, null), "n", dev.mkw.scenario.Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("mem", "root", sender), task("app", "root", receiver)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        var k = sim.kernel();
        var got = k.mappingDb().mappingsOf(k.thread("app.r").space).stream().filter(n -> n.vaddr < dev.mkw.kernel.KernelLayout.USER_TEXT).map(n -> Long.toHexString(n.vaddr)).toList();
        // The hot spot 0x105000 lies in the second 16 KiB quarter of the 64 KiB fpage: 0x104000..0x107fff.
        assertEquals(List.of("200000", "201000", "202000", "203000", "303000"), got);
        var senderSpace = k.thread("mem.s").space;
        assertEquals(k.mappingDb().lookup(senderSpace, 0x104000).frame, k.mappingDb().lookup(k.thread("app.r").space, 0x200000).frame);
        assertEquals(k.mappingDb().lookup(senderSpace, 0x100000).frame, k.mappingDb().lookup(k.thread("app.r").space, 0x303000).frame);
    }

    /** A pager maps its own pages (from sigma0) into a client on page-fault IPC, then revokes them. */
    @Test
    void userLevelPagerServesFaultsAndUnmapRevokesRecursively() {
        Expr page = new Expr.Binary("&", new Expr.Field("f", "addr"), c(0xFFFF_F000L));
        Expr source = new Expr.Binary("+", new Expr.Binary("-", page, c(0x10000)), c(0x100000));
        MessageSpec mapIt = new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(source, 12, "rw", false, null)));
        var pager = thread("pager", 100,
                new Op.Touch(c(0x100000), c(0x104000), c(4096), true, AT),
                repeat(4, new Op.Receive(new Target.Any(), null, "f", dev.mkw.scenario.Timeout.NEVER, AT), new Op.Reply(new Target.Sender("f"), mapIt, AT)),
                new Op.Receive(new Target.Thread("app.c"), null, "done", dev.mkw.scenario.Timeout.NEVER, AT),
                new Op.Unmap(c(0x100000), 14, "rwx", false, AT));
        var client = thread("c", 50, new Op.Touch(c(0x10000), c(0x14000), c(4096), true, AT),
                new Op.Send(new Target.Thread("mem.pager"), words(1), dev.mkw.scenario.Timeout.NEVER, AT));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), task("mem", "root", pager), task("app", "mem.pager", client)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertEquals(4, sim.inspector().thread("app.c").pageFaults(), "one fault IPC per page");
        assertEquals(4, sim.inspector().revokedMappings(), "unmap revoked the four derived mappings");
        assertEquals(-1, sim.inspector().translate("app", 0x10000), "gone from the client's page table");
        assertTrue(sim.inspector().translate("mem", 0x100000) >= 0, "the pager keeps its own mapping (no flush)");
    }
}
