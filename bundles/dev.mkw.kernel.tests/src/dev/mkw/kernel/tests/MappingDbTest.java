package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.FrameAllocator;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.memory.MappingDb;

/**
 * The mapping database (Liedtke, "On µ-Kernel Construction", SOSP 1995, §3.2; Microkernel
 * Construction I.12): per frame a derivation tree rooted at sigma0's idempotent mapping; map
 * adds a child with at most its parent's rights, grant moves a node to another space, unmap
 * revokes rights from a node's whole subtree, children before parents, removing the mappings
 * that lose read access.
 */
class MappingDbTest {
    private final SimMachine m = MachinePresets.get().machine("i486_50", 0);
    private final FrameAllocator frames = new FrameAllocator(m.memory(), 0x10_0000);
    private final MemoryHierarchy mem = m.mem(0);
    private final MappingDb db = new MappingDb(frames);
    private final long[] cycles = {0};
    private final AddressSpace sigma0 = space("sigma0", 1), a = space("a", 2), b = space("b", 3), c = space("c", 4), d = space("d", 5);
    private static final long FRAME = 0x80_0000;

    private AddressSpace space(String name, int asid) {
        return new AddressSpace(name, asid, m.memory(), m.mmu().format(), frames);
    }

    /** Records what unmap reports, in order. */
    private static final class Seen implements MappingDb.Revoker {
        final List<String> events = new ArrayList<>();
        @Override public void removed(MappingDb.Node n) { events.add("-" + n.space.name); }
        @Override public void reduced(MappingDb.Node n) { events.add("~" + n.space.name + ":" + Fpage.rightsText(n.rights)); }
    }

    @Test
    void sigma0sRootIsIdempotentAndUnique() {
        MappingDb.Node root = db.root(FRAME, sigma0);
        assertSame(root, db.root(FRAME, sigma0), "one root per frame");
        assertEquals(FRAME, root.vaddr, "sigma0 maps frame f at address f");
        assertNull(root.parent);
        assertEquals(Fpage.RWX, root.rights);
        assertSame(root, db.lookup(sigma0, FRAME + 0x123));
        assertEquals(1, db.roots().size());
    }

    @Test
    void mapDerivesAChildWithAtMostItsParentsRights() {
        MappingDb.Node root = db.root(FRAME, sigma0);
        MappingDb.Node na = db.map(root, a, 0x10000, Fpage.R | Fpage.W, Fpage.COMPLETE, mem, cycles);
        MappingDb.Node nb = db.map(na, b, 0x20000, Fpage.RWX, Fpage.COMPLETE, mem, cycles);
        assertSame(na, nb.parent);
        assertEquals(FRAME, nb.frame, "the same frame all the way down");
        assertEquals(Fpage.R | Fpage.W, nb.rights, "x was not a's to give");
        assertSame(nb, db.lookup(b, 0x20FFF));
        assertEquals(List.of(nb), na.children);
        assertEquals(3, root.subtreeSize());
        assertTrue(cycles[0] > 0, "the nodes live in simulated memory");
    }

    @Test
    void grantMovesTheNodeAndKeepsItsPlaceInTheTree() {
        MappingDb.Node root = db.root(FRAME, sigma0);
        MappingDb.Node na = db.map(root, a, 0x10000, Fpage.RWX, Fpage.COMPLETE, mem, cycles);
        MappingDb.Node moved = db.grant(na, b, 0x30000, Fpage.R, Fpage.COMPLETE, mem, cycles);
        assertSame(na, moved, "the same node");
        assertNull(db.lookup(a, 0x10000), "a lost it");
        assertSame(na, db.lookup(b, 0x30000));
        assertSame(root, na.parent);
        assertEquals(Fpage.R, na.rights);
        assertEquals(0, db.count(a));
        assertEquals(1, db.count(b));
    }

    /** root → a → b → c, and a → d: unmap of a's page (not a itself) removes b, c and d, children first. */
    @Test
    void unmapRevokesTheWholeSubtreeRecursively() {
        MappingDb.Node root = db.root(FRAME, sigma0);
        MappingDb.Node na = db.map(root, a, 0x10000, Fpage.RWX, Fpage.COMPLETE, mem, cycles);
        MappingDb.Node nb = db.map(na, b, 0x10000, Fpage.RWX, Fpage.COMPLETE, mem, cycles);
        db.map(nb, c, 0x10000, Fpage.RWX, Fpage.COMPLETE, mem, cycles);
        db.map(na, d, 0x10000, Fpage.RWX, Fpage.COMPLETE, mem, cycles);
        Seen seen = new Seen();
        int visited = db.unmap(na, Fpage.RWX, false, mem, cycles, seen);
        assertEquals(4, visited, "b, c, d and a itself");
        assertEquals(List.of("-c", "-b", "-d"), seen.events, "children before parents");
        assertNull(db.lookup(b, 0x10000));
        assertNull(db.lookup(c, 0x10000));
        assertNull(db.lookup(d, 0x10000));
        assertSame(na, db.lookup(a, 0x10000), "a keeps its own without self");
        assertTrue(na.children.isEmpty());
        assertEquals(3, db.revokedNodes());
    }

    /** Revoking w only lowers rights down the tree; nobody loses the mapping. With self, the node itself is revoked too. */
    @Test
    void partialUnmapReducesRightsAndSelfIncludesTheNode() {
        MappingDb.Node root = db.root(FRAME, sigma0);
        MappingDb.Node na = db.map(root, a, 0x10000, Fpage.RWX, Fpage.COMPLETE, mem, cycles);
        MappingDb.Node nb = db.map(na, b, 0x10000, Fpage.R | Fpage.W, Fpage.COMPLETE, mem, cycles);
        Seen seen = new Seen();
        db.unmap(na, Fpage.W, true, mem, cycles, seen);
        assertEquals(List.of("~b:r--", "~a:r-x"), seen.events);
        assertSame(nb, db.lookup(b, 0x10000));
        assertEquals(List.of(nb), na.children, "the tree is unchanged");
        assertEquals(0, db.revokedNodes());
        db.unmap(na, Fpage.RWX, true, mem, cycles, seen);
        assertNull(db.lookup(a, 0x10000));
        assertTrue(root.children.isEmpty(), "a and b are gone from sigma0's tree");
        assertEquals(2, db.revokedNodes());
    }

    @Test
    void mappingsOfASpaceAreOrderedByAddress() {
        MappingDb.Node r1 = db.root(FRAME, sigma0), r2 = db.root(FRAME + 0x1000, sigma0);
        db.map(r2, a, 0x50000, Fpage.R, Fpage.COMPLETE, mem, cycles);
        db.map(r1, a, 0x20000, Fpage.R, Fpage.COMPLETE, mem, cycles);
        assertEquals(List.of(0x20000L, 0x50000L), db.mappingsOf(a).stream().map(n -> n.vaddr).toList());
        assertEquals(2, db.count(a));
        assertEquals(List.of(), db.mappingsOf(b));
    }
}
