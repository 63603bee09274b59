package dev.mkw.kernel.xdomain;

import java.util.HashSet;
import java.util.Set;

import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.kernel.thread.Tcb;

/**
 * The kernel's grant table for cross-domain calls: which domain (address space, named by its tag)
 * may enter which entry point (a server thread's). Only the kernel writes it, through the system
 * call {@code DOMAIN_GRANT} the entry's own thread makes (a scenario's {@code allow-call from T});
 * the hardware reads it on every call. This is Brendan's objection in the forum thread ("Sounds like
 * a massive security problem (e.g. processes deciding to access other process' address spaces)")
 * answered the way linguofreak answers it: a domain is entered only where its owner "explicitly tells
 * the kernel that it wishes to make it available".
 *
 * <p>In kernel memory the table is one 4 KiB page per calling domain at {@link #tableAddress}: the
 * entry of a server thread at index thread number modulo the entries a page holds (what the
 * hardware's read of a call touches).
 */
public final class DomainGrants {
    /** Kernel-region offset of the grant tables, in the gap after the baselines' objects (BaselineLayout). */
    static final long TABLES = 0xC0_0000;
    /** Kernel-region offset of the per-thread linkage stacks the call pushes (64 bytes a thread). */
    static final long LINKAGE = 0xD0_0000;
    static final int TABLE_BYTES = 0x1000;

    private final Kernel k;
    private final Set<Long> granted = new HashSet<>();

    DomainGrants(Kernel k) {
        this.k = k;
    }

    /** The kernel installs: domain {@code caller} may enter {@code server}'s entry. */
    void install(AddressSpace caller, Tcb server) {
        granted.add(key(caller, server));
    }

    /** Whether the kernel installed a grant for {@code caller} to enter {@code server}. */
    public boolean allows(AddressSpace caller, Tcb server) {
        return granted.contains(key(caller, server));
    }

    /** How many grants the kernel installed. */
    public int size() {
        return granted.size();
    }

    /** The kernel address of {@code caller}'s table. */
    public long tableAddress(AddressSpace caller) {
        return k.kernelMemory().base + TABLES + (long) caller.asid * TABLE_BYTES;
    }

    /** The kernel address of the entry for {@code server} in {@code caller}'s table ({@code entryBytes} each). */
    public long entryAddress(AddressSpace caller, Tcb server, int entryBytes) {
        int perPage = Math.max(1, TABLE_BYTES / entryBytes);
        return tableAddress(caller) + (long) (ThreadId.number(server.id) % perPage) * entryBytes;
    }

    /**
     * The kernel address of {@code t}'s linkage stack (the hardware's, out of the thread's reach):
     * 64 bytes a thread in one page, mapped by the first grant.
     */
    public long linkageAddress(Tcb t) {
        return linkageStacks() + (long) (ThreadId.number(t.id) % (TABLE_BYTES / 64)) * 64;
    }

    /** The page of the linkage stacks. */
    long linkageStacks() {
        return k.kernelMemory().base + LINKAGE;
    }

    /**
     * The invariant of a completed call: the kernel installed a grant for the caller's domain to
     * enter the entry, and the processor runs the entry's thread in its own domain. Null when it
     * holds, else what is broken (a bug of MKW or of the hardware model, never of the scenario).
     */
    public String violation(Tcb caller, Tcb entry) {
        if (!allows(caller.space, entry)) {
            return "cross-domain call from " + caller.name + " entered " + entry.name + " without a grant the kernel installed";
        }
        if (k.processor().loadedSpace() != entry.space || k.current() != entry) {
            return "cross-domain call from " + caller.name + " to " + entry.name + " runs in domain "
                    + (k.processor().loadedSpace() == null ? "none" : k.processor().loadedSpace().name) + ", not the entry's";
        }
        return null;
    }

    private static long key(AddressSpace caller, Tcb server) {
        return ((long) caller.asid << 32) | (server.id & 0xFFFF_FFFFL);
    }
}
