package dev.mkw.cli.commands;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.run.VariantSettings;
import dev.mkw.cli.sweep.SweepEngine;
import dev.mkw.cli.sweep.SweepEngines;
import dev.mkw.cli.sweep.SweepJob;

/**
 * {@code mkw sweep FILE --vary key=v1,v2 ...}: the cross product of settings, one CSV row per
 * run, on this machine's threads ({@code --engine local}) or a Spark cluster ({@code --engine spark}).
 */
public final class SweepCommand implements Command {
    private static final Set<String> VALUED = valued();

    private static Set<String> valued() {
        Set<String> v = new HashSet<>(Set.of("vary", "set", "jobs", "out", "metric", "engine"));
        v.addAll(SweepEngines.CLUSTER_OPTIONS);
        return Set.copyOf(v);
    }

    @Override public String name() { return "sweep"; }

    @Override public String summary() { return "run a scenario over the cross product of settings; one CSV row per run"; }

    @Override public String help() {
        return "Usage: mkw sweep FILE.mkw --vary KEY=V1,V2,... [--vary ...] [--set KEY=VALUE ...] [--metric NAME ...] [--out results.csv]\n"
                + "                 [--engine local] [--jobs N]\n"
                + "                 [--engine spark [--master URL] [--parquet DIR] [--conf KEY=VALUE ...]]\n\n"
                + "Runs every combination of the --vary values (the first key varies slowest), each deterministic;\n"
                + "writes one CSV row per run (to stdout without --out). A run that fails records its error in its\n"
                + "row and the sweep goes on. --set KEY=VALUE fixes a setting for every run, as 'mkw run --set' does (its\n"
                + "column shows the value in every row). Keys are those of 'mkw run --set': "
                + String.join(", ", VariantSettings.KEYS.keySet()) + ";\n" + VariantSettings.MACHINE_FIELD_HELP + " (4K, 16KiB, 1M: powers of 1024);\n"
                + VariantSettings.PARAM_HELP + ".\n"
                + "Metrics: the standard set, or e.g. path:ipc.fastpath, path-count:pagefault, thread:client.ping, cache:L1.\n\n"
                + "Engines (the rows are the same, byte for byte, whichever runs them):\n"
                + "  --engine local    the default: N runs at a time on this machine's threads (--jobs, default: the cores)\n"
                + "  --engine spark    each run is a Spark task: --master local[*] | local[N] | spark://HOST:7077 | yarn | k8s://...\n"
                + "                    (default: the master spark-submit set, else local[*]); also writes Parquet to --parquet DIR\n"
                + "                    (default: the --out file with .parquet); --conf passes Spark settings. Started by the ./mkw\n"
                + "                    script from MKW's Spark application jar; Spark is not part of the headless product.\n"
                + "\nExit codes: 0 every run ok; 1 some run ended in an error (its row says which); 2 bad input.\n";
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, VALUED, Set.of());
        Path file = ctx.scenario(a.onePositional("a scenario file"));
        if (a.values("vary").isEmpty()) throw new CliException("'mkw sweep' needs at least one --vary KEY=V1,V2");
        SweepEngine engine = SweepEngines.find(a.value("engine", SweepEngines.DEFAULT));
        engine.check(a);
        SweepJob job = SweepJob.of(file, ScenarioRunner.load(file, ctx), a.values("set"), a.values("vary"), a.values("metric"));
        SweepEngine.Result result = engine.run(job, a, ctx,
                (done, total, status) -> ctx.err().printf("sweep: %d/%d %s%n", done, total, status));
        int status = job.table().statusColumn();
        long failures = result.rows().stream().filter(r -> !r.get(status).equals("ok")).count();
        try {
            if (a.has("out")) {
                Path out = ctx.resolve(a.value("out", ""));
                try (OutputStream o = Files.newOutputStream(out)) {
                    job.table().writeCsv(o, result.rows());
                }
                ctx.out().println("wrote " + result.rows().size() + " rows to " + out + " (" + failures + " failed)");
                for (String note : result.notes()) ctx.out().println(note);
            } else {
                job.table().writeCsv(ctx.out(), result.rows());
                ctx.out().flush();
                for (String note : result.notes()) ctx.err().println(note);
            }
        } catch (IOException e) {
            throw new CliException("cannot write the sweep results: " + e.getMessage());
        }
        for (String problem : result.problems()) ctx.err().println("mkw sweep: " + problem);
        return failures == 0 && result.problems().isEmpty() ? 0 : 1;
    }
}
