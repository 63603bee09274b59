package dev.mkw.kernel.ipc;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.PathLengths;
import dev.mkw.kernel.abi.Acceptor;
import dev.mkw.kernel.abi.IpcError;
import dev.mkw.kernel.thread.Tcb;

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
 * Both buffers are read and written through their own address spaces' translations, whichever
 * space is loaded (a receiver that takes a queued sender's string runs in its own space).
 *
 * <p>A page missing in either buffer ends the transfer with X.2's transfer-timeout error
 * (MKW's transfer timeouts are zero: the kernel does not send page-fault IPC in the middle
 * of a copy); MKW's user code touches its string buffers before the IPC, as L4 libraries do.
 */
public final class StringCopy {
    private static final int WORD = 8;
    private final Kernel k;

    public StringCopy(Kernel k) {
        this.k = k;
    }

    /**
     * Copy {@code length} bytes from {@code s}'s {@code address} into {@code r}'s buffer at
     * offset {@code used} (compound strings follow each other). Returns 0 or the X.2 error reason.
     */
    public int copy(Tcb s, long address, long length, Tcb r, Acceptor acceptor, long used, KernelPath p) {
        if (length == 0) return 0;
        int page = k.machine().memory().frameSize();
        if (!acceptor.strings()) {
            k.error(s, null, "string IPC to " + r.name + ": the receiver accepts no string items", false);
            return IpcError.MESSAGE_OVERFLOW;
        }
        if (used + length > acceptor.bufferLength()) {
            k.error(s, null, "string IPC to " + r.name + ": message overflow: a string of " + length + " bytes for the "
                    + (acceptor.bufferLength() - used) + " bytes left of a buffer of " + acceptor.bufferLength(), false);
            return IpcError.MESSAGE_OVERFLOW;
        }
        long dstBase = acceptor.bufferAddress() + used;
        for (long a = dstBase & -(long) page; a < dstBase + length; a += page) {
            if (r.space.translate(a) < 0) {
                k.error(s, null, String.format("string IPC to %s: the receiver's buffer page at 0x%x is not mapped", r.name, a), false);
                return IpcError.XFER_TIMEOUT_PARTNER;
            }
        }
        for (long a = address & -(long) page; a < address + length; a += page) {
            if (s.space.translate(a) < 0) {
                k.error(s, null, String.format("string IPC to %s: the sender's string page at 0x%x is not mapped", r.name, a), false);
                return IpcError.XFER_TIMEOUT_INVOKER;
            }
        }
        MemoryHierarchy mem = k.mem();
        boolean twice = k.config().stringCopy() == KernelConfig.StringCopy.COPY_IN_OUT;
        boolean senderLoaded = s.space == k.loadedSpace();
        long kernelBuffer = KernelLayout.stringBuffer(k.kernelMemory().base);
        if (twice) {
            // Copy in, then copy out, a kernel-buffer page at a time: two passes of two streams
            // each, as a copy-in/copy-out kernel moves a message. Interleaving the two copies word
            // by word would run three streams (string, buffer, receiver) through one cache set at
            // once, which a 2-way L1 thrashes and no such kernel does.
            for (long chunk = 0; chunk < length; chunk += page) {
                long end = Math.min(length, chunk + page);
                for (long off = chunk; off < end; off += WORD) {
                    if (senderLoaded) p.add(mem.access(address + off, MemoryHierarchy.READ, false));
                    else p.touchPhysical(s.space.translate(address + off), MemoryHierarchy.READ);
                    p.touch(kernelBuffer + (off & (page - 1)), MemoryHierarchy.WRITE).instructions(2);
                }
                for (long off = chunk; off < end; off += WORD) {
                    p.touch(kernelBuffer + (off & (page - 1)), MemoryHierarchy.READ);
                    p.touchPhysical(r.space.translate(dstBase + off), MemoryHierarchy.WRITE).instructions(2);
                }
            }
            return 0;
        }
        long pages = 0;
        for (long off = 0; off < length; off += WORD) {
            if (senderLoaded) p.add(mem.access(address + off, MemoryHierarchy.READ, false));
            else p.touchPhysical(s.space.translate(address + off), MemoryHierarchy.READ);
            long dst = r.space.translate(dstBase + off);
            if (((dstBase + off) & (page - 1)) < WORD || off == 0) {
                // A new page of the receiver's buffer enters the communication window.
                pages++;
                p.cost(CostKind.TLB_FLUSH_ENTRY).execute(KernelCode.MAP_PAGE);
            }
            p.touchPhysical(dst, MemoryHierarchy.WRITE).instructions(2);
        }
        k.record(dev.mkw.sim.TraceKind.MAP, s, r.name, p.name(), pages, "communication window");
        return 0;
    }
}
