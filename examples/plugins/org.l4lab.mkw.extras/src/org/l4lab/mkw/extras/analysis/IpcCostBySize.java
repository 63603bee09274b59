package org.l4lab.mkw.extras.analysis;

import java.util.Map;
import java.util.TreeMap;

import dev.mkw.sim.analysis.Analysis;
import dev.mkw.sim.analysis.AnalysisResult;
import dev.mkw.sim.report.IpcSample;
import dev.mkw.sim.report.RunReport;

/**
 * IPC cost broken down by message size and by the kernel path that carried it: how many
 * messages of each size took the fast path and how many the slow path, and what each cost.
 * Shows where the fast path stops applying (typed items, long messages) and what that costs.
 * Built from the run's IPC samples (the first messages of the run, see the report's sample
 * limit), so it is cheap on long runs.
 */
public final class IpcCostBySize implements Analysis {
    @Override public String id() { return "ipc-cost-by-size"; }

    @Override public String description() { return "IPC cost by message size and kernel path (L4 Lab)"; }

    @Override
    public AnalysisResult analyze(RunReport report) {
        // words -> path -> {count, total, min, max}
        Map<Integer, Map<String, long[]>> table = new TreeMap<>();
        Map<Integer, Long> perSize = new TreeMap<>();
        for (IpcSample s : report.ipcSamples()) {
            String path = s.path().isEmpty() ? "(unknown)" : s.path();
            long[] c = table.computeIfAbsent(s.words(), w -> new TreeMap<>()).computeIfAbsent(path, x -> new long[] {0, 0, Long.MAX_VALUE, 0});
            c[0]++;
            c[1] += s.latency();
            c[2] = Math.min(c[2], s.latency());
            c[3] = Math.max(c[3], s.latency());
            perSize.merge(s.words(), 1L, Long::sum);
        }
        AnalysisResult.Builder b = new AnalysisResult.Builder("IPC cost by message size and kernel path (" + report.ipcSamples().size() + " sampled IPCs)",
                "words", "path", "ipcs", "share of size %", "avg cycles", "min cycles", "max cycles");
        for (var bySize : table.entrySet()) {
            long sizeCount = perSize.get(bySize.getKey());
            for (var byPath : bySize.getValue().entrySet()) {
                long[] c = byPath.getValue();
                b.row(bySize.getKey(), byPath.getKey(), c[0], percent(c[0], sizeCount), tenths(c[1], c[0]), c[2], c[3]);
            }
        }
        return b.build();
    }

    /** {@code part/whole} as a percentage with one decimal, in integer arithmetic (locale-free, exact). */
    static String percent(long part, long whole) {
        return tenths(part * 100, whole);
    }

    static String tenths(long total, long count) {
        long t = (total * 10 + count / 2) / count;
        return (t / 10) + "." + (t % 10);
    }
}
