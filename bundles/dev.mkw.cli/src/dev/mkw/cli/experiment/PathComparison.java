package dev.mkw.cli.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.mkw.cli.CliException;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.sim.report.KernelPathStats;
import dev.mkw.sim.report.RunReport;

/**
 * Why a claim's pair came out as it did: the two points run again (deterministic, so the
 * same runs) with their full reports, and each kernel path's count and cycles side by side,
 * largest difference first, with the user and idle cycles and the TLB and cache misses.
 */
public record PathComparison(List<Line> lines, List<Parts> parts) {

    public PathComparison {
        lines = List.copyOf(lines);
        parts = List.copyOf(parts);
    }

    /**
     * Where one execution of a side's dearest kernel path goes, on average: plain instructions,
     * the machine's privileged operations (trap, return, page-table root, TLB and FPU work), stalls
     * fetching the path's code, and its data accesses (of which page-table walks). What a claim's
     * size rests on: a path whose instructions are estimates shows it here.
     */
    public record Parts(String side, String path, long count, double instructions, double privileged, double fetchStalls, double memory, double walks) {
        public double total() { return instructions + privileged + fetchStalls + memory; }

        static Parts of(String side, KernelPathStats s) {
            double n = Math.max(1, s.count());
            return new Parts(side, s.name(), s.count(), s.instructionCycles() / n, s.privilegedCycles() / n, s.fetchStallCycles() / n,
                    s.memoryCycles() / n, s.walkCycles() / n);
        }
    }

    /** One row: what, A's count and cycles, B's count and cycles (count -1: not a path). */
    public record Line(String what, long countA, long cyclesA, long countB, long cyclesB) {
        public long delta() { return cyclesA - cyclesB; }
    }

    /** How many kernel paths the table shows (the largest differences). */
    static final int PATHS = 8;

    /** The table of {@code pair}; of an absolute claim's point (b = -1), its own figures with B's columns empty (0). */
    static PathComparison of(ExperimentResult result, ClaimVerdict.Pair pair) throws CliException {
        RunReport a = run(result, pair.a()), b = pair.b() < 0 ? null : run(result, pair.b());
        if (b == null) return single(a);
        List<Parts> parts = new ArrayList<>();
        KernelPathStats da = dearest(a), db = dearest(b);
        if (da != null) parts.add(Parts.of("A", da));
        if (db != null) parts.add(Parts.of("B", db));
        List<Line> paths = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(a.kernelPaths().keySet());
        names.addAll(b.kernelPaths().keySet());
        for (String n : names) {
            KernelPathStats pa = a.kernelPaths().get(n), pb = b.kernelPaths().get(n);
            paths.add(new Line("path " + n, pa == null ? 0 : pa.count(), pa == null ? 0 : pa.total(), pb == null ? 0 : pb.count(), pb == null ? 0 : pb.total()));
        }
        // Largest difference first; the name breaks ties so the table is the same every time.
        paths.sort(Comparator.comparingLong((Line l) -> -Math.abs(l.delta())).thenComparing(Line::what));
        List<Line> lines = new ArrayList<>(paths.subList(0, Math.min(PATHS, paths.size())));
        lines.add(new Line("user cycles", -1, a.cyclesOf(RunReport.AccountKind.USER, -1), -1, b.cyclesOf(RunReport.AccountKind.USER, -1)));
        lines.add(new Line("kernel cycles", -1, a.cyclesOf(RunReport.AccountKind.KERNEL, -1), -1, b.cyclesOf(RunReport.AccountKind.KERNEL, -1)));
        lines.add(new Line("idle cycles", -1, a.cyclesOf(RunReport.AccountKind.IDLE, -1), -1, b.cyclesOf(RunReport.AccountKind.IDLE, -1)));
        lines.add(new Line("TLB misses", -1, a.tlbMisses(), -1, b.tlbMisses()));
        lines.add(new Line("TLB flushes", -1, a.tlbFlushes(), -1, b.tlbFlushes()));
        TreeSet<String> levels = new TreeSet<>(a.cacheTotals().keySet());
        levels.addAll(b.cacheTotals().keySet());
        for (String l : levels) {
            long ma = a.cacheTotals().containsKey(l) ? a.cacheTotals().get(l).misses() : 0;
            long mb = b.cacheTotals().containsKey(l) ? b.cacheTotals().get(l).misses() : 0;
            lines.add(new Line(l + " misses", -1, ma, -1, mb));
        }
        return new PathComparison(lines, parts);
    }

    /** The kernel path with the most cycles in {@code r} (the name breaks ties), or null. */
    private static KernelPathStats dearest(RunReport r) {
        return r.kernelPaths().values().stream().filter(s -> s.count() > 0)
                .max(Comparator.comparingLong(KernelPathStats::total).thenComparing(KernelPathStats::name, Comparator.reverseOrder())).orElse(null);
    }

    /**
     * One run's kernel paths, most cycles first, with its user, kernel and idle cycles: where an
     * absolute figure's cycles go (B's columns are 0).
     */
    private static PathComparison single(RunReport a) {
        List<Line> paths = new ArrayList<>();
        new TreeSet<>(a.kernelPaths().keySet()).forEach(n -> paths.add(new Line("path " + n, a.kernelPaths().get(n).count(), a.kernelPaths().get(n).total(), 0, 0)));
        paths.sort(Comparator.comparingLong((Line l) -> -l.cyclesA()).thenComparing(Line::what));
        List<Line> lines = new ArrayList<>(paths.subList(0, Math.min(PATHS, paths.size())));
        lines.add(new Line("user cycles", -1, a.cyclesOf(RunReport.AccountKind.USER, -1), -1, 0));
        lines.add(new Line("kernel cycles", -1, a.cyclesOf(RunReport.AccountKind.KERNEL, -1), -1, 0));
        lines.add(new Line("idle cycles", -1, a.cyclesOf(RunReport.AccountKind.IDLE, -1), -1, 0));
        lines.add(new Line("TLB misses", -1, a.tlbMisses(), -1, 0));
        KernelPathStats d = dearest(a);
        return new PathComparison(lines, d == null ? List.of() : List.of(Parts.of("", d)));
    }

    private static RunReport run(ExperimentResult result, int point) throws CliException {
        Map<String, String> settings = result.settings(point);
        RunReport r = ScenarioRunner.run(result.job().scenario(settings));
        if (r.failed()) throw new CliException("point " + point + " (" + Claim.describe(settings) + ") failed when run again: " + String.join("; ", r.errorLines()));
        return r;
    }
}
