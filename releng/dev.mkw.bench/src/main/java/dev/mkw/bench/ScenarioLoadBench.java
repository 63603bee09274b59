package dev.mkw.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.dsl.bench.ParseBenchmark;

/** Loading (parse, link, validate, translate) a generated scenario of about 10 000 lines; goal: under 1 s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScenarioLoadBench {
    static final int LINES = 10_000;
    private String text;
    private ScenarioLoader loader;

    @Setup
    public void setUp() {
        text = ParseBenchmark.scenario(LINES);
        loader = ScenarioLoader.standalone();
    }

    @Benchmark
    public Object load() {
        LoadResult r = loader.load(text, "/bench/generated.mkw");
        if (r.hasErrors()) throw new IllegalStateException(r.diagnostics().get(0).format());
        return r.scenario();
    }

    /** Lines of the generated scenario. */
    static int lines() {
        return (int) ParseBenchmark.scenario(LINES).lines().count();
    }
}
