package dev.mkw.hw.sim;

/**
 * One CPU's view of memory: TLB, page-table walker and caches in front of the shared
 * {@link PhysicalMemory}. Every access returns the cycles it cost, so kernel paths that
 * touch their objects (TCBs, stacks, UTCBs, page tables) pay for them through the same
 * caches and TLB the user code uses.
 *
 * <p>Simplifications, stated so experiments can weigh them: caches are private per CPU
 * (no coherence traffic); writes to a write-through first level cost its latency (the
 * i486 posts them to write buffers) and do not look further; the TLB holds 4 KiB-granular
 * entries even for large pages.
 */
public final class MemoryHierarchy {
    public static final int READ = 0, WRITE = 1, EXECUTE = 2;
    /** Returned by {@link #access} when translation fails; see {@link #faultAddress()} etc. */
    public static final long PAGE_FAULT = Long.MIN_VALUE;

    private final PhysicalMemory memory;
    private final MmuSpec mmu;
    private final PageTableFormat format;
    private final Tlb tlb;
    private final Cache[] caches;
    private final CostTable costs;
    private final int pageShift;
    private long root = -1;
    private int asid;
    private long faultAddress;
    private int faultKind;
    private boolean faultProtection;
    private long faultCycles;
    private long memoryAccesses;
    private long walks;

    public MemoryHierarchy(PhysicalMemory memory, MmuSpec mmu, Cache[] caches, CostTable costs) {
        this.memory = memory;
        this.mmu = mmu;
        this.format = mmu.format();
        this.tlb = new Tlb(mmu.tlbEntries(), mmu.tlbWays(), mmu.taggedTlb());
        this.caches = caches.clone();
        this.costs = costs;
        this.pageShift = format.pageShift();
    }

    /**
     * A virtual access in the current address space. Returns cycles, or {@link #PAGE_FAULT}
     * when the page is not mapped or the rights forbid it (user access to a supervisor page,
     * write to a read-only page).
     */
    public long access(long vaddr, int kind, boolean user) {
        long page = vaddr >>> pageShift;
        long cycles = 0;
        long frame;
        int flags;
        int e = tlb.lookup(page, asid);
        if (e >= 0) {
            frame = tlb.frame(e);
            flags = tlb.flags(e);
        } else {
            long walk = walk(vaddr);
            if (walk < 0) {
                faultCycles = walkCycles;
                faultAddress = vaddr;
                faultKind = kind;
                faultProtection = false;
                return PAGE_FAULT;
            }
            cycles += walkCycles;
            frame = walk >>> pageShift;
            flags = walkFlags;
            tlb.insert(page, asid, frame, flags);
        }
        if ((user && (flags & Tlb.USER) == 0) || (kind == WRITE && (flags & Tlb.WRITABLE) == 0)) {
            faultCycles = cycles;
            faultAddress = vaddr;
            faultKind = kind;
            faultProtection = true;
            return PAGE_FAULT;
        }
        long paddr = (frame << pageShift) | (vaddr & ((1L << pageShift) - 1));
        return cycles + cached(paddr, vaddr, kind == WRITE);
    }

    private long walkCycles;
    private int walkFlags;

    /** Walk the page table for {@code vaddr}; returns the physical address or -1; sets walkCycles/walkFlags. */
    private long walk(long vaddr) {
        walks++;
        long cycles = mmu.walkExtraCycles();
        if (root < 0) {
            walkCycles = cycles;
            return -1;
        }
        long table = root;
        int eb = format.entryBytes();
        for (int level = 0; level < format.levels(); level++) {
            long pteAddr = table + (long) format.index(vaddr, level) * eb;
            cycles += cached(pteAddr, pteAddr, false);
            long pte = memory.readEntry(pteAddr, eb);
            if (!format.present(pte)) {
                walkCycles = cycles;
                return -1;
            }
            if (format.leaf(pte, level)) {
                int shift = format.shiftAt(level);
                long paddr = format.address(pte) & ~((1L << shift) - 1) | (vaddr & ((1L << shift) - 1));
                int f = 0;
                if (format.writable(pte)) f |= Tlb.WRITABLE;
                if (format.user(pte)) f |= Tlb.USER;
                if (format.global(pte) && mmu.globalPages()) f |= Tlb.GLOBAL;
                if (format.executable(pte)) f |= Tlb.EXECUTABLE;
                walkCycles = cycles;
                walkFlags = f;
                return paddr;
            }
            table = format.address(pte);
        }
        walkCycles = cycles;
        return -1;
    }

    /** A physical access through the caches only (page-table walks, DMA-free kernel data). */
    public long accessPhysical(long paddr, int kind) {
        return cached(paddr, paddr, kind == WRITE);
    }

    private long cached(long paddr, long vaddr, boolean write) {
        long cycles = 0;
        for (Cache c : caches) {
            cycles += c.latency();
            if (c.access(c.virtuallyIndexed() ? vaddr : paddr, write)) return cycles;
            if (write && !c.writeBack()) return cycles;
        }
        memoryAccesses++;
        return cycles + memory.latencyCycles();
    }

    /**
     * Load the page-table root (CR3 / TTBR). An untagged TLB loses every non-global entry
     * (on the i486 every entry: no global pages); a tagged TLB switches tags and keeps all.
     */
    public long loadPageTableRoot(long rootPaddr, int space) {
        long cycles = costs.cost(CostKind.PAGE_TABLE_ROOT_LOAD);
        if (rootPaddr == root && (space == asid || !mmu.taggedTlb())) return cycles;
        root = rootPaddr;
        asid = mmu.taggedTlb() ? space : 0;
        if (!mmu.taggedTlb()) tlb.flushAll(mmu.globalPages());
        for (Cache c : caches) if (c.virtuallyIndexed() && !mmu.taggedTlb()) c.invalidateAll();
        return cycles;
    }

    public long flushTlb() {
        tlb.flushAll(false);
        return costs.cost(CostKind.TLB_FLUSH);
    }

    public long flushTlbPage(long vaddr, int space) {
        tlb.flushPage(vaddr >>> pageShift, mmu.taggedTlb() ? space : 0);
        return costs.cost(CostKind.TLB_FLUSH_ENTRY);
    }

    /** Drop one address space's entries: tagged TLBs by tag, untagged ones entirely. */
    public long flushTlbAsid(int space) {
        if (mmu.taggedTlb()) {
            tlb.flushAsid(space);
            return costs.cost(CostKind.TLB_FLUSH_ENTRY);
        }
        tlb.flushAll(mmu.globalPages());
        return costs.cost(CostKind.TLB_FLUSH);
    }

    public long currentRoot() { return root; }
    public int currentAsid() { return asid; }
    public boolean taggedTlb() { return mmu.taggedTlb(); }
    public long faultAddress() { return faultAddress; }
    public int faultKind() { return faultKind; }
    public boolean faultWasProtection() { return faultProtection; }
    public long faultCycles() { return faultCycles; }

    public Tlb tlb() { return tlb; }
    public int cacheLevels() { return caches.length; }
    public Cache cache(int i) { return caches[i]; }
    public long memoryAccesses() { return memoryAccesses; }
    public long pageWalks() { return walks; }

    public void resetStats() {
        tlb.resetStats();
        for (Cache c : caches) c.resetStats();
        memoryAccesses = 0;
        walks = 0;
    }
}
