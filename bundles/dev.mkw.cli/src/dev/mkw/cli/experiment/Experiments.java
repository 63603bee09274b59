package dev.mkw.cli.experiment;

import java.util.List;

import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;

/**
 * The experiments MKW ships: claims of the lectures and papers it is built from, each checked
 * by runs of an example scenario. A claim that MKW does not reproduce is reported as such, not
 * hidden: the model (or the claim's conditions) then needs a look.
 */
public final class Experiments {
    private Experiments() {}

    public static final List<Experiment> BUILT_IN = List.of(
            new Experiment("benno", "Benno scheduling (lazy dequeue, no enqueue on a direct switch) does less ready-queue work than eager queue management",
                    "Microkernel Construction, lecture I.12 (lazy scheduling, Benno scheduling); Elphinstone & Heiser, SOSP 2013",
                    "lazy-vs-benno.mkw", List.of(), "kernel.scheduling", List.of("eager", "lazy", "benno"),
                    "ready-queue operations", "operations", RunReport::queueOperations, true),
            new Experiment("fastpath", "a fast path for short IPC makes a round trip cheaper than the general IPC path",
                    "Liedtke, Improving IPC by Kernel Design, SOSP 1993; seL4's fastpath (Blackham & Heiser)",
                    "ping-pong.mkw", List.of(), "kernel.fastpath", List.of("off", "on"),
                    "mean IPC latency", "cycles", r -> Math.round(r.ipcLatency().mean()), true),
            new Experiment("string-copy", "copying a long string once through a temporary mapping beats copying it twice through a kernel buffer",
                    "Liedtke, Improving IPC by Kernel Design, SOSP 1993 (temporary mapping); Microkernel Construction I.12",
                    "string-ipc.mkw", List.of(), "kernel.string-copy", List.of("copy-in-out", "temporary-mapping"),
                    "IPC slow-path cycles", "cycles", r -> pathCycles(r, "ipc.slowpath"), true),
            new Experiment("tagged-tlb", "an address-space-tagged TLB keeps its entries across address-space switches, so IPC between spaces misses the TLB less",
                    "Liedtke, On µ-Kernel Construction, SOSP 1995 (TLB flushes on address-space switch); Intel SDM vol. 3, 4.10.1 (PCIDs)",
                    "ping-pong.mkw", List.of("machine.preset=x86_64_pcid"), "machine.mmu.taggedTlb", List.of("false", "true"),
                    "TLB misses", "misses", RunReport::tlbMisses, true));

    /** The built-in experiment {@code id}, or null. */
    public static Experiment byId(String id) {
        for (Experiment e : BUILT_IN) if (e.id().equals(id)) return e;
        return null;
    }

    private static long pathCycles(RunReport r, String path) {
        KernelPathStats p = r.kernelPaths().get(path);
        return p == null ? 0 : p.total();
    }
}
