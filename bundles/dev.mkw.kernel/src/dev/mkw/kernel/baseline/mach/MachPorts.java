package dev.mkw.kernel.baseline.mach;

import java.util.function.BiConsumer;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.baseline.BaselineCode;
import dev.mkw.kernel.baseline.BaselineLayout;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.thread.Tcb;

/**
 * Mach 3.0 ports and port names (Rashid et al., "Mach: a foundation for open systems", 1989; the
 * Mach 3.0 kernel's {@code ipc/ipc_entry.c}, {@code ipc_right.c}, {@code ipc_port.h}): every thread
 * of the scenario receives on its own service port and gets replies on its own reply port; a task
 * names a port through its name table (the {@code ipc_space}'s entry table, one 16-byte
 * {@code ipc_entry} per name: object, rights bits with the generation, index, request), which boot
 * fills as a bootstrap server would: a send right to every service port, the receive rights of the
 * task's own ports. A name is translated on every message: the entry is read, its rights checked
 * against the disposition, the port object locked and its reference counts written.
 */
final class MachPorts {
    /** Bytes of an ipc_entry (32-bit Mach: ie_object, ie_bits, ie_index/ie_next, ie_request). */
    static final int ENTRY = 16;
    /** ipc_port fields: the object header (references, bits, lock), receiver, message queue, rights counts, sequence and limit. */
    static final int OFF_OBJECT = 0, OFF_RECEIVER = 16, OFF_MQUEUE = 32, OFF_RIGHTS = 48, OFF_SEQNO = 56, OFF_BLOCKED = 64;

    private final Kernel k;
    private final BaselineCode.Image code;

    MachPorts(Kernel k, BaselineCode.Image code) {
        this.k = k;
        this.code = code;
    }

    /** The service port's index of thread {@code t} (its thread number's; the reply port is the next). */
    static int servicePort(Tcb t) { return 2 * ThreadId.number(t.id); }

    static int replyPort(Tcb t) { return servicePort(t) + 1; }

    long port(int index) { return BaselineLayout.machPort(k.kernelMemory().base, index); }

    long entry(AddressSpace space, int index) { return BaselineLayout.machNameTable(k.kernelMemory().base, space.asid) + (long) index * ENTRY; }

    /** Boot: map every task's name table and every port object the threads need. */
    void create(BiConsumer<Long, Long> map) {
        int max = 0;
        for (Tcb t : k.threads()) max = Math.max(max, replyPort(t) + 1);
        if ((long) max * ENTRY > 0x4000) throw new IllegalStateException("Mach: more ports than a name table holds");
        map.accept(port(0), port(max));
        for (AddressSpace s : k.spaces()) map.accept(entry(s, 0), entry(s, max));
    }

    /**
     * {@code ipc_entry_lookup} and {@code ipc_right_copyin}: the sender's name for port {@code index}
     * is translated in its space and the right it holds is taken for the message (a send right: a
     * reference; a send-once right: the entry is consumed).
     */
    void copyinRight(Tcb sender, int index, boolean sendOnce, KernelPath p) {
        long e = entry(sender.space, index);
        code.execute(p, BaselineCode.MACH_NAME_LOOKUP);
        p.touch(e, MemoryHierarchy.READ).touch(e + 4, MemoryHierarchy.READ);
        code.execute(p, BaselineCode.MACH_RIGHT_COPYIN);
        long port = port(index);
        p.touch(port + OFF_OBJECT, MemoryHierarchy.READ).touch(port + OFF_OBJECT, MemoryHierarchy.WRITE);
        p.touch(port + OFF_RIGHTS, MemoryHierarchy.WRITE);
        // A send-once right dies with its use: the entry goes back to the space's free list.
        if (sendOnce) p.touch(e, MemoryHierarchy.WRITE).touch(entry(sender.space, 0), MemoryHierarchy.WRITE);
    }

    /** {@code MACH_MSG_TYPE_MAKE_SEND_ONCE} on the caller's reply port: its receive right is looked up, a send-once right made. */
    void makeSendOnce(Tcb caller, KernelPath p) {
        long e = entry(caller.space, replyPort(caller));
        code.execute(p, BaselineCode.MACH_NAME_LOOKUP);
        p.touch(e, MemoryHierarchy.READ);
        code.execute(p, BaselineCode.MACH_RIGHT_COPYIN);
        long port = port(replyPort(caller));
        p.touch(port + OFF_OBJECT, MemoryHierarchy.WRITE).touch(port + OFF_RIGHTS, MemoryHierarchy.WRITE);
    }

    /**
     * {@code ipc_right_copyout} into the receiver's space: the destination becomes the name of its
     * receive right (read from the port), a send-once reply right gets a new entry from the space's
     * free list ({@code ipc_entry_get}).
     */
    void copyoutRights(Tcb receiver, int destIndex, boolean replyRight, KernelPath p) {
        code.execute(p, BaselineCode.MACH_RIGHT_COPYOUT);
        long port = port(destIndex);
        p.touch(port + OFF_RECEIVER, MemoryHierarchy.READ).touch(port + OFF_OBJECT, MemoryHierarchy.WRITE);
        if (replyRight) {
            code.execute(p, BaselineCode.MACH_RIGHT_COPYOUT);
            long head = entry(receiver.space, 0);
            p.touch(head, MemoryHierarchy.READ).touch(head, MemoryHierarchy.WRITE);
            p.touch(entry(receiver.space, destIndex ^ 1), MemoryHierarchy.WRITE);
        }
    }

    /** The message queue of port {@code index} (ipc_mqueue: messages, waiting receivers), read or written. */
    void queue(int index, boolean write, KernelPath p) {
        long port = port(index);
        p.touch(port + OFF_MQUEUE, MemoryHierarchy.READ);
        p.touch(port + OFF_SEQNO, write ? MemoryHierarchy.WRITE : MemoryHierarchy.READ);
        if (write) p.touch(port + OFF_MQUEUE, MemoryHierarchy.WRITE);
    }
}
