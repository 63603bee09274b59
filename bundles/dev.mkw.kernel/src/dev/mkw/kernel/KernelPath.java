package dev.mkw.kernel;

import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.CostTable;
import dev.mkw.hw.sim.MemoryHierarchy;

/**
 * The cycles of one execution of a named kernel path, added up from what it does: the trap
 * in and out, its instructions, and every memory access to kernel objects through the
 * memory hierarchy. Nothing here is a fixed "IPC costs N" constant: a path costs what its
 * steps cost on the machine it runs on.
 */
public final class KernelPath {
    private final String name;
    private final MemoryHierarchy mem;
    private final CostTable costs;
    private long cycles;

    private final KernelFaultHandler faults;
    private final KernelImage image;
    private long fetchStalls;
    final PathCharging.PathHandle handle;
    private final KernelEntry entry;
    /** Where this path's lines go when it is the short IPC being measured ({@link IpcFootprint}); usually null. */
    private final IpcFootprint.Recording footprint;

    KernelPath(String name, PathCharging.PathHandle handle, MemoryHierarchy mem, CostTable costs, KernelFaultHandler faults, KernelImage image) {
        this(name, handle, mem, costs, faults, image, null, null);
    }

    KernelPath(String name, PathCharging.PathHandle handle, MemoryHierarchy mem, CostTable costs, KernelFaultHandler faults, KernelImage image,
            KernelEntry entry, IpcFootprint footprint) {
        this.name = name;
        this.handle = handle;
        this.mem = mem;
        this.costs = costs;
        this.faults = faults;
        this.image = image;
        this.entry = entry;
        this.footprint = footprint == null ? null : footprint.begin(name);
    }

    /** Execute the whole code block {@code c}: fetch it, then its instructions. */
    public KernelPath execute(KernelCode c) {
        if (image == null) return execute(c, c.instructions());
        if (c == KernelCode.IPC_FASTPATH || c == KernelCode.IPC_FASTPATH_REPLY) switchCounted = true;
        fetch(c, Integer.MAX_VALUE);
        long scheduled = image.scheduledCycles(c);
        if (scheduled >= 0) {
            // The pipeline's schedule of the real path: width, units, latencies and dependencies decide.
            cycles += scheduled;
            instructionCycles += scheduled;
            return this;
        }
        int n = image.instructions(c), taken = image.takenBranches(c);
        instructions(n - taken);
        long b = taken * costs.cost(CostKind.BRANCH_TAKEN);
        cycles += b;
        instructionCycles += b;
        // The block's system-register moves (a counted path's TLS and return-state registers) are privileged work.
        long s = image.systemRegisterMoves(c) * costs.cost(CostKind.SYSTEM_REGISTER);
        cycles += s;
        privilegedCycles += s;
        return this;
    }

    /**
     * Execute {@code n} instructions of block {@code c} (a loop runs its body n / length times
     * but fetches it once): each line of the block's code is fetched through the instruction
     * TLB and cache; what a fetch costs beyond a first-level hit is an instruction-fetch stall.
     */
    public KernelPath execute(KernelCode c, int n) {
        if (image != null) n = image.scaled(c, n);
        fetch(c, n);
        return instructions(n);
    }

    /**
     * Execute {@code n} instructions of code at {@code [start, start + bytes)} of kernel text: a block
     * of a kernel variant's own image ({@code dev.mkw.kernel.baseline}), fetched like the blocks above.
     */
    public KernelPath executeAt(long start, long bytes, int n) {
        fetchRange(start, start + bytes);
        return instructions(n);
    }

    /** Fetch the code of the first {@code n} instructions of block {@code c} (stalls beyond a first-level hit are counted). */
    private void fetch(KernelCode c, int n) {
        if (image != null) fetchRange(image.start(c), image.start(c) + image.bytes(c, n));
    }

    private void fetchRange(long from, long to) {
        {
            int line = mem.instructionLineBytes();
            long hit = mem.instructionHitCycles();
            long first = from & -(long) line;
            if (footprint != null) for (long a = first; a < to; a += line) footprint.code(a);
            // One batch per block: the lines of a block lie on one or two pages (see accessRun).
            long stall = mem.accessRun(first, to, line, MemoryHierarchy.EXECUTE, false, hit);
            if (stall == MemoryHierarchy.PAGE_FAULT) throw new KernelFault(mem.faultAddress(), mem.faultCycles());
            fetchStalls += stall;
            cycles += stall;
        }
    }

    private boolean switchCounted;

    /**
     * Whether this path ran a counted real-kernel fast path, whose instructions already switch
     * threads (Pistachio's and seL4's fast paths switch stacks and the current thread inline):
     * the thread switch then adds its memory work, not its {@link KernelCode#SWITCH} estimate.
     */
    public boolean switchCounted() { return switchCounted; }

    /** Cycles this path stalled on instruction fetch (part of {@link #cycles}). */
    public long fetchStalls() { return fetchStalls; }

    private long instructionCycles, privilegedCycles;

    /** Cycles of plain instructions (by class: simple, taken branches). */
    public long instructionCycles() { return instructionCycles; }

    /** Cycles of the machine's privileged operations: traps, returns, page-table root loads, TLB and FPU work. */
    public long privilegedCycles() { return privilegedCycles; }

    /** Cycles of memory work: data accesses with their TLB walks, page-table writes, kernel faults; the rest of {@link #cycles}. */
    public long memoryCycles() { return cycles - instructionCycles - privilegedCycles - fetchStalls; }

    private long walkCycles;

    /** Of {@link #memoryCycles}: page-table walks of the path's data accesses (TLB misses); the rest is cache and memory time. */
    public long walkCycles() { return walkCycles; }

    /** Resolves a kernel-mode fault (a virtual-array TCB page touched for the first time); returns its cycles. */
    public interface KernelFaultHandler {
        long resolve(long vaddr, long walkCycles);
    }

    public String name() { return name; }

    public long cycles() { return cycles; }

    public KernelPath cost(CostKind k) {
        if (k == CostKind.KERNEL_EXIT && entry != null) entry.leaving(this);
        long c = costs.cost(k);
        cycles += c;
        if (k == CostKind.INSTRUCTION || k == CostKind.BRANCH_TAKEN) instructionCycles += c;
        else privilegedCycles += c;
        if (k == CostKind.KERNEL_ENTRY && entry != null) entry.entered(this);
        return this;
    }

    /** {@code n} simple instructions (the path's length; see {@link PathLengths}). */
    public KernelPath instructions(int n) {
        long c = n * costs.cost(CostKind.INSTRUCTION);
        cycles += c;
        instructionCycles += c;
        return this;
    }

    /** A kernel-mode access to a kernel virtual address (TCB, kernel stack): through the TLB and caches. */
    public KernelPath touch(long vaddr, int kind) {
        if (footprint != null) footprint.data(vaddr);
        long walked = mem.pageWalkCycles();
        long c = mem.access(vaddr, kind, false);
        if (c == MemoryHierarchy.PAGE_FAULT) {
            cycles += faults.resolve(vaddr, mem.faultCycles());
            c = mem.access(vaddr, kind, false);
            if (c == MemoryHierarchy.PAGE_FAULT) throw new KernelFault(vaddr, mem.faultCycles());
        }
        long w = Math.min(c, mem.pageWalkCycles() - walked);
        // On a machine with a pipeline the schedule has the first-level hit (the load-to-use latency).
        if (image != null) c = Math.max(0, c - image.hiddenHitCycles());
        cycles += c;
        walkCycles += Math.min(c, w);
        return this;
    }

    /** An access by physical address (mapping-database nodes, page tables, physical TCB pointers). */
    public KernelPath touchPhysical(long paddr, int kind) {
        if (footprint != null) footprint.physical(paddr);
        cycles += mem.accessPhysical(paddr, kind);
        return this;
    }

    /**
     * An access the CPU makes inside an instruction whose cycle count assumes a first-level hit
     * (the stack frame an {@code int} pushes): only what it costs beyond {@code hitCycles} is added.
     */
    KernelPath touchBeyondHit(long vaddr, int kind, long hitCycles) {
        long before = cycles;
        touch(vaddr, kind);
        long c = cycles - before;
        // touch already left out the hit a pipeline hides: take off only what of hitCycles is left.
        long hidden = image == null ? 0 : image.hiddenHitCycles();
        cycles = before + Math.max(0, c - Math.max(0, hitCycles - hidden));
        return this;
    }

    public KernelPath add(long c) {
        cycles += c;
        return this;
    }

    /** A kernel access to an unmapped kernel address (a virtual-array TCB page not yet present). */
    public static final class KernelFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final long address;
        public final long walkCycles;
        KernelFault(long address, long walkCycles) {
            super(String.format("kernel fault at 0x%x", address), null, false, true);
            this.address = address;
            this.walkCycles = walkCycles;
        }
    }
}
