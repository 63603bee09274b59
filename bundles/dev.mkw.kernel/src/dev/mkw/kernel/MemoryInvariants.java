package dev.mkw.kernel;

import java.util.HashMap;
import java.util.Map;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.Tlb;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.MappingDb;
import dev.mkw.kernel.thread.Tcb;

/**
 * The invariants of address spaces and the mapping database (Microkernel Construction I.12;
 * checked with the others in {@link Invariants}):
 * <ul>
 * <li>every user page-table entry is backed by a mapping-database node (the UTCB pages, which
 * the kernel maps itself, aside), and every node by an entry that maps the node's frame;</li>
 * <li>a derived mapping has at most its parent's rights, and the same frame;</li>
 * <li>every frame's tree hangs from exactly one root, sigma0's, which owns that frame;</li>
 * <li>no TLB holds a translation that the page tables no longer give: after unmap nothing
 * derived remains in any page table or TLB;</li>
 * <li>protection (L4 X.2, "Map Item"): no mapping of a user space reaches into the kernel
 * region, whatever a map or grant item asked for, and every derived mapping lies inside the
 * receive window through which its space accepted it (a sender cannot place pages where the
 * receiver did not open a window);</li>
 * </ul>
 * Together these say that every mapping of a frame, in any space, reaches the same memory.
 */
final class MemoryInvariants {
    private MemoryInvariants() {}

    static void check(Kernel k) {
        Map<AddressSpace, Integer> threads = new HashMap<>();
        for (Tcb t : k.threads()) threads.merge(t.space, 1, Integer::sum);
        for (AddressSpace s : k.spaces()) {
            int utcbPages = 0;
            long end = KernelLayout.UTCB_AREA + (long) threads.getOrDefault(s, 0) * KernelLayout.UTCB_SIZE;
            for (long a = KernelLayout.UTCB_AREA; a < end; a += 1L << s.pageShift()) if (s.translate(a) >= 0) utcbPages++;
            int nodes = k.mappingDb().count(s);
            if (nodes + utcbPages != s.mappedPages()) {
                fail(k, s.name + " has " + s.mappedPages() + " mapped pages but " + nodes + " mapping-database nodes and " + utcbPages + " UTCB pages");
            }
            for (MappingDb.Node n : k.mappingDb().mappingsOf(s)) node(k, s, n);
        }
        for (MappingDb.Node root : k.mappingDb().roots()) {
            if (root.parent != null || root.space != k.sigma0()) fail(k, String.format("the root of frame 0x%x is not sigma0's", root.frame));
        }
        var coherence = k.machine().mem(0).coherence();
        if (coherence != null) {
            String breach = coherence.check();
            if (breach != null) fail(k, "cache coherence: " + breach);
        }
        for (int cpu = 0; cpu < k.machine().cpuCount(); cpu++) {
            MemoryHierarchy mem = k.machine().mem(cpu);
            Processor c = k.processor(cpu);
            tlb(k, c, mem, mem.tlb());
            if (mem.itlb() != mem.tlb()) tlb(k, c, mem, mem.itlb());
        }
    }

    private static void node(Kernel k, AddressSpace s, MappingDb.Node n) {
        if (n.vaddr >= k.kernelMemory().base) fail(k, String.format("%s has a user mapping at 0x%x, inside the kernel region (from 0x%x)", s.name, n.vaddr, k.kernelMemory().base));
        long pa = s.translate(n.vaddr);
        if (pa < 0 || pa >>> s.pageShift() != n.frame >>> s.pageShift()) {
            fail(k, String.format("%s's mapping of 0x%x (frame 0x%x) is not in its page table as such (translates to 0x%x)", s.name, n.vaddr, n.frame, pa));
        }
        if (n.parent != null && !(n.window.contains(n.vaddr) && n.window.contains(n.vaddr + (1L << s.pageShift()) - 1))) {
            fail(k, String.format("%s has a mapping at 0x%x outside the receive window it accepted it through (%s)", s.name, n.vaddr,
                    n.window.isComplete() ? "the whole space" : String.format("0x%x, 2^%d bytes", n.window.base(), n.window.sizeLog2())));
        }
        MappingDb.Node up = n;
        while (up.parent != null) {
            if ((up.rights & ~up.parent.rights) != 0) fail(k, String.format("a mapping of frame 0x%x in %s has rights its parent lacks", up.frame, up.space.name));
            if (up.frame != up.parent.frame) fail(k, String.format("a mapping in %s derives frame 0x%x from frame 0x%x", up.space.name, up.frame, up.parent.frame));
            up = up.parent;
        }
        if (up.space != k.sigma0()) fail(k, String.format("%s's mapping of 0x%x does not derive from sigma0", s.name, n.vaddr));
    }

    /**
     * No TLB of any processor holds a translation the page tables no longer have, except one
     * a TLB shootdown is on its way to remove (the processor has not taken its IPI yet: the
     * revoking path has not returned, as on the real machines).
     */
    private static void tlb(Kernel k, Processor c, MemoryHierarchy mem, Tlb tlb) {
        AddressSpace loaded = null;
        for (AddressSpace s : k.spaces()) if (s.root == mem.currentRoot()) loaded = s;
        AddressSpace current = loaded;
        tlb.forEachValid((page, tag, frame, flags) -> {
            if ((flags & Tlb.GLOBAL) != 0) return;
            AddressSpace s = tlb.tagging() ? byAsid(k, tag) : current; // tags: hardware ASIDs, or small spaces' segments
            if (s == null) return; // the kernel's template space (boot, idle): kernel pages only
            long pa = s.translate(page << s.pageShift());
            if ((pa < 0 || pa >>> s.pageShift() != frame) && !k.shootdown().inFlight(c, s, page, s.pageShift())) {
                fail(k, String.format("the TLB of " + c + " holds a stale translation of 0x%x for %s (page tables: %s)", page << s.pageShift(), s.name,
                        pa < 0 ? "unmapped" : String.format("0x%x", pa)));
            }
        });
    }

    private static AddressSpace byAsid(Kernel k, int asid) {
        for (AddressSpace s : k.spaces()) if (s.asid == asid) return s;
        return null;
    }

    private static void fail(Kernel k, String what) {
        k.error(KernelError.Kind.INVARIANT, null, null, "kernel invariant broken: " + what, true);
    }
}
