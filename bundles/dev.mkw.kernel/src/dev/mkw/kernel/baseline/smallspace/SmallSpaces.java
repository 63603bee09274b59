package dev.mkw.kernel.baseline.smallspace;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelLayout;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.baseline.BaselineCode;
import dev.mkw.kernel.baseline.BaselineLayout;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.thread.Tcb;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.sim.TraceKind;

/**
 * Small address spaces on x86 (variant {@code kernel { small-spaces on }}; Liedtke, "Improved
 * address-space switching on Pentium processors by transparently multiplexing user address spaces",
 * GMD TR 933, 1995; Pistachio's {@code X86_SMALL_SPACES}; Microkernel Construction I.8 "small space
 * extension"). The kernel keeps a small-space region that every page directory maps; a task small
 * enough gets a segment of it (a power of two of at least 4 MiB, one page-directory entry's reach),
 * and runs with segment bases and limits that relocate its addresses into that segment. Switching to
 * a small space, or back to the large space whose page directory is loaded, rewrites the user
 * descriptors and reloads the segment registers: no page-table root load, no TLB flush, so the
 * translations of all small spaces and of the loaded large space stay in the TLB side by side.
 * Switching to another large space loads its page directory: an untagged TLB flushes, small-space
 * entries included (the Pentium has no global pages).
 *
 * <p>Placement is transparent, as the paper's title says: at boot the tasks that fit take segments
 * in declaration order while the region has room. A task's size is the end of its highest region and
 * of its program text; MKW's UTCB area (at 0x7000_0000) is left out, as Pistachio lets a space's
 * creator put the UTCB area where it likes and MKW does not move it. The simulated TLB tells the
 * spaces' entries apart by tag ({@code MemoryHierarchy#switchWithoutFlush}), which stands for their
 * different linear addresses; their page tables are walked from the space's own root, where the real
 * walk goes through the loaded directory's shared small-space entries.
 */
public final class SmallSpaces {
    /** MKW's small-space region: 512 MiB (Pistachio's size is a build constant; the paper's examples use up to 512 MiB). */
    public static final long REGION = 512L << 20;
    /** The smallest small space: what one ia32 page-directory entry maps. */
    public static final long MIN_SIZE = 4L << 20;

    private final Kernel k;
    private final BaselineCode.Image code;
    private final long gdt;
    /** The segment (offset in the region) and size of each small space. */
    private final Map<AddressSpace, long[]> segments = new LinkedHashMap<>();
    /** For each processor, the large space whose page directory it has loaded, and whether it runs in a small space. */
    private final AddressSpace[] large;
    private final boolean[] inSmall;

    private SmallSpaces(Kernel k) {
        this.k = k;
        this.code = new BaselineCode.Image(BaselineLayout.text(k.kernelMemory().base), k.abi());
        this.gdt = BaselineLayout.gdt(k.kernelMemory().base);
        this.large = new AddressSpace[k.processors().size()];
        java.util.Arrays.fill(large, k.sigma0());
        this.inSmall = new boolean[large.length];
    }

    /** Boot: the small spaces of {@code s}'s tasks, or null when the variant is off (a CPU without segmentation is an error). */
    public static SmallSpaces of(Kernel k, Scenario s) {
        if (!k.config().smallSpaces()) return null;
        if (!k.abi().isa().equals("x86-32")) {
            k.error(null, null, "small-spaces on: small address spaces are segments of x86-32 (ia32) segmentation; the preset's CPU is " + k.abi().isa(), true);
            return null;
        }
        SmallSpaces ss = new SmallSpaces(k);
        ss.place(s);
        return ss;
    }

    private void place(Scenario s) {
        int page = k.machine().memory().frameSize();
        if (!k.kernelMemory().mapped(gdt)) k.kernelMemory().mapFresh(gdt, k.mem());
        if (!k.kernelMemory().mapped(code.start(BaselineCode.SMALL_SPACE_SWITCH))) {
            for (long a = code.start(BaselineCode.SMALL_SPACE_SWITCH) & -(long) page; a < code.end(); a += page) {
                if (!k.kernelMemory().mapped(a)) k.kernelMemory().mapFreshText(a, k.mem());
            }
        }
        long used = 0;
        for (TaskSpec t : s.tasks()) {
            long size = size(t);
            if (size > REGION) continue;
            // Buddy placement: a segment is aligned to its size.
            long at = (used + size - 1) / size * size;
            if (at + size > REGION) continue;
            AddressSpace space = k.space(t.name());
            segments.put(space, new long[] {at, size});
            used = at + size;
        }
    }

    /** The segment size a task needs: its highest region end and program text, rounded up to a power of two of at least 4 MiB. */
    static long size(TaskSpec t) {
        long end = KernelLayout.USER_TEXT + (long) t.threads().size() * KernelLayout.USER_TEXT_STRIDE;
        for (TaskSpec.RegionSpec r : t.regions()) end = Math.max(end, r.base() + r.size());
        long size = MIN_SIZE;
        while (size < end) size <<= 1;
        return size;
    }

    /** Whether {@code s} lives in a small space. */
    public boolean isSmall(AddressSpace s) {
        return segments.containsKey(s);
    }

    /** The small spaces, each with its segment's offset in the region and its size. */
    public Map<String, long[]> placement() {
        Map<String, long[]> m = new LinkedHashMap<>();
        segments.forEach((s, v) -> m.put(s.name, v.clone()));
        return m;
    }

    /** Switch the active processor's address space to {@code next}'s inside path {@code p}. */
    public void switchTo(Tcb next, KernelPath p) {
        AddressSpace s = next.space;
        int cpu = k.processor().index();
        long[] segment = segments.get(s);
        if (segment != null) {
            reloadSegments(p);
            k.mem().switchWithoutFlush(s.root, s.asid);
            inSmall[cpu] = true;
            k.record(TraceKind.THREAD_SWITCH, next, s.name, p.name(), segment[1], "small-space switch: segments reloaded, no TLB flush");
        } else if (s == large[cpu]) {
            if (inSmall[cpu]) reloadSegments(p);
            k.mem().switchWithoutFlush(s.root, s.asid);
            inSmall[cpu] = false;
        } else {
            if (inSmall[cpu]) reloadSegments(p);
            p.add(k.mem().loadPageTableRoot(s.root, s.asid));
            k.mem().switchWithoutFlush(s.root, s.asid);
            if (!k.mem().taggedTlb()) k.record(TraceKind.TLB_FLUSH, next, "", p.name(), 0, "address-space switch (large space)");
            large[cpu] = s;
            inSmall[cpu] = false;
        }
    }

    /** Rewrite the user code and data descriptors in the GDT and reload the data segment registers (each load reads its descriptor). */
    private void reloadSegments(KernelPath p) {
        code.execute(p, BaselineCode.SMALL_SPACE_SWITCH);
        p.touch(gdt, MemoryHierarchy.WRITE).touch(gdt + 4, MemoryHierarchy.WRITE).touch(gdt + 8, MemoryHierarchy.WRITE).touch(gdt + 12, MemoryHierarchy.WRITE);
        for (int i = 0; i < 4; i++) p.touch(gdt + 8, MemoryHierarchy.READ);
    }
}
