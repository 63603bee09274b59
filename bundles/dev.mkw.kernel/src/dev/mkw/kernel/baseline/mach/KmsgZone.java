package dev.mkw.kernel.baseline.mach;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.baseline.BaselineCode;
import dev.mkw.kernel.baseline.BaselineLayout;

/**
 * Kernel message buffers (Mach 3.0 {@code ipc/ipc_kmsg.c}): a message is copied into a kmsg in
 * kernel memory when it is sent and out of it when it is received. Buffers of up to
 * {@link #SAVED_SIZE} bytes come from the kmsg zone ({@code IKM_SAVED_KMSG_SIZE}), larger ones from
 * {@code kalloc} in whole pages; freed buffers are reused last in, first out, as a zone's free list
 * hands them out, so a ping-pong reuses one warm buffer. A buffer never used before is mapped when
 * it is first needed, and the path that needed it pays for the mapping (the zone grows).
 */
final class KmsgZone {
    static final int SAVED_SIZE = 256;
    /** Bytes before the message in a kmsg: ikm_next, ikm_prev, ikm_size. */
    static final int HEADER = 32;

    private final Kernel k;
    private final BaselineCode.Image code;
    private final long head;
    private long top;
    private final Map<Long, ArrayDeque<Long>> free = new HashMap<>();
    private final Map<Long, Long> sizeOf = new HashMap<>();

    KmsgZone(Kernel k, BaselineCode.Image code) {
        this.k = k;
        this.code = code;
        this.head = BaselineLayout.machKmsgZone(k.kernelMemory().base);
        this.top = head + 64;
    }

    /** Boot: the zone's first page (free-list head and the first buffers). */
    void create(BiConsumer<Long, Long> map) {
        map.accept(head, head + k.machine().memory().frameSize());
    }

    /** {@code ipc_kmsg_get}: a buffer for a message of {@code bytes}; returns its kernel address. */
    long allocate(long bytes, KernelPath p) {
        code.execute(p, BaselineCode.MACH_KMSG_ALLOC);
        long size = bytes + HEADER <= SAVED_SIZE ? SAVED_SIZE : roundToPage(bytes + HEADER);
        p.touch(head, MemoryHierarchy.READ).touch(head, MemoryHierarchy.WRITE);
        ArrayDeque<Long> list = free.get(size);
        long at;
        if (list != null && !list.isEmpty()) {
            at = list.pop();
        } else {
            at = size >= k.machine().memory().frameSize() ? roundToPage(top) : top;
            top = at + size;
            int page = k.machine().memory().frameSize();
            for (long a = at & -(long) page; a < at + size; a += page) {
                if (!k.kernelMemory().mapped(a)) p.add(k.kernelMemory().mapFresh(a, k.mem()));
            }
            sizeOf.put(at, size);
        }
        p.touch(at, MemoryHierarchy.WRITE).touch(at + 16, MemoryHierarchy.WRITE);
        return at;
    }

    /** {@code ipc_kmsg_free}: the buffer goes back to the free list. */
    void free(long at, KernelPath p) {
        code.execute(p, BaselineCode.MACH_KMSG_FREE);
        p.touch(at, MemoryHierarchy.WRITE).touch(head, MemoryHierarchy.WRITE);
        free.computeIfAbsent(sizeOf.get(at), s -> new ArrayDeque<>()).push(at);
    }

    private long roundToPage(long v) {
        long page = k.machine().memory().frameSize();
        return (v + page - 1) / page * page;
    }
}
