package dev.mkw.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.memory.AddressSpace;
import dev.mkw.kernel.memory.Fpage;
import dev.mkw.kernel.memory.MappingDb;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.sim.SimEngine;
import dev.mkw.sim.Trace;

/**
 * Revocation cost against the size of the mapping tree: a pager maps one frame on to
 * sub-pagers, each of which maps it to up to {@value #FANOUT} clients (the shape of a pager
 * hierarchy), spread over {@value #SPACES} address spaces with real page tables; then the
 * pager's mapping is unmapped through the kernel's own unmap path, which walks the mapping
 * database and clears every page-table entry and TLB entry. The simulated cycles show the cost
 * users pay for revocation; the host time shows what the simulator pays for it.
 */
public final class UnmapCostTable {
    static final int FANOUT = 1000;
    static final int SPACES = 64;
    private static final long BASE = 0x1000_0000L;

    /** One measurement: {@code mappings} derived mappings revoked by one unmap. */
    public record Row(int mappings, long simulatedCycles, double hostMillis, long heapBytes, double buildMillis) {
        public double cyclesPerMapping() { return (double) simulatedCycles / mappings; }
        /** Map operations (node + page-table entry) per host second while the tree was built. */
        public double mapsPerHostSecond() { return mappings / (buildMillis / 1e3); }
        /** Mappings revoked per host second by the one unmap. */
        public double unmapsPerHostSecond() { return mappings / (hostMillis / 1e3); }
    }

    private final Kernel kernel;
    private final List<AddressSpace> spaces = new ArrayList<>();
    private int placed;

    private UnmapCostTable() {
        SimMachine machine = MachinePresets.get().machine("x86_64_pcid", 1);
        kernel = new Kernel(machine, KernelConfig.defaults(), new SimEngine(1, 1), Trace.off());
        for (int i = 0; i < SPACES; i++) {
            AddressSpace s = new AddressSpace("client" + i, i + 2, machine.memory(), machine.mmu().format(), kernel.frames());
            kernel.kernelMemory().attach(s);
            spaces.add(s);
        }
    }

    /** Build a tree of {@code n} derived mappings, measure the heap holding it, revoke it. */
    public static Row measure(int n) {
        UnmapCostTable t = new UnmapCostTable();
        long built = System.nanoTime();
        MappingDb.Node top = t.build(n);
        double buildMillis = (System.nanoTime() - built) / 1e6;
        long heap = usedHeap();
        KernelPath p = t.kernel.path("unmap");
        long[] c = {0};
        long start = System.nanoTime();
        int visited = t.kernel.mapping().unmapNode(top, Fpage.RWX, true, p, c);
        double millis = (System.nanoTime() - start) / 1e6;
        if (visited != n) throw new IllegalStateException("unmap visited " + visited + " of " + n + " mappings");
        p.add(c[0]);
        return new Row(n, p.cycles(), millis, heap, buildMillis);
    }

    /** The table for 1 to {@code max} mappings, by powers of ten. */
    public static List<Row> table(int max) {
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n <= max; n *= 10) rows.add(measure(n));
        return rows;
    }

    public static String render(List<Row> rows) {
        StringBuilder b = new StringBuilder("derived mappings  unmap cycles (simulated)  cycles per mapping  host ms\n");
        b.append("----------------  ------------------------  ------------------  -------\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%16d  %24d  %18.1f  %7.1f%n", r.mappings(), r.simulatedCycles(), r.cyclesPerMapping(), r.hostMillis()));
        }
        return b.toString();
    }

    private MappingDb.Node build(int n) {
        long frame = kernel.frames().allocate(4096);
        MappingDb.Node root = kernel.mappingDb().root(frame, kernel.sigma0());
        MappingDb.Node top = derive(root);
        int remaining = n - 1;
        while (remaining > 0) {
            MappingDb.Node pager = derive(top);
            remaining--;
            for (int i = 0; i < FANOUT && remaining > 0; i++, remaining--) derive(pager);
        }
        return top;
    }

    /** Map the frame on from {@code parent} into the next free page of the next client space. */
    private MappingDb.Node derive(MappingDb.Node parent) {
        AddressSpace s = spaces.get(placed % SPACES);
        long vaddr = BASE + (long) (placed / SPACES) * 4096;
        placed++;
        long[] c = {0};
        s.map(vaddr, parent.frame, Fpage.RWX, true, false, kernel.mem());
        return kernel.mappingDb().map(parent, s, vaddr, Fpage.RWX, Fpage.COMPLETE, kernel.mem(), c);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
