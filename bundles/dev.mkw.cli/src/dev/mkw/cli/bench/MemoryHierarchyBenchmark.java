package dev.mkw.cli.bench;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.hw.sim.MemoryHierarchy;
import dev.mkw.hw.sim.PageTableBuilder;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.sim.bench.Benchmark;

/** Simulated memory accesses (TLB + caches, some misses) per host second, on the x86-64 preset. */
public final class MemoryHierarchyBenchmark implements Benchmark {
    public static final String NAME = "hw.memory-access";
    private final MemoryHierarchy mem;

    public MemoryHierarchyBenchmark() {
        SimMachine m = MachinePresets.get().machine("x86_64_pcid", 1);
        // An identity-offset 4 MiB region with real page tables, walked by the hardware model.
        long root = 0x10_0000;
        PageTableBuilder tables = new PageTableBuilder(m.memory(), m.mmu().format(), root + 4096);
        for (long va = 0; va < (4 << 20); va += 4096) tables.map(root, va, 0x80_0000 + va, true);
        mem = m.mem(0);
        mem.loadPageTableRoot(root, 1);
    }

    @Override public String name() { return NAME; }
    @Override public String unit() { return "accesses"; }

    @Override
    public long run(long iterations) {
        long sum = 0;
        long addr = 0;
        for (long i = 0; i < iterations; i++) {
            // Mostly sequential with a stride that leaves the L1 and the TLB now and then.
            addr = (addr + 72) & ((4 << 20) - 1);
            sum += mem.access(addr, (int) (i & 1), true);
        }
        return sum;
    }
}
