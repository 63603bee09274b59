package dev.mkw.cli.commands;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.cli.VariantSettings;
import dev.mkw.scenario.Scenario;
import dev.mkw.sim.sweep.Metric;
import dev.mkw.sim.sweep.Metrics;
import dev.mkw.sim.sweep.Sweep;
import dev.mkw.sim.sweep.SweepResult;
import dev.mkw.sim.sweep.SweepRunner;

/** {@code mkw sweep FILE --vary key=v1,v2 ...}: the cross product of settings, one CSV row per run. */
public final class SweepCommand implements Command {
    @Override public String name() { return "sweep"; }

    @Override public String summary() { return "run a scenario over the cross product of settings; one CSV row per run"; }

    @Override public String help() {
        return "Usage: mkw sweep FILE.mkw --vary KEY=V1,V2,... [--vary ...] [--jobs N] [--metric NAME ...] [--out results.csv]\n\n"
                + "Runs every combination of the --vary values (the first key varies slowest), N runs at a time,\n"
                + "each deterministic; writes one CSV row per run (to stdout without --out). A run that fails records\n"
                + "its error in its row and the sweep goes on. Keys are those of 'mkw run --set': "
                + String.join(", ", VariantSettings.KEYS.keySet()) + ".\n"
                + "Metrics: the standard set, or e.g. path:ipc.fastpath, path-count:pagefault, thread:client.ping, cache:L1.\n";
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, Set.of("vary", "jobs", "out", "metric"), Set.of());
        Path file = ctx.scenario(a.onePositional("a scenario file"));
        if (a.values("vary").isEmpty()) throw new CliException("'mkw sweep' needs at least one --vary KEY=V1,V2");
        Scenario base = ScenarioRunner.load(file, ctx);
        Sweep sweep;
        try {
            sweep = Sweep.parse(a.values("vary"));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        for (String key : sweep.keys()) {
            if (!VariantSettings.KEYS.containsKey(key)) throw new CliException("unknown setting '" + key + "'; known: " + String.join(", ", VariantSettings.KEYS.keySet()));
        }
        List<Metric> metrics = new ArrayList<>();
        if (a.values("metric").isEmpty()) metrics.addAll(Metrics.standard());
        for (String m : a.values("metric")) metrics.add(Metrics.parse(m));
        int jobs = (int) a.longValue("jobs", Runtime.getRuntime().availableProcessors());
        SweepResult result;
        try {
            result = new SweepRunner(Math.max(1, jobs))
                    .progress((done, total, o) -> ctx.err().printf("sweep: %d/%d %s%n", done, total, o.status()))
                    .run(sweep, params -> run(base, params));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("sweep interrupted");
        }
        try {
            if (a.has("out")) {
                Path out = ctx.resolve(a.value("out", ""));
                try (OutputStream o = Files.newOutputStream(out)) {
                    result.writeCsv(o, metrics);
                }
                ctx.out().println("wrote " + result.outcomes().size() + " rows to " + out + " (" + result.failures() + " failed)");
            } else {
                result.writeCsv(ctx.out(), metrics);
                ctx.out().flush();
            }
        } catch (IOException e) {
            throw new CliException("cannot write the sweep results: " + e.getMessage());
        }
        return result.failures() == 0 ? 0 : 1;
    }

    private static dev.mkw.sim.report.RunReport run(Scenario base, Map<String, String> params) {
        try {
            return ScenarioRunner.run(ScenarioRunner.with(base, params));
        } catch (CliException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
