package dev.mkw.kernel.memory;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.TypedItem;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * Recursive address spaces (Microkernel Construction I.12, "Flexpages", "Map, Grant,
 * Unmap", "Mapping Database"): a map item gives the receiver a mapping of the sender's pages
 * (the mapping database records it as a child of the sender's), a grant item moves the
 * sender's mapping to the receiver, and Unmap revokes rights from everything mapped on from
 * the caller's pages, recursively.
 *
 * <p>Protection, as L4 X.2 defines it: a map or grant item only lands inside the receive
 * window the receiver's acceptor opened (a thread that opened none accepts no mappings),
 * never in the kernel region, only from pages the sender has mapped, and with at most the
 * sender's rights. sigma0's address space is idempotent: every frame sigma0 names is its
 * own, at its physical address (the root of that frame's mapping tree).
 */
public final class MapGrantUnmap {
    private final Kernel k;

    public MapGrantUnmap(Kernel k) {
        this.k = k;
    }

    /**
     * Install one map or grant item from {@code s} into {@code r} within {@code acceptor}'s
     * window (path of the IPC that carries it). Returns false when the receiver refused it.
     */
    public boolean mapItem(Tcb s, Tcb r, TypedItem.MapItem item, Acceptor acceptor, KernelPath p) {
        int page = k.machine().memory().frameSize();
        int pageLog2 = Long.numberOfTrailingZeros(page);
        Fpage fp = Fpage.decode(item.fpage());
        if (fp.isNil()) return false;
        if (acceptor.window().isNil()) {
            k.error(s, null, String.format("%s item for 0x%x refused: %s opened no receive window for mappings", item.grant() ? "grant" : "map", fp.base(), r.name), false);
            return false;
        }
        long size = fp.isComplete() ? 1L << 62 : 1L << Math.max(fp.sizeLog2(), pageLog2);
        long srcBase = fp.base();
        long recvBase;
        // The window the receiver accepts mappings in (kept with each mapping for the invariant).
        Fpage accepted = acceptor.window();
        if (r.state == dev.mkw.kernel.tcb.ThreadState.PAGE_FAULT) {
            // L4 X.2 (page fault protocol): the faulting thread receives the pager's reply with
            // the whole address space as its window; the mapping goes where the fault was.
            recvBase = r.faultAddress & -size;
        } else {
            // L4 X.2 (map and grant items): send fpage 2^s, receive window 2^r. If s <= r the
            // fpage lands in the window at the send base (hot spot) modulo 2^r, aligned to 2^s;
            // if s > r only the window-sized part of the fpage that holds the hot spot is sent,
            // and it fills the window.
            Fpage w = acceptor.window();
            long window = w.size();
            if (size > window) {
                srcBase = fp.base() + ((item.sendBase() & (size - 1)) & -window);
                size = window;
                recvBase = w.base();
            } else {
                recvBase = w.isComplete() ? item.sendBase() & -size : w.base() + ((item.sendBase() & (window - 1)) & -size);
            }
        }
        if (recvBase < 0 || recvBase >= k.kernelMemory().base || recvBase + size > k.kernelMemory().base) {
            k.error(s, null, String.format("%s item refused: its destination 0x%x (+0x%x) reaches into the kernel region at 0x%x", item.grant() ? "grant" : "map", recvBase, size, k.kernelMemory().base), false);
            return false;
        }
        long[] c = {0};
        boolean any = false;
        for (long off = 0; off < size; off += page) {
            long src = srcBase + off;
            MappingDb.Node from = k.mappingDb().lookup(s.space, src);
            if (from == null && s.space == k.sigma0()) from = k.mappingDb().root(src, k.sigma0());
            if (from == null) {
                k.error(s, null, String.format("%s item for 0x%x, which %s has not mapped itself", item.grant() ? "grant" : "map", src, s.name), false);
                continue;
            }
            long dst = recvBase + off;
            MappingDb.Node old = k.mappingDb().lookup(r.space, dst);
            if (old != null) unmapNode(old, Fpage.RWX, true, p, c);
            int rights = fp.rights() & from.rights;
            if (item.grant() && s.space != k.sigma0()) {
                // The granted mapping keeps its place in the tree, with what it had derived: a
                // grant with fewer rights takes the dropped rights from those mappings too, or
                // they would hold rights their parent lacks (found by the random mapping test).
                int dropped = from.rights & ~rights;
                if (dropped != 0) unmapNode(from, dropped, false, p, c);
                s.space.unmap(src, k.mem());
                k.mem().flushTlbPage(src, s.space.asid);
                k.shootdown().revoked(s.space, src, s);
                k.mappingDb().grant(from, r.space, dst, rights, accepted, k.mem(), c);
            } else {
                k.mappingDb().map(from, r.space, dst, rights, accepted, k.mem(), c);
            }
            p.add(r.space.map(dst, from.frame, rights, true, false, k.mem())).execute(KernelCode.MAP_PAGE);
            k.record(item.grant() ? TraceKind.GRANT : TraceKind.MAP, s, r.name, p.name(), dst, Fpage.rightsText(rights));
            any = true;
        }
        p.add(c[0]);
        return any;
    }

    /** Revoke rights from a node's subtree, updating page tables and the TLB. */
    public int unmapNode(MappingDb.Node node, int rights, boolean self, KernelPath p, long[] c) {
        return k.mappingDb().unmap(node, rights, self, k.mem(), c, new MappingDb.Revoker() {
            @Override public void removed(MappingDb.Node n) {
                p.add(n.space.unmap(n.vaddr, k.mem())).add(k.mem().flushTlbPage(n.vaddr, n.space.asid));
                k.shootdown().revoked(n.space, n.vaddr, k.current());
            }
            @Override public void reduced(MappingDb.Node n) {
                p.add(n.space.protect(n.vaddr, n.rights, k.mem())).add(k.mem().flushTlbPage(n.vaddr, n.space.asid));
                k.shootdown().revoked(n.space, n.vaddr, k.current());
            }
        });
    }

    /**
     * The Unmap system call on the caller's fpage: revoke {@code rights} from every mapping
     * derived from the caller's pages in it ({@code flush}: from the caller's own too).
     * Only pages the caller has mapped are visited, so the work is bounded by what is mapped
     * however large the fpage. Returns the nodes visited.
     */
    public int unmap(Tcb t, Fpage fp, int rights, boolean flush) {
        KernelPath p = k.path("unmap");
        p.cost(CostKind.KERNEL_ENTRY).execute(KernelCode.IPC_SLOWPATH, PathLengths.IPC_SLOWPATH / 2);
        long[] c = {0};
        int visited = 0;
        long lo = fp.isComplete() ? 0 : fp.base(), hi = fp.isComplete() ? k.kernelMemory().base : fp.base() + fp.size();
        for (MappingDb.Node n : k.mappingDb().mappingsOf(t.space)) {
            if (n.vaddr < lo || n.vaddr >= hi || n.space != t.space) continue;
            visited += unmapNode(n, rights, flush, p, c);
        }
        p.add(c[0]).cost(CostKind.KERNEL_EXIT);
        k.record(TraceKind.UNMAP, t, "", "unmap", visited, Fpage.rightsText(rights));
        k.charge(p, t);
        return visited;
    }
}
