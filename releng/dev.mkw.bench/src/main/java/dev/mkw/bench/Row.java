package dev.mkw.bench;

import java.util.Collection;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One JMH result as {@code mkw bench} names it: a stable name ({@code hw.access.stream.cortex_a9}),
 * the unit one operation is, the mean nanoseconds per unit over every measured iteration of every
 * fork, and JMH's error of that mean (half the 99.9 % confidence interval; NaN when too few
 * iterations were measured for one).
 */
record Row(String name, String unit, double nanos, double error, long samples) {

    /** Units per second. */
    double perSecond() { return 1e9 / nanos; }

    /** The error relative to the mean (0.05 = ±5 %). */
    double relativeError() { return Double.isNaN(error) ? Double.NaN : error / nanos; }

    static Row of(RunResult r, Map<String, String> contributedUnits) {
        BenchmarkParams p = r.getParams();
        Result<?> primary = r.getPrimaryResult();
        String method = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.', p.getBenchmark().lastIndexOf('.') - 1) + 1);
        String name;
        String unit;
        switch (method) {
            case "HostMemoryBench.access" -> { name = "host.memory-access"; unit = "host memory access"; }
            case "EngineEventBench.event" -> { name = "engine.event"; unit = "event"; }
            case "MemoryAccessBench.access" -> { name = "hw.access." + p.getParam("pattern") + "." + p.getParam("preset"); unit = "simulated access"; }
            case "ShortIpcBench.ipc" -> { name = "kernel.short-ipc.trace-" + p.getParam("trace"); unit = "one-way IPC"; }
            case "ScenarioLoadBench.load" -> { name = "dsl.load-10k-lines"; unit = "scenario load"; }
            case "SmpScalingBench.run" -> { name = "kernel.smp-4-pairs.cpus-" + p.getParam("cpus"); unit = "simulation of 4 x 2000 calls"; }
            case "ContributedBench.run" -> { name = p.getParam("name"); unit = contributedUnits.getOrDefault(name, "iteration"); }
            default -> { name = method; unit = "op"; }
        }
        return new Row(name, unit, primary.getScore(), primary.getScoreError(), primary.getSampleCount());
    }

    static Row find(Collection<Row> rows, String name) {
        for (Row r : rows) if (r.name().equals(name)) return r;
        return null;
    }
}
