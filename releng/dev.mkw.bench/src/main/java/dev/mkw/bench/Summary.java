package dev.mkw.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import dev.mkw.cli.bench.ThreadScaleCheck;
import dev.mkw.cli.bench.UnmapCostTable;

/** What {@code mkw bench} prints after the table: the goals' figures, cachegrind's ratio, the scale checks. */
final class Summary {
    /** The preset whose two cache levels cachegrind's D1 and LL are set to. */
    static final String CACHEGRIND_PRESET = "cortex_a9";
    private static final List<String> PATTERNS = List.of("l1-resident", "mixed", "stream");

    private Summary() {}

    static void print(List<Row> rows, PrintStream out) {
        Row off = Row.find(rows, "kernel.short-ipc.trace-off"), on = Row.find(rows, "kernel.short-ipc.trace-on");
        out.println();
        if (off != null) {
            out.printf(Locale.ROOT, "short IPCs per host second, trace off: %s %s (goal 10 M)%n", BenchTable.rate(off.perSecond()), BenchTable.percent(off.relativeError()));
        }
        if (off != null && on != null) {
            out.printf(Locale.ROOT, "short IPC, trace on / trace off: %s (goal: at least 0.33)%n",
                    BenchTable.ratio(on.perSecond(), on.relativeError(), off.perSecond(), off.relativeError()));
        }
        Row one = Row.find(rows, "kernel.smp-4-pairs.cpus-1"), four = Row.find(rows, "kernel.smp-4-pairs.cpus-4");
        if (one != null && four != null) {
            out.printf(Locale.ROOT, "the same work on 4 simulated CPUs / on 1: %.2fx host time %s (goal: at most about 4x)%n",
                    four.nanos() / one.nanos(), BenchTable.percent(Math.hypot(one.relativeError(), four.relativeError())));
        }
        Row load = Row.find(rows, "dsl.load-10k-lines");
        if (load != null) {
            out.printf(Locale.ROOT, "loading a generated %d-line scenario (parse, link, validate, translate): %.0f ms %s (goal: under 1 s)%n",
                    ScenarioLoadBench.lines(), load.nanos() / 1e6, BenchTable.percent(load.relativeError()));
        }
    }

    static void cachegrind(List<Row> rows, boolean quick, PrintStream out) throws IOException, InterruptedException {
        out.println();
        String why = Cachegrind.unavailable();
        if (why != null) {
            out.println("cachegrind: not measured: " + why);
            return;
        }
        Cachegrind cg = Cachegrind.prepare(CACHEGRIND_PRESET);
        long accesses = quick ? 10_000_000L : 100_000_000L;
        out.printf(Locale.ROOT, "cachegrind on the same patterns (%s, the %s preset's caches; %d M accesses, time with cache simulation on minus off, per data reference; least of %d runs):%n",
                cg.describe(), CACHEGRIND_PRESET, accesses / 1_000_000, quick ? 1 : 3);
        for (String pattern : PATTERNS) {
            Cachegrind.Measurement m = cg.measure(pattern, accesses, quick ? 1 : 3);
            Row mkw = Row.find(rows, "hw.access." + pattern + "." + CACHEGRIND_PRESET);
            String ratio;
            if (mkw == null) ratio = "(MKW's figure not measured in this run)";
            else if (m.nanosPerDataRef() <= 0.05) ratio = String.format(Locale.ROOT, "MKW %.2f ns %s; cachegrind's cost is below what this run resolves (on - off within the noise): no ratio",
                    mkw.nanos(), BenchTable.percent(mkw.relativeError()));
            else ratio = String.format(Locale.ROOT, "MKW %.2f ns %s; MKW / cachegrind = %.2f", mkw.nanos(), BenchTable.percent(mkw.relativeError()),
                    mkw.nanos() / m.nanosPerDataRef());
            out.printf(Locale.ROOT, "  %-12s cachegrind %.2f ns per data access by wall time (%.2f s on, %.2f s off), %.2f ns by CPU time (%.2f s, %.2f s); %d data refs; %s%n",
                    pattern, m.nanosPerDataRef(), m.wallOn(), m.wallOff(), m.cpuNanosPerDataRef(), m.cpuOn(), m.cpuOff(), m.dataRefs(), ratio);
        }
    }

    static void scale(boolean quick, PrintStream out) {
        out.println();
        int mappings = quick ? 100_000 : 1_000_000;
        UnmapCostTable.Row held = UnmapCostTable.measure(mappings);
        out.printf(Locale.ROOT, "heap holding %d mappings: %d MiB (goal: under 2048 MiB; this JVM's limit: %d MiB); built at %.2f M maps per host second, revoked by one unmap in %.0f ms%n",
                mappings, held.heapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20, held.mapsPerHostSecond() / 1e6, held.hostMillis());
        int tasks = quick ? 100 : 1000;
        long t0 = System.nanoTime();
        ThreadScaleCheck.Result threads = ThreadScaleCheck.run(tasks, 100);
        out.printf(Locale.ROOT, "a run with %d threads: heap %d MiB after boot, %d MiB at the end (goal: under 2048 MiB); all ended: %s; %.1f s host%n",
                threads.threads(), threads.heapAfterBootBytes() >> 20, threads.heapAtEndBytes() >> 20, threads.allEnded(), (System.nanoTime() - t0) / 1e9);
    }
}
