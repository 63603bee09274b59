package dev.mkw.cli.bench;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.sim.bench.Benchmark;

/**
 * Scenario files parsed, linked, validated and translated per host second: a generated file
 * of 50 tasks with 100 threads ({@link #lines()} lines).
 */
public final class DslParseBenchmark implements Benchmark {
    private final String text;
    private final int lines;

    public DslParseBenchmark() {
        StringBuilder b = new StringBuilder("scenario Big\nmachine preset i486_50\nprotocol P { req label 1 words 2 }\n");
        for (int t = 0; t < 50; t++) {
            b.append("task t").append(t).append(" pager root {\n  thread a priority 100 {\n");
            b.append("    wait any as m : P.req\n    repeat 10 { reply-wait m words (m.w0 + 1, 2) as m }\n  }\n");
            b.append("  thread b priority 90 {\n    repeat 10 { call t").append(t).append(".a P.req words (1, 2) as r  compute 100 cycles }\n  }\n}\n");
        }
        b.append("run until all-done seed 1\n");
        text = b.toString();
        lines = (int) text.lines().count();
    }

    public static final String NAME = "dsl.load-scenario";

    @Override public String name() { return NAME; }
    @Override public String unit() { return "scenario loads"; }

    public int lines() { return lines; }

    @Override
    public long run(long iterations) {
        long sum = 0;
        ScenarioLoader loader = ScenarioLoader.standalone();
        for (long done = 0; done < iterations; done++) {
            LoadResult r = loader.load(text, "/bench/big.mkw");
            if (r.hasErrors()) throw new IllegalStateException(r.diagnostics().get(0).format());
            sum += r.scenario().tasks().size();
        }
        return sum;
    }
}
