package dev.mkw.sim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.mkw.sim.export.Decimals;
import dev.mkw.sim.report.CacheLevelCounters;
import dev.mkw.sim.report.HardwareCounters;
import dev.mkw.sim.report.RunReport;

/** TLB and cache misses per CPU, with miss rates: one row per CPU, columns per cache level. */
public final class CacheTlbAnalysis implements Analysis {
    @Override public String id() { return "cache-tlb"; }
    @Override public String description() { return "TLB and cache misses and miss rates per CPU"; }

    @Override
    public AnalysisResult analyze(RunReport r) {
        SortedSet<String> levels = new TreeSet<>();
        for (HardwareCounters h : r.hardware()) levels.addAll(h.caches().keySet());
        List<String> cols = new ArrayList<>(List.of(
                "cpu", "tlb misses", "tlb miss %", "tlb flushes"));
        for (String l : levels) {
            cols.add(l + " misses");
            cols.add(l + " miss %");
        }
        cols.add("memory accesses");
        List<List<String>> rows = new ArrayList<>();
        for (HardwareCounters h : r.hardware()) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(h.cpu()));
            row.add(Long.toString(h.tlbMisses()));
            row.add(Decimals.percent(h.tlbMisses(), h.tlbHits() + h.tlbMisses()));
            row.add(Long.toString(h.tlbFlushes()));
            for (String l : levels) {
                CacheLevelCounters c = h.caches().getOrDefault(l, new CacheLevelCounters(0, 0));
                row.add(Long.toString(c.misses()));
                row.add(Decimals.percent(c.misses(), c.accesses()));
            }
            row.add(Long.toString(h.memoryAccesses()));
            rows.add(row);
        }
        return new AnalysisResult("TLB and cache misses per CPU", cols, rows);
    }

}
