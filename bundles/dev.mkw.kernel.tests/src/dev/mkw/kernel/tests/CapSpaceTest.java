package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.cap.Cap;
import dev.mkw.kernel.cap.CapSpace;

/**
 * A task's capability space (seL4 reference manual, "Capability Spaces", "Capability Derivation
 * Tree"): slots holding capabilities; a copy goes into the first free slot with at most the
 * original's rights and the same badge and target, as a child of the original; revoking a
 * capability removes every copy derived from it, in whichever space, and leaves the original.
 */
class CapSpaceTest {

    @Test
    void anEmptySlotHoldsNothing() {
        CapSpace s = new CapSpace("a");
        s.install(3, null, 7, Cap.SEND);
        assertNull(s.get(0));
        assertEquals(7, s.get(3).badge);
        assertEquals(3, s.get(3).slot());
        assertSame(s, s.get(3).space());
    }

    @Test
    void aCopyTakesTheFirstFreeSlotWithAtMostTheOriginalsRights() {
        CapSpace from = new CapSpace("a"), to = new CapSpace("b");
        Cap original = from.install(0, null, 0xA, Cap.rights("sg"));
        to.install(0, null, 1, Cap.SEND);
        to.install(2, null, 2, Cap.SEND);
        Cap copy = to.derive(original, Cap.rights("sgr"));
        assertEquals(1, copy.slot(), "slot 0 was taken, 1 is the first free one");
        assertEquals(Cap.SEND | Cap.GRANT, copy.rights, "r was not the original's to give");
        assertEquals(0xA, copy.badge, "the badge travels with it");
        assertSame(original, copy.parent);
        assertEquals(Cap.SEND, to.derive(original, Cap.SEND).rights);
        assertEquals(List.of(0, 1, 2, 3), to.all().stream().map(Cap::slot).toList());
    }

    @Test
    void revokeRemovesEveryDerivedCopyRecursivelyAndKeepsTheOriginal() {
        CapSpace a = new CapSpace("a"), b = new CapSpace("b"), c = new CapSpace("c");
        Cap original = a.install(0, null, 1, Cap.rights("sg"));
        Cap inB = b.derive(original, Cap.rights("sg"));
        c.derive(inB, Cap.SEND);
        Cap sibling = c.derive(original, Cap.SEND);
        assertEquals(3, CapSpace.revokeDerived(original), "b's copy, c's copy of it, and c's direct copy");
        assertSame(original, a.get(0));
        assertEquals(List.of(), b.all());
        assertEquals(List.of(), c.all());
        assertEquals(List.of(), original.children);
        assertEquals(0, CapSpace.revokeDerived(sibling), "a revoked copy has nothing below it");
    }

    /** Revoking a copy in the middle takes only what hangs below it. */
    @Test
    void revokingACopyLeavesItsSiblings() {
        CapSpace a = new CapSpace("a"), b = new CapSpace("b");
        Cap original = a.install(0, null, 1, Cap.rights("sg"));
        Cap left = b.derive(original, Cap.rights("sg")), right = b.derive(original, Cap.SEND);
        Cap below = b.derive(left, Cap.SEND);
        assertEquals(1, CapSpace.revokeDerived(left));
        assertNull(b.get(below.slot()));
        assertSame(left, b.get(left.slot()));
        assertSame(right, b.get(right.slot()));
    }

    @Test
    void rightsTextRoundTrips() {
        for (int r = 0; r < 8; r++) assertEquals(r, Cap.rights(Cap.rightsText(r)));
        assertEquals("sg-", Cap.rightsText(Cap.SEND | Cap.GRANT));
    }
}
