package dev.mkw.kernel.baseline.mach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.Processor;
import dev.mkw.kernel.baseline.BaselineCode;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.memory.MappingDb;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.sim.TraceKind;

/**
 * Mach's out-of-line memory (Rashid et al., "Mach: a foundation for open systems", 1989; Young et
 * al., "The duality of memory and communication in the implementation of a multiprocessor
 * operating system", SOSP 1987; Mach 3.0 {@code ipc_kmsg_copyin_body} and {@code vm_map_copyin}):
 * a region named by a message's type descriptor with {@code msgt_inline} clear is not copied into
 * the kmsg but sent by virtual copy. At send the kernel marks the sender's pages copy-on-write
 * (read-only in its page table, the TLB entries flushed) and keeps a copy object naming them; at
 * receive it maps the same frames read-only into the receiver. The first write by either side to
 * such a page faults; the kernel's fault handler ({@code vm_fault}) copies the page into a fresh
 * frame for the receiver and gives both their write access back. A small region is cheaper to
 * copy than to map and fault: it is copied through a kernel buffer like inline data (XNU, whose IPC
 * descends from Mach 3.0, copies regions below {@code msg_ool_size_small}, two pages, so; the
 * "physical copy" of the Mach papers).
 *
 * <p>In MKW a {@code map BASE size S} item of a message under {@code kernel { ipc mach }} is such a
 * region; it lands in the receive window the receiver accepted ({@code window BASE size S}), as
 * with Mach 3.0's receive option that names where out-of-line data goes ({@code MACH_RCV_OVERWRITE}).
 */
final class OutOfLine {
    /** Regions below this many pages are copied physically (XNU {@code MSG_OOL_SIZE_SMALL_MAX}: two pages). */
    static final int SMALL_PAGES = 2;
    private static final int WORD = 8;

    /**
     * A region in flight. {@code frames}: the sender's frames (virtual copy, with the sender's pages
     * and their mapping nodes), or null for a physical copy in the kernel buffer {@code buffer}.
     */
    record Region(long sendBase, long size, int rights, List<MappingDb.Node> frames, long buffer) {
        boolean virtual() { return frames != null; }
    }

    /** A receiver's page that still shares its frame with the sender's (copy on write). */
    private record Cow(MappingDb.Node child, AddressSpace sender, long senderVaddr) {}

    private final Kernel k;
    private final BaselineCode.Image code;
    private final KmsgZone zone;
    /** Copy-on-write pages by (space, page): the receiver's side, and the sender's side with its receivers. */
    private final Map<AddressSpace, Map<Long, Cow>> received = new HashMap<>();
    private final Map<AddressSpace, Map<Long, List<Cow>>> sent = new HashMap<>();

    OutOfLine(Kernel k, BaselineCode.Image code, KmsgZone zone) {
        this.k = k;
        this.code = code;
        this.zone = zone;
    }

    private int page() {
        return k.machine().memory().frameSize();
    }

    /**
     * {@code vm_map_copyin} for the region {@code [base, base + size)} of sender {@code s}: a virtual
     * copy (pages copy-on-write) or, below {@link #SMALL_PAGES} pages, a copy into a kernel buffer.
     * Null (nothing done) if a page of it is not mapped in the sender.
     */
    Region copyin(Tcb s, long base, long size, int rights, KernelPath p) {
        int page = page();
        for (long a = base; a < base + size; a += page) if (k.mappingDb().lookup(s.space, a) == null) return null;
        code.execute(p, BaselineCode.MACH_VM_COPYIN);
        if (size < (long) SMALL_PAGES * page) {
            long buffer = zone.allocate(size, p);
            for (long off = 0; off < size; off += WORD) p.touch(base + off, MemoryHierarchy.READ).touch(buffer + KmsgZone.HEADER + off, MemoryHierarchy.WRITE);
            p.execute(KernelCode.COPY_WORD, (int) (PathLengths.PER_WORD * (size / WORD)));
            return new Region(base, size, rights, null, buffer);
        }
        List<MappingDb.Node> frames = new ArrayList<>();
        for (long a = base; a < base + size; a += page) {
            MappingDb.Node n = k.mappingDb().lookup(s.space, a);
            frames.add(n);
            // The sender's page becomes read-only: a write of its own now faults (copy on write).
            p.add(s.space.protect(a, n.rights & ~Fpage.W, k.mem()));
            flush(s.space, a, p);
            code.execute(p, BaselineCode.MACH_VM_COPY_PAGE);
        }
        return new Region(base, size, rights, frames, 0);
    }

    /**
     * {@code vm_map_copyout} into receiver {@code r} at {@code at}, which its window holds: the
     * frames mapped read-only and copy-on-write, or fresh frames written from the kernel buffer.
     */
    void copyout(Region g, Tcb r, long at, Fpage window, KernelPath p) {
        code.execute(p, BaselineCode.MACH_VM_COPYOUT);
        int page = page();
        long[] c = {0};
        if (!g.virtual()) {
            for (long off = 0; off < g.size(); off += page) {
                clear(r.space, at + off, p);
                long frame = k.frames().allocate(page);
                MappingDb.Node root = k.mappingDb().root(frame, k.sigma0());
                k.mappingDb().map(root, r.space, at + off, g.rights(), window, k.mem(), c);
                p.add(r.space.map(at + off, frame, g.rights(), true, false, k.mem()));
            }
            for (long off = 0; off < g.size(); off += WORD) {
                p.touch(g.buffer() + KmsgZone.HEADER + off, MemoryHierarchy.READ).touchPhysical(r.space.translate(at + off), MemoryHierarchy.WRITE);
            }
            p.execute(KernelCode.COPY_WORD, (int) (PathLengths.PER_WORD * (g.size() / WORD)));
            p.add(c[0]);
            return;
        }
        int i = 0;
        for (MappingDb.Node from : g.frames()) {
            long va = at + (long) i * page;
            long sva = g.sendBase() + (long) i * page;
            i++;
            clear(r.space, va, p);
            MappingDb.Node child = k.mappingDb().map(from, r.space, va, g.rights(), window, k.mem(), c);
            p.add(r.space.map(va, from.frame, g.rights() & ~Fpage.W, true, false, k.mem()));
            code.execute(p, BaselineCode.MACH_VM_COPY_PAGE);
            Cow cow = new Cow(child, from.space, sva);
            received.computeIfAbsent(r.space, x -> new HashMap<>()).put(va >>> r.space.pageShift(), cow);
            sent.computeIfAbsent(from.space, x -> new HashMap<>()).computeIfAbsent(sva >>> from.space.pageShift(), x -> new ArrayList<>()).add(cow);
        }
        p.add(c[0]);
    }

    /** A region that was not delivered: its kernel buffer goes back, its pages stay copy-on-write until written. */
    void discard(Region g, KernelPath p) {
        if (!g.virtual()) zone.free(g.buffer(), p);
    }

    /**
     * {@code vm_fault} on a write by {@code t} at {@code addr}: a copy-on-write page is copied for
     * its receiver and made writable again on both sides (path {@code mach.cow}). False if the page
     * is no copy-on-write page (an ordinary fault for the pager).
     */
    boolean writeFault(Tcb t, long addr) {
        long vpn = addr >>> t.space.pageShift();
        Map<Long, Cow> mine = received.get(t.space);
        Cow asReceiver = mine == null ? null : mine.get(vpn);
        Map<Long, List<Cow>> out = sent.get(t.space);
        List<Cow> asSender = out == null ? null : out.get(vpn);
        // A page unmapped meanwhile (L4's unmap revoked it) is no longer shared.
        if (asReceiver != null && k.mappingDb().lookup(t.space, addr) != asReceiver.child()) {
            mine.remove(vpn);
            asReceiver = null;
        }
        if (asSender != null) asSender.removeIf(cw -> k.mappingDb().lookup(cw.child().space, cw.child().vaddr) != cw.child());
        if (asReceiver == null && (asSender == null || asSender.isEmpty())) return false;
        KernelPath p = k.path("mach.cow");
        p.add(k.mem().faultCycles()).cost(CostKind.INTERRUPT_ENTRY).cost(CostKind.REGISTER_SAVE);
        code.execute(p, BaselineCode.MACH_VM_FAULT);
        k.record(TraceKind.PAGE_FAULT, t, "", "mach.cow", addr, "copy on write");
        List<Cow> copies = asReceiver != null ? List.of(asReceiver) : new ArrayList<>(asSender);
        for (Cow cow : copies) copyForReceiver(cow, p);
        p.cost(CostKind.REGISTER_RESTORE).cost(CostKind.KERNEL_EXIT);
        k.charge(p, t);
        return true;
    }

    /** The receiver of {@code cow} gets its own copy of the page; the sender's page is writable again once no receiver shares it. */
    private void copyForReceiver(Cow cow, KernelPath p) {
        MappingDb.Node child = cow.child();
        AddressSpace rs = child.space;
        long va = child.vaddr, old = child.frame;
        int page = page();
        long[] c = {0};
        long frame = k.frames().allocate(page);
        for (long off = 0; off < page; off += WORD) p.touchPhysical(old + off, MemoryHierarchy.READ).touchPhysical(frame + off, MemoryHierarchy.WRITE);
        p.execute(KernelCode.COPY_WORD, PathLengths.PER_WORD * (page / WORD));
        int rights = child.rights;
        Fpage window = child.window;
        k.mappingDb().unmap(child, Fpage.RWX, true, k.mem(), c, revoker(p));
        MappingDb.Node root = k.mappingDb().root(frame, k.sigma0());
        k.mappingDb().map(root, rs, va, rights, window, k.mem(), c);
        p.add(rs.map(va, frame, rights, true, false, k.mem()));
        p.add(c[0]);
        received.get(rs).remove(va >>> rs.pageShift());
        released(cow, p);
    }

    /** {@code cow}'s receiver no longer shares the sender's frame: the sender writes its page again once no receiver does. */
    private void released(Cow cow, KernelPath p) {
        List<Cow> others = sent.get(cow.sender()).get(cow.senderVaddr() >>> cow.sender().pageShift());
        others.remove(cow);
        if (others.isEmpty()) {
            MappingDb.Node own = k.mappingDb().lookup(cow.sender(), cow.senderVaddr());
            if (own != null) {
                p.add(cow.sender().protect(cow.senderVaddr(), own.rights, k.mem()));
                flush(cow.sender(), cow.senderVaddr(), p);
            }
        }
    }

    /** Page tables and TLBs follow what an unmap of the mapping database removes or reduces. */
    private MappingDb.Revoker revoker(KernelPath p) {
        return new MappingDb.Revoker() {
            @Override public void removed(MappingDb.Node n) { p.add(n.space.unmap(n.vaddr, k.mem())); flush(n.space, n.vaddr, p); }
            @Override public void reduced(MappingDb.Node n) { p.add(n.space.protect(n.vaddr, n.rights, k.mem())); flush(n.space, n.vaddr, p); }
        };
    }

    /**
     * What {@code space} has mapped at {@code va} goes before a region lands there (a later message
     * into the same window replaces the earlier region's page, as L4's map does).
     */
    private void clear(AddressSpace space, long va, KernelPath p) {
        MappingDb.Node n = k.mappingDb().lookup(space, va);
        if (n == null) return;
        Map<Long, Cow> mine = received.get(space);
        Cow cow = mine == null ? null : mine.remove(va >>> space.pageShift());
        if (cow != null) released(cow, p);
        long[] c = {0};
        k.mappingDb().unmap(n, Fpage.RWX, true, k.mem(), c, revoker(p));
        p.add(c[0]);
    }

    /** Drop {@code space}'s translation of {@code vaddr} from every processor's TLB that may hold it (the active one charged). */
    private void flush(AddressSpace space, long vaddr, KernelPath p) {
        for (Processor c : k.processors()) {
            if (!c.mayCache(space)) continue;
            long cycles = c.mem().flushTlbPage(vaddr, space.asid);
            if (c == k.processor()) p.add(cycles);
        }
    }
}
