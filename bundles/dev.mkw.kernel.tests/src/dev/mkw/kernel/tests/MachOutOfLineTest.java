package dev.mkw.kernel.tests;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/**
 * Mach's out-of-line memory under {@code kernel { ipc mach }} (dev.mkw.kernel.baseline.mach.OutOfLine;
 * Young et al., SOSP 1987; Rashid et al. 1989): a map item is a region sent by virtual copy, its pages
 * copy-on-write in the sender and mapped read-only into the receiver's window; the first write by
 * either side copies the page (path mach.cow); a region under two pages is copied physically. What
 * it costs is its mechanism: page-table work at send and receive, a page copy per page written.
 */
class MachOutOfLineTest {
    private static final long SRC = 0x100000, WINDOW = 0x800000;

    /**
     * tx.s touches {@code bytes} at SRC, sends them out of line to rx.r (or inline as a string),
     * then writes its region again if {@code senderWrites}; rx.r receives into its window at WINDOW
     * and touches the region, writing if {@code receiverWrites}.
     */
    static Simulation send(long bytes, boolean outOfLine, boolean senderWrites, boolean receiverWrites, boolean window) {
        int log2 = 63 - Long.numberOfLeadingZeros(bytes);
        MessageSpec.Item item = outOfLine ? new MessageSpec.MapItem(c(SRC), log2, "rw", false, c(0)) : new MessageSpec.StringItem(c(SRC), c(bytes));
        MessageSpec msg = new MessageSpec(null, c(1), List.of(c(7)), List.of(item));
        List<Op> tx = new ArrayList<>(List.of(touch(SRC, bytes, true), new Op.Send(new Target.Thread("rx.r"), msg, Timeout.NEVER, AT)));
        if (senderWrites) tx.add(new Op.Compute(c(200_000), AT));
        if (senderWrites) tx.add(touch(SRC, bytes, true));
        var acceptor = window ? new Op.Acceptor(c(WINDOW), 20, outOfLine ? null : c(WINDOW), outOfLine ? null : c(1 << 20)) : Op.Acceptor.NONE;
        List<Op> rx = List.of(new Op.Receive(new Target.Any(), acceptor, "m", Timeout.NEVER, AT), touch(WINDOW, bytes, receiverWrites));
        return run(scenario("i486_50", MachIpcTest.MACH, task("rx", "root", thread("r", 100, rx.toArray(Op[]::new))),
                task("tx", "root", thread("s", 90, tx.toArray(Op[]::new)))));
    }

    private static Op touch(long from, long bytes, boolean write) {
        return new Op.Touch(c(from), new Expr.Const(from + bytes), c(4096), write, AT);
    }

    private static long cow(Simulation sim) {
        return sim.inspector().paths().containsKey("mach.cow") ? sim.inspector().path("mach.cow").count() : 0;
    }

    @Test
    void aLargeRegionIsSharedCopyOnWriteUntilTheReceiverWrites() {
        Simulation read = send(64 * 1024, true, false, false, true);
        assertEquals(List.of(), read.inspector().errors());
        assertEquals(0, cow(read), "reading the region copies nothing");
        for (long off = 0; off < 64 * 1024; off += 4096) {
            assertEquals(read.inspector().translate("tx", SRC + off), read.inspector().translate("rx", WINDOW + off), "page " + off + " is the sender's frame");
        }
        Simulation write = send(64 * 1024, true, false, true, true);
        assertEquals(List.of(), write.inspector().errors());
        assertEquals(16, cow(write), "each page written is copied once");
        for (long off = 0; off < 64 * 1024; off += 4096) {
            assertNotEquals(write.inspector().translate("tx", SRC + off), write.inspector().translate("rx", WINDOW + off), "page " + off + " has its own frame now");
        }
        assertEquals(0, write.inspector().thread("rx.r").pageFaults() - 16, "the copy-on-write faults are the receiver's only page faults");
    }

    @Test
    void theSendersWriteCopiesThePageForTheReceiver() {
        Simulation sim = send(64 * 1024, true, true, false, true);
        assertEquals(List.of(), sim.inspector().errors());
        assertEquals(16, cow(sim));
        assertNotEquals(sim.inspector().translate("tx", SRC), sim.inspector().translate("rx", WINDOW));
    }

    /** The mechanism costs: a copy-on-write fault copies a page word by word; a virtual copy's send is cheaper than copying 64 KiB twice. */
    @Test
    void copyOnWriteCostsAPageCopyAndTheVirtualCopySavesTheTwoCopies() {
        var cowPath = send(64 * 1024, true, false, true, true).inspector().path("mach.cow");
        assertTrue(cowPath.total() / cowPath.count() > 4096 / 8, "a fault copies 512 words: " + cowPath);
        assertTrue(cowPath.memoryCycles() > 0 && cowPath.instructionCycles() > 0, cowPath.toString());
        long ool = send(64 * 1024, true, false, false, true).inspector().path("mach.msg").total();
        long inline = send(64 * 1024, false, false, false, true).inspector().path("mach.msg").total();
        assertTrue(ool * 4 < inline, "out of line " + ool + " against inline " + inline + " cycles in mach.msg");
    }

    @Test
    void aSmallRegionIsCopiedPhysically() {
        Simulation sim = send(4096, true, false, true, true);
        assertEquals(List.of(), sim.inspector().errors());
        assertEquals(0, cow(sim), "one page is copied at once, nothing shared");
        assertNotEquals(sim.inspector().translate("tx", SRC), sim.inspector().translate("rx", WINDOW));
    }

    @Test
    void withoutAWindowTheRegionHasNowhereToLand() {
        Simulation sim = send(64 * 1024, true, false, false, false);
        assertTrue(sim.inspector().errors().stream().anyMatch(e -> e.message().contains("names no window") && e.message().contains("MACH_RCV_TOO_LARGE")),
                sim.inspector().errors().toString());
    }

    @Test
    void aGrantIsStillRefused() {
        MessageSpec msg = new MessageSpec(null, c(1), List.of(), List.of(new MessageSpec.MapItem(c(SRC), 16, "rw", true, c(0))));
        Simulation sim = run(scenario("i486_50", MachIpcTest.MACH, task("rx", "root", thread("r", 100, waitAny("m"))),
                task("tx", "root", thread("s", 90, touch(SRC, 65536, true), new Op.Send(new Target.Thread("rx.r"), msg, Timeout.NEVER, AT)))));
        assertTrue(sim.inspector().errors().stream().anyMatch(e -> e.message().contains("a grant item is an L4 mechanism")), sim.inspector().errors().toString());
    }
}
