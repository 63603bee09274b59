package dev.mkw.dsl.bench;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;

/**
 * Parse + validate + translate of a large generated scenario, for {@code ./mkw bench}
 * (the goal of issue 9: a 10 000-line scenario in under a second). Not a unit test: timings
 * belong to the bench report, not to pass/fail.
 */
public final class ParseBenchmark {
    private ParseBenchmark() {}

    /** The timing of one benchmark: lines of the scenario, rounds run and the best and mean round in milliseconds. */
    public record Result(int lines, int rounds, double bestMillis, double meanMillis) {
        @Override
        public String toString() {
            return String.format("dsl parse+validate+translate: %d lines, %d rounds, best %.1f ms, mean %.1f ms", lines, rounds, bestMillis, meanMillis);
        }
    }

    /** Loads a scenario of about {@code lines} lines {@code rounds} times after {@code warmup} unmeasured rounds. */
    public static Result run(ScenarioLoader loader, int lines, int warmup, int rounds) {
        String text = scenario(lines);
        int actual = (int) text.lines().count();
        for (int i = 0; i < warmup; i++) check(loader.load(text, "/bench/generated.mkw"));
        long best = Long.MAX_VALUE, total = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            check(loader.load(text, "/bench/generated.mkw"));
            long t = System.nanoTime() - t0;
            best = Math.min(best, t);
            total += t;
        }
        return new Result(actual, rounds, best / 1e6, total / 1e6 / Math.max(1, rounds));
    }

    private static void check(LoadResult r) {
        if (r.hasErrors()) throw new IllegalStateException("the generated benchmark scenario has errors: " + r.diagnostics().get(0).format());
    }

    /**
     * A valid scenario of about {@code lines} lines: client/server task pairs, each client
     * calling its server in a loop with map items, compute and memory touches.
     */
    public static String scenario(int lines) {
        StringBuilder b = new StringBuilder(lines * 40);
        b.append("scenario Generated \"generated for the parse benchmark\"\n");
        b.append("machine preset i486_50 { cpus 1 }\n");
        b.append("kernel { scheduling lazy tcb-lookup virtual-array fastpath on }\n");
        b.append("protocol P {\n  request label 1 words 2\n  answer label 2 words 1\n}\n");
        int pairs = Math.max(1, lines / 28);
        for (int i = 0; i < pairs; i++) {
            b.append("task server").append(i).append(" pager root {\n");
            b.append("  region 0x100000 size 64K rw\n");
            b.append("  thread t priority 100 {\n");
            b.append("    wait any as req : P.request\n");
            b.append("    repeat forever {\n");
            b.append("      if req.w0 > 10 {\n        compute 50 cycles\n      } else {\n        compute 20 cycles\n      }\n");
            b.append("      reply-wait req P.answer words (req.w0 + req.w1) as req\n");
            b.append("    }\n  }\n}\n");
            b.append("task client").append(i).append(" pager root {\n");
            b.append("  region 0x10000 size 64K rw\n");
            b.append("  thread t priority 90 cpu 0 {\n");
            b.append("    let x = 3\n");
            b.append("    repeat 100 as i {\n");
            b.append("      call server").append(i).append(".t P.request words (i, x) as answer timeout 5000 cycles\n");
            b.append("      compute 200 cycles\n");
            b.append("      touch 0x10000 .. 0x20000 stride 4K write\n");
            b.append("      load 0x10000 + i * 4\n");
            b.append("    }\n    exit\n  }\n}\n");
        }
        b.append("run until all-done seed 1 trace off\n");
        return b.toString();
    }

    /** {@code java dev.mkw.dsl.bench.ParseBenchmark [lines] [rounds]} from plain jars. */
    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println(run(ScenarioLoader.standalone(), lines, 3, rounds));
    }
}
