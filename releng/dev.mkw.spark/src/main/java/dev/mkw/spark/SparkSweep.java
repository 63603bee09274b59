package dev.mkw.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.mkw.cli.CliContext;
import dev.mkw.cli.Mkw;

/**
 * The application jar's main class, for {@code spark-submit} and {@code ./mkw sweep ... --engine spark}:
 * {@code mkw sweep} with the Spark engine, so
 * {@code spark-submit --master spark://lab1:7077 mkw-spark.jar ping-pong.mkw --vary ... --out r.csv}
 * runs like {@code ./mkw sweep}. A leading {@code sweep} is accepted, and a leading
 * {@code experiment} runs {@code mkw experiment} with the Spark engine; {@code --engine local}
 * runs on the driver's threads (the same jar, for comparisons).
 */
public final class SparkSweep {
    private SparkSweep() {}

    public static void main(String[] args) {
        Phases.mark("main");
        int code = run(Arrays.asList(args), CliContext.fromSystem(System.out, System.err));
        Phases.mark("done");
        System.exit(code);
    }

    static int run(List<String> args, CliContext ctx) {
        List<String> argv = new ArrayList<>(args);
        // ./mkw experiment ... --engine spark comes here too: the experiment's sweep runs as Spark tasks.
        String command = !argv.isEmpty() && argv.get(0).equals("experiment") ? "experiment" : "sweep";
        if (!argv.isEmpty() && argv.get(0).equals(command)) argv.remove(0);
        boolean engineGiven = argv.stream().anyMatch(a -> a.equals("--engine") || a.startsWith("--engine="));
        argv.add(0, command);
        if (!engineGiven) argv.addAll(List.of("--engine", "spark"));
        // Spark may start while the scenario loads (EarlySession); whatever no sweep took is stopped here.
        EarlySession.allow();
        try {
            return new Mkw().run(argv, ctx);
        } finally {
            EarlySession.discard();
        }
    }
}
