package dev.mkw.kernel.baseline;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.abi.Abi;
import dev.mkw.kernel.memory.KernelMemory;

/**
 * The baseline kernels' code, block by block, as {@link dev.mkw.kernel.KernelCode} is L4's: each
 * block lies in kernel text ({@link BaselineLayout#text}), executing it fetches its lines through the
 * instruction TLB and cache, then costs its instructions. The counts are MKW's estimates of what the
 * named routines of the real kernels execute on the path a short message takes (docs/cost-model.md
 * has a row for each, with its source); the memory accesses of these routines to the kernel's
 * objects are not in the counts, they are simulated one by one by the mechanisms.
 */
public enum BaselineCode {
    /**
     * Mach 3.0 {@code mach_msg_trap}: the general trap handler's dispatch through
     * {@code mach_trap_table}, the copyin of the seven arguments from the user stack, option decoding
     * in {@code mach_msg} (no fast path: the path Liedtke 1993 measured).
     */
    MACH_MSG_TRAP(70),
    /** {@code ipc_kmsg_get}: the kernel message buffer from {@code ikm_cache} or {@code kalloc}, size checks, {@code ikm_init}. */
    MACH_KMSG_ALLOC(30),
    /** {@code ipc_entry_lookup}: index and generation from the port name, bounds check against the table size. */
    MACH_NAME_LOOKUP(20),
    /** {@code ipc_right_copyin}: the entry's rights against the disposition, port lock, active check, reference counts. */
    MACH_RIGHT_COPYIN(35),
    /** {@code ipc_kmsg_copyin_body}/{@code _copyout_body}, per type descriptor: name, size, number, inline and longform bits, length. */
    MACH_TYPE_DESCRIPTOR(25),
    /** {@code ipc_mqueue_send}: lock the port's queue, look for a waiting receiver, queue limit, enqueue or hand off, {@code thread_go}. */
    MACH_MQUEUE_SEND(45),
    /** {@code ipc_mqueue_receive}: lock, take the first kmsg, check it against the receive buffer's size, sequence number; or block. */
    MACH_MQUEUE_RECEIVE(50),
    /** {@code ipc_right_copyout}: the port's name in the receiver's space (reverse hash) or a new entry from the free list, rights bits, references. */
    MACH_RIGHT_COPYOUT(40),
    /** {@code ipc_kmsg_put}: the buffer back to {@code ikm_cache} or the zone. */
    MACH_KMSG_FREE(20),
    /** {@code thread_block}/{@code thread_invoke}: the general scheduler's choice and the context switch's bookkeeping, AST checks. */
    MACH_THREAD_BLOCK(70),
    /** LRPC kernel entry: the trap, verify the binding object, find the procedure descriptor (Bershad et al. 1990, "calling sequence" 1). */
    LRPC_CALL(30),
    /** LRPC: verify the A-stack, find its linkage record, check that no other thread uses the pair (steps 2-3). */
    LRPC_ASTACK(15),
    /** LRPC: caller's return address and stack pointer into the linkage, push it on the thread's linkage stack (steps 4-5). */
    LRPC_LINKAGE(12),
    /** LRPC: find an E-stack in the server's domain (the one last used with this A-stack, else the pool's), set SP to it (steps 6-7). */
    LRPC_ESTACK(20),
    /** LRPC: upcall into the server's stub at the procedure descriptor's entry address (step 9). */
    LRPC_UPCALL(10),
    /** LRPC return trap: pop and verify the linkage, restore the caller's SP and return address, release the A-stack. */
    LRPC_RETURN(30),
    /**
     * Small address spaces (Liedtke 1995): rewrite the base and limit of the user code and data
     * descriptors in the GDT for the space's segment of the small-space region, reload the data
     * segment registers (DS, ES, FS, GS; CS and SS come back with the return to user mode).
     */
    SMALL_SPACE_SWITCH(20),
    /**
     * LRPC on a multiprocessor (Bershad et al. 1990, §3.4): on a call or return, scan the
     * processors' idle records for one idling in the target domain (per processor: load, compare,
     * branch; the loop's set-up). Its memory accesses are simulated apart (IdleExchange).
     */
    LRPC_IDLE_SCAN(12),
    /**
     * LRPC's processor exchange: claim the idle processor (an atomic on its record), store the
     * calling thread's context there for it to resume, mark this processor idle in the caller's
     * domain, ask the claimed processor to pick the thread up.
     */
    LRPC_EXCHANGE(30),
    /**
     * LRPC's processor exchange, on the idle processor: leave the idle loop that saw its record
     * change, load the exchanged thread's context (SP, return address, the E-stack or caller's
     * stack) and queue it to run.
     */
    LRPC_PICKUP(20),
    /**
     * Mach 3.0 {@code vm_map_copyin} for an out-of-line region sent by virtual copy: look up the
     * sender's map entries, make a copy object ({@code vm_map_copy_t}) for them, set the entries
     * copy-on-write (per page: {@link #MACH_VM_COPY_PAGE}); or, for a small region, allocate the
     * kernel buffer it is copied into.
     */
    MACH_VM_COPYIN(60),
    /** Mach 3.0 {@code vm_map_copyout}: find the place in the receiver's map, insert the copy's entries, release the copy object. */
    MACH_VM_COPYOUT(50),
    /** Per page of a virtual copy, at send and at receive: the pmap's entry written (protected or entered) and its bookkeeping. */
    MACH_VM_COPY_PAGE(15),
    /**
     * Mach 3.0 {@code vm_fault} on a write to a copy-on-write page: look up the map entry and its
     * object chain, decide to copy ({@code vm_object_copy} / shadow object), allocate the page,
     * enter the new mapping; the copy of the page itself is counted apart (word by word).
     */
    MACH_VM_FAULT(150);

    private final int instructions;

    BaselineCode(int instructions) {
        this.instructions = instructions;
    }

    public int instructions() {
        return instructions;
    }

    /** The blocks laid out one after another in kernel text, 16-byte aligned as compilers align functions. */
    public static final class Image {
        private final long[] start = new long[values().length];
        private final long[] bytes = new long[values().length];
        private final long base, end;

        public Image(long base, Abi abi) {
            this.base = base;
            long at = base;
            for (BaselineCode c : values()) {
                start[c.ordinal()] = at;
                bytes[c.ordinal()] = (long) c.instructions * abi.codeBytesPerInstruction();
                at = (at + bytes[c.ordinal()] + 15) & -16L;
            }
            this.end = at;
        }

        public long start(BaselineCode c) { return start[c.ordinal()]; }

        /** Where the image's text ends. */
        public long end() { return end; }

        /** Map the text pages (boot). */
        void load(KernelMemory memory, MemoryHierarchy mem, int pageBytes) {
            for (long a = base & -(long) pageBytes; a < end; a += pageBytes) {
                if (!memory.mapped(a)) memory.mapFreshText(a, mem);
            }
        }

        /** Execute block {@code c} in path {@code p}: fetch it, then its instructions. */
        public void execute(KernelPath p, BaselineCode c) {
            p.executeAt(start[c.ordinal()], bytes[c.ordinal()], c.instructions);
        }

        /** Execute block {@code c} {@code times} times (a loop: its code is fetched once). */
        public void execute(KernelPath p, BaselineCode c, int times) {
            if (times > 0) p.executeAt(start[c.ordinal()], bytes[c.ordinal()], c.instructions * times);
        }
    }
}
