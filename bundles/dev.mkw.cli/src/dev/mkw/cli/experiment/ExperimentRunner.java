package dev.mkw.cli.experiment;

import java.util.List;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.ScenarioRunner;
import dev.mkw.cli.sweep.SweepEngine;
import dev.mkw.cli.sweep.SweepJob;
import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.sim.sweep.SweepRunner;

/**
 * Runs an experiment's sweep on a sweep engine ({@code --engine local}: host threads, in
 * parallel; {@code --engine spark}: Spark tasks), so an experiment's rows are exactly those
 * {@code mkw sweep} gives for the same settings, wherever they ran. {@link #runLocal} is the
 * same on this machine's threads for callers without a command line (the workbench, tests).
 */
public final class ExperimentRunner {
    private ExperimentRunner() {}

    static ExperimentResult run(ExperimentSpec spec, boolean reduced, SweepEngine engine, Args args, CliContext ctx, SweepEngine.Progress progress)
            throws CliException {
        SweepJob job = SweepJob.of(spec.scenario(), ScenarioRunner.load(spec.scenario(), ctx), spec.sweepSpecs(reduced), List.of(spec.metric()));
        SweepEngine.Result r = engine.run(job, args, ctx, progress);
        for (String problem : r.problems()) ctx.err().println("mkw experiment " + spec.id() + ": " + problem);
        return new ExperimentResult(spec, job, r.rows(), reduced);
    }

    /**
     * Run {@code spec} on {@code jobs} host threads, telling {@code progress} as runs finish.
     *
     * @throws CliException naming the scenario's errors (FILE:LINE:COL) or a bad axis; "interrupted" when the thread is
     */
    public static ExperimentResult runLocal(ExperimentSpec spec, boolean reduced, int jobs, SweepEngine.Progress progress) throws CliException {
        LoadResult loaded = ScenarioLoader.standalone().load(spec.scenario());
        if (loaded.hasErrors()) {
            throw new CliException(String.join("\n", loaded.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).map(Diagnostic::format).toList()));
        }
        SweepJob job = SweepJob.of(spec.scenario(), loaded.scenario(), spec.sweepSpecs(reduced), List.of(spec.metric()));
        try {
            var result = new SweepRunner(Math.max(1, jobs)).progress((done, total, o) -> progress.done(done, total, o.status())).run(job.sweep(), job.runner());
            return new ExperimentResult(spec, job, result.rows(job.table()), reduced);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("experiment " + spec.id() + " interrupted");
        }
    }
}
