package dev.mkw.hw.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * One CPU's view of memory: TLB(s), page-table walker and caches in front of the shared
 * {@link PhysicalMemory}. Every access returns the cycles it cost, so kernel paths that
 * touch their objects (TCBs, stacks, UTCBs, page tables) pay for them through the same
 * caches and TLB the user code uses.
 *
 * <p>Simplifications, stated so experiments can weigh them: on a multiprocessor the levels
 * above the shared one are kept coherent by {@link Coherence} (a latency floor per
 * transaction, no bus contention); a write to a write-through level costs its latency and goes no
 * further (the i486 posts it to its write buffers); dirty victims are counted, not charged
 * (write buffers again); the TLB holds 4 KiB-granular entries even for large pages;
 * reloading the current root is skipped, as kernels skip it.
 *
 * <p>Hot path ({@link #access}): primitives only, nothing allocated. A repeated access to the
 * line or page its path (data or code) met last is answered from the hit memo (see the fields'
 * comment) without a TLB compare or a set search, in a method small enough for the JIT to inline
 * into its callers; anything else is {@link #translate} (TLB, rights, caches), and a TLB miss
 * takes {@link #walk}, separate so the common paths stay small.
 */
public final class MemoryHierarchy {
    public static final int READ = 0, WRITE = 1, EXECUTE = 2;
    /** Returned by {@link #access} when translation fails; see {@link #faultAddress()} etc. */
    public static final long PAGE_FAULT = Long.MIN_VALUE;

    private final PhysicalMemory memory;
    private final MmuSpec mmu;
    private final PageTableFormat format;
    private final Tlb dtlb;
    private final Tlb itlb;
    private final Cache[] caches;
    private final Cache[] dataPath;
    private final Cache[] instructionPath;
    /** The first level of each path (null: the path has no cache), read on every access. */
    private final Cache firstData, firstInstruction;
    private final CostTable costs;
    private final int pageShift;
    private final long pageMask;
    private final long memoryLatency;
    private final boolean tagged;
    private final boolean noExecute;
    private final int minLineBytes;
    /**
     * The level all CPUs share (one {@link Cache} object in every CPU's hierarchy), or null, and
     * this CPU's own hits and misses in it: the shared cache's counters count every CPU's.
     */
    private Cache shared;
    private long sharedHits, sharedMisses;
    /** The multiprocessor's coherence directory and this CPU's number in it (null on one CPU). */
    private Coherence coherence;
    private int cpu;
    private long root = -1;
    private int asid;
    private long faultAddress;
    private int faultKind;
    private boolean faultProtection;
    private long faultCycles;
    private long memoryAccesses;
    private long walks;
    /** Cycles of all page-table walks so far (so a caller can tell a data access's walk from its cache time). */
    private long walkCyclesTotal;
    // What the last access met (fields, so answering costs two stores and no allocation).
    private boolean lastTlbHit;
    private Cache lastServedBy;
    // Results of the last walk (fields, not an object: no allocation on a TLB miss).
    private long walkCycles;
    private long walkPaddr;
    private int walkFlags;

    /*
     * The hit memo, per path (data, code). Not a modelled structure: it answers exactly what
     * the full lookup would, with no search. The page memo holds the page of the path's last
     * translation while that entry is still the one its TLB found last (so the most recent: a
     * lookup of it again is a hit that changes no LRU order), with the entry's frame and rights;
     * the line memo holds the virtual line of the path's last access while, besides, that line is
     * still the one its first-level cache met last (the most recent of its set). The TLB and the
     * cache tell this hierarchy whenever their own last-entry memo changes (Tlb#watch,
     * Cache#watch), and an address-space switch forgets both, so a memo is never stale.
     * Off on a multiprocessor (coherence acts on lines from outside) and for a first level
     * that another hierarchy also uses.
     */
    static final int DATA_PATH = 1, CODE_PATH = 2;
    private static final long NO_MEMO = -1; // vaddr >>> n (n >= 1) is never -1
    private boolean memoOn = true;
    private long dataPage = NO_MEMO, codePage = NO_MEMO;
    private long dataLine = NO_MEMO, codeLine = NO_MEMO;
    private long dataFrame, codeFrame;
    /** The memo page's rights: bit (kind << 1 | user) is set when such an access is allowed ({@link #rights}). */
    private int dataRights, codeRights;
    private final int dataLineShift, codeLineShift;
    /** {@link #rights} of each combination of the four TLB flag bits, so a translation costs one load for it. */
    private final int[] rightsByFlags = new int[16];
    private final boolean firstDataWriteBack;
    /** Whether the data and code paths share their TLB, their first level. */
    private final boolean sharedTlb, sharedFirstLevel;
    /** The paths whose memo a change of the data (code) TLB's last entry, or of the data (code) first level's last line, ends. */
    private final int dataTlbPaths, codeTlbPaths, dataCachePaths, codeCachePaths;
    private final long dataHitCycles, codeHitCycles;

    public MemoryHierarchy(PhysicalMemory memory, MmuSpec mmu, Cache[] caches, CostTable costs) {
        this.memory = memory;
        this.mmu = mmu;
        this.format = mmu.format();
        this.dtlb = new Tlb(mmu.tlbEntries(), mmu.tlbWays(), mmu.taggedTlb());
        this.itlb = mmu.splitTlb() ? new Tlb(mmu.itlbEntries(), mmu.itlbWays(), mmu.taggedTlb()) : dtlb;
        this.caches = caches.clone();
        this.dataPath = path(caches, CacheSpec.Kind.INSTRUCTION);
        this.instructionPath = path(caches, CacheSpec.Kind.DATA);
        this.firstData = dataPath.length == 0 ? null : dataPath[0];
        this.firstInstruction = instructionPath.length == 0 ? null : instructionPath[0];
        this.costs = costs;
        this.pageShift = format.pageShift();
        this.pageMask = (1L << pageShift) - 1;
        this.memoryLatency = memory.latencyCycles();
        this.tagged = mmu.taggedTlb();
        this.noExecute = mmu.noExecute();
        int line = Integer.MAX_VALUE;
        for (Cache c : caches) line = Math.min(line, c.lineBytes());
        this.minLineBytes = caches.length == 0 ? 8 : line;
        this.dataLineShift = firstData == null ? 0 : Integer.numberOfTrailingZeros(firstData.lineBytes());
        this.codeLineShift = firstInstruction == null ? 0 : Integer.numberOfTrailingZeros(firstInstruction.lineBytes());
        this.dataHitCycles = firstData == null ? 0 : firstData.latency();
        this.codeHitCycles = firstInstruction == null ? 0 : firstInstruction.latency();
        for (int f = 0; f < 16; f++) rightsByFlags[f] = rights(f);
        this.firstDataWriteBack = firstData != null && firstData.writeBack();
        this.sharedTlb = itlb == dtlb;
        this.sharedFirstLevel = firstData == firstInstruction;
        this.dataTlbPaths = itlb == dtlb ? DATA_PATH | CODE_PATH : DATA_PATH;
        this.codeTlbPaths = itlb == dtlb ? DATA_PATH | CODE_PATH : CODE_PATH;
        this.dataCachePaths = firstData != null && firstData == firstInstruction ? DATA_PATH | CODE_PATH : DATA_PATH;
        this.codeCachePaths = firstData != null && firstData == firstInstruction ? DATA_PATH | CODE_PATH : CODE_PATH;
        dtlb.watch(this, dataTlbPaths);
        if (itlb != dtlb) itlb.watch(this, CODE_PATH);
        if (firstData == null || firstInstruction == null) memoOn = false; // no first level to hit: every access goes to memory
        else if (below(firstInstruction, dataPath) || below(firstData, instructionPath)) memoOn = false; // one path's first level is the other's second
        else if (!firstData.watch(this, firstData == firstInstruction ? DATA_PATH | CODE_PATH : DATA_PATH)
                || (firstInstruction != firstData && !firstInstruction.watch(this, CODE_PATH))) stopMemo();
    }

    /** Whether {@code c} is one of the levels of {@code path} after its first. */
    private static boolean below(Cache c, Cache[] path) {
        for (int i = 1; i < path.length; i++) if (path[i] == c) return true;
        return false;
    }

    /** The caches an access passes, first level first, leaving out those of the other kind. */
    private static Cache[] path(Cache[] caches, CacheSpec.Kind skip) {
        List<Cache> p = new ArrayList<>();
        for (Cache c : caches) if (c.kind() != skip) p.add(c);
        p.sort((a, b) -> Integer.compare(a.level(), b.level()));
        return p.toArray(Cache[]::new);
    }

    /**
     * A virtual access in the current address space. Returns cycles, or {@link #PAGE_FAULT}
     * when the page is not mapped or the rights forbid it (user access to a supervisor page,
     * write to a read-only page, fetch from a no-execute page).
     *
     * <p>Kept small so the JIT inlines it into its callers: an access to the line its path met
     * last, with rights the memo page allows, is a first-level hit on the TLB entry and line that
     * are already the most recent ({@link #memoHit}); anything else is a call.
     */
    public long access(long vaddr, int kind, boolean user) {
        int right = 1 << (kind << 1 | (user ? 1 : 0));
        // The rights are the memo page's; with no memo page neither compare below can succeed.
        if (kind == EXECUTE) {
            if ((codeRights & right) != 0) {
                if ((vaddr >>> codeLineShift) == codeLine) return memoHit(itlb, firstInstruction, false, codeHitCycles);
                if ((vaddr >>> pageShift) == codePage) return onMemoPage(true, itlb, firstInstruction, instructionPath, codeFrame | (vaddr & pageMask), vaddr, false);
            }
        } else if ((dataRights & right) != 0) {
            if ((vaddr >>> dataLineShift) == dataLine) return memoHit(dtlb, firstData, kind == WRITE, dataHitCycles);
            if ((vaddr >>> pageShift) == dataPage) return onMemoPage(false, dtlb, firstData, dataPath, dataFrame | (vaddr & pageMask), vaddr, kind == WRITE);
        }
        return translate(vaddr, kind, user, right);
    }

    /** What the TLB's and the first level's own last-entry memos would answer: a hit on each, no LRU change. */
    private long memoHit(Tlb tlb, Cache first, boolean write, long cycles) {
        tlb.repeatLastHit();
        first.repeatLastHit(write);
        lastTlbHit = true;
        lastServedBy = first;
        return cycles;
    }

    /**
     * Another line of the memo page: a hit on the TLB's last entry, then the caches; the line
     * becomes the memo line unless it is not in the first level now (a write-through write miss).
     */
    private long onMemoPage(boolean code, Tlb tlb, Cache first, Cache[] path, long paddr, long vaddr, boolean write) {
        tlb.repeatLastHit();
        lastTlbHit = true;
        long cycles;
        if (first.accessLine(paddr, vaddr, write)) {
            lastServedBy = first;
            cycles = first.latency();
        } else {
            cycles = beyondFirstLevel(path, paddr, vaddr, write);
            if (write && !first.writeBack()) return cycles; // a write-through level passed the miss on: no line filled
        }
        if (code) codeLine = vaddr >>> codeLineShift;
        else dataLine = vaddr >>> dataLineShift;
        if (sharedFirstLevel) {
            if (code) dataLine = NO_MEMO;
            else codeLine = NO_MEMO;
        }
        return cycles;
    }

    /** Not on the memo page: the TLB, or a walk; then the rights and the caches. */
    private long translate(long vaddr, int kind, boolean user, int right) {
        boolean code = kind == EXECUTE;
        Tlb tlb = code ? itlb : dtlb;
        long page = vaddr >>> pageShift;
        long frameBase;
        int e = tlb.find(page, asid);
        lastTlbHit = e >= 0;
        long cycles;
        int flags;
        if (e >= 0) {
            cycles = 0;
            frameBase = tlb.frame(e) << pageShift;
            flags = tlb.flags(e);
        } else {
            if (!walk(vaddr)) {
                forgetPages(code ? codeTlbPaths : dataTlbPaths); // the walk read through the caches
                return fault(vaddr, kind, false, walkCycles);
            }
            cycles = walkCycles;
            frameBase = walkPaddr & ~pageMask;
            flags = walkFlags;
            tlb.fill(page, asid, walkPaddr >>> pageShift, flags);
        }
        int rights = rightsByFlags[flags & 15];
        if ((rights & right) == 0) {
            forgetPages(code ? codeTlbPaths : dataTlbPaths); // the TLB's last entry is this page's, not the memo page's
            return fault(vaddr, kind, true, cycles);
        }
        long paddr = frameBase | (vaddr & pageMask);
        cycles += cached(paddr, vaddr, kind);
        if (memoOn) {
            // The TLB's last entry is this page's now (found or inserted), whatever the caches did;
            // the first level's last line is this one, hit or filled, unless a write-through level
            // passed a write miss on without allocating.
            // A TLB or first level this path shares with the other no longer holds that one's memo.
            if (code) {
                codePage = page;
                codeFrame = frameBase;
                codeRights = rights;
                codeLine = vaddr >>> codeLineShift;
                if (sharedTlb) dataPage = dataLine = NO_MEMO;
                else if (sharedFirstLevel) dataLine = NO_MEMO;
            } else {
                dataPage = page;
                dataFrame = frameBase;
                dataRights = rights;
                dataLine = kind == READ || firstDataWriteBack ? vaddr >>> dataLineShift : NO_MEMO;
                if (sharedTlb) codePage = codeLine = NO_MEMO;
                else if (sharedFirstLevel) codeLine = NO_MEMO;
            }
        }
        return cycles;
    }

    /**
     * The accesses a TLB entry's flags allow, as bits {@code 1 << (kind << 1 | user)}: a kernel
     * read always; a user access needs a user page, a write a writable page, a fetch an
     * executable one where the MMU has no-execute.
     */
    private int rights(int flags) {
        boolean u = (flags & Tlb.USER) != 0, w = (flags & Tlb.WRITABLE) != 0;
        boolean x = !noExecute || (flags & Tlb.EXECUTABLE) != 0;
        int r = 1 << (READ << 1);
        if (u) r |= 1 << (READ << 1 | 1);
        if (w) r |= 1 << (WRITE << 1);
        if (w && u) r |= 1 << (WRITE << 1 | 1);
        if (x) r |= 1 << (EXECUTE << 1);
        if (x && u) r |= 1 << (EXECUTE << 1 | 1);
        return r;
    }

    /** The TLB of {@code paths} changed its last entry (a lookup of another page, an insert, a flush): forget the page and line memos. */
    void forgetPages(int paths) {
        if ((paths & DATA_PATH) != 0) dataPage = dataLine = NO_MEMO;
        if ((paths & CODE_PATH) != 0) codePage = codeLine = NO_MEMO;
    }

    /** The first level of {@code paths} changed its last line: forget the line memos. */
    void forgetLines(int paths) {
        if ((paths & DATA_PATH) != 0) dataLine = NO_MEMO;
        if ((paths & CODE_PATH) != 0) codeLine = NO_MEMO;
    }

    /** No hit memo from now on (a multiprocessor's coherence, a shared first level). */
    void stopMemo() {
        memoOn = false;
        forgetPages(DATA_PATH | CODE_PATH);
    }

    /**
     * For tests and measurements only: without the hit memo every access takes the full TLB and
     * cache lookup, which must give the same cycles, counters and state (MemoryHierarchyMemoTest).
     */
    public void disableHitMemo() {
        stopMemo();
    }

    /**
     * An access of {@code size} bytes: one that crosses a line (or page) boundary costs the
     * access to each line it touches, like a misaligned access on the real machines.
     */
    public long access(long vaddr, int kind, boolean user, int size) {
        long end = vaddr + Math.max(1, size) - 1;
        long cycles = 0;
        long lineMask = -(long) minLineBytes;
        for (long a = vaddr; ; a = (a & lineMask) + minLineBytes) {
            long c = access(a, kind, user);
            if (c == PAGE_FAULT) return PAGE_FAULT;
            cycles += c;
            if ((a & lineMask) == (end & lineMask)) return cycles;
        }
    }

    /**
     * A run of accesses: {@code access(a, kind, user)} for a = {@code from}, {@code from + stride},
     * ... below {@code to}, in that order, with the same outcome in every counter, TLB entry,
     * cache line and LRU order; returns the sum over the accesses of what each cost beyond
     * {@code free} cycles (0 for the plain sum; an instruction fetch passes
     * {@link #instructionHitCycles()} to get its stall cycles), or {@link #PAGE_FAULT} at the first
     * access that faults (the fault fields say where; the accesses before it took place).
     *
     * <p>Why a batch: the code of a kernel path and a {@code touch} range are runs of lines on
     * few pages. The first access to each page takes the full path (TLB lookup or walk, rights
     * check); the rest of that page's accesses are exactly a hit on the TLB entry just used, so
     * they count that hit and go straight to the caches, without the TLB's compare, the rights
     * check (same page, same rights) or a call per access.
     */
    public long accessRun(long from, long to, int stride, int kind, boolean user, long free) {
        if (stride <= 0) throw new IllegalArgumentException("stride " + stride + " must be positive");
        Tlb tlb = kind == EXECUTE ? itlb : dtlb;
        long total = 0;
        long a = from;
        while (a < to) {
            long c = access(a, kind, user);
            if (c == PAGE_FAULT) return PAGE_FAULT;
            if (c > free) total += c - free;
            long frameBase = tlb.frame(tlb.lastIndex()) << pageShift;
            long pageEnd = Math.min(to, (a | pageMask) + 1);
            boolean more = false;
            for (a += stride; a < pageEnd; a += stride) {
                tlb.repeatLastHit();
                c = cached(frameBase | (a & pageMask), a, kind);
                if (c > free) total += c - free;
                more = true;
            }
            if (more) {
                lastTlbHit = true;
                forgetLines(kind == EXECUTE ? codeCachePaths : dataCachePaths); // the loop changed the first level's last line
            }
        }
        return total;
    }

    private long fault(long vaddr, int kind, boolean protection, long cycles) {
        faultAddress = vaddr;
        faultKind = kind;
        faultProtection = protection;
        faultCycles = cycles;
        return PAGE_FAULT;
    }

    /**
     * Walk the page table for {@code vaddr}, reading each entry through the data caches.
     * Returns whether a mapping was found; sets walkCycles, walkPaddr, walkFlags.
     */
    private boolean walk(long vaddr) {
        forgetLines(dataCachePaths); // the walk reads the table through the data caches
        boolean found = walkTable(vaddr);
        walkCyclesTotal += walkCycles;
        return found;
    }

    private boolean walkTable(long vaddr) {
        walks++;
        long cycles = mmu.walkExtraCycles();
        walkCycles = cycles;
        if (root < 0) return false;
        long table = root;
        int eb = format.entryBytes();
        int levels = format.levels();
        for (int level = 0; level < levels; level++) {
            long pteAddr = table + (long) format.index(vaddr, level) * eb;
            if (pteAddr >= memory.size()) return false; // a corrupt table: the machine would fault too
            cycles += cached(pteAddr, pteAddr, READ);
            walkCycles = cycles;
            long pte = memory.readEntry(pteAddr, eb);
            if (!format.present(pte)) return false;
            if (format.leaf(pte, level)) {
                if (level < levels - 1 && !mmu.largePageAt(level)) return false; // no such page size here
                long offsetMask = (1L << format.shiftAt(level)) - 1;
                walkPaddr = (format.address(pte) & ~offsetMask) | (vaddr & offsetMask);
                int f = 0;
                if (format.writable(pte)) f |= Tlb.WRITABLE;
                if (format.user(pte)) f |= Tlb.USER;
                if (format.global(pte) && mmu.globalPages()) f |= Tlb.GLOBAL;
                if (format.executable(pte)) f |= Tlb.EXECUTABLE;
                walkFlags = f;
                return true;
            }
            table = format.address(pte);
        }
        return false;
    }

    /** A physical access through the caches only (page-table walks, kernel data at known frames). */
    public long accessPhysical(long paddr, int kind) {
        forgetLines(kind == EXECUTE ? codeCachePaths : dataCachePaths);
        return cached(paddr, paddr, kind);
    }

    // The first level on its own and the rest in beyondFirstLevel rather than one loop: alternated
    // runs of MemoryAccessBenchmark measured the split 5-15 % faster (the JIT compiles the common
    // first-level hit into a smaller method).
    private long cached(long paddr, long vaddr, int kind) {
        if (coherence == null || kind == EXECUTE) return local(paddr, vaddr, kind);
        return coherence.access(cpu, paddr, kind == WRITE, local(paddr, vaddr, kind));
    }

    /** The access through this CPU's own levels and the shared ones, without other CPUs' caches. */
    private long local(long paddr, long vaddr, int kind) {
        Cache first = kind == EXECUTE ? firstInstruction : firstData;
        boolean write = kind == WRITE;
        if (first == null) {
            lastServedBy = null;
            return memoryAccess(0);
        }
        if (first.accessLine(paddr, vaddr, write)) {
            lastServedBy = first;
            return first.latency();
        }
        return beyondFirstLevel(kind == EXECUTE ? instructionPath : dataPath, paddr, vaddr, write);
    }

    /** The first level missed: the levels below it, then memory. */
    private long beyondFirstLevel(Cache[] path, long paddr, long vaddr, boolean write) {
        lastServedBy = null;
        long cycles = path[0].latency();
        if (write && !path[0].writeBack()) return cycles;
        for (int i = 1; i < path.length; i++) {
            Cache c = path[i];
            cycles += c.latency();
            if (c.accessLine(paddr, vaddr, write)) {
                if (c == shared) sharedHits++;
                lastServedBy = c;
                return cycles;
            }
            if (c == shared) sharedMisses++;
            if (write && !c.writeBack()) return cycles;
        }
        return memoryAccess(cycles);
    }

    private long memoryAccess(long cycles) {
        memoryAccesses++;
        return cycles + memoryLatency;
    }

    /**
     * Load the page-table root (CR3 / TTBR). An untagged TLB loses every non-global entry
     * (on the i486 every entry: no global pages); a tagged TLB switches tags and keeps all.
     * Returns the cycles of the load itself ({@link CostKind#PAGE_TABLE_ROOT_LOAD}); the
     * misses the flush causes are paid later, by the accesses that take them.
     */
    public long loadPageTableRoot(long rootPaddr, int space) {
        long cycles = costs.cost(CostKind.PAGE_TABLE_ROOT_LOAD);
        if (rootPaddr == root && (space == asid || !tagged)) return cycles;
        root = rootPaddr;
        asid = tagged ? space : 0;
        forgetPages(DATA_PATH | CODE_PATH);
        if (!tagged) {
            dtlb.flushAll(mmu.globalPages());
            if (itlb != dtlb) itlb.flushAll(mmu.globalPages());
        }
        return cycles;
    }

    /**
     * Change the page table walks use and the tag new TLB entries get, without a flush and without a
     * page-table root load: how the kernel switches to and between small address spaces (Liedtke,
     * "Improved address-space switching on Pentium processors by transparently multiplexing user
     * address spaces", 1995), which are segments of the small-space region every page directory maps.
     * From then on the TLBs tell entries apart by tag ({@link Tlb#tagBySegment}). Costs nothing here:
     * the segment reloads are the kernel's to charge.
     */
    public void switchWithoutFlush(long rootPaddr, int tag) {
        root = rootPaddr;
        asid = tag;
        forgetPages(DATA_PATH | CODE_PATH);
        if (!dtlb.tagging()) dtlb.tagBySegment();
        if (!itlb.tagging()) itlb.tagBySegment();
    }

    /** Flush every entry, global ones too. */
    public long flushTlb() {
        dtlb.flushAll(false);
        if (itlb != dtlb) itlb.flushAll(false);
        return costs.cost(CostKind.TLB_FLUSH);
    }

    /** Invalidate one page's entry (invlpg / TLBI by VA and ASID). */
    public long flushTlbPage(long vaddr, int space) {
        long page = vaddr >>> pageShift;
        int tag = dtlb.tagging() ? space : 0;
        dtlb.flushPage(page, tag);
        if (itlb != dtlb) itlb.flushPage(page, tag);
        return costs.cost(CostKind.TLB_FLUSH_ENTRY);
    }

    /** Drop one address space's entries: tagged TLBs by tag, untagged ones entirely (but globals). */
    public long flushTlbAsid(int space) {
        if (tagged) {
            dtlb.flushAsid(space);
            if (itlb != dtlb) itlb.flushAsid(space);
            return costs.cost(CostKind.TLB_FLUSH_ENTRY);
        }
        dtlb.flushAll(mmu.globalPages());
        if (itlb != dtlb) itlb.flushAll(mmu.globalPages());
        return costs.cost(CostKind.TLB_FLUSH);
    }

    /**
     * Whether the last {@link #access} found its translation in the TLB (false: it walked the
     * page table). For an access of several lines, the last line's.
     */
    public boolean lastAccessTlbHit() { return lastTlbHit; }

    /**
     * The cache that served the last access (or {@link #accessPhysical}): the first level on
     * its path that hit, every level before it having missed. Null when no level hit: the
     * access went to memory, or a write missed a write-through level and was posted on from
     * there. Undefined after a page fault.
     */
    public Cache lastAccessServedBy() { return lastServedBy; }

    /** Cycles of an instruction fetch that hits the first instruction-side level (the pipeline hides them). */
    public long instructionHitCycles() { return instructionPath.length == 0 ? memoryLatency : instructionPath[0].latency(); }

    /** Line size of the first instruction-side level (what one fetch brings in). */
    public int instructionLineBytes() { return instructionPath.length == 0 ? minLineBytes : instructionPath[0].lineBytes(); }

    public long currentRoot() { return root; }

    /** {@code c}, one of this hierarchy's caches, is shared with the other CPUs (the machine says so). */
    void share(Cache c) {
        shared = c;
        if (c == firstData || c == firstInstruction) stopMemo();
    }

    /** Hits in the i-th cache (see {@link #cache}) by this CPU's accesses: of a shared cache, this CPU's only. */
    public long hitsOf(int i) {
        return caches[i] == shared ? sharedHits : caches[i].hits();
    }

    /** Misses in the i-th cache by this CPU's accesses: of a shared cache, this CPU's only. */
    public long missesOf(int i) {
        return caches[i] == shared ? sharedMisses : caches[i].misses();
    }

    /** Join a multiprocessor's coherence directory as CPU {@code index} (the machine does it). */
    void joinCoherence(Coherence c, int index) {
        this.coherence = c;
        this.cpu = index;
        stopMemo();
    }

    /** The coherence directory this CPU's caches take part in, or null on one CPU. */
    public Coherence coherence() { return coherence; }
    public int currentAsid() { return asid; }
    public boolean taggedTlb() { return tagged; }
    public long faultAddress() { return faultAddress; }
    public int faultKind() { return faultKind; }
    public boolean faultWasProtection() { return faultProtection; }
    /** Cycles spent before the fault was detected (the walk so far). */
    public long faultCycles() { return faultCycles; }

    /** The data TLB (the only one when the TLB is unified). */
    public Tlb tlb() { return dtlb; }
    /** The instruction TLB: {@link #tlb()} itself when the TLB is unified. */
    public Tlb itlb() { return itlb; }
    public int cacheLevels() { return caches.length; }
    /** The i-th cache of the machine description (not a level number: split caches are two). */
    public Cache cache(int i) { return caches[i]; }
    public long memoryAccesses() { return memoryAccesses; }
    public long pageWalks() { return walks; }
    /** Cycles of all page-table walks so far. */
    public long pageWalkCycles() { return walkCyclesTotal; }

    public long tlbHits() { return dtlb.hits() + (itlb != dtlb ? itlb.hits() : 0); }
    public long tlbMisses() { return dtlb.misses() + (itlb != dtlb ? itlb.misses() : 0); }
    /** Flush operations (counted once even when they hit a split TLB's two halves). */
    public long tlbFlushes() { return dtlb.flushes(); }

    /** Hits of the caches at {@code level} (1 = first level; both halves of a split level). */
    public long cacheHits(int level) {
        long n = 0;
        for (int i = 0; i < caches.length; i++) if (caches[i].level() == level) n += hitsOf(i);
        return n;
    }

    public long cacheMisses(int level) {
        long n = 0;
        for (int i = 0; i < caches.length; i++) if (caches[i].level() == level) n += missesOf(i);
        return n;
    }

    public void resetStats() {
        dtlb.resetStats();
        if (itlb != dtlb) itlb.resetStats();
        for (Cache c : caches) c.resetStats();
        sharedHits = sharedMisses = 0;
        memoryAccesses = 0;
        walks = 0;
        walkCyclesTotal = 0;
    }
}
