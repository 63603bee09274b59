package dev.mkw.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.cli.bench.DslParseBenchmark;
import dev.mkw.cli.bench.IpcBenchmark;
import dev.mkw.cli.bench.MemoryHierarchyBenchmark;
import dev.mkw.cli.bench.ThreadScaleCheck;
import dev.mkw.cli.bench.UnmapCostTable;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.dsl.bench.ParseBenchmark;
import dev.mkw.sim.bench.BenchReport;
import dev.mkw.sim.bench.BenchRunner;
import dev.mkw.sim.bench.Benchmark;
import dev.mkw.sim.bench.Benchmarks;

/**
 * {@code mkw bench}: MKW's speed targets, measured in one run and reported as rates and
 * ratios (never asserted by a timed unit test).
 */
public final class BenchCommand implements Command {
    @Override public String name() { return "bench"; }

    @Override public String summary() { return "measure simulator speed (IPC/s, accesses/s, events/s, parses/s) as ratios"; }

    @Override public String help() {
        return "Usage: mkw bench [--quick]\n\n"
                + "Runs the benchmarks (the engine, the memory hierarchy, short IPC with trace off and on, DSL parsing)\n"
                + "in this JVM, several rounds each, and prints rates and the ratios the README reports; then the\n"
                + "unmap cost against mapping-tree size (1 to 100 k), the heap holding 1 M mappings and the heap of\n"
                + "a run with 100 k threads.\n"
                + "--quick: shorter rounds (for a smoke check; less stable numbers).\n";
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, Set.of(), Set.of("quick"));
        List<String> problems = new ArrayList<>();
        List<Benchmark> all = new ArrayList<>(Benchmarks.discover(problems));
        all.add(new MemoryHierarchyBenchmark());
        // The hardware model on three access patterns (cache-resident, mixed, streaming) through
        // a TLB and two cache levels (Cortex-A9: L1D, L2): what a kernel path sees lies between.
        all.addAll(dev.mkw.hw.bench.MemoryAccessBenchmark.patterns());
        all.add(new IpcBenchmark(false));
        all.add(new IpcBenchmark(true));
        DslParseBenchmark dsl = new DslParseBenchmark();
        all.add(dsl);
        BenchRunner runner = a.flag("quick") ? new BenchRunner(1, 3, 50_000_000L, System::nanoTime) : new BenchRunner();
        BenchReport r = runner.run(all, Benchmarks.BASELINE);
        ctx.out().print(r.table());
        ctx.out().printf("%nshort IPC, trace on / trace off: %.2f (goal: at least 0.33)%n", r.ratio(IpcBenchmark.name(true), IpcBenchmark.name(false)));
        ctx.out().printf("short IPCs per host second, trace off: %.2f M (goal 10 M, floor 1 M)%n", r.get(IpcBenchmark.name(false)).perSecond() * IpcBenchmark.BATCH / 1e6);
        ctx.out().printf("memory-hierarchy accesses per host second: %.1f M (goal 50 M)%n", r.get(MemoryHierarchyBenchmark.NAME).perSecond() / 1e6);
        for (Benchmark b : dev.mkw.hw.bench.MemoryAccessBenchmark.patterns()) {
            ctx.out().printf("  %s: %.1f M accesses per host second%n", b.name(), r.get(b.name()).perSecond() / 1e6);
        }
        ctx.out().printf("scenario lines loaded (parse, link, validate, translate) per host second: %.0f%n", r.get(DslParseBenchmark.NAME).perSecond() * dsl.lines());
        ParseBenchmark.Result big = ParseBenchmark.run(ScenarioLoader.standalone(), 10_000, a.flag("quick") ? 1 : 3, a.flag("quick") ? 2 : 5);
        ctx.out().printf("a generated %d-line scenario: parse + validate + translate best %.0f ms, mean %.0f ms (goal: under 1 s)%n",
                big.lines(), big.bestMillis(), big.meanMillis());
        boolean quick = a.flag("quick");
        ctx.out().printf("%nunmap cost against the mapping tree's size (x86-64 preset; pager -> sub-pagers -> up to %d clients each):%n", 1000);
        ctx.out().print(UnmapCostTable.render(UnmapCostTable.table(quick ? 10_000 : 100_000)));
        int many = quick ? 100_000 : 1_000_000;
        UnmapCostTable.Row held = UnmapCostTable.measure(many);
        ctx.out().printf("heap while holding %d mappings: %d MiB (goal: under 2048 MiB); revoking them: %.0f ms host, %d simulated cycles%n",
                many, held.heapBytes() >> 20, held.hostMillis(), held.simulatedCycles());
        ctx.out().printf("map (mapping-database node + page-table entry): %.2f M per host second; unmap: %.2f M mappings revoked per host second%n",
                held.mapsPerHostSecond() / 1e6, held.unmapsPerHostSecond() / 1e6);
        int tasks = quick ? 100 : 1000;
        ThreadScaleCheck.Result threads = ThreadScaleCheck.run(tasks, 100);
        ctx.out().printf("a run with %d threads: heap %d MiB after boot, %d MiB at the end (goal: under 2048 MiB); all ended: %s%n",
                threads.threads(), threads.heapAfterBootBytes() >> 20, threads.heapAtEndBytes() >> 20, threads.allEnded());
        for (String p : problems) ctx.err().println("bench: " + p);
        return 0;
    }
}
