package dev.mkw.kernel.ipc;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.scenario.KernelConfig;
import dev.mkw.kernel.tcb.Tcb;

/**
 * String items (Microkernel Construction I.12, "String IPC"), with the two copy variants:
 * <ul>
 * <li>COPY_IN_OUT: copy the sender's string into a kernel buffer, then out into the
 * receiver's buffer: every word is moved twice;</li>
 * <li>TEMPORARY_MAPPING: map the receiver's buffer pages into a window of the sender's
 * address space (the "communication window") and copy once; each page costs a page-table
 * write and a TLB entry flush when the window is torn down.</li>
 * </ul>
 * All copying goes word by word through the memory hierarchy, so caches and TLBs show it.
 */
public final class StringCopy {
    private static final int WORD = 8;
    private final Kernel k;

    public StringCopy(Kernel k) {
        this.k = k;
    }

    /** Copy {@code length} bytes from {@code s}'s {@code address} into {@code r}'s string buffer. Returns an error text or null. */
    public String copy(Tcb s, long address, long length, Tcb r, KernelPath p) {
        if (length == 0) return null;
        if (r.stringBuffer < 0) return "the receiver " + r.name + " accepts no string items";
        if (length > r.stringLength) return "message overflow: a string of " + length + " bytes for a buffer of " + r.stringLength;
        MemoryHierarchy mem = k.mem;
        // Pages missing on either side fault during the copy; sigma0-paged tasks get them mapped at once.
        for (long a = r.stringBuffer & -4096L; a < r.stringBuffer + length; a += 4096) {
            if (!k.faults.resolveForKernel(r, a, p)) return String.format("the receiver's string buffer at 0x%x is not mapped (and its pager is not sigma0)", a);
        }
        for (long a = address & -4096L; a < address + length; a += 4096) {
            if (!k.faults.resolveForKernel(s, a, p)) return String.format("the sender's string at 0x%x is not mapped (and its pager is not sigma0)", a);
        }
        boolean twice = k.config.stringCopy() == KernelConfig.StringCopy.COPY_IN_OUT;
        long kernelBuffer = KernelLayout.stringBuffer(k.kernelMemory.base);
        long pages = 0;
        for (long off = 0; off < length; off += WORD) {
            p.add(mem.access(address + off, MemoryHierarchy.READ, false));
            long dst = r.space.translate(r.stringBuffer + off);
            if (twice) {
                p.touch(kernelBuffer + (off & 0xFFF), MemoryHierarchy.WRITE);
                p.touch(kernelBuffer + (off & 0xFFF), MemoryHierarchy.READ);
            } else if (((r.stringBuffer + off) & 0xFFF) < WORD || off == 0) {
                // A new page of the receiver's buffer enters the communication window.
                pages++;
                p.cost(CostKind.TLB_FLUSH_ENTRY).instructions(PathLengths.MAP_PAGE);
            }
            p.touchPhysical(dst, MemoryHierarchy.WRITE).instructions(twice ? 4 : 2);
        }
        if (!twice) k.record(dev.mkw.sim.TraceKind.MAP, s, r.name, p.name(), pages, "communication window");
        return null;
    }
}
