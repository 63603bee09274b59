package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.inspect.MappingInfo;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.Timeout;

/**
 * Recursive address spaces (Liedtke, "On µ-Kernel Construction", SOSP 1995, §3.2: grant, map,
 * flush; L4 X.2 reference manual, "Map Item", "Grant Item", "Unmap"): a map item gives the
 * receiver a mapping derived from the sender's, with at most the sender's rights; a grant item
 * moves the sender's mapping to the receiver; unmap revokes rights from everything derived from
 * the caller's pages, recursively, and from the caller's own only with the flush flag.
 */
class MapGrantUnmapTest {

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

    /**
     * mem.s maps (or grants) its page 0x100000, which sigma0 backs with {@code regionRights},
     * into app.r's receive window at 0x200000, then runs {@code after}.
     */
    private static Simulation handOver(String regionRights, String itemRights, boolean grant, Op... after) {
        return handOver(regionRights, itemRights, grant, List.of(), after);
    }

    /** As above; the receiver runs {@code receiverAfter} once it has the mapping. */
    private static Simulation handOver(String regionRights, String itemRights, boolean grant, List<Op> receiverAfter, Op... after) {
        MessageSpec item = new MessageSpec(null, c(0), List.of(), List.of(new MessageSpec.MapItem(c(0x100000), 12, itemRights, grant, null)));
        List<Op> body = new java.util.ArrayList<>(List.of(new Op.Access(c(0x100000), Op.AccessKind.READ, AT),
                new Op.Send(new Target.Thread("app.r"), item, Timeout.NEVER, AT)));
        body.addAll(List.of(after));
        TaskSpec mem = new TaskSpec("mem", TaskSpec.ROOT_PAGER, null, List.of(new TaskSpec.RegionSpec(0x100000, 0x10000, regionRights, AT)),
                List.of(), List.of(), List.of(thread("s", 100, body.toArray(Op[]::new))), AT);
        List<Op> r = new java.util.ArrayList<>(List.of(new Op.Receive(new Target.Thread("mem.s"), new Op.Acceptor(c(0x200000), 12, null, null), "m", Timeout.NEVER, AT)));
        r.addAll(receiverAfter);
        var receiver = thread("r", 50, r.toArray(Op[]::new));
        Simulation sim = run(scenario("i486_50", KernelConfig.defaults(), mem, task("app", "root", receiver)));
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        return sim;
    }

    private static MappingInfo mapping(Simulation sim, String task, long vaddr) {
        return sim.inspector().mappings(task).stream().filter(m -> Long.decode(m.vaddr()) == vaddr).findFirst().orElse(null);
    }

    /** A map item derives the receiver's mapping from the sender's: same frame, the sender keeps its own. */
    @Test
    void mapDerivesAMappingOfTheSameFrameAndTheSenderKeepsItsOwn() {
        Simulation sim = handOver("rw", "rw", false);
        MappingInfo own = mapping(sim, "mem", 0x100000), got = mapping(sim, "app", 0x200000);
        assertEquals("0x100000", own.vaddr(), "the sender still has its page");
        assertEquals(own.frame(), got.frame(), "both reach the same frame");
        assertEquals("mem@0x100000", got.derivedFrom(), "the receiver's mapping hangs below the sender's in the mapping database");
        assertEquals(1, own.derived());
        assertEquals("rw-", got.rights());
        assertEquals(sim.inspector().translate("mem", 0x100000), sim.inspector().translate("app", 0x200000));
    }

    /** A grant item moves the mapping: the sender loses it, the receiver's takes its place in the tree. */
    @Test
    void grantMovesTheMappingAndTheSenderLosesIt() {
        Simulation sim = handOver("rw", "rw", true);
        assertEquals(null, mapping(sim, "mem", 0x100000), "the sender's mapping left its space");
        assertEquals(-1, sim.inspector().translate("mem", 0x100000), "and its page table");
        MappingInfo got = mapping(sim, "app", 0x200000);
        assertEquals("sigma0", got.derivedFrom(), "the granted node keeps its parent (sigma0's), not the sender's");
        assertTrue(sim.inspector().translate("app", 0x200000) >= 0);
    }

    /** Rights only shrink along a mapping: an item asking for rw of a read-only page maps it read-only. */
    @Test
    void aMappingHasAtMostTheSendersRights() {
        Simulation sim = handOver("r", "rw", false, List.of(new Op.Access(c(0x200000), Op.AccessKind.READ, AT)));
        assertEquals("r--", mapping(sim, "mem", 0x100000).rights());
        assertEquals("r--", mapping(sim, "app", 0x200000).rights(), "the w the item asked for is not the sender's to give");
        assertEquals(0, sim.inspector().thread("app.r").pageFaults(), "reading the page works");
        // In the page table too: a write to it faults (and sigma0, pager of app, then backs the page with a frame of its own).
        Simulation written = handOver("r", "rw", false, List.of(new Op.Access(c(0x200000), Op.AccessKind.WRITE, AT)));
        assertEquals(1, written.inspector().thread("app.r").pageFaults(), "the write faulted: the page is read-only in the page table");
    }

    /** Unmap of some rights lowers them in every derived mapping; without flush the caller's own stays as it was. */
    @Test
    void unmapOfTheWriteRightLeavesDerivedMappingsReadOnly() {
        Simulation sim = handOver("rw", "rw", false, new Op.Unmap(c(0x100000), 12, "w", false, AT));
        assertEquals("r--", mapping(sim, "app", 0x200000).rights(), "the receiver's mapping lost w");
        assertTrue(sim.inspector().translate("app", 0x200000) >= 0, "and is still there");
        assertEquals("rw-", mapping(sim, "mem", 0x100000).rights(), "the caller's own mapping is untouched without flush");
        assertEquals(0, sim.inspector().revokedMappings(), "nothing was removed");
    }

    /** Unmap with the flush flag revokes the caller's own mapping too. */
    @Test
    void unmapWithFlushRemovesTheCallersOwnMappingToo() {
        Simulation sim = handOver("rw", "rw", false, new Op.Unmap(c(0x100000), 12, "rwx", true, AT));
        assertEquals(null, mapping(sim, "app", 0x200000));
        assertEquals(null, mapping(sim, "mem", 0x100000));
        assertEquals(-1, sim.inspector().translate("mem", 0x100000));
        assertEquals(2, sim.inspector().revokedMappings());
    }

    /**
     * An unmap of the largest fpage, 2^63 bytes from 0 (every user address), reaches every
     * mapping in it (regression: its size overflowed to a negative bound and it revoked nothing).
     */
    @Test
    void unmapOfTheLargestFpageReachesEveryMapping() {
        Simulation sim = handOver("rw", "rw", false, new Op.Unmap(c(0), 63, "rwx", false, AT));
        assertEquals(null, mapping(sim, "app", 0x200000), "the derived mapping is gone");
        assertEquals("rw-", mapping(sim, "mem", 0x100000).rights(), "the caller's own stays without flush");
    }
}
